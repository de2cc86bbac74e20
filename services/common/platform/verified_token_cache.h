#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "absl/time/time.h"
#include "jwt.h"
#include "lru_cache.h"

namespace ekinerja::auth {

// Access tokens a verifier has already accepted, so that a token's ES256 signature is checked
// once per process rather than on every call (as Envoy's jwt_authn `jwt_cache_config`). The
// services' JwtTokenVerifier and the gateway's JwtCheck each own one; the issuer and audience they
// verify against are fixed for their lifetime, so a cached entry means "verified with this
// configuration".
//
// An entry is keyed by the SHA-256 of the whole token text (a token differing in one byte is a
// different key) and holds the verified claims. It serves only while `now` is before the token's
// exp: from exp on, Find misses and the caller verifies again, and the verifier refuses the token
// once exp and its leeway have passed. Failures are never cached; only the caller's successful
// verifications go in.
//
// A token stays accepted until its exp even when its signing key leaves the JWKS afterwards (a key
// rotation or withdrawal), as with Envoy: access tokens live minutes (identity's
// --access_token_ttl_seconds), and that is the window a withdrawn key keeps for tokens already
// seen. A process that must stop them sooner restarts.
//
// Bounded: at most `capacity` entries, the least recently used evicted first (expired entries go
// when found or when evicted); 0 disables the cache. Thread-safe (one mutex: a hit is a hash
// lookup and a list splice, far below the ~100 µs of an ES256 verification).
class VerifiedTokenCache {
 public:
  static constexpr size_t kDefaultCapacity = 10000;

  explicit VerifiedTokenCache(size_t capacity = kDefaultCapacity);
  VerifiedTokenCache(const VerifiedTokenCache&) = delete;
  VerifiedTokenCache& operator=(const VerifiedTokenCache&) = delete;

  // The claims verified for exactly this token, when cached and now < their exp; null otherwise.
  // A hit makes the entry the most recently used; an expired entry is dropped.
  std::shared_ptr<const Claims> Find(std::string_view token, absl::Time now);

  // Remembers the claims of a token the caller has just verified. Nothing is kept when the token
  // has already expired at `now` or the capacity is 0. Returns what a later Find will return
  // (the claims, shared), so the caller can use them without another copy.
  std::shared_ptr<const Claims> Insert(std::string_view token, Claims claims, absl::Time now);

  size_t capacity() const { return entries_.capacity(); }
  size_t size() const { return entries_.size(); }
  // Finds that returned claims / returned null, since construction.
  uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  using Digest = std::array<unsigned char, 32>;  // SHA-256
  struct Entry {
    absl::Time exp;
    std::shared_ptr<const Claims> claims;
  };

  static Digest DigestOf(std::string_view token);

  LruCache<Digest, Entry> entries_;
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> misses_{0};
};

}  // namespace ekinerja::auth

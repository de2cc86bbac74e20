#include "verified_token_cache.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <optional>
#include <utility>

namespace ekinerja::auth {

VerifiedTokenCache::VerifiedTokenCache(size_t capacity) : entries_(capacity) {}

VerifiedTokenCache::Digest VerifiedTokenCache::DigestOf(std::string_view token) {
  Digest digest;
  unsigned int len = 0;
  if (EVP_Digest(token.data(), token.size(), digest.data(), &len, EVP_sha256(), nullptr) != 1 ||
      len != digest.size()) {
    std::abort();  // Only fails when OpenSSL cannot allocate or SHA-256 is missing.
  }
  return digest;
}

std::shared_ptr<const Claims> VerifiedTokenCache::Find(std::string_view token, absl::Time now) {
  if (entries_.capacity() == 0) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  const Digest digest = DigestOf(token);
  std::shared_ptr<const Claims> found;
  if (std::optional<Entry> e = entries_.Find(digest)) {
    if (now < e->exp) {
      found = std::move(e->claims);
    } else {
      entries_.EraseIf(digest, [&](const Entry& x) { return !(now < x.exp); });
    }
  }
  (found ? hits_ : misses_).fetch_add(1, std::memory_order_relaxed);
  return found;
}

std::shared_ptr<const Claims> VerifiedTokenCache::Insert(std::string_view token, Claims claims,
                                                         absl::Time now) {
  const absl::Time exp = absl::FromUnixSeconds(claims.exp);
  auto shared = std::make_shared<const Claims>(std::move(claims));
  if (entries_.capacity() == 0 || !(now < exp)) return shared;
  // Two calls that verified the same token at once keep one entry, the latest claims.
  entries_.Insert(DigestOf(token), Entry{exp, shared});
  return shared;
}

}  // namespace ekinerja::auth

#include "verified_token_cache.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <utility>

namespace ekinerja::auth {

VerifiedTokenCache::VerifiedTokenCache(size_t capacity) : capacity_(capacity) {}

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
  if (capacity_ == 0) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  const Digest digest = DigestOf(token);  // outside the lock
  std::shared_ptr<const Claims> found;
  {
    absl::MutexLock lock(&mu_);
    if (auto it = index_.find(digest); it != index_.end()) {
      if (now < it->second->exp) {
        lru_.splice(lru_.begin(), lru_, it->second);
        found = it->second->claims;
      } else {
        lru_.erase(it->second);
        index_.erase(it);
      }
    }
  }
  (found ? hits_ : misses_).fetch_add(1, std::memory_order_relaxed);
  return found;
}

std::shared_ptr<const Claims> VerifiedTokenCache::Insert(std::string_view token, Claims claims,
                                                         absl::Time now) {
  const absl::Time exp = absl::FromUnixSeconds(claims.exp);
  auto shared = std::make_shared<const Claims>(std::move(claims));
  if (capacity_ == 0 || !(now < exp)) return shared;
  const Digest digest = DigestOf(token);

  absl::MutexLock lock(&mu_);
  if (auto it = index_.find(digest); it != index_.end()) {
    // Two calls verified the same token at once: keep one entry, the latest claims.
    it->second->exp = exp;
    it->second->claims = shared;
    lru_.splice(lru_.begin(), lru_, it->second);
    return shared;
  }
  lru_.push_front(Entry{digest, exp, shared});
  index_.emplace(digest, lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().digest);
    lru_.pop_back();
  }
  return shared;
}

size_t VerifiedTokenCache::size() const {
  absl::MutexLock lock(&mu_);
  return lru_.size();
}

}  // namespace ekinerja::auth

#pragma once

// A bounded map that forgets its least recently used entry first: the one LRU behind the
// services' caches (the verified-token cache, identity's org cache). Thread-safe; one mutex, held
// for a hash lookup and a list splice. Values are copied out, so they should be cheap to copy
// (a shared_ptr to something immutable, and a few scalars).

#include <cstddef>
#include <list>
#include <optional>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace ekinerja {

template <typename Key, typename Value>
class LruCache {
 public:
  // At most `capacity` entries; 0 keeps nothing (every Find misses).
  explicit LruCache(size_t capacity) : capacity_(capacity) {}
  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  // The value under `key`, which becomes the most recently used; nullopt when there is none.
  std::optional<Value> Find(const Key& key) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }

  // Sets `key` to `value` (replacing what was there) as the most recently used, and evicts the
  // least recently used entries beyond the capacity.
  void Insert(const Key& key, Value value) ABSL_LOCKS_EXCLUDED(mu_) {
    if (capacity_ == 0) return;
    absl::MutexLock lock(&mu_);
    if (auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(value);
      lru_.splice(lru_.begin(), lru_, it->second);
      return;
    }
    lru_.emplace_front(key, std::move(value));
    index_.emplace(key, lru_.begin());
    while (lru_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
  }

  // Drops `key` if `stale(value)` holds for its value (checked under the lock, so that an entry
  // another thread has just replaced is judged, not the one the caller saw).
  template <typename Pred>
  void EraseIf(const Key& key, Pred stale) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    auto it = index_.find(key);
    if (it == index_.end() || !stale(it->second->second)) return;
    lru_.erase(it->second);
    index_.erase(it);
  }

  size_t capacity() const { return capacity_; }
  size_t size() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return lru_.size();
  }

 private:
  using Entries = std::list<std::pair<Key, Value>>;  // most recently used first

  const size_t capacity_;
  mutable absl::Mutex mu_;
  Entries lru_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<Key, typename Entries::iterator> index_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja

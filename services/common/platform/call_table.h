#pragma once

// What an interceptor found out about a call, kept for that call's handler: keyed by the call's
// ServerContext, set by the interceptor, read by the handler, erased when the interceptor (and so
// the call) ends. One per kind of finding (auth.cc: the caller, bad request text; admission.cc:
// a shed call's status).

#include <optional>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace ekinerja {

template <typename T>
class CallTable {
 public:
  void Set(const void* call, T value) {
    absl::MutexLock lock(&mu_);
    map_.insert_or_assign(call, std::move(value));
  }
  void Erase(const void* call) {
    absl::MutexLock lock(&mu_);
    map_.erase(call);
  }
  // What was set for `call`, if anything.
  std::optional<T> Get(const void* call) const {
    absl::MutexLock lock(&mu_);
    auto it = map_.find(call);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<const void*, T> map_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja

#pragma once

// Wakes the inbox watchers of this replica when a sweep committed new warnings, so that a
// console's badge moves at once; watchers also poll (another replica's sweep does not wake them).

#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace ekinerja::warning {

class InboxSignal {
 public:
  // New warnings are committed.
  void Notify() {
    absl::MutexLock lock(&mu_);
    ++generation_;
  }
  uint64_t generation() {
    absl::MutexLock lock(&mu_);
    return generation_;
  }
  // Waits until the generation moves past `seen` or `timeout` passes; the generation then.
  uint64_t WaitPast(uint64_t seen, absl::Duration timeout) {
    absl::MutexLock lock(&mu_);
    const auto moved = [this, seen]()
                           ABSL_SHARED_LOCKS_REQUIRED(mu_) { return generation_ != seen; };
    mu_.AwaitWithTimeout(absl::Condition(&moved), timeout);
    return generation_;
  }

 private:
  absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace ekinerja::warning

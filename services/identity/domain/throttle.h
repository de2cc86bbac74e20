#pragma once

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace ekinerja::identity {

// How long logins of one account from one source are held back after its `failures`-th failed
// login in a row (DESIGN §5: throttled per account and per source). None before `free_failures`;
// then `first`, doubling with each further failure, at most `max`. Per source, so that whoever
// knows a NIP cannot keep its owner out from everywhere (issue 8); growing, so that a guesser
// gets a handful of tries an hour rather than a fresh window every few minutes.
absl::Duration LoginBackoff(int failures, int free_failures, absl::Duration first,
                            absl::Duration max);

// Throttles failed logins per source (client address): at most `max_failures` within a window;
// then the source waits for the window to pass. Complements the per-account lockout, which stops
// guessing one password, by stopping one source from trying many accounts. Kept per replica.
class SourceThrottle {
 public:
  SourceThrottle(int max_failures, absl::Duration window)
      : max_failures_(max_failures), window_(window) {}

  bool Allowed(const std::string& source, absl::Time now);
  void RecordFailure(const std::string& source, absl::Time now);

 private:
  struct Window {
    absl::Time start;
    int failures = 0;
  };
  void DropExpired(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const int max_failures_;
  const absl::Duration window_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Window> windows_ ABSL_GUARDED_BY(mu_);
  absl::Time last_sweep_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace ekinerja::identity

#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "jwt.h"

namespace ekinerja::auth {

// The verification keys of identity's JWKS, fetched on first use and kept fresh (DESIGN.md §4):
// refetched when older than max_age, and when a token names a kid the cached set lacks (the
// signing key rotated), but never more often than min_refetch_gap for that reason, nor after a
// failed fetch, so bad tokens cannot turn into a flood of fetches. A failed refresh keeps the keys
// already cached. Thread-safe; one fetch runs at a time and verifications with the cached keys do
// not wait for it.
class JwksCache {
 public:
  using Fetch = std::function<absl::StatusOr<std::vector<PublicJwk>>()>;
  using Clock = std::function<absl::Time()>;

  explicit JwksCache(Fetch fetch, absl::Duration max_age = absl::Minutes(5),
                     absl::Duration min_refetch_gap = absl::Seconds(10), Clock clock = &absl::Now);

  JwksCache(const JwksCache&) = delete;
  JwksCache& operator=(const JwksCache&) = delete;

  // KeySet::Verify with the cached keys. UNAVAILABLE when no keys could be fetched yet; otherwise
  // UNAUTHENTICATED (see KeySet::Verify) for a token they do not accept.
  absl::StatusOr<Claims> Verify(std::string_view token, const VerifyOptions& options);

 private:
  struct Snapshot {
    std::shared_ptr<const KeySet> keys;  // null until the first successful fetch
    absl::Time fetched_at;               // of `keys`
    absl::Time attempted_at;             // last fetch, successful or not
    uint64_t attempts = 0;
  };
  Snapshot Read() const ABSL_LOCKS_EXCLUDED(mu_);
  // Fetches unless another thread fetched since `seen` was read; returns the state afterwards.
  Snapshot Refresh(const Snapshot& seen) ABSL_LOCKS_EXCLUDED(mu_, fetch_mu_);

  const Fetch fetch_;
  const absl::Duration max_age_;
  const absl::Duration min_refetch_gap_;
  const Clock clock_;

  absl::Mutex fetch_mu_ ABSL_ACQUIRED_BEFORE(mu_);  // held across a fetch: one at a time
  mutable absl::Mutex mu_;
  std::shared_ptr<const KeySet> keys_ ABSL_GUARDED_BY(mu_);
  absl::Time fetched_at_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  absl::Time attempted_at_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  uint64_t attempts_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status last_error_ ABSL_GUARDED_BY(mu_);  // of the last failed fetch
};

}  // namespace ekinerja::auth

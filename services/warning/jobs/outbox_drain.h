#pragma once

// The worker that drains the outbox (sql/V002__outbox.sql) to each tenant's webhook: it claims the
// due rows (leased, so that no two replicas send one at the same time and a crashed worker's rows
// are sent again after the lease) and POSTs each payload with
//   Content-Type: application/json
//   Idempotency-Key: <the row's key>            the relay delivers a key once
//   X-Ekinerja-Tenant: <tenant>
//   X-Ekinerja-Timestamp: <unix seconds>
//   X-Ekinerja-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the secret>
// A 2xx answer marks it DELIVERED; anything else, or no answer, schedules the next attempt
// min(cap, base * 2^(attempts-1)) later with full jitter (a uniform fraction of that), until its
// expire_time, when it goes to the dead letters. Delivery is at least once (a worker may die
// between the relay's 200 and the mark); the idempotency key lets the relay make it exactly once.
//
// Each tenant is rate limited by a token bucket of rate_per_minute (a minute's worth at most in a
// burst). The buckets are this replica's: n replicas may send n times the rate.

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "db.h"
#include "http_client.h"
#include "store/outbox_store.h"

namespace prometheus {
class Counter;
class Gauge;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::warning {

// The outbox's metrics (DESIGN §4):
// - ekinerja_warning_deliveries_total{outcome}: POSTs answered 2xx ("delivered"), failed
//   ("failed": another answer or none), and rows that expired ("dead");
// - ekinerja_warning_outbox_depth{tenant}: PENDING rows;
// - ekinerja_warning_outbox_oldest_seconds{tenant}: age of the oldest PENDING row.
// Every replica counts the same shared table for the gauges (dashboards take max, not sum).
class OutboxMetrics {
 public:
  explicit OutboxMetrics(prometheus::Registry& registry);
  OutboxMetrics(const OutboxMetrics&) = delete;
  OutboxMetrics& operator=(const OutboxMetrics&) = delete;

  void Delivery(const std::string& outcome, int n = 1);
  // The queue as counted at `now`; tenants seen before and absent now (their webhook removed and
  // their queue empty) are set to 0.
  void Queue(const std::vector<store::QueueStats>& stats, absl::Time now);

 private:
  prometheus::Family<prometheus::Counter>& deliveries_;
  prometheus::Family<prometheus::Gauge>& depth_;
  prometheus::Family<prometheus::Gauge>& oldest_;
  absl::Mutex mu_;
  std::set<std::string> tenants_ ABSL_GUARDED_BY(mu_);
};

struct OutboxDrainOptions {
  // Between passes of the thread Start() runs.
  absl::Duration every = absl::Seconds(5);
  // Rows claimed at once per tenant. With `post_timeout` it bounds how long a claim's rows wait to
  // be sent: keep batch * post_timeout well under `lease`.
  int batch = 10;
  absl::Duration lease = absl::Minutes(2);
  absl::Duration post_timeout = absl::Seconds(10);
  absl::Duration backoff_base = absl::Seconds(10);
  absl::Duration backoff_cap = absl::Minutes(30);
  // Injectable for tests: the instant (rows due, leases, signatures' timestamps, buckets) and a
  // uniform fraction in [0, 1] (the jitter). Null: absl::Now and a random generator.
  std::function<absl::Time()> clock;
  std::function<double()> random;
};

// What one pass did.
struct DrainResult {
  int delivered = 0, failed = 0, dead = 0;
  // Rows claimed then released unsent (the lease ran short).
  int released = 0;
};

class OutboxDrain {
 public:
  // `pool` and `metrics` must outlive the drain.
  OutboxDrain(db::Pool& pool, OutboxMetrics& metrics, OutboxDrainOptions options);
  // Stop().
  ~OutboxDrain();
  OutboxDrain(const OutboxDrain&) = delete;
  OutboxDrain& operator=(const OutboxDrain&) = delete;

  // Runs DrainOnce every `every` on a thread of its own (a failed pass is logged) until Stop().
  void Start();
  // Waits for the pass in progress to end. Idempotent.
  void Stop();

  // One pass: expires what is due to die, then claims and sends what each tenant's bucket allows.
  // An error of the database ends the pass (rows claimed and not yet sent are sent again after
  // their lease); a failed POST does not.
  absl::StatusOr<DrainResult> DrainOnce();

  // The request the drain sends for `row` under `webhook` at `now` (tests replay it as a worker
  // that died after the POST would have).
  static HttpPostRequest RequestFor(const store::OutboxRow& row, const store::WebhookRow& webhook,
                                    absl::Time now, absl::Duration timeout);
  // The delay before the next attempt after `attempts` failed ones, jittered by `fraction` in
  // [0, 1]: fraction * min(cap, base * 2^(attempts-1)).
  static absl::Duration Backoff(int attempts, absl::Duration base, absl::Duration cap,
                                double fraction);

 private:
  // A tenant's token bucket: `rate_per_minute` tokens a minute, at most that many saved.
  struct Bucket {
    int rate_per_minute = 0;
    double tokens = 0;
    absl::Time updated;
  };
  absl::Mutex mu_;  // one pass at a time per drain; the buckets
  std::map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);

  // Tokens available to `webhook`'s tenant at `now` (refilled and resized to its current rate).
  int Available(const store::WebhookRow& webhook, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Take(const std::string& tenant) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  db::Pool& pool_;
  OutboxMetrics& metrics_;
  const OutboxDrainOptions options_;
  std::unique_ptr<absl::Notification> stop_;
  std::thread thread_;
};

}  // namespace ekinerja::warning

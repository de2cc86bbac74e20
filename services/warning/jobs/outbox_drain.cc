#include "jobs/outbox_drain.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "crypto.h"
#include "log.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/registry.h"
#include "status.h"

namespace ekinerja::warning {

OutboxMetrics::OutboxMetrics(prometheus::Registry& registry)
    : deliveries_(prometheus::BuildCounter()
                      .Name("ekinerja_warning_deliveries_total")
                      .Help("Outbox deliveries to the tenants' webhooks by outcome")
                      .Register(registry)),
      depth_(prometheus::BuildGauge()
                 .Name("ekinerja_warning_outbox_depth")
                 .Help("Notifications waiting in the outbox")
                 .Register(registry)),
      oldest_(prometheus::BuildGauge()
                  .Name("ekinerja_warning_outbox_oldest_seconds")
                  .Help("Age of the oldest notification waiting in the outbox")
                  .Register(registry)) {}

void OutboxMetrics::Delivery(const std::string& outcome, int n) {
  if (n > 0) deliveries_.Add({{"outcome", outcome}}).Increment(n);
}

void OutboxMetrics::Queue(const std::vector<store::QueueStats>& stats, absl::Time now) {
  absl::MutexLock lock(&mu_);
  std::set<std::string> now_seen;
  for (const store::QueueStats& s : stats) {
    depth_.Add({{"tenant", s.tenant_id}}).Set(static_cast<double>(s.depth));
    oldest_.Add({{"tenant", s.tenant_id}})
        .Set(s.oldest_created ? std::max(0.0, absl::ToDoubleSeconds(now - *s.oldest_created)) : 0);
    now_seen.insert(s.tenant_id);
  }
  // An emptied queue reads 0, not its last depth.
  for (const std::string& tenant : tenants_) {
    if (now_seen.count(tenant) > 0) continue;
    depth_.Add({{"tenant", tenant}}).Set(0);
    oldest_.Add({{"tenant", tenant}}).Set(0);
  }
  tenants_.insert(now_seen.begin(), now_seen.end());
}

namespace {

std::function<double()> DefaultRandom() {
  auto gen = std::make_shared<absl::BitGen>();
  // Called under the drain's mutex only, so one generator needs no lock of its own.
  return [gen] { return absl::Uniform(absl::IntervalClosed, *gen, 0.0, 1.0); };
}

OutboxDrainOptions WithDefaults(OutboxDrainOptions options) {
  if (!options.clock) options.clock = [] { return absl::Now(); };
  if (!options.random) options.random = DefaultRandom();
  options.batch = std::max(1, options.batch);
  return options;
}

// The relay's answer as last_error: enough to tell a 401 (the secrets differ) from a 503.
std::string ErrorOf(const absl::StatusOr<HttpPostResponse>& response) {
  if (!response.ok()) return std::string(response.status().ToString());
  return absl::StrCat("HTTP ", response->status, ": ", response->body.substr(0, 200));
}

}  // namespace

OutboxDrain::OutboxDrain(db::Pool& pool, OutboxMetrics& metrics, OutboxDrainOptions options)
    : pool_(pool), metrics_(metrics), options_(WithDefaults(std::move(options))) {}

OutboxDrain::~OutboxDrain() { Stop(); }

void OutboxDrain::Start() {
  if (thread_.joinable()) return;
  stop_ = std::make_unique<absl::Notification>();
  thread_ = std::thread([this] {
    do {
      if (absl::StatusOr<DrainResult> r = DrainOnce(); !r.ok()) {
        LogError("draining the outbox", {{"error", r.status().ToString()}});
      }
    } while (!stop_->WaitForNotificationWithTimeout(options_.every));
  });
}

void OutboxDrain::Stop() {
  if (!thread_.joinable()) return;
  stop_->Notify();
  thread_.join();
}

HttpPostRequest OutboxDrain::RequestFor(const store::OutboxRow& row,
                                        const store::WebhookRow& webhook, absl::Time now,
                                        absl::Duration timeout) {
  const std::string timestamp = absl::StrCat(absl::ToUnixSeconds(now));
  HttpPostRequest request;
  request.url = webhook.url;
  request.body = row.payload;
  request.timeout = timeout;
  // The timestamp is signed with the body, so that a relay refusing old timestamps cannot be fed
  // a captured request again later.
  request.headers = {
      {"Content-Type", "application/json"},
      {"Idempotency-Key", row.idempotency_key},
      {"X-Ekinerja-Tenant", row.tenant_id},
      {"X-Ekinerja-Timestamp", timestamp},
      {"X-Ekinerja-Signature",
       absl::StrCat("sha256=", auth::HmacSha256Hex(webhook.secret,
                                                   absl::StrCat(timestamp, ".", row.payload)))},
  };
  return request;
}

absl::Duration OutboxDrain::Backoff(int attempts, absl::Duration base, absl::Duration cap,
                                    double fraction) {
  const int doublings = std::clamp(attempts - 1, 0, 30);  // 2^30 * base is past any cap
  const absl::Duration ceiling = std::min(cap, base * (int64_t{1} << doublings));
  return ceiling * std::clamp(fraction, 0.0, 1.0);
}

int OutboxDrain::Available(const store::WebhookRow& webhook, absl::Time now) {
  Bucket& b = buckets_[webhook.tenant_id];
  if (b.rate_per_minute == 0) {  // new: a full minute's worth
    b.tokens = webhook.rate_per_minute;
    b.updated = now;
  }
  b.rate_per_minute = webhook.rate_per_minute;
  if (now > b.updated) {
    b.tokens += absl::ToDoubleMinutes(now - b.updated) * b.rate_per_minute;
    b.updated = now;
  }
  b.tokens = std::min<double>(b.tokens, b.rate_per_minute);
  return static_cast<int>(std::floor(b.tokens));
}

void OutboxDrain::Take(const std::string& tenant) { buckets_[tenant].tokens -= 1; }

absl::StatusOr<DrainResult> OutboxDrain::DrainOnce() {
  absl::MutexLock lock(&mu_);
  DrainResult result;
  const absl::Time start = options_.clock();

  std::vector<std::string> expired;
  std::vector<store::WebhookRow> due;
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
    expired = store::ExpireDue(tx, start);
    due = store::DueTenants(tx, start);
    return absl::OkStatus();
  }));
  result.dead = static_cast<int>(expired.size());
  metrics_.Delivery("dead", result.dead);

  for (const store::WebhookRow& webhook : due) {
    const int allowed = std::min(options_.batch, Available(webhook, options_.clock()));
    if (allowed == 0) continue;  // its bucket is empty: next pass
    const absl::Time now = options_.clock();
    const absl::Time lease_until = now + options_.lease;
    std::vector<store::OutboxRow> rows;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      rows = store::Claim(tx, webhook.tenant_id, now, allowed, lease_until);
      return absl::OkStatus();
    }));

    for (size_t i = 0; i < rows.size(); ++i) {
      const store::OutboxRow& row = rows[i];
      const absl::Time sent = options_.clock();
      if (sent + options_.post_timeout > lease_until) {
        // Too little lease left to be sure no other worker takes the row while we send it.
        EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
          for (size_t j = i; j < rows.size(); ++j) {
            result.released += store::Release(tx, rows[j].tenant_id, rows[j].id, lease_until);
          }
          return absl::OkStatus();
        }));
        break;
      }
      Take(webhook.tenant_id);
      absl::StatusOr<HttpPostResponse> response =
          PostHttp(RequestFor(row, webhook, sent, options_.post_timeout));
      const bool ok = response.ok() && response->status >= 200 && response->status < 300;
      const absl::Time answered = options_.clock();
      EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
        if (ok) {
          store::MarkDelivered(tx, row.tenant_id, row.id, answered);
        } else {
          const absl::Duration delay =
              Backoff(row.attempts, options_.backoff_base, options_.backoff_cap, options_.random());
          store::MarkFailed(tx, row.tenant_id, row.id, lease_until, answered + delay,
                            ErrorOf(response));
        }
        return absl::OkStatus();
      }));
      if (ok) {
        ++result.delivered;
      } else {
        ++result.failed;
        LogWarn("webhook delivery failed", {{"tenant", row.tenant_id},
                                            {"key", row.idempotency_key},
                                            {"error", ErrorOf(response)}});
      }
      metrics_.Delivery(ok ? "delivered" : "failed");
    }
  }

  std::vector<store::QueueStats> stats;
  EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    stats = store::Stats(tx);
    return absl::OkStatus();
  }));
  metrics_.Queue(stats, options_.clock());
  return result;
}

}  // namespace ekinerja::warning

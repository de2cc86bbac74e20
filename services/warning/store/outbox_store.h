#pragma once

// The outbox of outbound notifications and the tenants' webhooks (sql/V002__outbox.sql, statements
// in sql/queries_outbox.sql). Functions take the caller's transaction, so that the sweep enqueues
// in the transaction that writes the warning. Instants are the caller's (the drain's clock), never
// the database's now(), so that tests drive time.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "db.h"

namespace ekinerja::warning::store {

struct WebhookRow {
  std::string tenant_id;
  std::string url;     // http://host:port/path
  std::string secret;  // the HMAC key, as given
  int rate_per_minute = 60;
  int expiry_hours = 72;
  absl::Time update_time;
};

struct OutboxRow {
  std::string tenant_id;
  int64_t id = 0;
  std::string idempotency_key;
  std::string payload;  // JSON text, as Postgres writes jsonb
  std::string state;    // PENDING, DELIVERED, DEAD
  int attempts = 0;
  absl::Time next_attempt_time;
  std::optional<absl::Time> lease_until;
  std::string last_error;
  absl::Time create_time;
  std::optional<absl::Time> deliver_time;
  absl::Time expire_time;
};

// Queues a notification unless `idempotency_key` is queued already for the tenant; whether it
// was queued now.
bool Enqueue(db::Tx& tx, const std::string& tenant, const std::string& idempotency_key,
             const std::string& payload_json, absl::Time expire_time);

// Moves the PENDING rows whose expire_time is not after `now` (and that no worker holds) to
// DEAD; the tenant of each row moved.
std::vector<std::string> ExpireDue(db::Tx& tx, absl::Time now);

// The webhooks of the tenants that have a row due at `now`, by tenant.
std::vector<WebhookRow> DueTenants(db::Tx& tx, absl::Time now);

// Leases up to `limit` rows due at `now`, of `tenant` ("" for every tenant with a webhook), until
// `lease_until`, counting an attempt on each; oldest due first. A row leased by another worker
// (committed or in flight) is never returned, until its lease is over.
std::vector<OutboxRow> Claim(db::Tx& tx, const std::string& tenant, absl::Time now, int limit,
                             absl::Time lease_until);

// DELIVERED at `at`; false when the row is not PENDING (delivered or dead already).
bool MarkDelivered(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time at);
// Due again at `next_attempt`, with `error`; false (nothing changed) when the row is no longer
// held under `lease_until`.
bool MarkFailed(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time lease_until,
                absl::Time next_attempt, const std::string& error);
// Frees a claimed row that was not sent, uncounting its attempt; false when no longer held.
bool Release(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time lease_until);

std::optional<OutboxRow> GetByKey(db::Tx& tx, const std::string& tenant,
                                  const std::string& idempotency_key);

// A tenant's dead letters with an id above `after_id`, at most `limit`, oldest first.
std::vector<OutboxRow> ListDead(db::Tx& tx, const std::string& tenant, int64_t after_id, int limit);
// A dead letter back to PENDING, due at `now` and expiring the tenant's expiry_hours later;
// the row as it is now, or none when there is no dead letter `id`.
std::optional<OutboxRow> Retry(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time now);

struct QueueStats {
  std::string tenant_id;
  int64_t depth = 0;                         // PENDING rows
  std::optional<absl::Time> oldest_created;  // of the oldest PENDING row
};
// Every tenant with a webhook or a PENDING row, by tenant.
std::vector<QueueStats> Stats(db::Tx& tx);

std::optional<WebhookRow> GetWebhook(db::Tx& tx, const std::string& tenant);
// Creates or replaces the tenant's webhook (update_time: now).
void SetWebhook(db::Tx& tx, const WebhookRow& webhook);

}  // namespace ekinerja::warning::store

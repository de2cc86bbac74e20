#include "store/outbox_store.h"

#include <algorithm>
#include <tuple>

#include "db_fields.h"
#include "warning_sql.h"

namespace ekinerja::warning::store {
namespace {

OutboxRow ToOutbox(const pqxx::row& r) {
  OutboxRow row;
  row.tenant_id = r["tenant_id"].as<std::string>();
  row.id = r["id"].as<int64_t>();
  row.idempotency_key = r["idempotency_key"].as<std::string>();
  row.payload = r["payload"].as<std::string>();
  row.state = r["state"].as<std::string>();
  row.attempts = r["attempts"].as<int>();
  row.next_attempt_time = db::Micros(r["next_attempt_time"]);
  row.lease_until = db::OptMicros(r["lease_until"]);
  row.last_error = r["last_error"].as<std::string>();
  row.create_time = db::Micros(r["create_time"]);
  row.deliver_time = db::OptMicros(r["deliver_time"]);
  row.expire_time = db::Micros(r["expire_time"]);
  return row;
}

WebhookRow ToWebhook(const pqxx::row& r) {
  WebhookRow w;
  w.tenant_id = r["tenant_id"].as<std::string>();
  w.url = r["url"].as<std::string>();
  w.secret = r["secret"].as<std::string>();
  w.rate_per_minute = r["rate_per_minute"].as<int>();
  w.expiry_hours = r["expiry_hours"].as<int>();
  w.update_time = db::Micros(r["update_time"]);
  return w;
}

}  // namespace

bool Enqueue(db::Tx& tx, const std::string& tenant, const std::string& idempotency_key,
             const std::string& payload_json, absl::Time expire_time) {
  return !tx.Exec(sql::kOutboxEnqueue, tenant, idempotency_key, payload_json,
                  db::ToMicros(expire_time))
              .empty();
}

std::vector<std::string> ExpireDue(db::Tx& tx, absl::Time now) {
  std::vector<std::string> tenants;
  for (const auto& r : tx.Exec(sql::kOutboxExpire, db::ToMicros(now))) {
    tenants.push_back(r["tenant_id"].as<std::string>());
  }
  return tenants;
}

std::vector<WebhookRow> DueTenants(db::Tx& tx, absl::Time now) {
  std::vector<WebhookRow> out;
  for (const auto& r : tx.Exec(sql::kOutboxDueTenants, db::ToMicros(now))) {
    out.push_back(ToWebhook(r));
  }
  return out;
}

std::vector<OutboxRow> Claim(db::Tx& tx, const std::string& tenant, absl::Time now, int limit,
                             absl::Time lease_until) {
  std::vector<OutboxRow> out;
  for (const auto& r :
       tx.Exec(sql::kOutboxClaim, db::ToMicros(now), tenant, limit, db::ToMicros(lease_until))) {
    out.push_back(ToOutbox(r));
  }
  // UPDATE ... RETURNING keeps no order.
  std::sort(out.begin(), out.end(), [](const OutboxRow& a, const OutboxRow& b) {
    return std::tie(a.next_attempt_time, a.id) < std::tie(b.next_attempt_time, b.id);
  });
  return out;
}

bool MarkDelivered(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time at) {
  return tx.Exec(sql::kOutboxMarkDelivered, tenant, id, db::ToMicros(at)).affected_rows() == 1;
}

bool MarkFailed(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time lease_until,
                absl::Time next_attempt, const std::string& error) {
  return tx.Exec(sql::kOutboxMarkFailed, tenant, id, db::ToMicros(lease_until),
                 db::ToMicros(next_attempt), error)
             .affected_rows() == 1;
}

bool Release(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time lease_until) {
  return tx.Exec(sql::kOutboxRelease, tenant, id, db::ToMicros(lease_until)).affected_rows() == 1;
}

std::optional<OutboxRow> GetByKey(db::Tx& tx, const std::string& tenant,
                                  const std::string& idempotency_key) {
  pqxx::result r = tx.Exec(sql::kOutboxGetByKey, tenant, idempotency_key);
  if (r.empty()) return std::nullopt;
  return ToOutbox(r[0]);
}

std::vector<OutboxRow> ListDead(db::Tx& tx, const std::string& tenant, int64_t after_id,
                                int limit) {
  std::vector<OutboxRow> out;
  for (const auto& r : tx.Exec(sql::kOutboxDeadList, tenant, after_id, limit)) {
    out.push_back(ToOutbox(r));
  }
  return out;
}

std::optional<OutboxRow> Retry(db::Tx& tx, const std::string& tenant, int64_t id, absl::Time now) {
  const pqxx::result r = tx.Exec(sql::kOutboxRetry, tenant, id, db::ToMicros(now));
  if (r.empty()) return std::nullopt;
  return GetByKey(tx, tenant, r[0]["idempotency_key"].as<std::string>());
}

std::vector<QueueStats> Stats(db::Tx& tx) {
  std::vector<QueueStats> out;
  for (const auto& r : tx.Exec(sql::kOutboxStats)) {
    out.push_back({r["tenant_id"].as<std::string>(), r["depth"].as<int64_t>(),
                   db::OptMicros(r["oldest_create_time"])});
  }
  return out;
}

std::optional<WebhookRow> GetWebhook(db::Tx& tx, const std::string& tenant) {
  pqxx::result r = tx.Exec(sql::kWebhookGet, tenant);
  if (r.empty()) return std::nullopt;
  return ToWebhook(r[0]);
}

void SetWebhook(db::Tx& tx, const WebhookRow& webhook) {
  tx.Exec(sql::kWebhookSet, webhook.tenant_id, webhook.url, webhook.secret, webhook.rate_per_minute,
          webhook.expiry_hours);
}

}  // namespace ekinerja::warning::store

// Warning rule sets and the tenant's webhook.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/convert.h"
#include "api/warning_service.h"
#include "request_id.h"
#include "request_log.h"
#include "store/outbox_store.h"
#include "store/rules_store.h"

namespace ekinerja::warning {

grpc::Status WarningServiceImpl::GetWarningRules(grpc::ServerContext* ctx,
                                                 const v1::GetWarningRulesRequest*,
                                                 v1::WarningRules* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      *resp = ToProto(store::RulesInForce(tx, caller.tenant()));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::ListWarningRules(grpc::ServerContext* ctx,
                                                  const v1::ListWarningRulesRequest*,
                                                  v1::ListWarningRulesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantReader(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::StoredRules& r : store::ListRules(tx, caller.tenant())) {
        *resp->add_rules() = ToProto(r);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::CreateWarningRules(grpc::ServerContext* ctx,
                                                    const v1::CreateWarningRulesRequest* req,
                                                    v1::WarningRules* resp) {
  static constexpr char kRpc[] = "CreateWarningRules";
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    store::StoredRules stored = RulesFromProto(req->rules(), "rules.", v);
    CheckRequestIdText(v, req->request_id());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    stored.created_by = caller.subject();
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      // Without a request id (optional) nothing is found or recorded: each such call makes a
      // version (request_log.h).
      if (const std::optional<int64_t> earlier =
              db::FindRequestKey(tx, caller.tenant(), caller.subject(), kRpc, req->request_id())) {
        for (const store::StoredRules& r : store::ListRules(tx, caller.tenant())) {
          if (r.rules.version != *earlier) continue;
          *resp = ToProto(r);
          return absl::OkStatus();
        }
      }
      const store::StoredRules created = store::InsertRules(tx, caller.tenant(), stored);
      if (!db::InsertRequestKey(tx, caller.tenant(), caller.subject(), kRpc, req->request_id(),
                                created.rules.version)) {
        return RequestIdRace();
      }
      db::Audit(tx, caller.tenant(), caller.subject(), kRpc,
                absl::StrCat("warningRules/", created.rules.version), req->rules().DebugString());
      *resp = ToProto(created);
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::GetWebhook(grpc::ServerContext* ctx, const v1::GetWebhookRequest*,
                                            v1::Webhook* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      *resp = ToProto(store::GetWebhook(tx, caller.tenant()));
      return absl::OkStatus();
    });
  });
}

grpc::Status WarningServiceImpl::UpdateWebhook(grpc::ServerContext* ctx,
                                               const v1::UpdateWebhookRequest* req,
                                               v1::Webhook* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    store::WebhookRow row = WebhookFromProto(req->webhook(), "webhook.", v);
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      row.tenant_id = caller.tenant();
      if (row.secret.empty()) {
        const std::optional<store::WebhookRow> before = store::GetWebhook(tx, caller.tenant());
        if (before) row.secret = before->secret;
      }
      store::SetWebhook(tx, row);
      // The secret is never written to the log.
      db::Audit(tx, caller.tenant(), caller.subject(), "UpdateWebhook", "webhook",
                absl::StrCat("url=", row.url, " rate_per_minute=", row.rate_per_minute,
                             " expiry_hours=", row.expiry_hours,
                             req->webhook().secret().empty() ? "" : " secret=changed"));
      *resp = ToProto(store::GetWebhook(tx, caller.tenant()));
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::warning

// IdentityService: tenants and their settings.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/convert.h"
#include "api/identity_service.h"
#include "api/request.h"
#include "civil.h"
#include "crypto.h"
#include "domain/password_policy.h"
#include "domain/validation.h"
#include "page_token.h"
#include "status.h"

namespace ekinerja::identity {

namespace {
void ValidateTenantFields(const v1::Tenant& t, Violations& v) {
  v.Merge(ValidateName(t.name(), "tenant.name"));
  if (!IsIndonesianZone(t.time_zone())) {
    v.Add("tenant.time_zone",
          "must be Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)");
  }
}
}  // namespace

grpc::Status IdentityServiceImpl::CreateTenant(grpc::ServerContext* ctx,
                                               const v1::CreateTenantRequest* req,
                                               v1::Tenant* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.Has(Role::kPlatformAdmin)) {
      return absl::PermissionDeniedError("only the platform admin creates tenants");
    }
    const v1::Tenant& t = req->tenant();
    Violations v;
    v.Merge(ValidateTenantCode(t.code(), "tenant.code"));
    ValidateTenantFields(t, v);
    v.Merge(ValidateUsername(req->admin_username(), "admin_username"));
    v.Merge(
        CheckPasswordPolicy(req->admin_password(), {req->admin_username(), ""}, "admin_password"));
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(std::string hash,
                        auth::HashPassword(req->admin_password(), config_.hash_params));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(
          bool replay, ClaimRequestId(tx, p.tenant, req->request_id(), "CreateTenant", t.code()));
      if (!replay) {
        if (store::GetTenant(tx, t.code()).ok()) {
          return absl::AlreadyExistsError(absl::StrCat("tenant ", t.code(), " already exists"));
        }
        store::InsertTenant(tx, {t.code(), t.name(), t.time_zone(), absl::Now()});
        store::UserRow admin;
        admin.username = req->admin_username();
        admin.password_hash = hash;
        admin.roles = {std::string(RoleName(Role::kAdminInstansi))};
        store::InsertUser(tx, t.code(), admin);
        const std::string source = SourceOf(ctx);
        store::InsertAudit(tx, p.tenant,
                           {0, absl::Now(), p.subject, "TENANT_CREATE", t.code(), "", source});
        store::InsertAudit(tx, t.code(),
                           {0, absl::Now(), p.subject, "ROLE_CHANGE", admin.username,
                            "roles=ADMIN_INSTANSI (tenant created)", source});
      }
      EK_ASSIGN_OR_RETURN(store::TenantRow row, store::GetTenant(tx, t.code()));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetTenant(grpc::ServerContext* ctx,
                                            const v1::GetTenantRequest* req, v1::Tenant* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.Has(Role::kPlatformAdmin) && req->code() != p.tenant) {
      return absl::PermissionDeniedError("a tenant's users read only their own tenant");
    }
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::TenantRow row, store::GetTenant(tx, req->code()));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ListTenants(grpc::ServerContext* ctx,
                                              const v1::ListTenantsRequest* req,
                                              v1::ListTenantsResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.Has(Role::kPlatformAdmin)) {
      return absl::PermissionDeniedError("only the platform admin lists tenants");
    }
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), "tenants"));
    return pool_.Read([&](db::Tx& tx) {
      auto rows = store::ListTenants(tx, after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, "tenants", [&](const auto& r) { ToProto(r, resp->add_tenants()); },
          [](const auto& r) { return r.code; }));
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::UpdateTenant(grpc::ServerContext* ctx,
                                               const v1::UpdateTenantRequest* req,
                                               v1::Tenant* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    const v1::Tenant& t = req->tenant();
    const bool own_admin = p.Has(Role::kAdminInstansi) && p.tenant == t.code();
    if (!p.Has(Role::kPlatformAdmin) && !own_admin) {
      return absl::PermissionDeniedError("only the platform admin or the tenant's admin");
    }
    EK_ASSIGN_OR_RETURN(auto paths, MaskPaths(req->update_mask(), {"name", "time_zone"}));
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::TenantRow row, store::GetTenant(tx, t.code()));
      if (paths.contains("name")) row.name = t.name();
      if (paths.contains("time_zone")) row.time_zone = t.time_zone();
      v1::Tenant merged;
      ToProto(row, &merged);
      Violations v;
      ValidateTenantFields(merged, v);
      EK_RETURN_IF_ERROR(v.ToStatus());
      store::UpdateTenant(tx, row);
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "TENANT_UPDATE", row.code,
                          absl::StrJoin(paths, ","), SourceOf(ctx)});
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

}  // namespace ekinerja::identity

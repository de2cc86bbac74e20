// IdentityService: login accounts and their roles, and the first platform admin.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/convert.h"
#include "api/identity_service.h"
#include "api/request.h"
#include "crypto.h"
#include "domain/password_policy.h"
#include "domain/token_exchange.h"
#include "domain/validation.h"
#include "nip.h"
#include "page_token.h"
#include "status.h"

namespace ekinerja::identity {

namespace {
// The explicit roles a user may be given by a tenant admin (PEGAWAI and ATASAN are derived).
absl::StatusOr<std::vector<std::string>> GrantableRoles(
    const google::protobuf::RepeatedField<int>& roles, bool service_account, Violations& v) {
  std::vector<std::string> out;
  for (int i = 0; i < roles.size(); ++i) {
    const auto role = FromProto(static_cast<ekinerja::type::v1::Role>(roles[i]));
    const std::string field = absl::StrCat("user.roles[", i, "]");
    if (!role) {
      v.Add(field, "unknown role");
    } else if (*role == Role::kPegawai || *role == Role::kAtasan) {
      v.Add(field, "PEGAWAI and ATASAN are derived from the employee record, not granted");
    } else if (*role == Role::kPlatformAdmin) {
      v.Add(field, "PLATFORM_ADMIN cannot be granted within a tenant");
    } else if ((*role == Role::kService) != service_account) {
      v.Add(field, "SERVICE is the role of service accounts, and their only one");
    } else {
      out.emplace_back(RoleName(*role));
    }
  }
  return out;
}
}  // namespace

grpc::Status IdentityServiceImpl::CreateUser(grpc::ServerContext* ctx,
                                             const v1::CreateUserRequest* req, v1::User* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_RETURN_IF_ERROR(CheckManagesUsers(p));
    const v1::User& u = req->user();
    Violations v;
    v.Merge(ValidateUsername(u.username(), "user.username"));
    // A person may be created without a password, to be activated with a code; a service account
    // needs its secret.
    if (req->service_account() || !req->password().empty()) {
      v.Merge(CheckPasswordPolicy(req->password(), {u.username(), u.nip()}, "password"));
    }
    if (!u.nip().empty()) {
      v.Merge(ParseNip(u.nip(), "user.nip").status());
    }
    if (u.username().size() == 18 && IsValidNip(u.username()) && u.username() != u.nip()) {
      v.Add("user.username", "a NIP as username must be the user's own NIP");
    }
    if (req->service_account() && !u.nip().empty()) {
      v.Add("user.nip", "service accounts belong to no employee");
    }
    auto roles = GrantableRoles(u.roles(), req->service_account(), v);
    std::vector<std::string> granted = roles.ok() ? *roles : std::vector<std::string>{};
    if (req->service_account() && granted.empty())
      granted = {std::string(RoleName(Role::kService))};
    const bool opd_admin =
        std::find(granted.begin(), granted.end(), RoleName(Role::kAdminOpd)) != granted.end();
    if (opd_admin && u.admin_org_unit_code().empty()) {
      v.Add("user.admin_org_unit_code", "required for ADMIN_OPD");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    std::string hash;
    if (!req->password().empty()) {
      EK_ASSIGN_OR_RETURN(hash, auth::HashPassword(req->password(), config_.hash_params));
    }
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(
          bool replay, ClaimRequestId(tx, p.tenant, req->request_id(), "CreateUser", u.username()));
      if (!replay) {
        Violations refs;
        if (!u.nip().empty() && !store::GetEmployee(tx, p.tenant, u.nip(), absl::CivilDay()).ok()) {
          refs.Add("user.nip", "no such employee");
        }
        if (!u.admin_org_unit_code().empty() &&
            !store::GetOrgUnit(tx, p.tenant, u.admin_org_unit_code()).ok()) {
          refs.Add("user.admin_org_unit_code", "no such org unit");
        }
        EK_RETURN_IF_ERROR(refs.ToStatus());
        if (store::GetUser(tx, p.tenant, u.username()).ok()) {
          return absl::AlreadyExistsError(absl::StrCat("user ", u.username(), " already exists"));
        }
        store::UserRow row;
        row.username = u.username();
        row.nip = u.nip();
        row.password_hash = hash;
        row.roles = granted;
        row.admin_org_unit_code = opd_admin ? u.admin_org_unit_code() : "";
        row.service_account = req->service_account();
        store::InsertUser(tx, p.tenant, row);
        store::InsertAudit(tx, p.tenant,
                           {0, absl::Now(), p.subject, "ROLE_CHANGE", row.username,
                            absl::StrCat("created; roles=", absl::StrJoin(granted, ","),
                                         hash.empty() ? "; no password yet" : ""),
                            SourceOf(ctx)});
      }
      EK_ASSIGN_OR_RETURN(store::UserRow row, store::GetUser(tx, p.tenant, u.username()));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::ListUsers(grpc::ServerContext* ctx,
                                            const v1::ListUsersRequest* req,
                                            v1::ListUsersResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.HasAny({Role::kAdminInstansi, Role::kAuditor})) {
      return absl::PermissionDeniedError("only ADMIN_INSTANSI and AUDITOR list users");
    }
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), "users"));
    return pool_.Read([&](db::Tx& tx) {
      auto rows = store::ListUsers(tx, p.tenant, after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, "users", [&](const auto& r) { ToProto(r, resp->add_users()); },
          [](const auto& r) { return r.username; }));
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::UpdateUser(grpc::ServerContext* ctx,
                                             const v1::UpdateUserRequest* req, v1::User* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_RETURN_IF_ERROR(CheckManagesUsers(p));
    EK_ASSIGN_OR_RETURN(auto paths, MaskPaths(req->update_mask(),
                                              {"roles", "admin_org_unit_code", "disabled",
                                               "password", "locked_until"},
                                              /*empty_means_all=*/false));
    const v1::User& u = req->user();
    std::string hash;
    if (paths.contains("password")) {
      // The policy reads the account's NIP; Argon2id runs outside the write transaction.
      store::UserRow current;
      EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
        EK_ASSIGN_OR_RETURN(current, store::GetUser(tx, p.tenant, u.username()));
        return absl::OkStatus();
      }));
      EK_RETURN_IF_ERROR(
          CheckPasswordPolicy(req->password(), {current.username, current.nip}, "password"));
      EK_ASSIGN_OR_RETURN(hash, auth::HashPassword(req->password(), config_.hash_params));
    }
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::UserRow row, store::GetUser(tx, p.tenant, u.username()));
      Violations v;
      std::vector<std::string> details;
      if (paths.contains("roles")) {
        auto roles = GrantableRoles(u.roles(), row.service_account, v);
        if (roles.ok()) row.roles = *roles;
        details.push_back(absl::StrCat("roles=", absl::StrJoin(row.roles, ",")));
      }
      if (paths.contains("admin_org_unit_code")) {
        row.admin_org_unit_code = u.admin_org_unit_code();
        if (!row.admin_org_unit_code.empty() &&
            !store::GetOrgUnit(tx, p.tenant, row.admin_org_unit_code).ok()) {
          v.Add("user.admin_org_unit_code", "no such org unit");
        }
        details.push_back("admin_org_unit_code=" + row.admin_org_unit_code);
      }
      const bool opd_admin = std::find(row.roles.begin(), row.roles.end(),
                                       RoleName(Role::kAdminOpd)) != row.roles.end();
      if (opd_admin && row.admin_org_unit_code.empty()) {
        v.Add("user.admin_org_unit_code", "required for ADMIN_OPD");
      }
      if (paths.contains("disabled")) {
        row.disabled = u.disabled();
        details.push_back(absl::StrCat("disabled=", row.disabled));
      }
      if (paths.contains("password")) row.password_hash = hash;
      const bool unlock = paths.contains("locked_until") && !u.has_locked_until();
      EK_RETURN_IF_ERROR(v.ToStatus());
      store::UpdateUser(tx, p.tenant, row, unlock);
      if (paths.contains("password")) {
        // A password set by an admin (after a compromise, say) ends every session of the account.
        const int revoked = store::RevokeRefreshTokensOf(tx, p.tenant, row.username);
        details.push_back(absl::StrCat("password set; ", revoked, " live refresh tokens revoked"));
      }
      if (unlock) details.push_back("unlocked");
      store::InsertAudit(
          tx, p.tenant,
          {0, absl::Now(), p.subject, paths.contains("roles") ? "ROLE_CHANGE" : "USER_UPDATE",
           row.username, absl::StrJoin(details, "; "), SourceOf(ctx)});
      EK_ASSIGN_OR_RETURN(row, store::GetUser(tx, p.tenant, row.username));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

absl::Status BootstrapPlatformAdmin(db::Pool& pool, const std::string& password,
                                    const auth::PasswordHashParams& params) {
  bool exists = false;
  EK_RETURN_IF_ERROR(pool.Read([&](db::Tx& tx) {
    exists = store::GetUser(tx, "platform", "admin").ok();
    return absl::OkStatus();
  }));
  // Set once (later changes go through ChangePassword), so the policy applies only then: a
  // deployment whose older password it would refuse still starts.
  if (exists) return absl::OkStatus();
  EK_RETURN_IF_ERROR(CheckPasswordPolicy(password, {"admin", ""}, "platform_admin_password"));
  EK_ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(password, params));
  return pool.Write([&](db::Tx& tx) {
    if (store::GetUser(tx, "platform", "admin").ok()) return absl::OkStatus();
    store::UserRow admin;
    admin.username = "admin";
    admin.password_hash = hash;
    admin.roles = {std::string(RoleName(Role::kPlatformAdmin))};
    store::InsertUser(tx, "platform", admin);
    store::InsertAudit(tx, "platform",
                       {0, absl::Now(), "bootstrap", "ROLE_CHANGE", "admin",
                        "roles=PLATFORM_ADMIN (first start)", ""});
    return absl::OkStatus();
  });
}

absl::Status EnsureServiceAccounts(db::Pool& pool, const std::vector<ServiceAccount>& accounts,
                                   const auth::PasswordHashParams& params) {
  for (const ServiceAccount& a : accounts) {
    const std::string field = absl::StrCat("service account ", a.client_id);
    Violations v;
    v.Merge(ValidateUsername(a.client_id, field));
    v.Merge(CheckPasswordPolicy(a.client_secret, {a.client_id, ""}, field));
    EK_RETURN_IF_ERROR(v.ToStatus("--service_accounts_file"));
    absl::StatusOr<store::UserRow> row = absl::NotFoundError("");
    EK_RETURN_IF_ERROR(pool.Read([&](db::Tx& tx) {
      row = store::GetUser(tx, kPlatformTenant, a.client_id);
      return absl::OkStatus();
    }));
    if (row.ok() && !row->service_account) {
      return absl::FailedPreconditionError(absl::StrCat("--service_accounts_file: ", a.client_id,
                                                        " is a person's login in tenant platform"));
    }
    // The file is the account's truth: a changed secret (rotated in the operator's secret store)
    // replaces the stored one; an unchanged one costs one verification per start.
    if (row.ok() && !row->disabled && auth::VerifyPassword(row->password_hash, a.client_secret)) {
      continue;
    }
    EK_ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(a.client_secret, params));
    EK_RETURN_IF_ERROR(pool.Write([&](db::Tx& tx) {
      const bool exists = store::GetUser(tx, kPlatformTenant, a.client_id).ok();
      store::UserRow user;
      user.username = a.client_id;
      user.password_hash = hash;
      user.roles = {std::string(RoleName(Role::kService))};
      user.service_account = true;
      if (exists) {
        store::UpdateUser(tx, kPlatformTenant, user, /*unlock=*/true);
      } else {
        store::InsertUser(tx, kPlatformTenant, user);
      }
      store::InsertAudit(
          tx, kPlatformTenant,
          {0, absl::Now(), "bootstrap", exists ? "USER_UPDATE" : "ROLE_CHANGE", a.client_id,
           exists ? "secret set from --service_accounts_file; enabled"
                  : "created from --service_accounts_file; roles=SERVICE",
           ""});
      return absl::OkStatus();
    }));
  }
  return absl::OkStatus();
}

}  // namespace ekinerja::identity

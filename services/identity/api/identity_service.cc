// IdentityService: the shared request plumbing, tokens, tenants, users and audit. Org units and
// positions are in org_rpcs.cc; employees, assignments and supervisors in employee_rpcs.cc;
// activation and reset codes and password changes in password_rpcs.cc.

#include "api/identity_service.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "api/convert.h"
#include "api/request.h"
#include "civil.h"
#include "crypto.h"
#include "date_proto.h"
#include "domain/password_policy.h"
#include "domain/validation.h"
#include "grpc_status.h"
#include "jwks_proto.h"
#include "log.h"
#include "nip.h"
#include "page_token.h"
#include "status.h"

namespace ekinerja::identity {
namespace {
// What every refused login answers, whatever the reason.
constexpr char kLoginRefused[] =
    "invalid credentials, or too many failed logins from this address: wait a few minutes";
}  // namespace

absl::flat_hash_set<std::string> IdentityServiceImpl::PublicMethods() {
  const std::string prefix = "/ekinerja.identity.v1.IdentityService/";
  return {prefix + "Login", prefix + "RefreshToken", prefix + "Logout", prefix + "GetJwks",
          prefix + "SetPasswordWithCode"};
}

IdentityServiceImpl::IdentityServiceImpl(db::Pool& pool, KeyRing& keys, IdentityMetrics& metrics,
                                         IdentityConfig config)
    : pool_(pool),
      keys_(keys),
      metrics_(metrics),
      config_(std::move(config)),
      throttle_(config_.source_failures, config_.source_window) {
  // Refused logins pay for one hash against this, so timing does not reveal who exists.
  dummy_hash_ = auth::HashPassword(auth::RandomToken(16), config_.hash_params).value_or("");
}

grpc::Status IdentityServiceImpl::Serve(
    grpc::ServerContext* ctx, const std::function<absl::Status(const Principal&)>& handler) {
  auto caller = CallerOf(ctx);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  ScopedLogContext log_ctx("", caller->tenant, RequestIdOf(ctx));
  absl::Status st = handler(*caller);
  LogIfServerError(st);
  return ToGrpcStatus(st);
}

grpc::Status IdentityServiceImpl::ServeEmployeeRead(grpc::ServerContext* ctx,
                                                    const std::string& nip_text,
                                                    const google::type::Date& date,
                                                    const EmployeeReader& handler) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    EK_ASSIGN_OR_RETURN(Nip nip, ParseNip(nip_text, "nip"));
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(absl::CivilDay day, DayOrToday(tx, p.tenant, date, "date"));
      EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
      EK_RETURN_IF_ERROR(CheckReadsEmployee(tx, p, scope, nip.digits, day));
      return handler(tx, p, nip.digits, day);
    });
  });
}

grpc::Status IdentityServiceImpl::ServePublic(grpc::ServerContext* ctx,
                                              const std::function<absl::Status()>& handler) {
  ScopedLogContext log_ctx("", "", RequestIdOf(ctx));
  absl::Status st = RequestTextOf(ctx);
  if (st.ok()) st = handler();
  LogIfServerError(st);
  return ToGrpcStatus(st);
}

absl::StatusOr<absl::CivilDay> IdentityServiceImpl::TodayIn(db::Tx& tx, const std::string& tenant) {
  EK_ASSIGN_OR_RETURN(absl::TimeZone tz, ZoneOf(tx, tenant));
  return LocalDay(absl::Now(), tz);
}

absl::StatusOr<absl::TimeZone> IdentityServiceImpl::ZoneOf(db::Tx& tx, const std::string& tenant) {
  std::string zone;
  {
    absl::MutexLock lock(&zones_mu_);
    if (auto it = zones_.find(tenant); it != zones_.end()) zone = it->second;
  }
  if (zone.empty()) {
    EK_ASSIGN_OR_RETURN(store::TenantRow t, store::GetTenant(tx, tenant));
    zone = t.time_zone;
    absl::MutexLock lock(&zones_mu_);
    zones_[tenant] = zone;
  }
  return LoadZone(zone);
}

absl::StatusOr<absl::CivilDay> IdentityServiceImpl::DayOrToday(db::Tx& tx,
                                                               const std::string& tenant,
                                                               const google::type::Date& d,
                                                               const std::string& field) {
  if (!IsSet(d)) return TodayIn(tx, tenant);
  return FromProtoDate(d, field);
}

absl::StatusOr<Scope> IdentityServiceImpl::ScopeOf(db::Tx& tx, const Principal& p) {
  Scope s;
  s.tenant_admin = p.Has(Role::kAdminInstansi);
  s.read_all = ReadsWholeTenant(p.roles);
  if (p.Has(Role::kAdminOpd)) {
    auto user = store::GetUserBySubject(tx, p.tenant, p.subject);
    if (user.ok() && !user->admin_org_unit_code.empty()) {
      const auto units = store::AllOrgUnits(tx, p.tenant);
      for (const auto& code : SubtreeOf(units, user->admin_org_unit_code))
        s.admin_units.insert(code);
    }
  }
  return s;
}

absl::Status IdentityServiceImpl::CheckIsAdmin(const Scope& scope) {
  if (scope.tenant_admin || !scope.admin_units.empty()) return absl::OkStatus();
  return absl::PermissionDeniedError("only the tenant's admins change employees");
}

absl::Status IdentityServiceImpl::CheckAdministers(const Scope& scope, const std::string& unit) {
  if (scope.tenant_admin || scope.admin_units.contains(unit)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("the caller does not administer org unit ", unit.empty() ? "(none)" : unit));
}

absl::Status IdentityServiceImpl::CheckAdministersEmployee(db::Tx& tx, const std::string& tenant,
                                                           const Scope& scope,
                                                           const std::string& nip,
                                                           absl::CivilDay day) {
  if (scope.tenant_admin) return absl::OkStatus();
  return CheckAdministersEmployee(tx, tenant, scope, nip, store::ListAssignments(tx, tenant, nip),
                                  day);
}

absl::Status IdentityServiceImpl::CheckAdministersEmployee(
    db::Tx& tx, const std::string& tenant, const Scope& scope, const std::string& nip,
    const std::vector<store::AssignmentRow>& rows, absl::CivilDay day) {
  if (scope.tenant_admin) return absl::OkStatus();
  std::vector<Assignment> assignments;
  for (const auto& row : rows) assignments.push_back(row.a);
  const std::string position = AdministeringPosition(assignments, day);
  if (position.empty() && !scope.admin_units.empty()) return absl::OkStatus();
  auto pos = store::GetPosition(tx, tenant, position);
  if (pos.ok() && scope.admin_units.contains(pos->org_unit_code)) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat("the caller does not administer employee ", nip));
}

absl::Status IdentityServiceImpl::CheckManagesUsers(const Principal& p) {
  if (p.Has(Role::kAdminInstansi)) return absl::OkStatus();
  return absl::PermissionDeniedError("only the tenant's ADMIN_INSTANSI manages users");
}

absl::Status IdentityServiceImpl::CheckReadsEmployee(db::Tx& tx, const Principal& p,
                                                     const Scope& scope, const std::string& nip,
                                                     absl::CivilDay day) {
  if (p.subject == nip || scope.read_all) return absl::OkStatus();
  if (!scope.admin_units.empty()) {
    auto e = store::GetEmployee(tx, p.tenant, nip, day);
    if (e.ok() && scope.admin_units.contains(e->org_unit_code)) return absl::OkStatus();
  }
  if (p.Has(Role::kAtasan)) {
    OrgIndex org(store::LoadOrgSnapshot(tx, p.tenant, day), day);
    for (const auto& s : org.AllSubordinates(p.subject)) {
      if (s == nip) return absl::OkStatus();
    }
  }
  return absl::PermissionDeniedError("the caller may not read this employee");
}

std::vector<Role> IdentityServiceImpl::RolesOf(db::Tx& tx, const std::string& tenant,
                                               const store::UserRow& user, absl::CivilDay day,
                                               std::string* org_unit) {
  std::vector<Role> roles;
  *org_unit = user.admin_org_unit_code;
  if (!user.nip.empty()) {
    roles.push_back(Role::kPegawai);
    OrgIndex org(store::LoadOrgSnapshot(tx, tenant, day), day);
    if (org.HasSubordinates(user.nip)) roles.push_back(Role::kAtasan);
    if (auto unit = org.UnitOf(user.nip)) *org_unit = *unit;
  }
  for (const auto& name : user.roles) {
    if (auto r = ParseRole(name)) roles.push_back(*r);
  }
  return roles;
}

absl::StatusOr<IdentityServiceImpl::Issued> IdentityServiceImpl::Issue(db::Tx& tx,
                                                                       const std::string& tenant,
                                                                       const store::UserRow& user,
                                                                       const std::string& family) {
  EK_ASSIGN_OR_RETURN(absl::CivilDay today, TodayIn(tx, tenant));
  auth::Claims c;
  c.iss = config_.issuer;
  c.aud = config_.audience;
  c.sub = user.nip.empty() ? user.username : user.nip;
  c.tenant = tenant;
  for (Role r : RolesOf(tx, tenant, user, today, &c.org_unit)) c.roles.emplace_back(RoleName(r));
  const absl::Time now = absl::Now();
  c.iat = c.nbf = absl::ToUnixSeconds(now);
  c.exp = absl::ToUnixSeconds(now + config_.access_ttl);
  c.jti = auth::RandomToken(12);
  Issued out;
  EK_ASSIGN_OR_RETURN(out.access_token, keys_.Sign(c));
  if (!family.empty()) {
    // The tenant travels in the opaque token so that its row is found under its tenant's key.
    out.refresh_token = absl::StrCat(tenant, ".", auth::RandomToken(32));
    store::InsertRefreshToken(tx, tenant, auth::Sha256Hex(out.refresh_token), family, user.username,
                              config_.refresh_ttl);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens

grpc::Status IdentityServiceImpl::Login(grpc::ServerContext* ctx, const v1::LoginRequest* req,
                                        v1::LoginResponse* resp) {
  return ServePublic(ctx, [&]() -> absl::Status {
    const bool client = !req->client_id().empty() || !req->client_secret().empty();
    Violations v;
    if (req->tenant().empty()) v.Add("tenant", "required");
    if (client) {
      if (req->client_id().empty()) v.Add("client_id", "required with client_secret");
      if (req->client_secret().empty()) v.Add("client_secret", "required with client_id");
      if (!req->username().empty()) v.Add("username", "give either username or client_id");
    } else {
      if (req->username().empty()) v.Add("username", "required");
      if (req->password().empty()) v.Add("password", "required");
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    const std::string& tenant = req->tenant();
    const std::string& username = client ? req->client_id() : req->username();
    const std::string& secret = client ? req->client_secret() : req->password();
    const std::string source = SourceOf(ctx);
    const absl::Time now = absl::Now();
    if (!throttle_.Allowed(source, now)) {
      metrics_.Login("throttled");
      return absl::ResourceExhaustedError("too many failed logins from this address; wait a while");
    }
    absl::StatusOr<store::UserRow> user = absl::NotFoundError("");
    std::optional<absl::Time> blocked_until;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
      user = store::GetUser(tx, tenant, username);
      blocked_until = store::LoginBlockedUntil(tx, tenant, username, source);
      return absl::OkStatus();
    }));
    // Exactly one Argon2id check whatever the account: unknown, disabled, the wrong kind and held
    // back cost what a wrong password costs, and all of them answer alike (issue 8: no oracle).
    // An account without a password (an imported login not yet activated) is refused like the
    // rest, at the same cost.
    const char* refusal = !user.ok()                        ? "unknown user"
                          : user->disabled                  ? "disabled"
                          : user->service_account != client ? "wrong kind of login"
                          : user->password_hash.empty()     ? "no password yet (not activated)"
                          : blocked_until.has_value()       ? "held back after failures"
                                                            : nullptr;
    const bool password_ok =
        auth::VerifyPassword(refusal == nullptr ? user->password_hash : dummy_hash_, secret);
    metrics_.PasswordChecked();
    if (refusal != nullptr || !password_ok) {
      throttle_.RecordFailure(source, now);
      EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) {
        RecordCredentialFailure(tx, tenant, username, source, now, "LOGIN_FAILED",
                                refusal != nullptr ? refusal : "wrong password");
        return absl::OkStatus();
      }));
      metrics_.Login("refused");
      return absl::UnauthenticatedError(kLoginRefused);
    }
    Issued issued;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::RecordLogin(tx, tenant, username, source);
      EK_ASSIGN_OR_RETURN(issued, Issue(tx, tenant, *user, client ? "" : auth::RandomToken(16)));
      store::InsertAudit(
          tx, tenant,
          {0, now, username, "LOGIN", username, client ? "client credentials" : "", source});
      return absl::OkStatus();
    }));
    resp->set_access_token(issued.access_token);
    resp->set_refresh_token(issued.refresh_token);
    resp->set_expires_in(static_cast<int32_t>(absl::ToInt64Seconds(config_.access_ttl)));
    resp->set_token_type("Bearer");
    metrics_.Login("ok");
    return absl::OkStatus();
  });
}

void IdentityServiceImpl::RecordCredentialFailure(db::Tx& tx, const std::string& tenant,
                                                  const std::string& username,
                                                  const std::string& source, absl::Time now,
                                                  const std::string& action,
                                                  const std::string& reason) {
  if (!store::GetTenant(tx, tenant).ok()) return;
  const int failures =
      store::RecordLoginFailure(tx, tenant, username, source, config_.forget_failures_after);
  store::InsertAudit(tx, tenant,
                     {0, now, username, action, username,
                      absl::StrCat(reason, "; failure ", failures, " from this source"), source});
  const absl::Duration hold =
      LoginBackoff(failures, config_.lock_after_failures, config_.first_hold, config_.lock_for);
  if (hold > absl::ZeroDuration()) {
    store::BlockLogins(tx, tenant, username, source, hold);
    store::InsertAudit(tx, tenant,
                       {0, now, username, "LOCKOUT", username,
                        absl::StrCat(failures, " failures from this source; held back ",
                                     absl::FormatDuration(hold)),
                        source});
  }
}

namespace {
// "<tenant>.<random>" -> tenant; "" when malformed.
std::string TenantOfRefreshToken(const std::string& token) {
  const size_t dot = token.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == token.size()) return "";
  return token.substr(0, dot);
}
}  // namespace

grpc::Status IdentityServiceImpl::RefreshToken(grpc::ServerContext* ctx,
                                               const v1::RefreshTokenRequest* req,
                                               v1::RefreshTokenResponse* resp) {
  return ServePublic(ctx, [&]() -> absl::Status {
    if (req->refresh_token().empty()) return InvalidField("refresh_token", "required");
    const std::string tenant = TenantOfRefreshToken(req->refresh_token());
    const auto invalid = absl::UnauthenticatedError("refresh token is not valid");
    if (tenant.empty()) return invalid;
    const std::string hash = auth::Sha256Hex(req->refresh_token());
    const std::string source = SourceOf(ctx);
    bool reused = false;
    Issued issued;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      auto spent = store::SpendRefreshToken(tx, tenant, hash);
      if (!spent.ok()) {
        // A spent, revoked or expired token presented again: someone may hold a stolen copy, so
        // the whole family (this login's chain) is revoked (RFC 6819 §5.2.2.3).
        if (auto family = store::RefreshFamilyOf(tx, tenant, hash)) {
          store::RevokeRefreshFamily(tx, tenant, family->family);
          store::InsertAudit(tx, tenant,
                             {0, absl::Now(), family->username, "REFRESH_REUSE", family->username,
                              "family revoked", source});
        }
        reused = true;
        return absl::OkStatus();  // commit the revocation
      }
      EK_ASSIGN_OR_RETURN(store::UserRow user, store::GetUser(tx, tenant, spent->username));
      if (user.disabled) {
        reused = true;
        return absl::OkStatus();
      }
      EK_ASSIGN_OR_RETURN(issued, Issue(tx, tenant, user, spent->family));
      return absl::OkStatus();
    }));
    if (reused) return invalid;
    resp->set_access_token(issued.access_token);
    resp->set_refresh_token(issued.refresh_token);
    resp->set_expires_in(static_cast<int32_t>(absl::ToInt64Seconds(config_.access_ttl)));
    resp->set_token_type("Bearer");
    return absl::OkStatus();
  });
}

grpc::Status IdentityServiceImpl::Logout(grpc::ServerContext* ctx, const v1::LogoutRequest* req,
                                         v1::LogoutResponse*) {
  return ServePublic(ctx, [&]() -> absl::Status {
    if (req->refresh_token().empty()) return InvalidField("refresh_token", "required");
    const std::string tenant = TenantOfRefreshToken(req->refresh_token());
    if (tenant.empty()) return absl::OkStatus();  // nothing to revoke; say nothing more
    const std::string source = SourceOf(ctx);
    return pool_.Write([&](db::Tx& tx) {
      if (auto family = store::RefreshFamilyOf(tx, tenant, auth::Sha256Hex(req->refresh_token()))) {
        store::RevokeRefreshFamily(tx, tenant, family->family);
        store::InsertAudit(
            tx, tenant, {0, absl::Now(), family->username, "LOGOUT", family->username, "", source});
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetJwks(grpc::ServerContext* ctx, const v1::GetJwksRequest*,
                                          v1::Jwks* resp) {
  return ServePublic(ctx, [&]() -> absl::Status {
    EK_ASSIGN_OR_RETURN(auto keys, keys_.PublicKeys());
    auth::ToProto(keys, resp);
    return absl::OkStatus();
  });
}

grpc::Status IdentityServiceImpl::RotateSigningKey(grpc::ServerContext* ctx,
                                                   const v1::RotateSigningKeyRequest*,
                                                   v1::RotateSigningKeyResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.Has(Role::kPlatformAdmin)) {
      return absl::PermissionDeniedError("only the platform admin rotates signing keys");
    }
    EK_ASSIGN_OR_RETURN(std::string kid, keys_.Rotate());
    resp->set_kid(kid);
    return pool_.Write([&](db::Tx& tx) {
      store::InsertAudit(tx, p.tenant,
                         {0, absl::Now(), p.subject, "KEY_ROTATE", kid, "", SourceOf(ctx)});
      return absl::OkStatus();
    });
  });
}

grpc::Status IdentityServiceImpl::GetProfile(grpc::ServerContext* ctx, const v1::GetProfileRequest*,
                                             v1::Profile* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    return pool_.Read([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::UserRow user, store::GetUserBySubject(tx, p.tenant, p.subject));
      resp->set_tenant(p.tenant);
      resp->set_username(user.username);
      for (Role r : p.roles) resp->add_roles(ToProto(r));
      if (!user.nip.empty()) {
        EK_ASSIGN_OR_RETURN(absl::CivilDay today, TodayIn(tx, p.tenant));
        EK_ASSIGN_OR_RETURN(store::EmployeeRow e,
                            store::GetEmployee(tx, p.tenant, user.nip, today));
        ToProto(e, resp->mutable_employee());
      }
      return absl::OkStatus();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Tenants

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
      {
        absl::MutexLock lock(&zones_mu_);
        zones_.erase(row.code);
      }
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Users

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

grpc::Status IdentityServiceImpl::ListAuditEvents(grpc::ServerContext* ctx,
                                                  const v1::ListAuditEventsRequest* req,
                                                  v1::ListAuditEventsResponse* resp) {
  return Serve(ctx, [&](const Principal& p) -> absl::Status {
    if (!p.HasAny({Role::kAdminInstansi, Role::kAuditor, Role::kPlatformAdmin})) {
      return absl::PermissionDeniedError("only auditors and admins read the audit log");
    }
    EK_ASSIGN_OR_RETURN(int size, PageSize(req->page_size()));
    const std::string fingerprint =
        absl::StrCat("audit|", req->actor(), "|", req->action(), "|", req->target());
    EK_ASSIGN_OR_RETURN(std::string after, DecodePageToken(req->page_token(), fingerprint));
    int64_t before_id = 0;
    if (!after.empty() && !absl::SimpleAtoi(after, &before_id)) {
      return InvalidField("page_token", "malformed");
    }
    return pool_.Read([&](db::Tx& tx) {
      auto rows = store::ListAudit(tx, p.tenant, req->actor(), req->action(), req->target(),
                                   before_id, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fingerprint, [&](const auto& r) { ToProto(r, resp->add_events()); },
          [](const auto& r) { return absl::StrCat(r.id); }));
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

}  // namespace ekinerja::identity

// IdentityService: the request plumbing every RPC shares (serving, the caller's scope, the checks
// of who may do what) and token issuing. The RPCs are by resource: auth_rpcs.cc (tokens, profile),
// tenant_rpcs.cc, user_rpcs.cc, audit_rpcs.cc, org_rpcs.cc (org units, positions),
// employee_rpcs.cc (employees, assignments, supervisors), password_rpcs.cc (codes, passwords).

#include "api/identity_service.h"

#include "absl/strings/str_cat.h"
#include "api/request.h"
#include "civil.h"
#include "crypto.h"
#include "date_proto.h"
#include "grpc_status.h"
#include "jwks_proto.h"
#include "log.h"
#include "nip.h"
#include "status.h"

namespace ekinerja::identity {

IdentityServiceImpl::IdentityServiceImpl(db::Pool& pool, KeyRing& keys, IdentityMetrics& metrics,
                                         IdentityConfig config, prometheus::Registry* registry)
    : pool_(pool),
      keys_(keys),
      metrics_(metrics),
      config_(std::move(config)),
      throttle_(config_.source_failures, config_.source_window),
      org_cache_(config_.org_cache_entries, registry) {
  // Refused logins pay for one hash against this, so timing does not reveal who exists.
  dummy_hash_ = auth::HashPassword(auth::RandomToken(16), config_.hash_params).value_or("");
}

grpc::Status IdentityServiceImpl::ServeEmployeeRead(grpc::ServerContext* ctx,
                                                    const std::string& nip_text,
                                                    const google::type::Date& date,
                                                    const EmployeeReader& handler) {
  return Serve(ctx, [&](const Principal& p) { return ReadEmployee(p, nip_text, date, handler); });
}

absl::Status IdentityServiceImpl::ReadEmployee(const Principal& p, const std::string& nip_text,
                                               const google::type::Date& date,
                                               const EmployeeReader& handler) {
  EK_ASSIGN_OR_RETURN(Nip nip, ParseNip(nip_text, "nip"));
  return pool_.Read([&](db::Tx& tx) -> absl::Status {
    EK_ASSIGN_OR_RETURN(absl::CivilDay day, DayOrToday(tx, p.tenant, date, "date"));
    EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
    EK_RETURN_IF_ERROR(CheckReadsEmployee(tx, p, scope, nip.digits, day));
    return handler(tx, p, nip.digits, day);
  });
}

absl::StatusOr<absl::CivilDay> IdentityServiceImpl::TodayIn(db::Tx& tx, const std::string& tenant) {
  EK_ASSIGN_OR_RETURN(absl::TimeZone tz, ZoneOf(tx, tenant));
  return LocalDay(absl::Now(), tz);
}

absl::StatusOr<absl::TimeZone> IdentityServiceImpl::ZoneOf(db::Tx& tx, const std::string& tenant) {
  EK_ASSIGN_OR_RETURN(store::TenantRow t, store::GetTenant(tx, tenant));
  return LoadZone(t.time_zone);
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

bool IdentityServiceImpl::TokenReadsEmployee(const Principal& p, const std::string& nip) {
  return p.subject == nip || ReadsWholeTenant(p.roles);
}

absl::Status IdentityServiceImpl::CheckReadsEmployee(db::Tx& tx, const Principal& p,
                                                     const Scope& scope, const std::string& nip,
                                                     absl::CivilDay day) {
  if (TokenReadsEmployee(p, nip)) return absl::OkStatus();
  if (!scope.admin_units.empty()) {
    auto e = store::GetEmployee(tx, p.tenant, nip, day);
    if (e.ok() && scope.admin_units.contains(e->org_unit_code)) return absl::OkStatus();
  }
  if (p.Has(Role::kAtasan)) {
    for (const auto& s : org_cache_.Get(tx, p.tenant, day)->AllSubordinates(p.subject)) {
      if (s == nip) return absl::OkStatus();
    }
  }
  return absl::PermissionDeniedError("the caller may not read this employee");
}

absl::StatusOr<std::vector<std::string>> IdentityServiceImpl::StreamedUnits(db::Tx& tx,
                                                                            const Principal& p,
                                                                            const std::string& unit,
                                                                            bool include_subtree) {
  std::vector<std::string> units;  // empty: the whole tenant
  if (!unit.empty()) {
    if (!store::GetOrgUnit(tx, p.tenant, unit).ok()) {
      return InvalidField("org_unit_code", "no such org unit");
    }
    units = include_subtree ? SubtreeOf(store::AllOrgUnits(tx, p.tenant), unit)
                            : std::vector<std::string>{unit};
  }
  EK_ASSIGN_OR_RETURN(Scope scope, ScopeOf(tx, p));
  if (scope.read_all) return units;
  if (scope.admin_units.empty()) {
    return absl::PermissionDeniedError(
        "streams of employees need a tenant-wide role or an ADMIN_OPD's scope");
  }
  if (unit.empty()) return absl::PermissionDeniedError("the whole tenant needs a tenant-wide role");
  for (const auto& u : units) {
    if (!scope.admin_units.contains(u)) {
      return absl::PermissionDeniedError("org unit " + u + " is outside the caller's scope");
    }
  }
  return units;
}

std::vector<Role> IdentityServiceImpl::RolesOf(db::Tx& tx, const std::string& tenant,
                                               const store::UserRow& user, absl::CivilDay day,
                                               std::string* org_unit) {
  std::vector<Role> granted;
  for (const auto& name : user.roles) {
    if (auto r = ParseRole(name)) granted.push_back(*r);
  }
  // The org index is loaded only for an employee's login.
  std::shared_ptr<const OrgIndex> org;
  if (!user.nip.empty()) org = org_cache_.Get(tx, tenant, day);
  LoginRoles login = LoginRolesOf(org.get(), user.nip, user.admin_org_unit_code, granted);
  *org_unit = std::move(login.org_unit);
  return std::move(login.roles);
}

absl::StatusOr<std::string> IdentityServiceImpl::SignFor(auth::Claims c, absl::Duration ttl) {
  c.iss = config_.issuer;
  c.aud = config_.audience;
  const absl::Time now = absl::Now();
  c.iat = c.nbf = absl::ToUnixSeconds(now);
  c.exp = absl::ToUnixSeconds(now + ttl);
  c.jti = auth::RandomToken(12);
  return keys_.Sign(c);
}

absl::StatusOr<IdentityServiceImpl::Issued> IdentityServiceImpl::Issue(db::Tx& tx,
                                                                       const std::string& tenant,
                                                                       const store::UserRow& user,
                                                                       const std::string& family) {
  EK_ASSIGN_OR_RETURN(absl::CivilDay today, TodayIn(tx, tenant));
  auth::Claims c;
  c.sub = user.nip.empty() ? user.username : user.nip;
  c.tenant = tenant;
  for (Role r : RolesOf(tx, tenant, user, today, &c.org_unit)) c.roles.emplace_back(RoleName(r));
  Issued out;
  EK_ASSIGN_OR_RETURN(out.access_token, SignFor(std::move(c), config_.access_ttl));
  if (!family.empty()) {
    // The tenant travels in the opaque token so that its row is found under its tenant's key.
    out.refresh_token = absl::StrCat(tenant, ".", auth::RandomToken(32));
    store::InsertRefreshToken(tx, tenant, auth::Sha256Hex(out.refresh_token), family, user.username,
                              config_.refresh_ttl);
  }
  return out;
}

}  // namespace ekinerja::identity

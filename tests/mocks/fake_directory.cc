#include "fake_directory.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "civil.h"
#include "nip.h"
#include "status.h"
#include "unit_path.h"

namespace ekinerja::mocks {

namespace {

constexpr char kZone[] = "Asia/Jakarta";

absl::CivilDay Today() { return LocalDay(absl::Now(), LoadZone(kZone).value()); }

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

clients::ActingKind ActingKindOf(identity::AssignmentKind kind) {
  switch (kind) {
    case identity::AssignmentKind::kPlt:
      return clients::ActingKind::kPlt;
    case identity::AssignmentKind::kPlh:
      return clients::ActingKind::kPlh;
    case identity::AssignmentKind::kDefinitif:
      break;
  }
  return clients::ActingKind::kDefinitif;
}

}  // namespace

FakeDirectory::FakeDirectory(const TestTokenIssuer& tokens, std::string service_account)
    : tokens_(tokens), service_account_(std::move(service_account)) {}

void FakeDirectory::AddTenant(const std::string& tenant, const std::string& zone) {
  absl::MutexLock lock(&mu_);
  tenants_[tenant].zone = zone;
}

void FakeDirectory::AddOrgUnit(const std::string& tenant, const std::string& code,
                               const std::string& parent, const std::string& name) {
  absl::MutexLock lock(&mu_);
  Tenant& t = TenantOf(tenant);
  t.org.units.push_back({code, parent});
  t.unit_names[code] = name.empty() ? "Unit " + code : name;
}

void FakeDirectory::AddPosition(const std::string& tenant, const std::string& code,
                                const std::string& unit, bool head_of_unit, const std::string& name,
                                identity::v1::PositionKind kind, int kelas_jabatan) {
  absl::MutexLock lock(&mu_);
  Tenant& t = TenantOf(tenant);
  t.org.positions.push_back({code, unit, head_of_unit});
  t.positions[code] = {name.empty() ? "Jabatan " + code : name, kind, kelas_jabatan};
}

void FakeDirectory::AddEmployee(const std::string& tenant, const std::string& nip, bool active,
                                const std::string& name, const std::string& golongan) {
  absl::MutexLock lock(&mu_);
  TenantOf(tenant).employees[nip] = {active, name.empty() ? "Pegawai " + nip : name, golongan,
                                     active ? "AKTIF" : "PENSIUN"};
}

void FakeDirectory::SetStatus(const std::string& tenant, const std::string& nip,
                              const std::string& status) {
  absl::MutexLock lock(&mu_);
  Employee& e = TenantOf(tenant).employees[nip];
  e.status = status;
  e.active = status == "AKTIF";
}

void FakeDirectory::AddSupervisorOverride(const std::string& tenant,
                                          const identity::Override& override_row) {
  absl::MutexLock lock(&mu_);
  TenantOf(tenant).org.overrides.push_back(override_row);
}

void FakeDirectory::AddAssignment(const std::string& tenant,
                                  const identity::Assignment& assignment) {
  absl::MutexLock lock(&mu_);
  TenantOf(tenant).org.assignments.push_back(assignment);
}

void FakeDirectory::Move(const std::string& tenant, const std::string& nip,
                         const std::string& position, absl::CivilDay from) {
  absl::MutexLock lock(&mu_);
  std::vector<identity::Assignment>& all = TenantOf(tenant).org.assignments;
  std::vector<size_t> own;  // indices of nip's assignments in `all`
  std::vector<identity::Assignment> theirs;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].nip != nip) continue;
    own.push_back(i);
    theirs.push_back(all[i]);
  }
  const identity::DefinitiveSuccession succession =
      identity::SucceedDefinitive(theirs, position, from);
  if (succession.unchanged || !succession.conflicts.empty()) return;
  for (size_t i : succession.to_end) all[own[i]].end = from - 1;
  all.push_back({nip, position, identity::AssignmentKind::kDefinitif, from, std::nullopt});
}

std::string FakeDirectory::Login(const User& user) {
  absl::MutexLock lock(&mu_);
  Principal p;
  p.tenant = user.tenant;
  p.subject = user.nip.empty() ? user.username : user.nip;
  const identity::OrgIndex org(TenantOf(user.tenant).org, Today());
  identity::LoginRoles login = identity::LoginRolesOf(&org, user.nip, user.admin_unit, user.roles);
  p.roles = std::move(login.roles);
  p.org_unit = std::move(login.org_unit);
  return Remember(p, user.admin_unit);
}

std::string FakeDirectory::TokenOf(const Principal& principal, const std::string& admin_unit) {
  absl::MutexLock lock(&mu_);
  return Remember(principal, admin_unit);
}

std::string FakeDirectory::Remember(const Principal& principal, const std::string& admin_unit) {
  std::string token = tokens_.Mint(principal);
  callers_[token] = Caller{principal, admin_unit};
  return token;
}

absl::StatusOr<Principal> FakeDirectory::PrincipalOf(const std::string& bearer) const {
  absl::MutexLock lock(&mu_);
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  return caller.principal;
}

std::vector<FakeDirectory::Call> FakeDirectory::calls() const {
  absl::MutexLock lock(&mu_);
  return calls_;
}

int FakeDirectory::CallCount(const std::string& method) const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(std::count_if(calls_.begin(), calls_.end(),
                                        [&](const Call& c) { return c.method == method; }));
}

void FakeDirectory::ClearCalls() {
  absl::MutexLock lock(&mu_);
  calls_.clear();
}

void FakeDirectory::Record(Call call) {
  absl::MutexLock lock(&mu_);
  calls_.push_back(std::move(call));
}

FakeDirectory::Tenant& FakeDirectory::TenantOf(const std::string& tenant) {
  return tenants_[tenant];
}

absl::StatusOr<FakeDirectory::Caller> FakeDirectory::CallerOf(const std::string& bearer) const {
  auto it = callers_.find(bearer);
  if (it == callers_.end()) return absl::UnauthenticatedError("identity: unknown token");
  return it->second;
}

std::vector<std::string> FakeDirectory::AdminUnits(const Caller& caller,
                                                   const Tenant& tenant) const {
  if (!caller.principal.Has(Role::kAdminOpd) || caller.admin_unit.empty()) return {};
  return identity::SubtreeOf(tenant.org.units, caller.admin_unit);
}

absl::Status FakeDirectory::Reads(const Caller& caller, const Tenant& tenant,
                                  const std::string& nip, absl::CivilDay day) const {
  const Principal& p = caller.principal;
  if (p.subject == nip || ReadsWholeTenant(p.roles)) return absl::OkStatus();
  const identity::OrgIndex org(tenant.org, day);
  const std::vector<std::string> admin_units = AdminUnits(caller, tenant);
  if (!admin_units.empty() && tenant.employees.contains(nip)) {
    if (auto unit = org.UnitOf(nip); unit && Contains(admin_units, *unit)) {
      return absl::OkStatus();
    }
  }
  if (p.Has(Role::kAtasan) && Contains(org.AllSubordinates(p.subject), nip)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError("the caller may not read this employee");
}

absl::Status FakeDirectory::CheckReads(const std::string& bearer, const std::string& nip,
                                       absl::CivilDay day) {
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  EK_ASSIGN_OR_RETURN(Nip parsed, ParseNip(nip));
  const Tenant& tenant = TenantOf(caller.principal.tenant);
  EK_RETURN_IF_ERROR(Reads(caller, tenant, parsed.digits, day));
  if (!tenant.employees.contains(parsed.digits)) {
    return absl::NotFoundError(absl::StrCat("employee ", nip, " not found"));
  }
  return absl::OkStatus();
}

absl::Status FakeDirectory::CheckReadsEmployee(const std::string& bearer, const std::string& nip,
                                               absl::CivilDay day) {
  Record({"CheckReadsEmployee", bearer, nip, day, day});
  absl::MutexLock lock(&mu_);
  return CheckReads(bearer, nip, day);
}

absl::Status FakeDirectory::CheckReadsEmployeeDuring(const std::string& bearer,
                                                     const std::string& nip, absl::CivilDay first,
                                                     absl::CivilDay last) {
  Record({"CheckReadsEmployeeDuring", bearer, nip, first, last});
  if (last < first || last - first >= kMaxCheckedDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("a range of 1 to ", kMaxCheckedDays, " days is checked"));
  }
  absl::MutexLock lock(&mu_);
  for (absl::CivilDay d = first; d <= last; ++d) EK_RETURN_IF_ERROR(CheckReads(bearer, nip, d));
  return absl::OkStatus();
}

absl::Status FakeDirectory::CheckOrgUnit(const std::string& bearer, const std::string& code) {
  Record({"CheckOrgUnit", bearer, code, {}, {}});
  absl::MutexLock lock(&mu_);
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  for (const identity::OrgUnit& u : TenantOf(caller.principal.tenant).org.units) {
    if (u.code == code) return absl::OkStatus();
  }
  return absl::NotFoundError(absl::StrCat("org unit ", code, " not found"));
}

absl::StatusOr<std::vector<std::string>> FakeDirectory::MissingEmployees(
    const std::string& bearer, const std::vector<std::string>& nips) {
  Record({"MissingEmployees", bearer, absl::StrJoin(nips, ","), {}, {}});
  absl::MutexLock lock(&mu_);
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  const Tenant& tenant = TenantOf(caller.principal.tenant);
  std::vector<std::string> missing;
  for (const std::string& nip : nips) {
    EK_ASSIGN_OR_RETURN(Nip parsed, ParseNip(nip));
    EK_RETURN_IF_ERROR(Reads(caller, tenant, parsed.digits, Today()));
    if (!tenant.employees.contains(parsed.digits)) missing.push_back(nip);
  }
  return missing;
}

absl::StatusOr<clients::Supervisors> FakeDirectory::SupervisorsOf(const std::string& bearer,
                                                                  const std::string& nip,
                                                                  absl::CivilDay day) {
  Record({"SupervisorsOf", bearer, nip, day, day});
  absl::MutexLock lock(&mu_);
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  EK_ASSIGN_OR_RETURN(Nip parsed, ParseNip(nip));
  const Tenant& tenant = TenantOf(caller.principal.tenant);
  EK_RETURN_IF_ERROR(Reads(caller, tenant, parsed.digits, day));
  EK_ASSIGN_OR_RETURN(identity::Supervisors sups,
                      identity::OrgIndex(tenant.org, day).SupervisorsOf(parsed.digits));
  auto person = [&](const identity::SupervisorRef& ref) {
    clients::Person p{ref.nip, "", "", ref.position_code, ActingKindOf(ref.kind)};
    if (auto it = tenant.employees.find(ref.nip); it != tenant.employees.end()) {
      p.name = it->second.name;
      p.golongan = it->second.golongan;
    }
    return p;
  };
  clients::Supervisors out;
  if (sups.atasan_langsung) out.atasan_langsung = person(*sups.atasan_langsung);
  if (sups.pejabat_penilai) out.pejabat_penilai = person(*sups.pejabat_penilai);
  return out;
}

absl::StatusOr<clients::EmployeeSnapshot> FakeDirectory::SnapshotOf(
    const std::string& bearer, const std::string& nip, absl::CivilDay day,
    const std::string& position_code) {
  Record({"SnapshotOf", bearer, nip, day, day});
  absl::MutexLock lock(&mu_);
  EK_RETURN_IF_ERROR(CheckReads(bearer, nip, day));
  const std::string digits = ParseNip(nip)->digits;
  const Tenant& tenant = TenantOf(CallerOf(bearer)->principal.tenant);
  const std::optional<std::string> own =
      identity::OrgIndex(tenant.org, day).DefinitivePositionOf(digits);
  if (!own) {
    return absl::NotFoundError(absl::StrCat("employee ", nip, " holds no definitive position on ",
                                            absl::FormatCivilTime(day)));
  }
  const std::string wanted = position_code.empty() ? *own : position_code;
  auto position = std::find_if(tenant.org.positions.begin(), tenant.org.positions.end(),
                               [&](const identity::Position& p) { return p.code == wanted; });
  if (position == tenant.org.positions.end()) {
    return absl::NotFoundError(absl::StrCat("position ", wanted, " not found"));
  }
  const Employee& employee = tenant.employees.at(digits);
  const PositionInfo& info = tenant.positions.at(wanted);
  clients::EmployeeSnapshot out;
  out.nip = digits;
  out.name = employee.name;
  out.golongan = employee.golongan;
  out.position_code = wanted;
  out.position_name = info.name;
  out.position_kind =
      std::string(absl::StripPrefix(identity::v1::PositionKind_Name(info.kind), "POSITION_KIND_"));
  out.kelas_jabatan = info.kelas_jabatan;
  out.org_unit_code = position->org_unit_code;
  out.org_unit_name = tenant.unit_names.at(position->org_unit_code);
  out.head_of_unit = position->head_of_unit;
  return out;
}

absl::StatusOr<std::vector<clients::EmployeeUnit>> FakeDirectory::EmployeesOf(
    const std::string& bearer, const std::string& org_unit, absl::CivilDay day) {
  Record({"EmployeesOf", bearer, org_unit, day, day});
  absl::MutexLock lock(&mu_);
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  const Tenant& tenant = TenantOf(caller.principal.tenant);
  EK_ASSIGN_OR_RETURN(std::vector<std::string> units, ListedUnits(caller, tenant, org_unit));
  absl::flat_hash_map<std::string, std::string> parent_of;
  for (const identity::OrgUnit& u : tenant.org.units) parent_of[u.code] = u.parent_code;
  const identity::OrgIndex org(tenant.org, day);
  std::vector<clients::EmployeeUnit> out;
  for (const auto& [nip, employee] : tenant.employees) {
    const std::optional<std::string> unit = org.UnitOf(nip);
    if (!employee.active || !unit || (!units.empty() && !Contains(units, *unit))) continue;
    out.push_back({nip, UnitPath(*unit, parent_of), org.DefinitivePositionOf(nip).value_or("")});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.nip < b.nip; });
  return out;
}

absl::StatusOr<std::vector<std::string>> FakeDirectory::ListedUnits(
    const Caller& caller, const Tenant& tenant, const std::string& org_unit) const {
  std::vector<std::string> units;
  if (!org_unit.empty()) {
    units = identity::SubtreeOf(tenant.org.units, org_unit);
    if (units.empty()) {
      return absl::InvalidArgumentError("org_unit_code: no such org unit");
    }
  }
  if (ReadsWholeTenant(caller.principal.roles)) return units;
  const std::vector<std::string> admin_units = AdminUnits(caller, tenant);
  if (admin_units.empty()) {
    return absl::PermissionDeniedError(
        "listing employees needs an admin, auditor, verifikator or service role");
  }
  if (units.empty()) units = admin_units;
  for (const std::string& u : units) {
    if (!Contains(admin_units, u)) {
      return absl::PermissionDeniedError("org unit " + u + " is outside the caller's scope");
    }
  }
  return units;
}

absl::Status FakeDirectory::EmployeesOfPeriod(
    const std::string& bearer, const std::string& org_unit, absl::CivilDay first,
    absl::CivilDay last, const std::function<void(const clients::EmployeePeriod&)>& each) {
  Record({"EmployeesOfPeriod", bearer, org_unit, first, last});
  std::vector<clients::EmployeePeriod> out;
  {
    absl::MutexLock lock(&mu_);
    EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
    if (last < first || last - first >= 92) {
      return absl::InvalidArgumentError("end_date: 1 to 92 days from start_date");
    }
    const Tenant& tenant = TenantOf(caller.principal.tenant);
    if (org_unit.empty() && !ReadsWholeTenant(caller.principal.roles)) {
      return absl::PermissionDeniedError("the whole tenant needs a tenant-wide role");
    }
    EK_ASSIGN_OR_RETURN(std::vector<std::string> units, ListedUnits(caller, tenant, org_unit));
    absl::flat_hash_map<std::string, std::string> unit_of;
    for (const identity::Position& p : tenant.org.positions) unit_of[p.code] = p.org_unit_code;
    std::map<std::string, std::vector<clients::PositionHeld>> held;  // by NIP
    for (const identity::Assignment& a : tenant.org.assignments) {
      const std::string& unit = unit_of[a.position_code];
      if (a.kind != identity::AssignmentKind::kDefinitif || a.start > last ||
          (a.end && *a.end < first) || (!units.empty() && !Contains(units, unit))) {
        continue;
      }
      auto position = tenant.positions.find(a.position_code);
      held[a.nip].push_back(
          {a.position_code, position == tenant.positions.end() ? 0 : position->second.kelas_jabatan,
           unit, std::max(a.start, first), std::min(a.end.value_or(last), last)});
    }
    for (auto& [nip, positions] : held) {
      auto employee = tenant.employees.find(nip);
      if (employee == tenant.employees.end()) continue;
      std::sort(positions.begin(), positions.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      out.push_back({nip, employee->second.name, employee->second.golongan, employee->second.status,
                     std::move(positions)});
    }
  }
  for (const clients::EmployeePeriod& e : out) each(e);  // outside the lock
  return absl::OkStatus();
}

absl::Status FakeDirectory::SupervisorsOn(
    const std::string& bearer, absl::CivilDay day,
    const std::function<void(const clients::EmployeeSupervisor&)>& each) {
  Record({"SupervisorsOn", bearer, "", day, day});
  std::vector<clients::EmployeeSupervisor> out;
  {
    absl::MutexLock lock(&mu_);
    EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
    if (!ReadsWholeTenant(caller.principal.roles)) {
      return absl::PermissionDeniedError("the whole tenant needs a tenant-wide role");
    }
    const Tenant& tenant = TenantOf(caller.principal.tenant);
    absl::flat_hash_map<std::string, std::string> parent_of;
    for (const identity::OrgUnit& u : tenant.org.units) parent_of[u.code] = u.parent_code;
    const identity::OrgIndex org(tenant.org, day);
    const auto name_of = [&](const std::string& nip) {
      auto it = tenant.employees.find(nip);
      return it == tenant.employees.end() ? std::string() : it->second.name;
    };
    for (const auto& [nip, employee] : tenant.employees) {
      const std::optional<std::string> unit = org.UnitOf(nip);
      if (!employee.active || !unit) continue;
      const std::vector<std::string> path = UnitPath(*unit, parent_of);
      clients::EmployeeSupervisor e{
          nip, employee.name, *unit, path.empty() ? *unit : path.front(), "", ""};
      if (auto sups = org.SupervisorsOf(nip); sups.ok() && sups->atasan_langsung) {
        e.atasan_nip = sups->atasan_langsung->nip;
        e.atasan_name = name_of(e.atasan_nip);
      }
      out.push_back(std::move(e));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.nip < b.nip; });
  for (const clients::EmployeeSupervisor& e : out) each(e);  // outside the lock
  return absl::OkStatus();
}

absl::StatusOr<std::string> FakeDirectory::TenantZone(const std::string& bearer,
                                                      const std::string& tenant) {
  Record({"TenantZone", bearer, tenant, {}, {}});
  absl::MutexLock lock(&mu_);
  EK_ASSIGN_OR_RETURN(Caller caller, CallerOf(bearer));
  if (caller.principal.tenant != tenant) {
    return absl::PermissionDeniedError("a tenant's users read only their own tenant");
  }
  return TenantOf(tenant).zone;
}

absl::StatusOr<std::string> FakeDirectory::ServiceToken(const std::string& tenant) {
  Record({"ServiceToken", "", tenant, {}, {}});
  if (service_account_.empty()) {
    return absl::FailedPreconditionError("no identity service account configured");
  }
  absl::MutexLock lock(&mu_);
  if (!tenants_.contains(tenant)) return absl::NotFoundError("identity: no tenant " + tenant);
  Principal p;
  p.tenant = tenant;
  p.subject = service_account_;
  p.actor = service_account_;
  p.roles = {Role::kService};
  return Remember(p, "");
}

}  // namespace ekinerja::mocks

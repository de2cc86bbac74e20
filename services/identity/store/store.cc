#include "store/store.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "civil.h"
#include "db_fields.h"
#include "identity_sql.h"

namespace ekinerja::identity::store {
namespace {

using db::ArrayLiteral;
using db::Day;
using db::DayText;
using db::Micros;
using db::OptDay;
using db::OptMicros;

std::vector<std::string> SplitList(const std::string& s) {
  if (s.empty()) return {};
  return absl::StrSplit(s, ',');
}

TenantRow ToTenant(const pqxx::row& r) {
  return {r["tenant_id"].as<std::string>(), r["name"].as<std::string>(),
          r["time_zone"].as<std::string>(), Micros(r["created_us"])};
}

OrgUnitRow ToOrgUnit(const pqxx::row& r) {
  return {r["code"].as<std::string>(), r["name"].as<std::string>(),
          r["parent_code"].as<std::string>(), r["head_position_code"].as<std::string>()};
}

PositionRow ToPosition(const pqxx::row& r) {
  return {r["code"].as<std::string>(),  r["name"].as<std::string>(),
          r["kind"].as<int>(),          r["kelas_jabatan"].as<int>(),
          r["nilai_jabatan"].as<int>(), r["org_unit_code"].as<std::string>(),
          r["head_of_unit"].as<bool>()};
}

EmployeeRow ToEmployee(const pqxx::row& r) {
  return {r["nip"].as<std::string>(),
          r["name"].as<std::string>(),
          r["golongan"].as<int>(),
          r["status"].as<int>(),
          r["position_code"].as<std::string>(),
          r["org_unit_code"].as<std::string>()};
}

AssignmentKind KindOf(int k) {
  return k == 2 ? AssignmentKind::kPlt : k == 3 ? AssignmentKind::kPlh : AssignmentKind::kDefinitif;
}

int KindNumber(AssignmentKind k) {
  return k == AssignmentKind::kPlt ? 2 : k == AssignmentKind::kPlh ? 3 : 1;
}

AssignmentRow ToAssignment(const pqxx::row& r) {
  AssignmentRow a;
  a.id = r["id"].as<int64_t>();
  a.a = {r["nip"].as<std::string>(), r["position_code"].as<std::string>(),
         KindOf(r["kind"].as<int>()), Day(r["start_date"]), OptDay(r["end_date"])};
  return a;
}

UserRow ToUser(const pqxx::row& r) {
  UserRow u;
  u.username = r["username"].as<std::string>();
  u.nip = r["nip"].as<std::string>();
  u.password_hash = r["password_hash"].as<std::string>();
  u.roles = SplitList(r["roles"].as<std::string>());
  u.admin_org_unit_code = r["admin_org_unit_code"].as<std::string>();
  u.disabled = r["disabled"].as<bool>();
  u.service_account = r["service_account"].as<bool>();
  u.locked_until = OptMicros(r["locked_until_us"]);
  u.created = Micros(r["created_us"]);
  return u;
}

RefreshFamily ToRefreshFamily(const pqxx::row& r) {
  return {r["family_id"].as<std::string>(), r["username"].as<std::string>()};
}

}  // namespace

absl::StatusOr<TenantRow> GetTenant(db::Tx& tx, const std::string& tenant) {
  auto r = tx.Exec(sql::kTenantGet, tenant);
  if (r.empty()) return absl::NotFoundError("tenant " + tenant + " not found");
  return ToTenant(r[0]);
}

std::vector<TenantRow> ListTenants(db::Tx& tx, const std::string& after, int limit) {
  std::vector<TenantRow> out;
  for (const auto& r : tx.Exec(sql::kTenantList, after, limit)) out.push_back(ToTenant(r));
  return out;
}

void InsertTenant(db::Tx& tx, const TenantRow& t) {
  tx.Exec(sql::kTenantInsert, t.code, t.name, t.time_zone);
}

void UpdateTenant(db::Tx& tx, const TenantRow& t) {
  tx.Exec(sql::kTenantUpdate, t.code, t.name, t.time_zone);
}

absl::StatusOr<OrgUnitRow> GetOrgUnit(db::Tx& tx, const std::string& tenant,
                                      const std::string& code) {
  auto r = tx.Exec(sql::kOrgUnitGet, tenant, code);
  if (r.empty()) return absl::NotFoundError("org unit " + code + " not found");
  return ToOrgUnit(r[0]);
}

std::vector<OrgUnitRow> ListOrgUnits(db::Tx& tx, const std::string& tenant,
                                     const std::string& parent, const std::string& after,
                                     int limit) {
  std::vector<OrgUnitRow> out;
  for (const auto& r : tx.Exec(sql::kOrgUnitList, tenant, parent, after, limit)) {
    out.push_back(ToOrgUnit(r));
  }
  return out;
}

std::vector<OrgUnit> AllOrgUnits(db::Tx& tx, const std::string& tenant) {
  std::vector<OrgUnit> out;
  for (const auto& r : tx.Exec(sql::kOrgUnitAll, tenant)) {
    out.push_back({r["code"].as<std::string>(), r["parent_code"].as<std::string>()});
  }
  return out;
}

void InsertOrgUnit(db::Tx& tx, const std::string& tenant, const OrgUnitRow& u) {
  tx.Exec(sql::kOrgUnitInsert, tenant, u.code, u.name, u.parent_code);
}

void UpdateOrgUnit(db::Tx& tx, const std::string& tenant, const OrgUnitRow& u) {
  tx.Exec(sql::kOrgUnitUpdate, tenant, u.code, u.name, u.parent_code);
}

absl::StatusOr<PositionRow> GetPosition(db::Tx& tx, const std::string& tenant,
                                        const std::string& code) {
  auto r = tx.Exec(sql::kPositionGet, tenant, code);
  if (r.empty()) return absl::NotFoundError("position " + code + " not found");
  return ToPosition(r[0]);
}

std::vector<PositionRow> ListPositions(db::Tx& tx, const std::string& tenant,
                                       const std::string& unit, const std::string& after,
                                       int limit) {
  std::vector<PositionRow> out;
  for (const auto& r : tx.Exec(sql::kPositionList, tenant, unit, after, limit)) {
    out.push_back(ToPosition(r));
  }
  return out;
}

void InsertPosition(db::Tx& tx, const std::string& tenant, const PositionRow& p) {
  tx.Exec(sql::kPositionInsert, tenant, p.code, p.name, p.kind, p.kelas_jabatan, p.nilai_jabatan,
          p.org_unit_code, p.head_of_unit);
}

void UpdatePosition(db::Tx& tx, const std::string& tenant, const PositionRow& p) {
  tx.Exec(sql::kPositionUpdate, tenant, p.code, p.name, p.kind, p.kelas_jabatan, p.nilai_jabatan,
          p.head_of_unit);
}

namespace {

// `day` "" is today in the tenant's zone (employee_batch_get).
std::vector<EmployeeRow> EmployeesOn(db::Tx& tx, const std::string& tenant,
                                     const std::vector<std::string>& nips, const std::string& day) {
  std::vector<EmployeeRow> out;
  for (const auto& r : tx.Exec(sql::kEmployeeBatchGet, tenant, absl::StrJoin(nips, ","), day)) {
    out.push_back(ToEmployee(r));
  }
  return out;
}

}  // namespace

absl::StatusOr<EmployeeRow> GetEmployee(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, std::optional<absl::CivilDay> day) {
  auto rows = EmployeesOn(tx, tenant, {nip}, day ? FormatDate(*day) : "");
  if (rows.empty()) return absl::NotFoundError("employee " + nip + " not found");
  return std::move(rows.front());
}

std::vector<EmployeeRow> BatchGetEmployees(db::Tx& tx, const std::string& tenant,
                                           const std::vector<std::string>& nips,
                                           absl::CivilDay day) {
  return EmployeesOn(tx, tenant, nips, FormatDate(day));
}

std::vector<EmployeeRow> ListEmployees(db::Tx& tx, const std::string& tenant,
                                       const std::vector<std::string>& units, absl::CivilDay day,
                                       bool active_only, const std::string& after, int limit) {
  std::vector<EmployeeRow> out;
  for (const auto& r : tx.Exec(sql::kEmployeeList, tenant, FormatDate(day),
                               absl::StrJoin(units, ","), active_only, after, limit)) {
    out.push_back(ToEmployee(r));
  }
  return out;
}

std::vector<PeriodTermRow> EmployeesOfPeriod(db::Tx& tx, const std::string& tenant,
                                             const std::vector<std::string>& units,
                                             absl::CivilDay first, absl::CivilDay last,
                                             const std::string& after, int limit) {
  std::vector<PeriodTermRow> out;
  for (const auto& r : tx.Exec(sql::kEmployeePeriodTerms, tenant, FormatDate(first),
                               FormatDate(last), absl::StrJoin(units, ","), after, limit)) {
    out.push_back({r["nip"].as<std::string>(), r["name"].as<std::string>(), r["golongan"].as<int>(),
                   r["status"].as<int>(), r["position_code"].as<std::string>(),
                   r["kelas_jabatan"].as<int>(), r["nilai_jabatan"].as<int>(),
                   r["org_unit_code"].as<std::string>(), Day(r["first_day"]), Day(r["last_day"])});
  }
  return out;
}

void InsertEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e) {
  tx.Exec(sql::kEmployeeInsert, tenant, e.nip, e.name, e.golongan, e.status);
}

bool UpsertEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e) {
  return tx.Exec(sql::kEmployeeUpsert, tenant, e.nip, e.name, e.golongan, e.status)[0]["inserted"]
      .as<bool>();
}

void UpsertEmployees(db::Tx& tx, const std::string& tenant, const std::vector<EmployeeRow>& rows) {
  if (rows.empty()) return;
  std::vector<std::string> nips, names, golongan, status;
  for (const auto& e : rows) {
    nips.push_back(e.nip);
    names.push_back(e.name);
    golongan.push_back(std::to_string(e.golongan));
    status.push_back(std::to_string(e.status));
  }
  tx.Exec(sql::kEmployeeUpsertMany, tenant, ArrayLiteral(nips), ArrayLiteral(names),
          ArrayLiteral(golongan), ArrayLiteral(status));
}

void UpdateEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e) {
  tx.Exec(sql::kEmployeeUpdate, tenant, e.nip, e.name, e.golongan, e.status);
}

std::vector<AssignmentRow> ListAssignments(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip) {
  std::vector<AssignmentRow> out;
  for (const auto& r : tx.Exec(sql::kAssignmentList, tenant, nip)) out.push_back(ToAssignment(r));
  return out;
}

std::vector<AssignmentRow> ListAssignmentsOf(db::Tx& tx, const std::string& tenant,
                                             const std::vector<std::string>& nips) {
  std::vector<AssignmentRow> out;
  for (const auto& r : tx.Exec(sql::kAssignmentListMany, tenant, ArrayLiteral(nips))) {
    out.push_back(ToAssignment(r));
  }
  return out;
}

absl::StatusOr<AssignmentRow> GetAssignment(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec(sql::kAssignmentGet, tenant, id);
  if (r.empty()) return absl::NotFoundError("assignment " + std::to_string(id) + " not found");
  return ToAssignment(r[0]);
}

int64_t InsertAssignment(db::Tx& tx, const std::string& tenant, const Assignment& a) {
  return tx
      .Exec(sql::kAssignmentInsert, tenant, a.nip, a.position_code, KindNumber(a.kind),
            FormatDate(a.start), DayText(a.end))[0]["id"]
      .as<int64_t>();
}

void InsertAssignments(db::Tx& tx, const std::string& tenant, const std::vector<Assignment>& rows) {
  if (rows.empty()) return;
  std::vector<std::string> nips, positions, kinds;
  std::vector<std::optional<std::string>> starts, ends;
  for (const auto& a : rows) {
    nips.push_back(a.nip);
    positions.push_back(a.position_code);
    kinds.push_back(std::to_string(KindNumber(a.kind)));
    starts.push_back(FormatDate(a.start));
    ends.push_back(a.end ? std::optional<std::string>(FormatDate(*a.end)) : std::nullopt);
  }
  tx.Exec(sql::kAssignmentInsertMany, tenant, ArrayLiteral(nips), ArrayLiteral(positions),
          ArrayLiteral(kinds), ArrayLiteral(starts), ArrayLiteral(ends));
}

std::vector<int64_t> DefinitiveOverlaps(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, absl::CivilDay start,
                                        std::optional<absl::CivilDay> end, int64_t except_id) {
  std::vector<int64_t> out;
  for (const auto& r : tx.Exec(sql::kAssignmentDefinitiveOverlaps, tenant, nip, FormatDate(start),
                               DayText(end), except_id)) {
    out.push_back(r["id"].as<int64_t>());
  }
  return out;
}

void SetAssignmentEnd(db::Tx& tx, const std::string& tenant, int64_t id,
                      std::optional<absl::CivilDay> end) {
  tx.Exec(sql::kAssignmentSetEnd, tenant, id, DayText(end));
}

int64_t InsertOverride(db::Tx& tx, const std::string& tenant, const Override& o) {
  const int role = o.role == SupervisorRole::kPejabatPenilai ? 2 : 1;
  return tx
      .Exec(sql::kOverrideInsert, tenant, o.nip, o.supervisor_nip, role, FormatDate(o.start),
            DayText(o.end))[0]["id"]
      .as<int64_t>();
}

OrgSnapshot LoadOrgSnapshot(db::Tx& tx, const std::string& tenant, absl::CivilDay day) {
  OrgSnapshot s;
  s.units = AllOrgUnits(tx, tenant);
  for (const auto& r : tx.Exec(sql::kPositionAll, tenant)) {
    s.positions.push_back({r["code"].as<std::string>(), r["org_unit_code"].as<std::string>(),
                           r["head_of_unit"].as<bool>()});
  }
  const std::string d = FormatDate(day);
  for (const auto& r : tx.Exec(sql::kAssignmentsOn, tenant, d)) {
    s.assignments.push_back(ToAssignment(r).a);
  }
  for (const auto& r : tx.Exec(sql::kOverridesOn, tenant, d)) {
    s.overrides.push_back({r["nip"].as<std::string>(), r["supervisor_nip"].as<std::string>(),
                           r["role"].as<int>() == 2 ? SupervisorRole::kPejabatPenilai
                                                    : SupervisorRole::kAtasanLangsung,
                           Day(r["start_date"]), OptDay(r["end_date"])});
  }
  return s;
}

int64_t OrgVersion(db::Tx& tx, const std::string& tenant) {
  return tx.Exec(sql::kOrgVersion, tenant)[0]["version"].as<int64_t>();
}

absl::StatusOr<UserRow> GetUser(db::Tx& tx, const std::string& tenant,
                                const std::string& username) {
  auto r = tx.Exec(sql::kUserGet, tenant, username);
  if (r.empty()) return absl::NotFoundError("user " + username + " not found");
  return ToUser(r[0]);
}

absl::StatusOr<UserRow> GetUserBySubject(db::Tx& tx, const std::string& tenant,
                                         const std::string& subject) {
  auto r = tx.Exec(sql::kUserBySubject, tenant, subject);
  if (r.empty()) return absl::NotFoundError("user " + subject + " not found");
  return ToUser(r[0]);
}

std::vector<UserRow> ListUsers(db::Tx& tx, const std::string& tenant, const std::string& after,
                               int limit) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec(sql::kUserList, tenant, after, limit)) out.push_back(ToUser(r));
  return out;
}

std::vector<UserRow> GetUsers(db::Tx& tx, const std::string& tenant,
                              const std::vector<std::string>& usernames) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec(sql::kUsersByUsername, tenant, ArrayLiteral(usernames))) {
    out.push_back(ToUser(r));
  }
  return out;
}

std::vector<UserRow> GetUsersByNip(db::Tx& tx, const std::string& tenant,
                                   const std::vector<std::string>& nips) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec(sql::kUsersByNip, tenant, ArrayLiteral(nips))) {
    out.push_back(ToUser(r));
  }
  return out;
}

std::vector<UserRow> UsersWithoutPassword(db::Tx& tx, const std::string& tenant) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec(sql::kUsersWithoutPassword, tenant)) out.push_back(ToUser(r));
  return out;
}

void SetPasswordHash(db::Tx& tx, const std::string& tenant, const std::string& username,
                     const std::string& hash) {
  tx.Exec(sql::kUserSetPassword, tenant, username, hash);
}

void InsertUser(db::Tx& tx, const std::string& tenant, const UserRow& u) {
  tx.Exec(sql::kUserInsert, tenant, u.username, u.nip, u.password_hash, absl::StrJoin(u.roles, ","),
          u.admin_org_unit_code, u.service_account);
}

void InsertLoginsWithoutPassword(db::Tx& tx, const std::string& tenant,
                                 const std::vector<std::pair<std::string, std::string>>& logins) {
  if (logins.empty()) return;
  std::vector<std::string> usernames, nips;
  for (const auto& [username, nip] : logins) {
    usernames.push_back(username);
    nips.push_back(nip);
  }
  tx.Exec(sql::kUserInsertLogins, tenant, ArrayLiteral(usernames), ArrayLiteral(nips));
}

void UpdateUser(db::Tx& tx, const std::string& tenant, const UserRow& u, bool unlock) {
  tx.Exec(sql::kUserUpdate, tenant, u.username, absl::StrJoin(u.roles, ","), u.admin_org_unit_code,
          u.disabled, u.password_hash);
  if (unlock) tx.Exec(sql::kLoginFailuresClearUser, tenant, u.username);
}

std::optional<absl::Time> LoginBlockedUntil(db::Tx& tx, const std::string& tenant,
                                            const std::string& username,
                                            const std::string& source) {
  auto r = tx.Exec(sql::kLoginBlockedUntil, tenant, username, source);
  if (r.empty()) return std::nullopt;
  return OptMicros(r[0]["blocked_until_us"]);
}

int RecordLoginFailure(db::Tx& tx, const std::string& tenant, const std::string& username,
                       const std::string& source, absl::Duration forget_after) {
  return tx
      .Exec(sql::kLoginFailureRecord, tenant, username, source,
            absl::ToDoubleSeconds(forget_after))[0]["failures"]
      .as<int>();
}

void BlockLogins(db::Tx& tx, const std::string& tenant, const std::string& username,
                 const std::string& source, absl::Duration for_how_long) {
  tx.Exec(sql::kLoginFailureBlock, tenant, username, source, absl::ToDoubleSeconds(for_how_long));
}

void RecordLogin(db::Tx& tx, const std::string& tenant, const std::string& username,
                 const std::string& source) {
  tx.Exec(sql::kLoginFailuresClearSource, tenant, username, source);
}

void InsertRefreshToken(db::Tx& tx, const std::string& tenant, const std::string& token_hash,
                        const std::string& family, const std::string& username,
                        absl::Duration ttl) {
  tx.Exec(sql::kRefreshInsert, tenant, token_hash, family, username, absl::ToDoubleSeconds(ttl));
}

absl::StatusOr<RefreshFamily> SpendRefreshToken(db::Tx& tx, const std::string& tenant,
                                                const std::string& token_hash) {
  auto r = tx.Exec(sql::kRefreshSpend, tenant, token_hash);
  if (r.empty()) return absl::NotFoundError("refresh token not live");
  return ToRefreshFamily(r[0]);
}

std::optional<RefreshFamily> RefreshFamilyOf(db::Tx& tx, const std::string& tenant,
                                             const std::string& token_hash) {
  auto r = tx.Exec(sql::kRefreshFamilyOf, tenant, token_hash);
  if (r.empty()) return std::nullopt;
  return ToRefreshFamily(r[0]);
}

void RevokeRefreshFamily(db::Tx& tx, const std::string& tenant, const std::string& family) {
  tx.Exec(sql::kRefreshRevokeFamily, tenant, family);
}

int RevokeRefreshTokensOf(db::Tx& tx, const std::string& tenant, const std::string& username) {
  return tx.Exec(sql::kRefreshRevokeUser, tenant, username)[0]["live_count"].as<int>();
}

int VoidPasswordCodes(db::Tx& tx, const std::string& tenant,
                      const std::vector<std::string>& usernames) {
  return tx.Exec(sql::kPasswordCodesVoid, tenant, ArrayLiteral(usernames))[0]["voided"].as<int>();
}

absl::Time InsertPasswordCodes(db::Tx& tx, const std::string& tenant,
                               const std::vector<NewPasswordCode>& codes,
                               const std::string& issued_by, absl::Duration ttl) {
  std::vector<std::string> usernames, hashes, purposes;
  for (const auto& c : codes) {
    usernames.push_back(c.username);
    hashes.push_back(c.code_hash);
    purposes.push_back(c.purpose);
  }
  return Micros(tx.Exec(sql::kPasswordCodesInsert, tenant, ArrayLiteral(usernames),
                        ArrayLiteral(hashes), ArrayLiteral(purposes), issued_by,
                        absl::ToDoubleSeconds(ttl))[0]["expires_us"]);
}

std::optional<PasswordCodeRow> GetPasswordCode(db::Tx& tx, const std::string& tenant,
                                               const std::string& code_hash) {
  auto r = tx.Exec(sql::kPasswordCodeGet, tenant, code_hash);
  if (r.empty()) return std::nullopt;
  const pqxx::row c = r[0];
  return PasswordCodeRow{c["id"].as<int64_t>(),          c["username"].as<std::string>(),
                         c["purpose"].as<std::string>(), c["used"].as<bool>(),
                         c["voided"].as<bool>(),         c["expired"].as<bool>()};
}

bool SpendPasswordCode(db::Tx& tx, const std::string& tenant, int64_t id) {
  return !tx.Exec(sql::kPasswordCodeSpend, tenant, id).empty();
}

namespace {
std::vector<SigningKeyRow> SigningKeyRows(const pqxx::result& rows) {
  std::vector<SigningKeyRow> out;
  for (const auto& r : rows) {
    out.push_back({r["kid"].as<std::string>(), r["private_pem"].as<std::string>(),
                   r["kek_id"].as<std::string>(), r["nonce"].as<std::string>(),
                   r["sealed_key"].as<std::string>(), r["current"].as<bool>()});
  }
  return out;
}
}  // namespace

std::vector<SigningKeyRow> LiveSigningKeys(db::Tx& tx, absl::Duration retired_within) {
  return SigningKeyRows(tx.Exec(sql::kSigningKeysLive, absl::ToDoubleSeconds(retired_within)));
}

std::vector<SigningKeyRow> AllSigningKeys(db::Tx& tx) {
  return SigningKeyRows(tx.Exec(sql::kSigningKeysAll));
}

void SealSigningKey(db::Tx& tx, const SigningKeyRow& key) {
  tx.Exec(sql::kSigningKeySeal, key.kid, key.kek_id, key.nonce, key.sealed_key);
}

void LockSigningKeys(db::Tx& tx) { tx.Exec(sql::kSigningKeyLock); }

void RotateSigningKey(db::Tx& tx, const SigningKeyRow& key) {
  LockSigningKeys(tx);
  tx.Exec(sql::kSigningKeyRetireAll);
  tx.Exec(sql::kSigningKeyInsert, key.kid, key.kek_id, key.nonce, key.sealed_key);
}

void InsertAudit(db::Tx& tx, const std::string& tenant, const AuditRow& e) {
  tx.Exec(sql::kAuditInsert, tenant, e.actor, e.action, e.target, e.detail, e.source);
}

void InsertAudits(db::Tx& tx, const std::string& tenant, const std::vector<AuditRow>& events) {
  if (events.empty()) return;
  std::vector<std::string> actors, actions, targets, details, sources;
  for (const auto& e : events) {
    actors.push_back(e.actor);
    actions.push_back(e.action);
    targets.push_back(e.target);
    details.push_back(e.detail);
    sources.push_back(e.source);
  }
  tx.Exec(sql::kAuditInsertMany, tenant, ArrayLiteral(actors), ArrayLiteral(actions),
          ArrayLiteral(targets), ArrayLiteral(details), ArrayLiteral(sources));
}

std::vector<AuditRow> ListAudit(db::Tx& tx, const std::string& tenant, const std::string& actor,
                                const std::string& action, const std::string& target,
                                int64_t before_id, int limit) {
  std::vector<AuditRow> out;
  for (const auto& r : tx.Exec(sql::kAuditList, tenant, actor, action, target, limit, before_id)) {
    out.push_back({r["id"].as<int64_t>(), Micros(r["at_us"]), r["actor"].as<std::string>(),
                   r["action"].as<std::string>(), r["target"].as<std::string>(),
                   r["detail"].as<std::string>(), r["source"].as<std::string>()});
  }
  return out;
}

std::optional<RequestIdRow> GetRequestId(db::Tx& tx, const std::string& tenant,
                                         const std::string& id) {
  auto r = tx.Exec(sql::kRequestIdGet, tenant, id);
  if (r.empty()) return std::nullopt;
  return RequestIdRow{r[0]["method"].as<std::string>(), r[0]["resource"].as<std::string>()};
}

void InsertRequestId(db::Tx& tx, const std::string& tenant, const std::string& id,
                     const std::string& method, const std::string& resource) {
  tx.Exec(sql::kRequestIdInsert, tenant, id, method, resource);
}

}  // namespace ekinerja::identity::store

#include "store/store.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "civil.h"
#include "db_fields.h"

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
  return {r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(), Micros(r[3])};
}

OrgUnitRow ToOrgUnit(const pqxx::row& r) {
  return {r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(),
          r[3].as<std::string>()};
}

PositionRow ToPosition(const pqxx::row& r) {
  return {r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<int>(), r[3].as<int>(),
          r[4].as<int>(),         r[5].as<std::string>(), r[6].as<bool>()};
}

EmployeeRow ToEmployee(const pqxx::row& r) {
  return {r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<int>(),
          r[3].as<int>(),         r[4].as<std::string>(), r[5].as<std::string>()};
}

AssignmentKind KindOf(int k) {
  return k == 2 ? AssignmentKind::kPlt : k == 3 ? AssignmentKind::kPlh : AssignmentKind::kDefinitif;
}

int KindNumber(AssignmentKind k) {
  return k == AssignmentKind::kPlt ? 2 : k == AssignmentKind::kPlh ? 3 : 1;
}

AssignmentRow ToAssignment(const pqxx::row& r) {
  AssignmentRow a;
  a.id = r[0].as<int64_t>();
  a.a = {r[1].as<std::string>(), r[2].as<std::string>(), KindOf(r[3].as<int>()), Day(r[4]),
         OptDay(r[5])};
  return a;
}

UserRow ToUser(const pqxx::row& r) {
  UserRow u;
  u.username = r[0].as<std::string>();
  u.nip = r[1].as<std::string>();
  u.password_hash = r[2].as<std::string>();
  u.roles = SplitList(r[3].as<std::string>());
  u.admin_org_unit_code = r[4].as<std::string>();
  u.disabled = r[5].as<bool>();
  u.service_account = r[6].as<bool>();
  u.locked_until = OptMicros(r[7]);
  u.created = Micros(r[8]);
  return u;
}

}  // namespace

absl::StatusOr<TenantRow> GetTenant(db::Tx& tx, const std::string& tenant) {
  auto r = tx.Exec("tenant_get", tenant);
  if (r.empty()) return absl::NotFoundError("tenant " + tenant + " not found");
  return ToTenant(r[0]);
}

std::vector<TenantRow> ListTenants(db::Tx& tx, const std::string& after, int limit) {
  std::vector<TenantRow> out;
  for (const auto& r : tx.Exec("tenant_list", after, limit)) out.push_back(ToTenant(r));
  return out;
}

void InsertTenant(db::Tx& tx, const TenantRow& t) {
  tx.Exec("tenant_insert", t.code, t.name, t.time_zone);
}

void UpdateTenant(db::Tx& tx, const TenantRow& t) {
  tx.Exec("tenant_update", t.code, t.name, t.time_zone);
}

absl::StatusOr<OrgUnitRow> GetOrgUnit(db::Tx& tx, const std::string& tenant,
                                      const std::string& code) {
  auto r = tx.Exec("org_unit_get", tenant, code);
  if (r.empty()) return absl::NotFoundError("org unit " + code + " not found");
  return ToOrgUnit(r[0]);
}

std::vector<OrgUnitRow> ListOrgUnits(db::Tx& tx, const std::string& tenant,
                                     const std::string& parent, const std::string& after,
                                     int limit) {
  std::vector<OrgUnitRow> out;
  for (const auto& r : tx.Exec("org_unit_list", tenant, parent, after, limit)) {
    out.push_back(ToOrgUnit(r));
  }
  return out;
}

std::vector<OrgUnit> AllOrgUnits(db::Tx& tx, const std::string& tenant) {
  std::vector<OrgUnit> out;
  for (const auto& r : tx.Exec("org_unit_all", tenant)) {
    out.push_back({r[0].as<std::string>(), r[1].as<std::string>()});
  }
  return out;
}

void InsertOrgUnit(db::Tx& tx, const std::string& tenant, const OrgUnitRow& u) {
  tx.Exec("org_unit_insert", tenant, u.code, u.name, u.parent_code);
}

void UpdateOrgUnit(db::Tx& tx, const std::string& tenant, const OrgUnitRow& u) {
  tx.Exec("org_unit_update", tenant, u.code, u.name, u.parent_code);
}

absl::StatusOr<PositionRow> GetPosition(db::Tx& tx, const std::string& tenant,
                                        const std::string& code) {
  auto r = tx.Exec("position_get", tenant, code);
  if (r.empty()) return absl::NotFoundError("position " + code + " not found");
  return ToPosition(r[0]);
}

std::vector<PositionRow> ListPositions(db::Tx& tx, const std::string& tenant,
                                       const std::string& unit, const std::string& after,
                                       int limit) {
  std::vector<PositionRow> out;
  for (const auto& r : tx.Exec("position_list", tenant, unit, after, limit)) {
    out.push_back(ToPosition(r));
  }
  return out;
}

void InsertPosition(db::Tx& tx, const std::string& tenant, const PositionRow& p) {
  tx.Exec("position_insert", tenant, p.code, p.name, p.kind, p.kelas_jabatan, p.nilai_jabatan,
          p.org_unit_code, p.head_of_unit);
}

void UpdatePosition(db::Tx& tx, const std::string& tenant, const PositionRow& p) {
  tx.Exec("position_update", tenant, p.code, p.name, p.kind, p.kelas_jabatan, p.nilai_jabatan,
          p.head_of_unit);
}

namespace {

// `day` "" is today in the tenant's zone (employee_batch_get).
std::vector<EmployeeRow> EmployeesOn(db::Tx& tx, const std::string& tenant,
                                     const std::vector<std::string>& nips, const std::string& day) {
  std::vector<EmployeeRow> out;
  for (const auto& r : tx.Exec("employee_batch_get", tenant, absl::StrJoin(nips, ","), day)) {
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
  for (const auto& r : tx.Exec("employee_list", tenant, FormatDate(day), absl::StrJoin(units, ","),
                               active_only, after, limit)) {
    out.push_back(ToEmployee(r));
  }
  return out;
}

void InsertEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e) {
  tx.Exec("employee_insert", tenant, e.nip, e.name, e.golongan, e.status);
}

bool UpsertEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e) {
  return tx.Exec("employee_upsert", tenant, e.nip, e.name, e.golongan, e.status)[0][0].as<bool>();
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
  tx.Exec("employee_upsert_many", tenant, ArrayLiteral(nips), ArrayLiteral(names),
          ArrayLiteral(golongan), ArrayLiteral(status));
}

void UpdateEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e) {
  tx.Exec("employee_update", tenant, e.nip, e.name, e.golongan, e.status);
}

std::vector<AssignmentRow> ListAssignments(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip) {
  std::vector<AssignmentRow> out;
  for (const auto& r : tx.Exec("assignment_list", tenant, nip)) out.push_back(ToAssignment(r));
  return out;
}

std::vector<AssignmentRow> ListAssignmentsOf(db::Tx& tx, const std::string& tenant,
                                             const std::vector<std::string>& nips) {
  std::vector<AssignmentRow> out;
  for (const auto& r : tx.Exec("assignment_list_many", tenant, ArrayLiteral(nips))) {
    out.push_back(ToAssignment(r));
  }
  return out;
}

absl::StatusOr<AssignmentRow> GetAssignment(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec("assignment_get", tenant, id);
  if (r.empty()) return absl::NotFoundError("assignment " + std::to_string(id) + " not found");
  return ToAssignment(r[0]);
}

int64_t InsertAssignment(db::Tx& tx, const std::string& tenant, const Assignment& a) {
  return tx
      .Exec("assignment_insert", tenant, a.nip, a.position_code, KindNumber(a.kind),
            FormatDate(a.start), DayText(a.end))[0][0]
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
  tx.Exec("assignment_insert_many", tenant, ArrayLiteral(nips), ArrayLiteral(positions),
          ArrayLiteral(kinds), ArrayLiteral(starts), ArrayLiteral(ends));
}

std::vector<int64_t> DefinitiveOverlaps(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, absl::CivilDay start,
                                        std::optional<absl::CivilDay> end, int64_t except_id) {
  std::vector<int64_t> out;
  for (const auto& r : tx.Exec("assignment_definitive_overlaps", tenant, nip, FormatDate(start),
                               DayText(end), except_id)) {
    out.push_back(r[0].as<int64_t>());
  }
  return out;
}

void SetAssignmentEnd(db::Tx& tx, const std::string& tenant, int64_t id,
                      std::optional<absl::CivilDay> end) {
  tx.Exec("assignment_set_end", tenant, id, DayText(end));
}

int64_t InsertOverride(db::Tx& tx, const std::string& tenant, const Override& o) {
  const int role = o.role == SupervisorRole::kPejabatPenilai ? 2 : 1;
  return tx
      .Exec("override_insert", tenant, o.nip, o.supervisor_nip, role, FormatDate(o.start),
            DayText(o.end))[0][0]
      .as<int64_t>();
}

OrgSnapshot LoadOrgSnapshot(db::Tx& tx, const std::string& tenant, absl::CivilDay day) {
  OrgSnapshot s;
  s.units = AllOrgUnits(tx, tenant);
  for (const auto& r : tx.Exec("position_all", tenant)) {
    s.positions.push_back({r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<bool>()});
  }
  const std::string d = FormatDate(day);
  for (const auto& r : tx.Exec("assignments_on", tenant, d)) {
    s.assignments.push_back(ToAssignment(r).a);
  }
  for (const auto& r : tx.Exec("overrides_on", tenant, d)) {
    s.overrides.push_back(
        {r[1].as<std::string>(), r[2].as<std::string>(),
         r[3].as<int>() == 2 ? SupervisorRole::kPejabatPenilai : SupervisorRole::kAtasanLangsung,
         Day(r[4]), OptDay(r[5])});
  }
  return s;
}

int64_t OrgVersion(db::Tx& tx, const std::string& tenant) {
  return tx.Exec("org_version", tenant)[0][0].as<int64_t>();
}

absl::StatusOr<UserRow> GetUser(db::Tx& tx, const std::string& tenant,
                                const std::string& username) {
  auto r = tx.Exec("user_get", tenant, username);
  if (r.empty()) return absl::NotFoundError("user " + username + " not found");
  return ToUser(r[0]);
}

absl::StatusOr<UserRow> GetUserBySubject(db::Tx& tx, const std::string& tenant,
                                         const std::string& subject) {
  auto r = tx.Exec("user_by_subject", tenant, subject);
  if (r.empty()) return absl::NotFoundError("user " + subject + " not found");
  return ToUser(r[0]);
}

std::vector<UserRow> ListUsers(db::Tx& tx, const std::string& tenant, const std::string& after,
                               int limit) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec("user_list", tenant, after, limit)) out.push_back(ToUser(r));
  return out;
}

std::vector<UserRow> GetUsers(db::Tx& tx, const std::string& tenant,
                              const std::vector<std::string>& usernames) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec("users_by_username", tenant, ArrayLiteral(usernames))) {
    out.push_back(ToUser(r));
  }
  return out;
}

std::vector<UserRow> GetUsersByNip(db::Tx& tx, const std::string& tenant,
                                   const std::vector<std::string>& nips) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec("users_by_nip", tenant, ArrayLiteral(nips))) {
    out.push_back(ToUser(r));
  }
  return out;
}

std::vector<UserRow> UsersWithoutPassword(db::Tx& tx, const std::string& tenant) {
  std::vector<UserRow> out;
  for (const auto& r : tx.Exec("users_without_password", tenant)) out.push_back(ToUser(r));
  return out;
}

void SetPasswordHash(db::Tx& tx, const std::string& tenant, const std::string& username,
                     const std::string& hash) {
  tx.Exec("user_set_password", tenant, username, hash);
}

void InsertUser(db::Tx& tx, const std::string& tenant, const UserRow& u) {
  tx.Exec("user_insert", tenant, u.username, u.nip, u.password_hash, absl::StrJoin(u.roles, ","),
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
  tx.Exec("user_insert_logins", tenant, ArrayLiteral(usernames), ArrayLiteral(nips));
}

void UpdateUser(db::Tx& tx, const std::string& tenant, const UserRow& u, bool unlock) {
  tx.Exec("user_update", tenant, u.username, absl::StrJoin(u.roles, ","), u.admin_org_unit_code,
          u.disabled, u.password_hash);
  if (unlock) tx.Exec("login_failures_clear_user", tenant, u.username);
}

std::optional<absl::Time> LoginBlockedUntil(db::Tx& tx, const std::string& tenant,
                                            const std::string& username,
                                            const std::string& source) {
  auto r = tx.Exec("login_blocked_until", tenant, username, source);
  if (r.empty()) return std::nullopt;
  return OptMicros(r[0][0]);
}

int RecordLoginFailure(db::Tx& tx, const std::string& tenant, const std::string& username,
                       const std::string& source, absl::Duration forget_after) {
  return tx
      .Exec("login_failure_record", tenant, username, source,
            absl::ToDoubleSeconds(forget_after))[0][0]
      .as<int>();
}

void BlockLogins(db::Tx& tx, const std::string& tenant, const std::string& username,
                 const std::string& source, absl::Duration for_how_long) {
  tx.Exec("login_failure_block", tenant, username, source, absl::ToDoubleSeconds(for_how_long));
}

void RecordLogin(db::Tx& tx, const std::string& tenant, const std::string& username,
                 const std::string& source) {
  tx.Exec("login_failures_clear_source", tenant, username, source);
}

void InsertRefreshToken(db::Tx& tx, const std::string& tenant, const std::string& token_hash,
                        const std::string& family, const std::string& username,
                        absl::Duration ttl) {
  tx.Exec("refresh_insert", tenant, token_hash, family, username, absl::ToDoubleSeconds(ttl));
}

absl::StatusOr<RefreshFamily> SpendRefreshToken(db::Tx& tx, const std::string& tenant,
                                                const std::string& token_hash) {
  auto r = tx.Exec("refresh_spend", tenant, token_hash);
  if (r.empty()) return absl::NotFoundError("refresh token not live");
  return RefreshFamily{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
}

std::optional<RefreshFamily> RefreshFamilyOf(db::Tx& tx, const std::string& tenant,
                                             const std::string& token_hash) {
  auto r = tx.Exec("refresh_family_of", tenant, token_hash);
  if (r.empty()) return std::nullopt;
  return RefreshFamily{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
}

void RevokeRefreshFamily(db::Tx& tx, const std::string& tenant, const std::string& family) {
  tx.Exec("refresh_revoke_family", tenant, family);
}

int RevokeRefreshTokensOf(db::Tx& tx, const std::string& tenant, const std::string& username) {
  return tx.Exec("refresh_revoke_user", tenant, username)[0][0].as<int>();
}

int VoidPasswordCodes(db::Tx& tx, const std::string& tenant,
                      const std::vector<std::string>& usernames) {
  return tx.Exec("password_codes_void", tenant, ArrayLiteral(usernames))[0][0].as<int>();
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
  return Micros(tx.Exec("password_codes_insert", tenant, ArrayLiteral(usernames),
                        ArrayLiteral(hashes), ArrayLiteral(purposes), issued_by,
                        absl::ToDoubleSeconds(ttl))[0][0]);
}

std::optional<PasswordCodeRow> GetPasswordCode(db::Tx& tx, const std::string& tenant,
                                               const std::string& code_hash) {
  auto r = tx.Exec("password_code_get", tenant, code_hash);
  if (r.empty()) return std::nullopt;
  return PasswordCodeRow{r[0][0].as<int64_t>(),     r[0][1].as<std::string>(),
                         r[0][2].as<std::string>(), r[0][3].as<bool>(),
                         r[0][4].as<bool>(),        r[0][5].as<bool>()};
}

bool SpendPasswordCode(db::Tx& tx, const std::string& tenant, int64_t id) {
  return !tx.Exec("password_code_spend", tenant, id).empty();
}

namespace {
std::vector<SigningKeyRow> SigningKeyRows(const pqxx::result& rows) {
  std::vector<SigningKeyRow> out;
  for (const auto& r : rows) {
    out.push_back({r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(),
                   r[3].as<std::string>(), r[4].as<std::string>(), r[5].as<bool>()});
  }
  return out;
}
}  // namespace

std::vector<SigningKeyRow> LiveSigningKeys(db::Tx& tx, absl::Duration retired_within) {
  return SigningKeyRows(tx.Exec("signing_keys_live", absl::ToDoubleSeconds(retired_within)));
}

std::vector<SigningKeyRow> AllSigningKeys(db::Tx& tx) {
  return SigningKeyRows(tx.Exec("signing_keys_all"));
}

void SealSigningKey(db::Tx& tx, const SigningKeyRow& key) {
  tx.Exec("signing_key_seal", key.kid, key.kek_id, key.nonce, key.sealed_key);
}

void LockSigningKeys(db::Tx& tx) { tx.Exec("signing_key_lock"); }

void RotateSigningKey(db::Tx& tx, const SigningKeyRow& key) {
  LockSigningKeys(tx);
  tx.Exec("signing_key_retire_all");
  tx.Exec("signing_key_insert", key.kid, key.kek_id, key.nonce, key.sealed_key);
}

void InsertAudit(db::Tx& tx, const std::string& tenant, const AuditRow& e) {
  tx.Exec("audit_insert", tenant, e.actor, e.action, e.target, e.detail, e.source);
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
  tx.Exec("audit_insert_many", tenant, ArrayLiteral(actors), ArrayLiteral(actions),
          ArrayLiteral(targets), ArrayLiteral(details), ArrayLiteral(sources));
}

std::vector<AuditRow> ListAudit(db::Tx& tx, const std::string& tenant, const std::string& actor,
                                const std::string& action, const std::string& target,
                                int64_t before_id, int limit) {
  std::vector<AuditRow> out;
  for (const auto& r : tx.Exec("audit_list", tenant, actor, action, target, limit, before_id)) {
    out.push_back({r[0].as<int64_t>(), Micros(r[1]), r[2].as<std::string>(), r[3].as<std::string>(),
                   r[4].as<std::string>(), r[5].as<std::string>(), r[6].as<std::string>()});
  }
  return out;
}

std::optional<RequestIdRow> GetRequestId(db::Tx& tx, const std::string& tenant,
                                         const std::string& id) {
  auto r = tx.Exec("request_id_get", tenant, id);
  if (r.empty()) return std::nullopt;
  return RequestIdRow{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
}

void InsertRequestId(db::Tx& tx, const std::string& tenant, const std::string& id,
                     const std::string& method, const std::string& resource) {
  tx.Exec("request_id_insert", tenant, id, method, resource);
}

}  // namespace ekinerja::identity::store

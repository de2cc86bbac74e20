#pragma once

// The identity store: Postgres access through the named statements of sql/queries.sql. Each
// function runs inside a transaction the caller holds (db::Pool::Read/Write), so that an API call
// can write its rows, its audit event and its request id atomically. Every function filters by
// tenant.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "db.h"
#include "domain/org.h"

namespace ekinerja::identity::store {

struct TenantRow {
  std::string code, name, time_zone;
  absl::Time created;
};
struct OrgUnitRow {
  std::string code, name, parent_code, head_position_code;
};
struct PositionRow {
  std::string code, name;
  int kind = 0;  // 1 JPT .. 5 fungsional, as the proto enum
  int kelas_jabatan = 0;
  int nilai_jabatan = 0;
  std::string org_unit_code;
  bool head_of_unit = false;
};
struct EmployeeRow {
  std::string nip, name;
  int golongan = 0;                          // 1..17
  int status = 0;                            // 1 aktif .. 6 diberhentikan, as the proto enum
  std::string position_code, org_unit_code;  // definitive, on the day asked ("" if none)
};
// One definitive term of an employee within a range (EmployeesOfPeriod), with the employee.
struct PeriodTermRow {
  std::string nip, name;
  int golongan = 0;  // 1..17
  int status = 0;    // as the proto enum
  std::string position_code;
  int kelas_jabatan = 0, nilai_jabatan = 0;
  std::string org_unit_code;
  absl::CivilDay first, last;  // clipped to the range
};
struct AssignmentRow {
  int64_t id = 0;
  Assignment a;
};
struct OverrideRow {
  int64_t id = 0;
  Override o;
};
struct UserRow {
  // password_hash "" when the account has no password yet (it cannot log in).
  std::string username, nip, password_hash;
  std::vector<std::string> roles;  // explicit roles, by name
  std::string admin_org_unit_code;
  bool disabled = false, service_account = false;
  // Logins from some source held back until then (the latest such hold), after failures.
  std::optional<absl::Time> locked_until;
  absl::Time created;
};
struct AuditRow {
  int64_t id = 0;
  absl::Time at;
  std::string actor, action, target, detail, source;
};

// Tenants.
absl::StatusOr<TenantRow> GetTenant(db::Tx& tx, const std::string& tenant);  // NOT_FOUND
std::vector<TenantRow> ListTenants(db::Tx& tx, const std::string& after, int limit);
void InsertTenant(db::Tx& tx, const TenantRow& t);
void UpdateTenant(db::Tx& tx, const TenantRow& t);

// Org units and positions.
absl::StatusOr<OrgUnitRow> GetOrgUnit(db::Tx& tx, const std::string& tenant,
                                      const std::string& code);
std::vector<OrgUnitRow> ListOrgUnits(db::Tx& tx, const std::string& tenant,
                                     const std::string& parent, const std::string& after,
                                     int limit);
std::vector<OrgUnit> AllOrgUnits(db::Tx& tx, const std::string& tenant);
void InsertOrgUnit(db::Tx& tx, const std::string& tenant, const OrgUnitRow& u);
void UpdateOrgUnit(db::Tx& tx, const std::string& tenant, const OrgUnitRow& u);
absl::StatusOr<PositionRow> GetPosition(db::Tx& tx, const std::string& tenant,
                                        const std::string& code);
std::vector<PositionRow> ListPositions(db::Tx& tx, const std::string& tenant,
                                       const std::string& unit, const std::string& after,
                                       int limit);
void InsertPosition(db::Tx& tx, const std::string& tenant, const PositionRow& p);
void UpdatePosition(db::Tx& tx, const std::string& tenant, const PositionRow& p);

// Employees, with their definitive position on `day`. GetEmployee without a day: today in the
// tenant's zone, worked out by the database in the same statement (Pool::ReadOne reads with it).
absl::StatusOr<EmployeeRow> GetEmployee(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, std::optional<absl::CivilDay> day);
std::vector<EmployeeRow> BatchGetEmployees(db::Tx& tx, const std::string& tenant,
                                           const std::vector<std::string>& nips,
                                           absl::CivilDay day);
// Units: only employees whose definitive position lies in one of them (empty: all).
std::vector<EmployeeRow> ListEmployees(db::Tx& tx, const std::string& tenant,
                                       const std::vector<std::string>& units, absl::CivilDay day,
                                       bool active_only, const std::string& after, int limit);
// The definitive terms within [first, last] of the next `limit` employees by NIP after `after`
// who held a definitive position in one of `units` (empty: all) then: their terms in those units,
// clipped, by NIP and start. One statement per batch (keyset on NIP).
std::vector<PeriodTermRow> EmployeesOfPeriod(db::Tx& tx, const std::string& tenant,
                                             const std::vector<std::string>& units,
                                             absl::CivilDay first, absl::CivilDay last,
                                             const std::string& after, int limit);
void InsertEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e);
// True when the employee is new.
bool UpsertEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e);
// Many in one statement (the import; no NIP twice). Positions are not read.
void UpsertEmployees(db::Tx& tx, const std::string& tenant, const std::vector<EmployeeRow>& rows);
void UpdateEmployee(db::Tx& tx, const std::string& tenant, const EmployeeRow& e);

// Assignments and overrides.
std::vector<AssignmentRow> ListAssignments(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip);
// The same for many employees in one statement, by NIP, start and id.
std::vector<AssignmentRow> ListAssignmentsOf(db::Tx& tx, const std::string& tenant,
                                             const std::vector<std::string>& nips);
absl::StatusOr<AssignmentRow> GetAssignment(db::Tx& tx, const std::string& tenant, int64_t id);
int64_t InsertAssignment(db::Tx& tx, const std::string& tenant, const Assignment& a);
// Many in one statement, in this order (the import).
void InsertAssignments(db::Tx& tx, const std::string& tenant, const std::vector<Assignment>& rows);
// Ids of the employee's definitive assignments overlapping [start, end], other than `except_id`.
std::vector<int64_t> DefinitiveOverlaps(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, absl::CivilDay start,
                                        std::optional<absl::CivilDay> end, int64_t except_id);
void SetAssignmentEnd(db::Tx& tx, const std::string& tenant, int64_t id,
                      std::optional<absl::CivilDay> end);
int64_t InsertOverride(db::Tx& tx, const std::string& tenant, const Override& o);
// The whole org of the tenant as it stands on `day` (supervisor resolution).
OrgSnapshot LoadOrgSnapshot(db::Tx& tx, const std::string& tenant, absl::CivilDay day);
// The version of that org (V005): it changes in the same transaction as any change to the org,
// 0 before the first one.
int64_t OrgVersion(db::Tx& tx, const std::string& tenant);

// Users, credentials and tokens.
absl::StatusOr<UserRow> GetUser(db::Tx& tx, const std::string& tenant, const std::string& username);
// By username, else by the NIP of an employee's login (a token's `sub`).
absl::StatusOr<UserRow> GetUserBySubject(db::Tx& tx, const std::string& tenant,
                                         const std::string& subject);
std::vector<UserRow> ListUsers(db::Tx& tx, const std::string& tenant, const std::string& after,
                               int limit);
// The accounts of `usernames` (those that exist, in no particular order).
std::vector<UserRow> GetUsers(db::Tx& tx, const std::string& tenant,
                              const std::vector<std::string>& usernames);
// The logins of the employees `nips` (those that have one, in no particular order).
std::vector<UserRow> GetUsersByNip(db::Tx& tx, const std::string& tenant,
                                   const std::vector<std::string>& nips);
// Every enabled person's account without a password, by username (locked_until not read).
std::vector<UserRow> UsersWithoutPassword(db::Tx& tx, const std::string& tenant);
void InsertUser(db::Tx& tx, const std::string& tenant, const UserRow& u);
// Logins without a password for employees, in one statement (the import): username, NIP.
void InsertLoginsWithoutPassword(db::Tx& tx, const std::string& tenant,
                                 const std::vector<std::pair<std::string, std::string>>& logins);
// Writes roles, scope, disabled and hash; `unlock` lifts every hold on the account's logins.
void UpdateUser(db::Tx& tx, const std::string& tenant, const UserRow& u, bool unlock);
void SetPasswordHash(db::Tx& tx, const std::string& tenant, const std::string& username,
                     const std::string& hash);
// Failed logins per account and source (V002): until when logins of `username` from `source`
// are held back (nullopt: they are not).
std::optional<absl::Time> LoginBlockedUntil(db::Tx& tx, const std::string& tenant,
                                            const std::string& username, const std::string& source);
// Counts a failed login from `source` and returns the failures in a row (counted afresh after
// `forget_after` without one).
int RecordLoginFailure(db::Tx& tx, const std::string& tenant, const std::string& username,
                       const std::string& source, absl::Duration forget_after);
// Holds back logins of `username` from `source` for `for_how_long` from now.
void BlockLogins(db::Tx& tx, const std::string& tenant, const std::string& username,
                 const std::string& source, absl::Duration for_how_long);
// A good login from `source`: that source's failures are forgotten.
void RecordLogin(db::Tx& tx, const std::string& tenant, const std::string& username,
                 const std::string& source);
void InsertRefreshToken(db::Tx& tx, const std::string& tenant, const std::string& token_hash,
                        const std::string& family, const std::string& username, absl::Duration ttl);
struct RefreshFamily {
  std::string family, username;
};
// Spends a live token; NOT_FOUND when it is unknown, spent, revoked or expired.
absl::StatusOr<RefreshFamily> SpendRefreshToken(db::Tx& tx, const std::string& tenant,
                                                const std::string& token_hash);
std::optional<RefreshFamily> RefreshFamilyOf(db::Tx& tx, const std::string& tenant,
                                             const std::string& token_hash);
void RevokeRefreshFamily(db::Tx& tx, const std::string& tenant, const std::string& family);
// Revokes every refresh token of an account (its password changed); returns how many were live.
int RevokeRefreshTokensOf(db::Tx& tx, const std::string& tenant, const std::string& username);

// One-time activation and reset codes (V003), stored as SHA-256 hex of their canonical form.
struct NewPasswordCode {
  std::string username, code_hash;
  std::string purpose;  // "ACTIVATION" or "RESET"
};
// Voids the unused codes of `usernames`; returns how many.
int VoidPasswordCodes(db::Tx& tx, const std::string& tenant,
                      const std::vector<std::string>& usernames);
// Inserts `codes`, issued by `issued_by`, all expiring `ttl` after the transaction's start: when.
absl::Time InsertPasswordCodes(db::Tx& tx, const std::string& tenant,
                               const std::vector<NewPasswordCode>& codes,
                               const std::string& issued_by, absl::Duration ttl);
struct PasswordCodeRow {
  int64_t id = 0;
  std::string username, purpose;
  bool used = false, voided = false, expired = false;
};
std::optional<PasswordCodeRow> GetPasswordCode(db::Tx& tx, const std::string& tenant,
                                               const std::string& code_hash);
// Marks a live code used; false when it is not live any more (used, voided or expired).
bool SpendPasswordCode(db::Tx& tx, const std::string& tenant, int64_t id);

// Signing keys (deployment-wide), newest first; `current` marks the unretired one. A key is
// sealed under a key-encryption key (kek_id; nonce and sealed_key in base64url, V004), or, when
// written before V004 and not sealed since, a plaintext private_pem (the others empty).
struct SigningKeyRow {
  std::string kid, private_pem, kek_id, nonce, sealed_key;
  bool current = false;
};
std::vector<SigningKeyRow> LiveSigningKeys(db::Tx& tx, absl::Duration retired_within);
// Every key, retired long ago or not.
std::vector<SigningKeyRow> AllSigningKeys(db::Tx& tx);
// Retires every current key and inserts the new (sealed) one, under an advisory lock.
void RotateSigningKey(db::Tx& tx, const SigningKeyRow& key);
// Stores key `kid` as sealed in `key` (its plaintext, if any, cleared).
void SealSigningKey(db::Tx& tx, const SigningKeyRow& key);
void LockSigningKeys(db::Tx& tx);

// Audit (append-only) and request ids.
void InsertAudit(db::Tx& tx, const std::string& tenant, const AuditRow& e);
// Many events in one statement, in this order (ids and times are the database's).
void InsertAudits(db::Tx& tx, const std::string& tenant, const std::vector<AuditRow>& events);
std::vector<AuditRow> ListAudit(db::Tx& tx, const std::string& tenant, const std::string& actor,
                                const std::string& action, const std::string& target,
                                int64_t before_id, int limit);
struct RequestIdRow {
  std::string method, resource;
};
std::optional<RequestIdRow> GetRequestId(db::Tx& tx, const std::string& tenant,
                                         const std::string& id);
void InsertRequestId(db::Tx& tx, const std::string& tenant, const std::string& id,
                     const std::string& method, const std::string& resource);

}  // namespace ekinerja::identity::store

#pragma once

// The services' Directory (services/common/clients/directory.h) in memory, for the service tests:
// a test declares each tenant's org (units, positions, employees, dated assignments, supervisor
// overrides, as identity holds them), which bearer token is which caller, and the fake answers as
// identity would, by identity's own domain rules (domain/org.h: OrgIndex, SubtreeOf,
// SucceedDefinitive):
//
// - reads: oneself; a role reading the whole tenant (ReadsWholeTenant) everyone; an ADMIN_OPD the
//   employees placed in their subtree on the day; an ATASAN (a role of the token, as identity
//   derives it at login) everyone below them in the tree on the day. Else PERMISSION_DENIED; a
//   permitted read of a NIP the tenant lacks is NOT_FOUND. A bearer the fake was not told of is
//   UNAUTHENTICATED, as identity answers a token it does not accept.
// - SupervisorsOf: OrgIndex::SupervisorsOf (the tree, Plt/Plh, overrides), with the reads' rights;
//   SnapshotOf: the employee, position and unit as declared, with the reads' rights.
// - EmployeesOf: tenant-wide roles and SERVICE any unit, ADMIN_OPD within their subtree, anyone
//   else PERMISSION_DENIED; an unknown unit INVALID_ARGUMENT. EmployeesOfPeriod: the same rights
//   (the whole tenant for tenant-wide roles only); the definitive assignments in the subtree,
//   clipped to the range, whatever the status (SetStatus). SupervisorsOn: tenant-wide roles only;
//   the active employees with a definitive position on the day, their unit, its root (the OPD)
//   and their atasan langsung by OrgIndex::SupervisorsOf.
// - TenantZone: the zone AddTenant gave, for a caller of that tenant (else PERMISSION_DENIED).
// - ServiceToken: a SERVICE token of the tenant (act: the service account), minted by the
//   issuer; NOT_FOUND for an unknown tenant, FAILED_PRECONDITION without a service account.
//
// It records every call it gets (calls()), so that tests can assert what a service asked and how
// often (AtasanOf is recorded as the SupervisorsOf it is). Thread-safe.

#include <functional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "auth.h"
#include "clients/directory.h"
#include "domain/org.h"
#include "ekinerja/identity/v1/identity.pb.h"
#include "role.h"
#include "test_tokens.h"

namespace ekinerja::mocks {

class FakeDirectory final : public clients::Directory {
 public:
  // Mints service tokens with `tokens` (which must outlive the fake) for the service account
  // `service_account` ("": none, ServiceToken is FAILED_PRECONDITION).
  FakeDirectory(const TestTokenIssuer& tokens, std::string service_account);

  // --- The world, as identity holds it. Tenants live in `zone` (TenantZone answers it).
  void AddTenant(const std::string& tenant, const std::string& zone = "Asia/Jakarta");
  // Names default to "Unit <code>", "Jabatan <code>" and "Pegawai <nip>".
  void AddOrgUnit(const std::string& tenant, const std::string& code, const std::string& parent,
                  const std::string& name = "");
  void AddPosition(const std::string& tenant, const std::string& code, const std::string& unit,
                   bool head_of_unit, const std::string& name = "",
                   identity::v1::PositionKind kind = identity::v1::POSITION_KIND_PELAKSANA,
                   int kelas_jabatan = 1);
  // Status "AKTIF" when active, else "PENSIUN" (SetStatus names another).
  void AddEmployee(const std::string& tenant, const std::string& nip, bool active = true,
                   const std::string& name = "", const std::string& golongan = "III/a");
  // As identity's UpdateEmployee of the status: "AKTIF", "CLTN", "TUGAS_BELAJAR", ... (only
  // AKTIF is active).
  void SetStatus(const std::string& tenant, const std::string& nip, const std::string& status);
  void AddAssignment(const std::string& tenant, const identity::Assignment& assignment);
  // As identity's CreateSupervisorOverride.
  void AddSupervisorOverride(const std::string& tenant, const identity::Override& override_row);
  // A mutasi, as identity's ImportEmployees places an employee: their definitive position is
  // `position` from `from`, the one they held ending the day before.
  void Move(const std::string& tenant, const std::string& nip, const std::string& position,
            absl::CivilDay from);

  // --- Callers. A login as identity issues it: `user.nip` (an employee) gets PEGAWAI, ATASAN
  // when someone has them as atasan langsung today, and their unit today as org_unit; `roles` are
  // added; `admin_unit` is the unit an ADMIN_OPD administers (and the org_unit of a login
  // without NIP). Returns a token the service accepts and the fake knows.
  struct User {
    std::string tenant;
    std::string username;  // the token's sub when there is no NIP
    std::string nip;
    std::vector<Role> roles;
    std::string admin_unit;
  };
  std::string Login(const User& user);
  // A token of `principal` as it stands (no roles derived), known to the fake as that caller.
  std::string TokenOf(const Principal& principal, const std::string& admin_unit = "");

  // The caller a token the fake made stands for (UNAUTHENTICATED for any other), for the other
  // fakes that answer by the caller's tenant and roles. Not recorded as a call.
  absl::StatusOr<Principal> PrincipalOf(const std::string& bearer) const;

  // --- What the service asked.
  struct Call {
    std::string method;  // "CheckReadsEmployee", "CheckReadsEmployeeDuring", ...
    std::string bearer;
    std::string subject;  // a NIP, an org unit, a tenant, or the NIPs joined by ','
    absl::CivilDay first, last;
  };
  std::vector<Call> calls() const;
  int CallCount(const std::string& method) const;
  void ClearCalls();

  // --- Directory.
  absl::Status CheckReadsEmployee(const std::string& bearer, const std::string& nip,
                                  absl::CivilDay day) override;
  absl::Status CheckReadsEmployeeDuring(const std::string& bearer, const std::string& nip,
                                        absl::CivilDay first, absl::CivilDay last) override;
  absl::Status CheckOrgUnit(const std::string& bearer, const std::string& code) override;
  absl::StatusOr<std::vector<std::string>> MissingEmployees(
      const std::string& bearer, const std::vector<std::string>& nips) override;
  absl::StatusOr<clients::Supervisors> SupervisorsOf(const std::string& bearer,
                                                     const std::string& nip,
                                                     absl::CivilDay day) override;
  absl::StatusOr<clients::EmployeeSnapshot> SnapshotOf(
      const std::string& bearer, const std::string& nip, absl::CivilDay day,
      const std::string& position_code = "") override;
  absl::StatusOr<std::vector<clients::EmployeeUnit>> EmployeesOf(const std::string& bearer,
                                                                 const std::string& org_unit,
                                                                 absl::CivilDay day) override;
  absl::Status EmployeesOfPeriod(
      const std::string& bearer, const std::string& org_unit, absl::CivilDay first,
      absl::CivilDay last,
      const std::function<void(const clients::EmployeePeriod&)>& each) override;
  absl::Status SupervisorsOn(
      const std::string& bearer, absl::CivilDay day,
      const std::function<void(const clients::EmployeeSupervisor&)>& each) override;
  absl::StatusOr<std::string> TenantZone(const std::string& bearer,
                                         const std::string& tenant) override;
  absl::StatusOr<std::string> ServiceToken(const std::string& tenant) override;

 private:
  struct Employee {
    bool active = true;
    std::string name, golongan;
    std::string status = "AKTIF";  // identity's EmploymentStatus without its prefix
  };
  struct PositionInfo {
    std::string name;
    identity::v1::PositionKind kind = identity::v1::POSITION_KIND_PELAKSANA;
    int kelas_jabatan = 0;
  };
  struct Tenant {
    std::string zone = "Asia/Jakarta";
    identity::OrgSnapshot org;
    absl::flat_hash_map<std::string, Employee> employees;      // by NIP
    absl::flat_hash_map<std::string, PositionInfo> positions;  // by code (beside org.positions)
    absl::flat_hash_map<std::string, std::string> unit_names;  // by code
  };
  struct Caller {
    Principal principal;
    std::string admin_unit;
  };

  void Record(Call call) ABSL_LOCKS_EXCLUDED(mu_);
  Tenant& TenantOf(const std::string& tenant) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Caller> CallerOf(const std::string& bearer) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The units of `org_unit`'s subtree ("" : none named) that the caller may list, as identity's
  // ListEmployees decides: INVALID_ARGUMENT for an unknown unit, then PERMISSION_DENIED unless a
  // tenant-wide role or an ADMIN_OPD within their subtree (nothing named: their subtree).
  absl::StatusOr<std::vector<std::string>> ListedUnits(const Caller& caller, const Tenant& tenant,
                                                       const std::string& org_unit) const;
  // The units an ADMIN_OPD caller administers (empty for anyone else).
  std::vector<std::string> AdminUnits(const Caller& caller, const Tenant& tenant) const;
  // Identity's read right: OK, or PERMISSION_DENIED.
  absl::Status Reads(const Caller& caller, const Tenant& tenant, const std::string& nip,
                     absl::CivilDay day) const;
  absl::Status CheckReads(const std::string& bearer, const std::string& nip, absl::CivilDay day)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  std::string Remember(const Principal& principal, const std::string& admin_unit)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const TestTokenIssuer& tokens_;
  const std::string service_account_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, Tenant> tenants_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Caller> callers_ ABSL_GUARDED_BY(mu_);  // by bearer
  std::vector<Call> calls_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja::mocks

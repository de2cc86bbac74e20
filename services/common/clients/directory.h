#pragma once

// What a service asks identity (DESIGN §2: services talk only over gRPC): who may read whom, who
// approves whom, who works where, and who someone is on a given day. One client for every service
// (attendance, skp, ...; library ekinerja_identity_client), behind an interface so that the calls
// are made in one place and the services' tests run against one fake
// (tests/mocks/fake_directory.h); the tests of the conversation itself (tests/integration/clients)
// run the gRPC one against identity's real server, in-process, and the fake against the same
// expectations.
//
// Rights are identity's: a read check forwards the caller's own token, and identity answers as it
// would the caller (self; supervisors their subordinates, Plt/Plh included; ADMIN_OPD their
// subtree; tenant-wide roles everyone). Work that no caller drives (ADMS pushes) uses a tenant
// token of the service's one deployment-wide account (--identity_client_id), got by token exchange.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::clients {

struct EmployeeUnit {
  std::string nip;
  // The org units from the root (the OPD) down to the employee's own unit; empty when the
  // employee holds no definitive position that day.
  std::vector<std::string> unit_path;
  // The definitive position that day (identity's Employee.position_code; "" without one).
  std::string position_code;
};

// How someone holds the position through which they act (DOMAIN §1).
enum class ActingKind { kDefinitif, kPlt, kPlh };
// "DEFINITIF", "PLT", "PLH", as the services record it (SKP snapshots, activity decisions).
const char* ActingKindName(ActingKind kind);

// A supervisor as identity resolves them: who, and the position through which they supervise
// (position_code) and how they hold it (kind: their own position, or acting in it as Plt/Plh).
// For a supervisor named by an override: their own position that day ("" if none), kDefinitif.
struct Person {
  std::string nip, name, golongan, position_code;
  ActingKind kind = ActingKind::kDefinitif;
};

struct Supervisors {
  // Both unset at the top of the tree. The pejabat penilai is the atasan langsung unless an
  // override names another.
  std::optional<Person> atasan_langsung, pejabat_penilai;
};

// An employee as they were on a day, with their position and its unit (what an SKP keeps of its
// employee and of its pejabat penilai when it is approved).
struct EmployeeSnapshot {
  std::string nip, name, golongan;
  std::string position_code, position_name;
  // The kind of the position: identity's PositionKind without its prefix ("JPT",
  // "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL").
  std::string position_kind;
  int kelas_jabatan = 0;
  std::string org_unit_code, org_unit_name;
  bool head_of_unit = false;
};

// A definitive position held on days of a range (EmployeesOfPeriod), clipped to the range.
struct PositionHeld {
  std::string position_code;
  int kelas_jabatan = 0;
  std::string org_unit_code;
  absl::CivilDay first, last;
};

// An employee who held a definitive position in the units asked on days of a range: as they stand
// now (golongan "III/b", status identity's EmploymentStatus without its prefix: "AKTIF", "CLTN",
// "TUGAS_BELAJAR", ...), and the positions held there, in date order (two or more when the
// position changed within the range).
struct EmployeePeriod {
  std::string nip, name, golongan, status;
  std::vector<PositionHeld> positions;
};

// An active employee in post on a day (SupervisorsOn): their unit and its OPD (the root of the
// unit's path), and their atasan langsung as identity resolves them (Plt/Plh, overrides).
struct EmployeeSupervisor {
  std::string nip, name;
  std::string org_unit_code, opd_code;
  // "" at the top of the tree (the head of the Pemda).
  std::string atasan_nip, atasan_name;
};

class Directory {
 public:
  virtual ~Directory() = default;

  // OK when identity lets the holder of `bearer` read employee `nip` on `day`; identity's
  // PERMISSION_DENIED or NOT_FOUND otherwise (UNAVAILABLE when identity cannot be reached).
  // Identity's UNAUTHENTICATED (a token it no longer accepts) and INVALID_ARGUMENT pass through
  // too, in every method that takes a bearer; its other failures are UNAVAILABLE "identity: ...".
  virtual absl::Status CheckReadsEmployee(const std::string& bearer, const std::string& nip,
                                          absl::CivilDay day) = 0;

  // As CheckReadsEmployee, on every day of [first, last] (at most kMaxCheckedDays days): OK only
  // when identity lets the holder read `nip` on each of them. A supervisor's or ADMIN_OPD's right
  // changes with the org tree, so one day does not answer for the others. Identity has no RPC that
  // answers for a range (or gives the periods of a right), so the days are asked in one batch of
  // concurrent calls.
  static constexpr int kMaxCheckedDays = 400;
  virtual absl::Status CheckReadsEmployeeDuring(const std::string& bearer, const std::string& nip,
                                                absl::CivilDay first, absl::CivilDay last) = 0;

  // OK when the tenant of `bearer` has org unit `code`; NOT_FOUND when it has not.
  virtual absl::Status CheckOrgUnit(const std::string& bearer, const std::string& code) = 0;

  // Of `nips`, those the tenant of `bearer` has no employee for, in the order given (empty when
  // all exist). One BatchGetEmployees call (allow_missing) per 1000 NIPs. PERMISSION_DENIED when
  // the caller may not read one of them.
  virtual absl::StatusOr<std::vector<std::string>> MissingEmployees(
      const std::string& bearer, const std::vector<std::string>& nips) = 0;

  // The atasan langsung and the pejabat penilai of `nip` on `day` by identity's resolution (the
  // org tree, Plt/Plh, overrides): one GetSupervisor call with the caller's token (who must be
  // able to read `nip`). NOT_FOUND when `nip` holds no definitive position that day.
  virtual absl::StatusOr<Supervisors> SupervisorsOf(const std::string& bearer,
                                                    const std::string& nip, absl::CivilDay day) = 0;

  // The NIP of the atasan langsung of `nip` on `day` ("" at the top of the tree): SupervisorsOf's.
  absl::StatusOr<std::string> AtasanOf(const std::string& bearer, const std::string& nip,
                                       absl::CivilDay day);

  // `nip` as on `day`, asked with the caller's token (who must be able to read `nip`): name,
  // golongan, their definitive position and its unit, described (name, kind, kelas, head flag;
  // the unit's name). With a non-empty `position_code` (a Plt/Plh acting through another
  // position, as SupervisorsOf reports it), that position and its unit are described instead.
  // NOT_FOUND when `nip` holds no definitive position that day, or there is no such position.
  // Several calls: GetEmployee, ListPositions (of the unit; of the whole tenant for another
  // position: identity has no GetPosition), GetOrgUnit.
  virtual absl::StatusOr<EmployeeSnapshot> SnapshotOf(const std::string& bearer,
                                                      const std::string& nip, absl::CivilDay day,
                                                      const std::string& position_code = "") = 0;

  // The active employees with a definitive position in `org_unit`'s subtree ("" = the whole
  // tenant) on `day`, sorted by NIP, asked with `bearer` (identity checks the caller's scope:
  // tenant-wide roles, SERVICE, or ADMIN_OPD within their subtree; supervisors are refused).
  // Unit paths follow today's org tree (identity does not date it).
  virtual absl::StatusOr<std::vector<EmployeeUnit>> EmployeesOf(const std::string& bearer,
                                                                const std::string& org_unit,
                                                                absl::CivilDay day) = 0;

  // Every employee who held a definitive position in `org_unit`'s subtree ("" = the whole tenant)
  // on a day of [first, last] (at most 92 days), whatever their status, handed to `each` by NIP as
  // they stream in, with the positions held in that subtree (a monthly TPP run reads its month
  // with this one call: StreamEmployeesOfPeriod). Rights as EmployeesOf's; an unknown unit and a
  // bad range are INVALID_ARGUMENT. Not cached.
  virtual absl::Status EmployeesOfPeriod(
      const std::string& bearer, const std::string& org_unit, absl::CivilDay first,
      absl::CivilDay last, const std::function<void(const EmployeePeriod&)>& each) = 0;

  // Every active employee of the tenant of `bearer` in post (a definitive position) on `day`, with
  // their atasan langsung, handed to `each` by NIP as they stream in: one StreamSupervisors call
  // for the whole tenant (a daily sweep), never one per employee. Tenant-wide roles and SERVICE
  // (others PERMISSION_DENIED); a bad day is INVALID_ARGUMENT. Not cached.
  virtual absl::Status SupervisorsOn(
      const std::string& bearer, absl::CivilDay day,
      const std::function<void(const EmployeeSupervisor&)>& each) = 0;

  // The IANA zone of `tenant` (the caller's own tenant; GetTenant with the caller's token),
  // remembered once answered: a tenant's zone does not change.
  virtual absl::StatusOr<std::string> TenantZone(const std::string& bearer,
                                                 const std::string& tenant) = 0;

  // A SERVICE token of `tenant`, acting as the service's own account: the account's
  // client-credentials login in tenant "platform" (once, renewed before it expires), exchanged
  // for a short-lived token of `tenant` (RFC 8693 ExchangeToken, cached per tenant until shortly
  // before it expires). FAILED_PRECONDITION when no account is configured; NOT_FOUND when
  // identity has no such tenant; UNAUTHENTICATED when identity refuses the credentials or the
  // exchange (not retried for 30 s: failures lock the account); UNAVAILABLE when identity cannot
  // answer.
  virtual absl::StatusOr<std::string> ServiceToken(const std::string& tenant) = 0;
};

// The service's deployment-wide account in identity (tenant "platform", role SERVICE; identity's
// --service_accounts_file makes it). An empty client_id: none.
struct ServiceCredential {
  std::string client_id, client_secret;
};

// The account `client_id` with the secret in `secret_file` (surrounding whitespace ignored), as a
// service's --identity_client_id and --identity_client_secret_file give them; none (empty) when
// `secret_file` is empty. INVALID_ARGUMENT naming the file when it cannot be read or is empty.
absl::StatusOr<ServiceCredential> ReadServiceCredential(const std::string& client_id,
                                                        const std::string& secret_file);

// The Directory that calls identity's IdentityService on `channel`, each call bounded by
// `timeout`. EmployeesOf answers are cached per (bearer, org unit, day) for `cache_for`.
std::unique_ptr<Directory> MakeIdentityDirectory(std::shared_ptr<grpc::Channel> channel,
                                                 ServiceCredential credential,
                                                 absl::Duration timeout = absl::Seconds(5),
                                                 absl::Duration cache_for = absl::Minutes(2));

}  // namespace ekinerja::clients

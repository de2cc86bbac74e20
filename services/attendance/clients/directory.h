#pragma once

// What attendance asks identity (DESIGN §2: services talk only over gRPC): who may read whom, who
// approves whom, and who works where. Behind an interface so that the calls are made in one place
// and the service's tests run against a fake (tests/mocks/fake_directory.h); the tests of the
// conversation itself run the gRPC one against identity's real server, in-process.
//
// Rights are identity's: a read check forwards the caller's own token, and identity answers as it
// would the caller (self; supervisors their subordinates, Plt/Plh included; ADMIN_OPD their
// subtree; tenant-wide roles everyone). Work that no caller drives (ADMS pushes) uses a tenant
// token of the service's one deployment-wide account (--identity_client_id), got by token exchange.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::attendance {

struct EmployeeUnit {
  std::string nip;
  // The org units from the root (the OPD) down to the employee's own unit; empty when the
  // employee holds no definitive position that day.
  std::vector<std::string> unit_path;
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

  // The NIP of the atasan langsung of `nip` on `day` ("" at the top of the tree), asked with the
  // caller's token (who must be able to read `nip`). NOT_FOUND when `nip` holds no definitive
  // position that day.
  virtual absl::StatusOr<std::string> AtasanOf(const std::string& bearer, const std::string& nip,
                                               absl::CivilDay day) = 0;

  // The active employees with a definitive position in `org_unit`'s subtree ("" = the whole
  // tenant) on `day`, sorted by NIP, asked with `bearer` (identity checks the caller's scope:
  // tenant-wide roles, SERVICE, or ADMIN_OPD within their subtree; supervisors are refused).
  // Unit paths follow today's org tree (identity does not date it).
  virtual absl::StatusOr<std::vector<EmployeeUnit>> EmployeesOf(const std::string& bearer,
                                                                const std::string& org_unit,
                                                                absl::CivilDay day) = 0;

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

// The Directory that calls identity's IdentityService on `channel`, each call bounded by
// `timeout`. EmployeesOf answers are cached per (bearer, org unit, day) for `cache_for`.
std::unique_ptr<Directory> MakeIdentityDirectory(std::shared_ptr<grpc::Channel> channel,
                                                 ServiceCredential credential,
                                                 absl::Duration timeout = absl::Seconds(5),
                                                 absl::Duration cache_for = absl::Minutes(2));

}  // namespace ekinerja::attendance

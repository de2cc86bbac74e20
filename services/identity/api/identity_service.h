#pragma once

#include <functional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "api/identity_metrics.h"
#include "auth.h"
#include "db.h"
#include "domain/org.h"
#include "domain/service_accounts.h"
#include "domain/throttle.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "keys/key_ring.h"
#include "password.h"
#include "rpc_util.h"
#include "store/org_cache.h"
#include "store/store.h"

namespace ekinerja::identity {

namespace v1 = ::ekinerja::identity::v1;

struct IdentityConfig {
  std::string issuer = "ekinerja-identity";
  std::string audience = "ekinerja";
  absl::Duration access_ttl = absl::Minutes(15);
  absl::Duration refresh_ttl = absl::Hours(24 * 30);
  // Lifetime of a token issued by ExchangeToken (RFC 8693): short, a service asks again.
  absl::Duration exchanged_ttl = absl::Minutes(5);
  // Failed logins per account and source (LoginBackoff): from the lock_after_failures-th failure
  // in a row, that source's logins of the account are held back for first_hold, doubling with
  // each further failure up to lock_for. A source's failures are forgotten after a good login
  // from it, or forget_failures_after without a failure.
  int lock_after_failures = 5;
  absl::Duration first_hold = absl::Minutes(1);
  absl::Duration lock_for = absl::Minutes(15);
  absl::Duration forget_failures_after = absl::Hours(24);
  // Per-source throttling of failed logins (this replica's view).
  int source_failures = 20;
  absl::Duration source_window = absl::Minutes(5);
  auth::PasswordHashParams hash_params = auth::PasswordHashParams::Interactive();
  // How long an activation or reset code (IssuePasswordCodes) stays valid.
  absl::Duration password_code_ttl = absl::Hours(72);
  // Proxies (the gateway, Envoy) whose x-forwarded-for names the client, for throttling and audit.
  absl::flat_hash_set<std::string> trusted_proxies;
  // Org indexes kept per (tenant, day) (OrgCache; --org_cache_entries).
  size_t org_cache_entries = OrgCache::kDefaultEntries;
};

// The caller's reach within its tenant, worked out once per request that needs it.
struct Scope {
  // ADMIN_INSTANSI.
  bool tenant_admin = false;
  // Reads every employee of the tenant: ADMIN_INSTANSI, AUDITOR, VERIFIKATOR_TPP, SERVICE.
  bool read_all = false;
  // ADMIN_OPD: the units administered (the subtree of the user's admin_org_unit_code).
  absl::flat_hash_set<std::string> admin_units;
};

class IdentityServiceImpl final : public v1::IdentityService::Service {
 public:
  // The org cache's counters go to `registry` when given (the host's).
  IdentityServiceImpl(db::Pool& pool, KeyRing& keys, IdentityMetrics& metrics,
                      IdentityConfig config, prometheus::Registry* registry);

  // Methods callable without a token.

  grpc::Status Login(grpc::ServerContext*, const v1::LoginRequest*, v1::LoginResponse*) override;
  grpc::Status RefreshToken(grpc::ServerContext*, const v1::RefreshTokenRequest*,
                            v1::RefreshTokenResponse*) override;
  grpc::Status Logout(grpc::ServerContext*, const v1::LogoutRequest*, v1::LogoutResponse*) override;
  grpc::Status ExchangeToken(grpc::ServerContext*, const v1::ExchangeTokenRequest*,
                             v1::ExchangeTokenResponse*) override;
  grpc::Status GetJwks(grpc::ServerContext*, const v1::GetJwksRequest*, v1::Jwks*) override;
  grpc::Status RotateSigningKey(grpc::ServerContext*, const v1::RotateSigningKeyRequest*,
                                v1::RotateSigningKeyResponse*) override;
  grpc::Status GetProfile(grpc::ServerContext*, const v1::GetProfileRequest*,
                          v1::Profile*) override;

  grpc::Status CreateTenant(grpc::ServerContext*, const v1::CreateTenantRequest*,
                            v1::Tenant*) override;
  grpc::Status GetTenant(grpc::ServerContext*, const v1::GetTenantRequest*, v1::Tenant*) override;
  grpc::Status ListTenants(grpc::ServerContext*, const v1::ListTenantsRequest*,
                           v1::ListTenantsResponse*) override;
  grpc::Status UpdateTenant(grpc::ServerContext*, const v1::UpdateTenantRequest*,
                            v1::Tenant*) override;

  grpc::Status CreateOrgUnit(grpc::ServerContext*, const v1::CreateOrgUnitRequest*,
                             v1::OrgUnit*) override;
  grpc::Status GetOrgUnit(grpc::ServerContext*, const v1::GetOrgUnitRequest*,
                          v1::OrgUnit*) override;
  grpc::Status ListOrgUnits(grpc::ServerContext*, const v1::ListOrgUnitsRequest*,
                            v1::ListOrgUnitsResponse*) override;
  grpc::Status UpdateOrgUnit(grpc::ServerContext*, const v1::UpdateOrgUnitRequest*,
                             v1::OrgUnit*) override;
  grpc::Status CreatePosition(grpc::ServerContext*, const v1::CreatePositionRequest*,
                              v1::Position*) override;
  grpc::Status ListPositions(grpc::ServerContext*, const v1::ListPositionsRequest*,
                             v1::ListPositionsResponse*) override;
  grpc::Status UpdatePosition(grpc::ServerContext*, const v1::UpdatePositionRequest*,
                              v1::Position*) override;

  grpc::Status CreateEmployee(grpc::ServerContext*, const v1::CreateEmployeeRequest*,
                              v1::Employee*) override;
  grpc::Status GetEmployee(grpc::ServerContext*, const v1::GetEmployeeRequest*,
                           v1::Employee*) override;
  grpc::Status BatchGetEmployees(grpc::ServerContext*, const v1::BatchGetEmployeesRequest*,
                                 v1::BatchGetEmployeesResponse*) override;
  grpc::Status ListEmployees(grpc::ServerContext*, const v1::ListEmployeesRequest*,
                             v1::ListEmployeesResponse*) override;
  grpc::Status StreamEmployeesOfPeriod(grpc::ServerContext*,
                                       const v1::StreamEmployeesOfPeriodRequest*,
                                       grpc::ServerWriter<v1::EmployeeOfPeriod>*) override;
  grpc::Status UpdateEmployee(grpc::ServerContext*, const v1::UpdateEmployeeRequest*,
                              v1::Employee*) override;
  grpc::Status ImportEmployees(grpc::ServerContext*, const v1::ImportEmployeesRequest*,
                               v1::ImportEmployeesResponse*) override;
  grpc::Status CreateAssignment(grpc::ServerContext*, const v1::CreateAssignmentRequest*,
                                v1::Assignment*) override;
  grpc::Status ListAssignments(grpc::ServerContext*, const v1::ListAssignmentsRequest*,
                               v1::ListAssignmentsResponse*) override;
  grpc::Status UpdateAssignment(grpc::ServerContext*, const v1::UpdateAssignmentRequest*,
                                v1::Assignment*) override;
  grpc::Status CreateSupervisorOverride(grpc::ServerContext*,
                                        const v1::CreateSupervisorOverrideRequest*,
                                        v1::SupervisorOverride*) override;
  grpc::Status GetSupervisor(grpc::ServerContext*, const v1::GetSupervisorRequest*,
                             v1::GetSupervisorResponse*) override;
  grpc::Status ListSubordinates(grpc::ServerContext*, const v1::ListSubordinatesRequest*,
                                v1::ListSubordinatesResponse*) override;
  grpc::Status StreamSupervisors(grpc::ServerContext*, const v1::StreamSupervisorsRequest*,
                                 grpc::ServerWriter<v1::EmployeeSupervisor>*) override;

  grpc::Status CreateUser(grpc::ServerContext*, const v1::CreateUserRequest*, v1::User*) override;
  grpc::Status ListUsers(grpc::ServerContext*, const v1::ListUsersRequest*,
                         v1::ListUsersResponse*) override;
  grpc::Status UpdateUser(grpc::ServerContext*, const v1::UpdateUserRequest*, v1::User*) override;
  grpc::Status IssuePasswordCodes(grpc::ServerContext*, const v1::IssuePasswordCodesRequest*,
                                  v1::IssuePasswordCodesResponse*) override;
  grpc::Status SetPasswordWithCode(grpc::ServerContext*, const v1::SetPasswordWithCodeRequest*,
                                   v1::SetPasswordWithCodeResponse*) override;
  grpc::Status ChangePassword(grpc::ServerContext*, const v1::ChangePasswordRequest*,
                              v1::ChangePasswordResponse*) override;
  grpc::Status ListAuditEvents(grpc::ServerContext*, const v1::ListAuditEventsRequest*,
                               v1::ListAuditEventsResponse*) override;

 private:
  // Runs `handler` in a read transaction once the caller may read employee `nip` (the request's
  // field "nip") on `date` (today in the tenant's zone when unset).
  using EmployeeReader = std::function<absl::Status(db::Tx& tx, const Principal& p,
                                                    const std::string& nip, absl::CivilDay day)>;
  grpc::Status ServeEmployeeRead(grpc::ServerContext* ctx, const std::string& nip,
                                 const google::type::Date& date, const EmployeeReader& handler);
  // The same for a caller already served.
  absl::Status ReadEmployee(const Principal& p, const std::string& nip,
                            const google::type::Date& date, const EmployeeReader& handler);

  // The client's address, through a trusted proxy's x-forwarded-for.
  std::string SourceOf(const grpc::ServerContext* ctx) const {
    return ClientAddress(ctx, config_.trusted_proxies);
  }
  // The tenant's zone, and today in it. Read from the tenant's row on every call, so that an
  // UpdateTenant through any replica holds from the next call on every replica (a cache checked
  // against a settings version would cost the same single-row read).
  absl::StatusOr<absl::TimeZone> ZoneOf(db::Tx& tx, const std::string& tenant);
  absl::StatusOr<absl::CivilDay> TodayIn(db::Tx& tx, const std::string& tenant);
  absl::StatusOr<absl::CivilDay> DayOrToday(db::Tx& tx, const std::string& tenant,
                                            const google::type::Date& d, const std::string& field);
  absl::StatusOr<Scope> ScopeOf(db::Tx& tx, const Principal& p);
  // PERMISSION_DENIED unless the caller administers something (ADMIN_INSTANSI, or an ADMIN_OPD
  // with a scope): checked before any lookup, so that others learn nothing of what exists.
  static absl::Status CheckIsAdmin(const Scope& scope);
  // PERMISSION_DENIED unless the caller may change things in `unit`.
  absl::Status CheckAdministers(const Scope& scope, const std::string& unit);
  // PERMISSION_DENIED unless the caller may change employee `nip`: the unit of their
  // AdministeringPosition on `day` is in scope (any admin for one never placed).
  absl::Status CheckAdministersEmployee(db::Tx& tx, const std::string& tenant, const Scope& scope,
                                        const std::string& nip, absl::CivilDay day);
  // The same with the employee's assignments already loaded (store::ListAssignments).
  absl::Status CheckAdministersEmployee(db::Tx& tx, const std::string& tenant, const Scope& scope,
                                        const std::string& nip,
                                        const std::vector<store::AssignmentRow>& assignments,
                                        absl::CivilDay day);
  // PERMISSION_DENIED unless the caller manages logins (CreateUser, UpdateUser,
  // IssuePasswordCodes, the import's username column): the tenant's ADMIN_INSTANSI.
  static absl::Status CheckManagesUsers(const Principal& p);
  // True when the token alone lets the caller read employee `nip`: their own record, or a role
  // that reads the whole tenant. Such reads ask the database nothing about the caller.
  static bool TokenReadsEmployee(const Principal& p, const std::string& nip);
  // The units a stream of employees over `unit` reads (StreamEmployeesOfPeriod,
  // StreamSupervisors): `unit` alone, or with `include_subtree` its subtree; empty for the whole
  // tenant ("" asked). As ListEmployees, the unit first (INVALID_ARGUMENT on org_unit_code when the
  // tenant has none), then the caller's reach: tenant-wide roles and SERVICE anything, an
  // ADMIN_OPD units of their subtree, anyone else PERMISSION_DENIED.
  absl::StatusOr<std::vector<std::string>> StreamedUnits(db::Tx& tx, const Principal& p,
                                                         const std::string& unit,
                                                         bool include_subtree);
  // PERMISSION_DENIED unless the caller may read employee `nip` (self, scope, or supervisor).
  absl::Status CheckReadsEmployee(db::Tx& tx, const Principal& p, const Scope& scope,
                                  const std::string& nip, absl::CivilDay day);

  // A failed check of a credential of `username` from `source` (a password at login, a code, an
  // old password): counted toward the holds on that account from that address (LoginBackoff),
  // audited as `action` with `reason`, and a LOCKOUT event when it starts a hold (then true, for
  // the caller to count once the transaction committed). Nothing for a tenant that does not exist.
  bool RecordCredentialFailure(db::Tx& tx, const std::string& tenant, const std::string& username,
                               const std::string& source, absl::Time now, const std::string& action,
                               const std::string& reason);

  // Signs `c` as an access token of this issuer and audience, valid from now for `ttl`.
  absl::StatusOr<std::string> SignFor(auth::Claims c, absl::Duration ttl);
  // Issues an access token (and a refresh token in `family` unless empty) for a user.
  struct Issued {
    std::string access_token, refresh_token;
  };
  absl::StatusOr<Issued> Issue(db::Tx& tx, const std::string& tenant, const store::UserRow& user,
                               const std::string& family);
  std::vector<Role> RolesOf(db::Tx& tx, const std::string& tenant, const store::UserRow& user,
                            absl::CivilDay day, std::string* org_unit);

  db::Pool& pool_;
  KeyRing& keys_;
  IdentityMetrics& metrics_;
  const IdentityConfig config_;
  SourceThrottle throttle_;
  std::string dummy_hash_;
  OrgCache org_cache_;
};

// Creates the platform operator (tenant "platform", user "admin", PLATFORM_ADMIN) at first start.
absl::Status BootstrapPlatformAdmin(db::Pool& pool, const std::string& password,
                                    const auth::PasswordHashParams& params);

// Makes each of `accounts` a SERVICE account of tenant "platform" (the deployment's own: one per
// service, which exchanges its token for a tenant's, ExchangeToken): created when absent, its
// secret set again (and the account enabled and unlocked) when it no longer matches. At every
// start, so that the operator's secret store stays the truth.
absl::Status EnsureServiceAccounts(db::Pool& pool, const std::vector<ServiceAccount>& accounts,
                                   const auth::PasswordHashParams& params);

}  // namespace ekinerja::identity

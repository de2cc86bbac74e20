#pragma once

// The identity service in-process, per test: its own Postgres schema, the real service built as
// main.cc builds it (BuildIdentity, on port 0), and a real gRPC channel and stub to it. SeedTenant
// builds the small Dinas Kesehatan of integration/common/seed_org.h through the API as a client
// would; logins of employees use kEmployeePassword, the tenant admin kTenantAdminPassword, kAuditor
// kAuditorPassword and kOpdAdmin kOpdAdminPassword.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "api/identity_service.h"
#include "auth.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "identity_sql.h"
#include "identity_wiring.h"
#include "integration/common/counter_value.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/seed_org.h"
#include "integration/common/test_db.h"
#include "jwks_cache.h"
#include "jwt.h"
#include "keys/key_ring.h"
#include "prometheus/registry.h"
#include "server.h"

namespace ekinerja::identity::it {

namespace v1 = ::ekinerja::identity::v1;

constexpr char kPlatformAdminPassword[] = "platform-rahasia-2026";
using ::ekinerja::integration::kAssignedFrom;
using ::ekinerja::integration::kAuditor;
using ::ekinerja::integration::kOpdAdmin;
using ::ekinerja::integration::kPltStart;
using ::ekinerja::integration::kTenantAdmin;
constexpr char kTenantAdminPassword[] = "kunci-instansi-2026";
constexpr char kEmployeePassword[] = "pegawai-rahasia-2026";
constexpr char kAuditorPassword[] = "pemeriksa-rahasia-2026";
constexpr char kOpdAdminPassword[] = "opd-rahasia-2026";

// The deployment-wide service account (tenant platform, SERVICE), as --service_accounts_file
// makes it, and the lifetime of the tenant tokens it gets by ExchangeToken.
using ::ekinerja::integration::kPlatformService;
constexpr char kPlatformServiceSecret[] = "layanan-presensi-rahasia-2026";
constexpr int kExchangedTtlSeconds = 240;

// The key-encryption key the fixture's key ring seals the signing keys with.
constexpr char kSigningKek[] = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

using ::ekinerja::integration::MakeNip;
using ::ekinerja::integration::SeededTenant;

using ::ekinerja::integration::Date;
using ::ekinerja::integration::HasCode;
using ::ekinerja::integration::Ok;
using ::ekinerja::integration::ViolatedFields;
using ::ekinerja::integration::Violations;

using ::ekinerja::integration::CounterValue;

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  v1::IdentityService::Stub& stub() { return *primary_.stub; }

  // A ClientContext with `authorization: Bearer <token>` and a deadline (grpc_expect.h).
  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
    return integration::Ctx(token);
  }

  absl::StatusOr<v1::LoginResponse> Login(const std::string& tenant, const std::string& username,
                                          const std::string& password);
  // The access token of a login that must succeed ("" and a test failure otherwise).
  std::string Token(const std::string& tenant, const std::string& username,
                    const std::string& password);
  // The access token of a seeded login (the tenant admin, an employee's NIP, kAuditor, kOpdAdmin).
  std::string Token(const SeededTenant& t, const std::string& username);
  std::string PlatformToken();
  // The access token of kPlatformService's client-credentials login (tenant platform).
  std::string PlatformServiceToken();
  // ExchangeToken as the holder of `token`, for `tenant`, with the RFC 8693 grant and token type.
  grpc::Status Exchange(const std::string& token, const std::string& tenant,
                        v1::ExchangeTokenResponse* out);

  // The verified claims of an access token, against the keys GetJwks publishes.
  absl::StatusOr<auth::Claims> VerifiedClaims(const std::string& token);
  // The same against `keys`.
  static absl::StatusOr<auth::Claims> VerifiedClaims(const std::vector<auth::PublicJwk>& keys,
                                                     const std::string& token);

  // As the platform admin: creates tenant `code` (zone Asia/Jakarta) with its ADMIN_INSTANSI
  // kTenantAdmin; returns that admin's access token ("" and a fatal test failure otherwise).
  std::string CreateTenantWithAdmin(const std::string& code);

  // As the platform admin: creates tenant `code` with its admin, then as that admin the org above,
  // the employees, the Plt, the logins of several employees, kAuditor and kOpdAdmin. Employees'
  // NIPs differ between the tenants seeded in one test. Fails the test on any error (check
  // HasFatalFailure() after it when the test cannot go on without it).
  SeededTenant SeedTenant(const std::string& code);

  // Serve /metrics on a free port (host().metrics_port()); call in the constructor.
  void ServeMetrics() { serve_metrics_ = true; }
  // Changes the server's options before the host is created; call in the constructor.
  void TuneServer(std::function<void(ServerOptions&)> tune) { tune_ = std::move(tune); }

  // The test's schema: look behind the API with Query/Count.
  const integration::TestSchema& db() const { return *schema_; }
  ServiceHost& host() { return *primary_.host; }
  KeyRing& keys() { return *primary_.keys; }

  // One running replica of the service: its host (pool, metrics) and a stub to it.
  struct Replica {
    std::unique_ptr<ServiceHost> host;
    std::shared_ptr<KeyRing> keys;
    std::shared_ptr<IdentityMetrics> metrics;
    std::shared_ptr<IdentityServiceImpl> service;
    ServiceSetup setup;  // what BuildIdentity made, kept alive with the replica
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::IdentityService::Stub> stub;
    void Shutdown();
  };
  // Another replica of the service on the test's schema (as a second pod on the same database),
  // wired as the first; it stops with the test. Null and a fatal test failure when it cannot start.
  Replica* StartReplica();

 private:
  // Starts `r` on the test's schema, built by BuildIdentity (as main.cc builds it).
  void Start(Replica& r);
  // The options every replica is built with: fast password hashing, 127.0.0.1 a trusted proxy,
  // kSigningKek, kPlatformAdminPassword, kPlatformService and kExchangedTtlSeconds.
  static IdentityOptions TestOptions();

  std::unique_ptr<integration::TestSchema> schema_;
  Replica primary_;
  std::vector<std::unique_ptr<Replica>> replicas_;
  bool serve_metrics_ = false;
  std::function<void(ServerOptions&)> tune_;
  std::string platform_token_;
  int seeded_tenants_ = 0;
};

}  // namespace ekinerja::identity::it

#pragma once

// The identity service in-process, per test: its own Postgres schema, the real service wired as
// main.cc wires it (on port 0), and a real gRPC channel and stub to it. SeedTenant builds a small
// Dinas Kesehatan through the API as a client would:
//
//   DINKES (KADIS: kadis)                       STAF: staf_sekretariat
//   ├── DINKES.P2P (KABID: kabid_p2p)           STAF: staf_p2p
//   │   └── DINKES.P2P.S1 (KASI: vacant;        STAF: staf_s1_a, staf_s1_b
//   │                      Plt staf_p2p from kPltStart)
//   └── DINKES.YANKES (KABID: kabid_yankes)     STAF: staf_yankes
//
// Everyone holds their own (definitive) position from kAssignedFrom, open-ended. Logins: the
// tenant admin kTenantAdmin; kadis, kabid_p2p, staf_p2p, staf_s1_a, staf_s1_b and staf_yankes
// (username = NIP, password kEmployeePassword); kAuditor (AUDITOR) and kOpdAdmin (ADMIN_OPD).

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
#include "integration/common/counter_value.h"
#include "integration/common/test_db.h"
#include "jwks_cache.h"
#include "jwt.h"
#include "keys/key_ring.h"
#include "prometheus/registry.h"
#include "server.h"

namespace ekinerja::identity::it {

namespace v1 = ::ekinerja::identity::v1;

constexpr char kPlatformAdminPassword[] = "platform-rahasia-2026";
constexpr char kTenantAdmin[] = "admin";
constexpr char kTenantAdminPassword[] = "kunci-instansi-2026";
constexpr char kEmployeePassword[] = "pegawai-rahasia-2026";
constexpr char kAuditor[] = "auditor";
constexpr char kAuditorPassword[] = "pemeriksa-rahasia-2026";
constexpr char kOpdAdmin[] = "admin.p2p";  // ADMIN_OPD of DINKES.P2P (and DINKES.P2P.S1)
constexpr char kOpdAdminPassword[] = "opd-rahasia-2026";

// The deployment-wide service account (tenant platform, SERVICE), as --service_accounts_file
// makes it, and the lifetime of the tenant tokens it gets by ExchangeToken.
constexpr char kPlatformService[] = "ekinerja-attendance";
constexpr char kPlatformServiceSecret[] = "layanan-presensi-rahasia-2026";
constexpr int kExchangedTtlSeconds = 240;

// The key-encryption key the fixture's key ring seals the signing keys with.
constexpr char kSigningKek[] = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

const absl::CivilDay kAssignedFrom(2020, 1, 2);
const absl::CivilDay kPltStart(2024, 1, 1);

// What SeedTenant made. Employees with a login use their NIP as username and kEmployeePassword.
struct SeededTenant {
  std::string code;
  std::string admin_token;  // ADMIN_INSTANSI
  std::string kadis, kabid_p2p, staf_p2p, staf_s1_a, staf_s1_b, kabid_yankes, staf_yankes,
      staf_sekretariat;
  std::vector<std::string> all_nips;             // sorted
  std::map<std::string, std::string> passwords;  // username -> password, every login
};

// An 18-digit NIP from its parts: birth "YYYYMMDD", TMT "YYYYMM", gender 1/2, sequence 1..999.
std::string MakeNip(const std::string& birth, const std::string& tmt, int gender, int sequence);

google::type::Date Date(absl::CivilDay day);

// OK, or a failure naming the code and the server's message.
::testing::AssertionResult Ok(const grpc::Status& status);
::testing::AssertionResult HasCode(const grpc::Status& status, grpc::StatusCode code);

// The google.rpc.BadRequest field violations a status carries (its error_details are a serialized
// google.rpc.Status whose details hold Any(BadRequest)).
std::vector<google::rpc::BadRequest::FieldViolation> Violations(const grpc::Status& status);
// Just their fields, in order.
std::vector<std::string> ViolatedFields(const grpc::Status& status);

using ::ekinerja::integration::CounterValue;

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  v1::IdentityService::Stub& stub() { return *primary_.stub; }

  // A ClientContext with `authorization: Bearer <token>` (none when token is empty) and a
  // deadline, so that a hung call fails the test instead of hanging it.
  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "");

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
    std::shared_ptr<auth::JwksCache> jwks;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::IdentityService::Stub> stub;
    void Shutdown();
  };
  // Another replica of the service on the test's schema (as a second pod on the same database),
  // wired as the first; it stops with the test. Null and a fatal test failure when it cannot start.
  Replica* StartReplica();

 private:
  // Starts `r` on the test's schema, as main.cc wires the service.
  void Start(Replica& r);

  std::unique_ptr<integration::TestSchema> schema_;
  Replica primary_;
  std::vector<std::unique_ptr<Replica>> replicas_;
  bool serve_metrics_ = false;
  std::function<void(ServerOptions&)> tune_;
  std::string platform_token_;
  int seeded_tenants_ = 0;
};

}  // namespace ekinerja::identity::it

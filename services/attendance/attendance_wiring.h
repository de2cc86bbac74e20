#pragma once

// The one place the attendance service is put together from its options and its clients (issue 9,
// item 3): main.cc parses flags into AttendanceOptions, builds the real clients from its identity
// channel and calls BuildAttendance; the service tests call it with fakes (tests/mocks).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/attendance_metrics.h"
#include "api/attendance_service.h"
#include "clients/directory.h"
#include "embedded.h"
#include "jwks_cache.h"
#include "server.h"
#include "verified_token_cache.h"

namespace ekinerja::attendance {

// The service's SQL (migrations and statements) with the platform's request log: what main.cc
// and the tests give the host.
std::vector<EmbeddedFile> AttendanceSql();

struct AttendanceOptions {
  // What the access tokens must carry.
  std::string jwt_issuer = "ekinerja-identity";
  std::string jwt_audience = "ekinerja";
  // Access tokens remembered as verified (0: verify on every call).
  size_t jwt_cache_size = auth::VerifiedTokenCache::kDefaultCapacity;
  // The ZKTeco ADMS HTTP endpoint: address, port (0: any free port; -1: none) and threads.
  std::string adms_host = "127.0.0.1";
  int adms_port = -1;
  int adms_threads = 4;
};

// The services attendance talks to.
struct AttendanceClients {
  // Who may read whom, who approves whom, who works where (identity, or a fake).
  std::shared_ptr<clients::Directory> directory;
  // The public keys that verify access tokens (identity's JWKS, or a test's).
  auth::JwksCache::Fetch public_keys;
};

// The service built on a host: what the host starts (`setup`, which also keeps every part alive,
// the ADMS server included) and the parts tests reach.
struct Attendance {
  ServiceSetup setup;
  std::shared_ptr<AttendanceServiceImpl> service;
  std::shared_ptr<AttendanceMetrics> metrics;
  int adms_port = -1;  // the ADMS server's bound port; -1 when there is none
};

// Builds the service, its token verifier and (when options.adms_port >= 0) the ADMS server, which
// starts listening here; the gRPC server starts when the caller passes `setup` to the host.
absl::StatusOr<Attendance> BuildAttendance(ServiceHost& host, const AttendanceOptions& options,
                                           AttendanceClients clients);

}  // namespace ekinerja::attendance

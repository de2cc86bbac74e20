#pragma once

// The one place the activity service is put together from its options and its clients: main.cc
// parses flags into ActivityOptions, builds the real clients from its channels and calls
// BuildActivity; the service tests call it with fakes (tests/mocks).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/activity_metrics.h"
#include "api/activity_service.h"
#include "clients/attendance.h"
#include "clients/directory.h"
#include "clients/skp_plans.h"
#include "embedded.h"
#include "jwks_cache.h"
#include "server.h"
#include "verified_token_cache.h"

namespace ekinerja::activity {

// The service's SQL (migrations and statements) with the platform's request log: what main.cc
// and the tests give the host.
std::vector<EmbeddedFile> ActivitySql();

struct ActivityOptions {
  // What the access tokens must carry.
  std::string jwt_issuer = "ekinerja-identity";
  std::string jwt_audience = "ekinerja";
  // Access tokens remembered as verified (0: verify on every call).
  size_t jwt_cache_size = auth::VerifiedTokenCache::kDefaultCapacity;
  ActivityServiceOptions service;
};

// The services activity talks to.
struct ActivityClients {
  // Who may read whom, who verifies whom, who someone was on a day (identity, or a fake).
  std::shared_ptr<clients::Directory> directory;
  // The check-in gate and the month's days (attendance, or a fake).
  std::shared_ptr<clients::Attendance> attendance;
  // The approved plan of a day (SKP, or a fake).
  std::shared_ptr<clients::SkpPlans> skp;
  // The public keys that verify access tokens (identity's JWKS, or a test's).
  auth::JwksCache::Fetch public_keys;
};

// The service built on a host: what the host starts (`setup`, which keeps every part alive) and
// the parts tests reach.
struct Activity {
  ServiceSetup setup;
  std::shared_ptr<ActivityServiceImpl> service;
  std::shared_ptr<ActivityMetrics> metrics;
};

absl::StatusOr<Activity> BuildActivity(ServiceHost& host, const ActivityOptions& options,
                                       ActivityClients clients);

}  // namespace ekinerja::activity

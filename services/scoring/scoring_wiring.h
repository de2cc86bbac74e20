#pragma once

// The one place the scoring service is put together from its options and its clients: main.cc
// parses flags into ScoringOptions, builds the real clients from its channels and calls
// BuildScoring; the service tests call it with fakes (tests/mocks).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/scoring_metrics.h"
#include "api/scoring_service.h"
#include "clients/activity_months.h"
#include "clients/attendance.h"
#include "clients/directory.h"
#include "clients/skp_evaluations.h"
#include "embedded.h"
#include "jwks_cache.h"
#include "server.h"
#include "verified_token_cache.h"

namespace ekinerja::scoring {

// The service's SQL (migrations and statements) with the platform's request log: what main.cc
// and the tests give the host.
std::vector<EmbeddedFile> ScoringSql();

struct ScoringOptions {
  // What the access tokens must carry.
  std::string jwt_issuer = "ekinerja-identity";
  std::string jwt_audience = "ekinerja";
  // Access tokens remembered as verified (0: verify on every call).
  size_t jwt_cache_size = auth::VerifiedTokenCache::kDefaultCapacity;
  ScoringServiceOptions service;
};

// The services scoring reads (identity, attendance, activity, SKP, or fakes) and the public keys
// that verify access tokens.
struct ScoringClients {
  std::shared_ptr<clients::Directory> directory;
  std::shared_ptr<clients::Attendance> attendance;
  std::shared_ptr<clients::ActivityMonths> activity;
  std::shared_ptr<clients::SkpEvaluations> skp;
  auth::JwksCache::Fetch public_keys;
};

// The service built on a host: what the host starts (`setup`, which keeps every part alive) and
// the parts tests reach.
struct Scoring {
  ServiceSetup setup;
  std::shared_ptr<ScoringServiceImpl> service;
  std::shared_ptr<ScoringMetrics> metrics;
};

absl::StatusOr<Scoring> BuildScoring(ServiceHost& host, const ScoringOptions& options,
                                     ScoringClients clients);

}  // namespace ekinerja::scoring

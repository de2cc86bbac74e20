#pragma once

// The one place the SKP service is put together from its options and its clients: main.cc parses
// flags into SkpOptions, builds the real clients from its identity channel and calls BuildSkp;
// the service tests call it with fakes (tests/mocks).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/skp_metrics.h"
#include "api/skp_service.h"
#include "api/skp_status_gauge.h"
#include "clients/directory.h"
#include "embedded.h"
#include "jwks_cache.h"
#include "server.h"
#include "verified_token_cache.h"

namespace ekinerja::skp {

// The service's SQL (migrations and statements) with the platform's request log: what main.cc
// and the tests give the host.
std::vector<EmbeddedFile> SkpSql();

struct SkpOptions {
  // What the access tokens must carry.
  std::string jwt_issuer = "ekinerja-identity";
  std::string jwt_audience = "ekinerja";
  // Access tokens remembered as verified (0: verify on every call).
  size_t jwt_cache_size = auth::VerifiedTokenCache::kDefaultCapacity;
  SkpServiceOptions service;
  // How often ekinerja_skp_skps is counted (0: never by itself; Skp::status_gauge->Refresh()).
  absl::Duration count_statuses_every = absl::Minutes(1);
};

// The services SKP talks to.
struct SkpClients {
  // Who may read whom, who rates whom, who someone was on a day (identity, or a fake).
  std::shared_ptr<clients::Directory> directory;
  // The public keys that verify access tokens (identity's JWKS, or a test's).
  auth::JwksCache::Fetch public_keys;
};

// The service built on a host: what the host starts (`setup`, which keeps every part alive) and
// the parts tests reach.
struct Skp {
  ServiceSetup setup;
  std::shared_ptr<SkpServiceImpl> service;
  std::shared_ptr<SkpMetrics> metrics;
  std::shared_ptr<SkpStatusGauge> status_gauge;
};

absl::StatusOr<Skp> BuildSkp(ServiceHost& host, const SkpOptions& options, SkpClients clients);

}  // namespace ekinerja::skp

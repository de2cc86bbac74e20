#pragma once

// The one place the warning service is put together from its options and its clients: main.cc
// parses flags into WarningOptions, builds the real clients from its channels and calls
// BuildWarning; the service tests call it with fakes (tests/mocks).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/warning_metrics.h"
#include "api/warning_service.h"
#include "clients/activity_months.h"
#include "clients/attendance.h"
#include "clients/directory.h"
#include "clients/scoring_kotak.h"
#include "clients/skp_evaluations.h"
#include "embedded.h"
#include "jobs/outbox_drain.h"
#include "jobs/scheduler.h"
#include "jobs/sweep.h"
#include "jwks_cache.h"
#include "server.h"
#include "verified_token_cache.h"

namespace ekinerja::warning {

// The service's SQL (migrations and statements) with the platform's request log: what main.cc
// and the tests give the host.
std::vector<EmbeddedFile> WarningSql();

struct WarningOptions {
  // What the access tokens must carry.
  std::string jwt_issuer = "ekinerja-identity";
  std::string jwt_audience = "ekinerja";
  size_t jwt_cache_size = auth::VerifiedTokenCache::kDefaultCapacity;
  WarningServiceOptions service;
  SweepOptions sweep;
  SchedulerOptions scheduler;
  OutboxDrainOptions drain;
  // Whether this replica drains the outbox on a thread of its own (tests call DrainOnce).
  bool start_drain = true;
};

// The services the warning service reads (identity, attendance, activity, SKP, scoring, or
// fakes) and the public keys that verify access tokens.
struct WarningClients {
  std::shared_ptr<clients::Directory> directory;
  std::shared_ptr<clients::Attendance> attendance;
  std::shared_ptr<clients::ActivityMonths> activity;
  std::shared_ptr<clients::SkpEvaluations> skp;
  std::shared_ptr<clients::Scoring> scoring;
  auth::JwksCache::Fetch public_keys;
};

// Everything the service is made of, in the order it is built: members go in reverse, so the
// jobs' threads stop before what they use goes.
struct WarningParts {
  WarningClients clients;
  std::unique_ptr<WarningMetrics> metrics;
  InboxSignal signal;
  std::unique_ptr<Sweeper> sweeper;
  std::unique_ptr<WarningServiceImpl> service;
  std::shared_ptr<auth::JwksCache> jwks;
  std::unique_ptr<OutboxMetrics> outbox_metrics;
  std::unique_ptr<OutboxDrain> drain;
  std::unique_ptr<Scheduler> scheduler;
};

// The service built on a host: what the host starts (`setup`, which keeps the parts alive) and
// the parts tests reach.
struct Warning {
  ServiceSetup setup;
  std::shared_ptr<WarningParts> parts;
};

absl::StatusOr<Warning> BuildWarning(ServiceHost& host, const WarningOptions& options,
                                     WarningClients clients);

}  // namespace ekinerja::warning

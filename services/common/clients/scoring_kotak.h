#pragma once

// What a service asks the scoring service (DESIGN §10): every employee's monthly box of the kotak
// kinerja in one stream, and the TPP rule set in force on a day (warnings: LOW_KOTAK to the
// BKPSDM, the rupiah at stake of a missing report). Behind an interface so the services' tests
// run against tests/mocks/fake_scoring.h.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::clients {

// An employee's box of a month as scoring placed it (DOMAIN §7).
struct KotakPlacement {
  std::string nip, org_unit_code, opd_code;
  // 1-9; previous_box is the month before's, 0 when the employee was not placed then.
  int box = 0, previous_box = 0;
  // The TPP run that placed the employee.
  int64_t run_id = 0;
};

// The parts of the TPP rule set in force (scoring's TppRules) other services need, in basis points
// of 10000.
struct TppRuleSummary {
  // 0 for the national defaults (DOMAIN §6), in force until the tenant sets its own.
  int version = 0;
  absl::CivilDay effective_from;
  // The disiplin part of the ceiling (4000); per workday present without an approved daily
  // report, the share of the produktivitas part withheld (200).
  int disiplin_bp = 0, missing_report_bp = 0;
};

class Scoring {
 public:
  virtual ~Scoring() = default;

  // Every employee's box of `year`-`month` of `org_unit`'s subtree ("" = the tenant), handed to
  // `each` as they stream in (by OPD, box, then NIP); one call (scoring's StreamKotak: tenant-wide
  // roles and SERVICE). A month without a run answers an empty stream, OK (no NOT_FOUND).
  // PERMISSION_DENIED and INVALID_ARGUMENT pass through; scoring's other failures are UNAVAILABLE
  // "scoring: ...".
  virtual absl::Status StreamKotak(const std::string& bearer, int year, int month,
                                   const std::string& org_unit,
                                   const std::function<void(const KotakPlacement&)>& each) = 0;

  // The TPP rule set of the caller's tenant in force on `day` (any caller of the tenant; the
  // national defaults, version 0, until the tenant sets one).
  virtual absl::StatusOr<TppRuleSummary> TppRulesOn(const std::string& bearer,
                                                    absl::CivilDay day) = 0;
};

// The Scoring over scoring's gRPC API on `channel`: each unary call bounded by `timeout`, a stream
// by `stream_timeout`.
std::unique_ptr<Scoring> MakeScoringClient(std::shared_ptr<grpc::Channel> channel,
                                           absl::Duration timeout = absl::Seconds(5),
                                           absl::Duration stream_timeout = absl::Minutes(5));

}  // namespace ekinerja::clients

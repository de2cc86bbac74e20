#pragma once

// The scoring service's own metrics (DESIGN §4), beside the gRPC ones every service has:
// - ekinerja_scoring_runs_total{action,outcome}: computations ("compute") and transitions
//   ("verify", "return", "lock", "correct") by outcome ("ok", "busy": another computation held
//   the month, "failed");
// - ekinerja_scoring_employees_computed_total: instruments computed;
// - ekinerja_scoring_run_seconds: how long a computation took, reads of the other services
//   included (histogram);
// - ekinerja_scoring_run_rupiah{tenant,month,total}: the last computed totals of each tenant's
//   month ("2026-03"): ceiling, gross, net (a gauge: a payroll clerk's cross-check).

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace prometheus {
class Counter;
class Gauge;
class Histogram;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::scoring {

class ScoringMetrics {
 public:
  explicit ScoringMetrics(prometheus::Registry& registry);
  ScoringMetrics(const ScoringMetrics&) = delete;
  ScoringMetrics& operator=(const ScoringMetrics&) = delete;

  void Run(absl::string_view action, absl::string_view outcome);
  void Computed(int employees, absl::Duration took);
  void Totals(const std::string& tenant, int year, int month, int64_t ceiling_idr,
              int64_t gross_idr, int64_t net_idr);

 private:
  prometheus::Family<prometheus::Counter>& runs_;
  prometheus::Counter& employees_;
  prometheus::Histogram& seconds_;
  prometheus::Family<prometheus::Gauge>& rupiah_;
};

}  // namespace ekinerja::scoring

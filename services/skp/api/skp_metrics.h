#pragma once

// The SKP service's own metrics (DESIGN §4), beside the gRPC ones every service has:
// - ekinerja_skp_transitions_total{status}: SKP revisions entering DRAFT (created or revised),
//   SUBMITTED, APPROVED, REJECTED, or DRAFT again by withdrawal ("WITHDRAWN");
// - ekinerja_skp_decisions_total{decision}: approvals and rejections by the pejabat penilai, and
//   audited overrides;
// - ekinerja_skp_evaluation_seconds{model}: one evaluation, computed and stored (histogram);
// - ekinerja_skp_skps{status}: SKPs of every tenant by the status of their latest revision, as
//   SkpStatusGauge last counted them (DRAFT, SUBMITTED, APPROVED, REJECTED).

#include <cstdint>
#include <map>
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

namespace ekinerja::skp {

class SkpMetrics {
 public:
  explicit SkpMetrics(prometheus::Registry& registry);
  SkpMetrics(const SkpMetrics&) = delete;
  SkpMetrics& operator=(const SkpMetrics&) = delete;

  void Transition(absl::string_view status);
  void Decision(absl::string_view decision);
  void Evaluated(absl::string_view model, absl::Duration elapsed);
  // Sets ekinerja_skp_skps to `counts` (status -> SKPs); a status missing from it counts 0.
  void SkpsByStatus(const std::map<std::string, int64_t>& counts);

 private:
  prometheus::Family<prometheus::Counter>& transitions_;
  prometheus::Family<prometheus::Counter>& decisions_;
  prometheus::Family<prometheus::Histogram>& evaluation_seconds_;
  prometheus::Family<prometheus::Gauge>& skps_;
};

}  // namespace ekinerja::skp

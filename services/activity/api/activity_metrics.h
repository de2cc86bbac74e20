#pragma once

// The activity service's own metrics (DESIGN §4), beside the gRPC ones every service has:
// - ekinerja_activity_entries_total{outcome,gate}: entry writes (create, update, submit) by
//   outcome ("created", "updated", "submitted", "refused") and, for a refusal by a gate of
//   DOMAIN §5, the gate (NO_CHECK_IN, PAST_DEADLINE, OVERLAP, DAY_MINUTES, MONTH_LOCKED,
//   NO_APPROVED_SKP; "" otherwise);
// - ekinerja_activity_decisions_total{decision}: entries approved, rejected, returned;
// - ekinerja_activity_queue_age_seconds: at each decision, how long the entry waited since its
//   submission (histogram).

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace prometheus {
class Counter;
class Histogram;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::activity {

class ActivityMetrics {
 public:
  explicit ActivityMetrics(prometheus::Registry& registry);
  ActivityMetrics(const ActivityMetrics&) = delete;
  ActivityMetrics& operator=(const ActivityMetrics&) = delete;

  void Entry(absl::string_view outcome, absl::string_view gate = "", int count = 1);
  void Decision(absl::string_view decision, absl::Duration waited);

 private:
  prometheus::Family<prometheus::Counter>& entries_;
  prometheus::Family<prometheus::Counter>& decisions_;
  prometheus::Family<prometheus::Histogram>& queue_age_;
};

}  // namespace ekinerja::activity

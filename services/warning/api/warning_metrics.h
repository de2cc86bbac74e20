#pragma once

// The warning service's own metrics (DESIGN §4), beside the gRPC ones every service has:
// - ekinerja_warning_warnings_total{rule}: warnings created (a rerun's skipped ones not counted);
// - ekinerja_warning_sweeps_total{kind,outcome}: sweeps by kind (DAILY, EARLY) and outcome
//   ("done", "failed": not yet due, busy and peer failures included);
// - ekinerja_warning_sweep_seconds{kind}: a sweep's duration, reads of the other services
//   included (histogram);
// - ekinerja_warning_sweep_employees_per_second{kind}: the last finished sweep's rate;
// - ekinerja_warning_sweep_last_success_seconds{tenant,kind}: when each tenant's last sweep
//   finished (Unix time; the "sweeps that did not run" alert).
// The outbox's are the drain's (jobs/outbox_drain.h).

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

namespace ekinerja::warning {

class WarningMetrics {
 public:
  explicit WarningMetrics(prometheus::Registry& registry);
  WarningMetrics(const WarningMetrics&) = delete;
  WarningMetrics& operator=(const WarningMetrics&) = delete;

  void CountCreated(const std::string& rule, int64_t created);
  // A sweep of `tenant` ended at `end` with `outcome` ("done" or "failed") after `took`,
  // having looked at `employees`.
  void ObserveSweep(const std::string& tenant, absl::string_view kind, absl::string_view outcome,
                    absl::Duration took, int64_t employees, absl::Time end);

 private:
  prometheus::Family<prometheus::Counter>& warnings_;
  prometheus::Family<prometheus::Counter>& sweeps_;
  prometheus::Family<prometheus::Histogram>& seconds_;
  prometheus::Family<prometheus::Gauge>& rate_;
  prometheus::Family<prometheus::Gauge>& last_success_;
};

}  // namespace ekinerja::warning

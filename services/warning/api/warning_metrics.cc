#include "api/warning_metrics.h"

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::warning {

WarningMetrics::WarningMetrics(prometheus::Registry& registry)
    : warnings_(prometheus::BuildCounter()
                    .Name("ekinerja_warning_warnings_total")
                    .Help("Warnings created, by rule")
                    .Register(registry)),
      sweeps_(prometheus::BuildCounter()
                  .Name("ekinerja_warning_sweeps_total")
                  .Help("Sweeps by kind and outcome")
                  .Register(registry)),
      seconds_(prometheus::BuildHistogram()
                   .Name("ekinerja_warning_sweep_seconds")
                   .Help("Time a sweep took, reads of the other services included")
                   .Register(registry)),
      rate_(prometheus::BuildGauge()
                .Name("ekinerja_warning_sweep_employees_per_second")
                .Help("Employees per second of the last finished sweep")
                .Register(registry)),
      last_success_(prometheus::BuildGauge()
                        .Name("ekinerja_warning_sweep_last_success_seconds")
                        .Help("When the tenant's last sweep of the kind finished (Unix time)")
                        .Register(registry)) {}

void WarningMetrics::CountCreated(const std::string& rule, int64_t created) {
  warnings_.Add({{"rule", rule}}).Increment(static_cast<double>(created));
}

void WarningMetrics::ObserveSweep(const std::string& tenant, absl::string_view kind,
                                  absl::string_view outcome, absl::Duration took, int64_t employees,
                                  absl::Time end) {
  const std::string k(kind);
  sweeps_.Add({{"kind", k}, {"outcome", std::string(outcome)}}).Increment();
  if (outcome != "done") return;
  seconds_
      .Add({{"kind", k}},
           prometheus::Histogram::BucketBoundaries{0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300})
      .Observe(absl::ToDoubleSeconds(took));
  const double seconds = absl::ToDoubleSeconds(took);
  if (seconds > 0) rate_.Add({{"kind", k}}).Set(static_cast<double>(employees) / seconds);
  last_success_.Add({{"tenant", tenant}, {"kind", k}})
      .Set(absl::ToDoubleSeconds(end - absl::UnixEpoch()));
}

}  // namespace ekinerja::warning

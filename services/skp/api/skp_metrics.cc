#include "api/skp_metrics.h"

#include <string>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::skp {

SkpMetrics::SkpMetrics(prometheus::Registry& registry)
    : transitions_(prometheus::BuildCounter()
                       .Name("ekinerja_skp_transitions_total")
                       .Help("SKP revisions entering a status")
                       .Register(registry)),
      decisions_(prometheus::BuildCounter()
                     .Name("ekinerja_skp_decisions_total")
                     .Help("Decisions of pejabat penilai and admins, by kind")
                     .Register(registry)),
      evaluation_seconds_(prometheus::BuildHistogram()
                              .Name("ekinerja_skp_evaluation_seconds")
                              .Help("Time to compute and store one evaluation")
                              .Register(registry)),
      skps_(prometheus::BuildGauge()
                .Name("ekinerja_skp_skps")
                .Help("SKPs of every tenant by the status of their latest revision")
                .Register(registry)) {}

void SkpMetrics::Transition(absl::string_view status) {
  transitions_.Add({{"status", std::string(status)}}).Increment();
}

void SkpMetrics::Decision(absl::string_view decision) {
  decisions_.Add({{"decision", std::string(decision)}}).Increment();
}

void SkpMetrics::Evaluated(absl::string_view model, absl::Duration elapsed) {
  evaluation_seconds_
      .Add({{"model", std::string(model)}},
           prometheus::Histogram::BucketBoundaries{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                   0.25, 0.5, 1, 2.5})
      .Observe(absl::ToDoubleSeconds(elapsed));
}

void SkpMetrics::SkpsByStatus(const std::map<std::string, int64_t>& counts) {
  for (const char* status : {"DRAFT", "SUBMITTED", "APPROVED", "REJECTED"}) {
    const auto it = counts.find(status);
    skps_.Add({{"status", status}}).Set(it == counts.end() ? 0 : static_cast<double>(it->second));
  }
}

}  // namespace ekinerja::skp

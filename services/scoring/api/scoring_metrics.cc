#include "api/scoring_metrics.h"

#include <cstdio>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::scoring {

ScoringMetrics::ScoringMetrics(prometheus::Registry& registry)
    : runs_(prometheus::BuildCounter()
                .Name("ekinerja_scoring_runs_total")
                .Help("TPP run computations and transitions by outcome")
                .Register(registry)),
      employees_(prometheus::BuildCounter()
                     .Name("ekinerja_scoring_employees_computed_total")
                     .Help("Instruments computed")
                     .Register(registry)
                     .Add({})),
      seconds_(prometheus::BuildHistogram()
                   .Name("ekinerja_scoring_run_seconds")
                   .Help("Time to compute a TPP run, reads of the other services included")
                   .Register(registry)
                   .Add({}, prometheus::Histogram::BucketBoundaries{0.1, 0.5, 1, 2, 5, 10, 20, 30,
                                                                    60, 120, 300})),
      rupiah_(prometheus::BuildGauge()
                  .Name("ekinerja_scoring_run_rupiah")
                  .Help("The last computed totals of a tenant's month, in rupiah")
                  .Register(registry)) {}

void ScoringMetrics::Run(absl::string_view action, absl::string_view outcome) {
  runs_.Add({{"action", std::string(action)}, {"outcome", std::string(outcome)}}).Increment();
}

void ScoringMetrics::Computed(int employees, absl::Duration took) {
  employees_.Increment(employees);
  seconds_.Observe(absl::ToDoubleSeconds(took));
}

void ScoringMetrics::Totals(const std::string& tenant, int year, int month, int64_t ceiling_idr,
                            int64_t gross_idr, int64_t net_idr) {
  char label[16];
  std::snprintf(label, sizeof(label), "%04d-%02d", year, month);
  const auto set = [&](const char* total, int64_t idr) {
    rupiah_.Add({{"tenant", tenant}, {"month", label}, {"total", total}})
        .Set(static_cast<double>(idr));
  };
  set("ceiling", ceiling_idr);
  set("gross", gross_idr);
  set("net", net_idr);
}

}  // namespace ekinerja::scoring

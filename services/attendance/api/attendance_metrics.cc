#include "api/attendance_metrics.h"

#include <string>

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::attendance {

AttendanceMetrics::AttendanceMetrics(prometheus::Registry& registry)
    : punches_(prometheus::BuildCounter()
                   .Name("ekinerja_attendance_punches_total")
                   .Help("Punches received, by outcome and device")
                   .Register(registry)),
      adms_(prometheus::BuildCounter()
                .Name("ekinerja_attendance_adms_requests_total")
                .Help("ZKTeco ADMS requests, by endpoint and HTTP code")
                .Register(registry)),
      recompute_seconds_(
          prometheus::BuildHistogram()
              .Name("ekinerja_attendance_recompute_seconds")
              .Help("Time to recompute one set of employee-days")
              .Register(registry)
              .Add({}, prometheus::Histogram::BucketBoundaries{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                               0.25, 0.5, 1, 2.5, 5, 10, 30, 60})),
      summaries_computed_(prometheus::BuildCounter()
                              .Name("ekinerja_attendance_day_summaries_computed_total")
                              .Help("Employee-days whose summary was computed")
                              .Register(registry)
                              .Add({})) {}

void AttendanceMetrics::Punches(absl::string_view device, absl::string_view outcome, int64_t n) {
  if (n <= 0) return;
  punches_.Add({{"outcome", std::string(outcome)}, {"device", std::string(device)}})
      .Increment(static_cast<double>(n));
}

void AttendanceMetrics::AdmsRequest(absl::string_view endpoint, int http_code) {
  adms_.Add({{"endpoint", std::string(endpoint)}, {"code", std::to_string(http_code)}}).Increment();
}

void AttendanceMetrics::Recomputed(int64_t days, absl::Duration elapsed) {
  recompute_seconds_.Observe(absl::ToDoubleSeconds(elapsed));
  if (days > 0) summaries_computed_.Increment(static_cast<double>(days));
}

}  // namespace ekinerja::attendance

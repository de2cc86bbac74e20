#include "api/activity_metrics.h"

#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::activity {

ActivityMetrics::ActivityMetrics(prometheus::Registry& registry)
    : entries_(prometheus::BuildCounter()
                   .Name("ekinerja_activity_entries_total")
                   .Help("Entry writes by outcome, and refusals by the gate that refused them")
                   .Register(registry)),
      decisions_(prometheus::BuildCounter()
                     .Name("ekinerja_activity_decisions_total")
                     .Help("Entries approved, rejected or returned by their verifier")
                     .Register(registry)),
      queue_age_(prometheus::BuildHistogram()
                     .Name("ekinerja_activity_queue_age_seconds")
                     .Help("Time from an entry's submission to its decision")
                     .Register(registry)) {}

void ActivityMetrics::Entry(absl::string_view outcome, absl::string_view gate, int count) {
  entries_.Add({{"outcome", std::string(outcome)}, {"gate", std::string(gate)}}).Increment(count);
}

void ActivityMetrics::Decision(absl::string_view decision, absl::Duration waited) {
  decisions_.Add({{"decision", std::string(decision)}}).Increment();
  // An hour, a day, up to a month: supervisors decide in days, not milliseconds.
  queue_age_
      .Add({},
           prometheus::Histogram::BucketBoundaries{3600, 4 * 3600, 86400, 2 * 86400, 3 * 86400,
                                                   5 * 86400, 7 * 86400, 14 * 86400, 30 * 86400})
      .Observe(absl::ToDoubleSeconds(waited));
}

}  // namespace ekinerja::activity

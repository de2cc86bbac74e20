#pragma once

// What a Prometheus counter of a service's registry says, as a test reads it.

#include <map>
#include <string>

#include "prometheus/registry.h"

namespace ekinerja::integration {

// The sum of counter `name` over its series that have `labels` (and any others); 0 if none.
inline double CounterValue(prometheus::Registry& registry, const std::string& name,
                           const std::map<std::string, std::string>& labels = {}) {
  double sum = 0;
  for (const auto& family : registry.Collect()) {
    if (family.name != name) continue;
    for (const auto& metric : family.metric) {
      bool match = true;
      for (const auto& [key, value] : labels) {
        bool found = false;
        for (const auto& label : metric.label) found |= label.name == key && label.value == value;
        match &= found;
      }
      if (match) sum += metric.counter.value;
    }
  }
  return sum;
}

}  // namespace ekinerja::integration

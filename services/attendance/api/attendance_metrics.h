#pragma once

// The attendance service's own metrics (DESIGN §4), beside the gRPC ones every service has:
// - ekinerja_attendance_punches_total{outcome,device}: accepted, duplicate, quarantined,
//   unknown_pin;
// - ekinerja_attendance_adms_requests_total{endpoint,code}: cdata, getrequest, devicecmd or
//   other, by HTTP code;
// - ekinerja_attendance_recompute_seconds: one recompute of a set of employee-days (histogram);
// - ekinerja_attendance_day_summaries_computed_total: employee-days computed.
// `device` is a registered serial (unknown serials are refused before anything is counted), so
// the label sets stay bounded by the devices an admin registered.

#include <cstdint>
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

namespace ekinerja::attendance {

class AttendanceMetrics {
 public:
  explicit AttendanceMetrics(prometheus::Registry& registry);
  AttendanceMetrics(const AttendanceMetrics&) = delete;
  AttendanceMetrics& operator=(const AttendanceMetrics&) = delete;

  void Punches(absl::string_view device, absl::string_view outcome, int64_t n);
  void AdmsRequest(absl::string_view endpoint, int http_code);
  void Recomputed(int64_t days, absl::Duration elapsed);

 private:
  prometheus::Family<prometheus::Counter>& punches_;
  prometheus::Family<prometheus::Counter>& adms_;
  prometheus::Histogram& recompute_seconds_;
  prometheus::Counter& summaries_computed_;
};

}  // namespace ekinerja::attendance

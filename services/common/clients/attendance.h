#pragma once

// What a service asks the attendance service (DESIGN §10): whether an employee checked in on a
// day and how long they were present (the activity service's gates), and the days of a whole
// unit over a range in one stream (month summaries; later scoring and warnings). Behind an
// interface so the services' tests run against tests/mocks/fake_attendance.h.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::clients {

// One employee-day as attendance computed it.
struct AttendanceDay {
  std::string nip;
  absl::CivilDay date;
  // Not a weekend, rostered day off, holiday or cuti bersama.
  bool workday = false;
  // A punch or an approved correction counts for the day, or an approved dinas luar covers it.
  bool checked_in = false;
  // The first check-in and the last check-out, when there were both.
  std::optional<absl::Time> first_in, last_out;
  // The day's status as attendance names it without its prefix ("HADIR", "IZIN", "LIBUR").
  std::string status;
};

class Attendance {
 public:
  virtual ~Attendance() = default;

  // `nip`'s days [first, last] (at most 92), asked with the caller's own token (attendance
  // decides who may read whom). PERMISSION_DENIED, NOT_FOUND, INVALID_ARGUMENT and OUT_OF_RANGE
  // (a day that has not happened in the tenant's zone) pass through; attendance's other failures
  // are UNAVAILABLE "attendance: ...".
  virtual absl::StatusOr<std::vector<AttendanceDay>> DaysOf(const std::string& bearer,
                                                            const std::string& nip,
                                                            absl::CivilDay first,
                                                            absl::CivilDay last) = 0;

  // Every mapped employee-day of `org_unit`'s subtree ("" = the tenant) over [first, last] (at
  // most 92 days) in (nip, date) order, handed to `each` as they stream in; one call.
  virtual absl::Status StreamDays(const std::string& bearer, const std::string& org_unit,
                                  absl::CivilDay first, absl::CivilDay last,
                                  const std::function<void(const AttendanceDay&)>& each) = 0;
};

// The Attendance over attendance's gRPC API on `channel`, each call bounded by `timeout` (a
// stream by 10 x timeout). DaysOf answers are cached per (bearer, nip, first, last) for
// `cache_for`: the check-in gate asks on every keystroke of a Monday morning, and a punch or a
// correction shows within that time.
std::unique_ptr<Attendance> MakeAttendanceClient(std::shared_ptr<grpc::Channel> channel,
                                                 absl::Duration timeout = absl::Seconds(5),
                                                 absl::Duration cache_for = absl::Seconds(30));

}  // namespace ekinerja::clients

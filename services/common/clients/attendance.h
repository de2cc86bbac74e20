#pragma once

// What a service asks the attendance service (DESIGN §10): whether an employee checked in on a
// day and how long they were present (the activity service's gates), and the days of a whole
// unit over a range in one stream (month summaries; later scoring and warnings), and the tenant's
// holidays (warnings count workdays with them). Behind an interface so the services' tests run
// against tests/mocks/fake_attendance.h.

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
  // The first check-in and the last check-out, each when there was one (a day with a check-in
  // but no check-out has only first_in).
  std::optional<absl::Time> first_in, last_out;
  // The day's status as attendance names it without its prefix ("HADIR", "IZIN", "LIBUR").
  std::string status;
  // What scoring deducts for (DOMAIN §3, §6): the late (TL) and early-leave (PSW) tiers 0..4 and
  // their minutes, and the kind of the approved absence covering the day without its prefix
  // ("SAKIT", "CUTI_TAHUNAN", "DINAS_LUAR"; "" when none).
  int tl_tier = 0, psw_tier = 0;
  int minutes_late = 0, minutes_early = 0;
  std::string absence_kind;
};

// A national holiday, cuti bersama or regional holiday of the tenant: not a workday.
struct Holiday {
  absl::CivilDay date;
  std::string name;
  // Without its prefix: "LIBUR_NASIONAL", "CUTI_BERSAMA" or "LIBUR_DAERAH".
  std::string kind;
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

  // Locks (unlocks) `year`-`month` of the tenant of `bearer` (the scoring service's SERVICE token
  // or an ADMIN_INSTANSI's) for the TPP run `reference` ("tppRuns/42"): while locked, attendance
  // refuses every change of the month's day summaries (DOMAIN §6). Idempotent. PERMISSION_DENIED
  // and INVALID_ARGUMENT pass through; other failures are UNAVAILABLE "attendance: ...".
  virtual absl::Status LockMonth(const std::string& bearer, int year, int month,
                                 const std::string& reference) = 0;
  virtual absl::Status UnlockMonth(const std::string& bearer, int year, int month,
                                   const std::string& reference) = 0;

  // The holidays of the caller's tenant in [first, last], date order (any caller of the tenant).
  // Attendance lists a year per call (ListHolidays, unpaged): one call per year of the range.
  // INVALID_ARGUMENT (last before first; field "year": a year outside the tenant's work dates)
  // passes through; attendance's other failures are UNAVAILABLE "attendance: ...".
  virtual absl::StatusOr<std::vector<Holiday>> HolidaysIn(const std::string& bearer,
                                                          absl::CivilDay first,
                                                          absl::CivilDay last) = 0;
};

// The Attendance over attendance's gRPC API on `channel`, each call bounded by `timeout`, a
// stream by `stream_timeout` (a province's month streams for a while). DaysOf answers are cached
// per (bearer, nip, first, last) for `cache_for`: the check-in gate asks on every keystroke of a
// Monday morning, and a punch or a correction shows within that time.
std::unique_ptr<Attendance> MakeAttendanceClient(std::shared_ptr<grpc::Channel> channel,
                                                 absl::Duration timeout = absl::Seconds(5),
                                                 absl::Duration cache_for = absl::Seconds(30),
                                                 absl::Duration stream_timeout = absl::Seconds(50));

}  // namespace ekinerja::clients

#pragma once

// The gates an entry passes before anything is written (DOMAIN §5 "Gates", SIKERJA rule and
// tenant defaults). Each returns OK or FAILED_PRECONDITION whose message says what and why; the
// API sends it with a google.rpc.PreconditionFailure whose type is the gate's constant below.
// The check-in gate itself (attendance's GetAttendanceDay, an approved correction or dinas luar)
// and the month lock are decided by the API from what it reads; only their names are here.

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace ekinerja::activity {

inline constexpr absl::string_view kGateNoCheckIn = "NO_CHECK_IN";
inline constexpr absl::string_view kGateDeadline = "PAST_DEADLINE";
inline constexpr absl::string_view kGateOverlap = "OVERLAP";
inline constexpr absl::string_view kGateDayMinutes = "DAY_MINUTES";
inline constexpr absl::string_view kGateMonthLocked = "MONTH_LOCKED";

// An entry's time on its work date, minutes from midnight, [start, end).
struct Span {
  int start_minute = 0;
  int end_minute = 0;
  int minutes() const { return end_minute - start_minute; }
  // Within one day (00:00..23:59, clock.h) and ending after it starts.
  bool valid() const;
  bool operator==(const Span& o) const {
    return start_minute == o.start_minute && end_minute == o.end_minute;
  }
};

// DOMAIN §5 "entries may not overlap in time": spans sharing at least one minute. Touching spans
// (08:00-09:00 and 09:00-10:00) do not overlap.
bool Overlaps(Span a, Span b);

// DOMAIN §5: entries for day D are accepted until D+1 23:59 local time (days_after and
// minute_of_day are the tenant's, default D+1 at 23:59).
struct DeadlineRule {
  int days_after = 1;
  int minute_of_day = 23 * 60 + 59;
};

// The first instant at which an entry for `work_date` is no longer accepted: the local minute
// (work_date + days_after) at minute_of_day, plus one minute. For the default, 00:00:00 of D+2
// in `zone` (23:59:59 of D+1 is still accepted).
absl::Time EntryDeadline(absl::CivilDay work_date, const DeadlineRule& rule, absl::TimeZone zone);

// OK while `now` is before EntryDeadline and the work date has come (on or before today in
// `zone`); FAILED_PRECONDITION (kGateDeadline) "entries for 2026-03-10 were accepted until
// 2026-03-11 23:59 Asia/Jakarta", or "cannot report a day that has not come: 2026-03-16 is after
// today 2026-03-15 in Asia/Jakarta".
absl::Status CheckDeadline(absl::CivilDay work_date, absl::Time now, const DeadlineRule& rule,
                           absl::TimeZone zone);

// The whole minutes between the day's first check-in and last check-out (floored: 7h59m59s is
// 479); nullopt when either is missing or the check-out is not after the check-in.
std::optional<int> MinutesPresent(std::optional<absl::Time> first_in,
                                  std::optional<absl::Time> last_out);

// DOMAIN §5: the day's minutes (the other entries that hold time, plus this one) may not exceed
// the minutes present, or `unknown_presence_minutes` (default 450) when presence is unknown.
// Exactly the cap passes; FAILED_PRECONDITION (kGateDayMinutes) naming both totals above it.
absl::Status CheckDayMinutes(int64_t other_entries_minutes, int64_t this_entry_minutes,
                             std::optional<int> minutes_present, int unknown_presence_minutes);

// DOMAIN §5: `span` against the day's other entries that hold time (HoldsTime; the entry itself
// left out when it is updated). FAILED_PRECONDITION (kGateOverlap) naming the first one it
// overlaps: "overlaps another entry of the day, 08:00-09:30".
absl::Status CheckOverlap(Span span, const std::vector<Span>& others);

}  // namespace ekinerja::activity

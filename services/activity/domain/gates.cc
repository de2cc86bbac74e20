#include "domain/gates.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "domain/clock.h"
#include "wall_clock.h"

namespace ekinerja::activity {

bool Span::valid() const {
  return start_minute >= 0 && start_minute < end_minute && end_minute < kMinutesPerDay;
}

bool Overlaps(Span a, Span b) {
  return a.start_minute < b.end_minute && b.start_minute < a.end_minute;
}

absl::Time EntryDeadline(absl::CivilDay work_date, const DeadlineRule& rule, absl::TimeZone zone) {
  const absl::CivilMinute last_minute =
      absl::CivilMinute(work_date + rule.days_after) + rule.minute_of_day;
  return absl::FromCivil(last_minute + 1, zone);
}

absl::Status CheckDeadline(absl::CivilDay work_date, absl::Time now, const DeadlineRule& rule,
                           absl::TimeZone zone) {
  const absl::CivilDay today = LocalDay(now, zone);
  if (work_date > today) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot report a day that has not come: ", FormatDate(work_date),
                     " is after today ", FormatDate(today), " in ", zone.name()));
  }
  const absl::Time deadline = EntryDeadline(work_date, rule, zone);
  if (now < deadline) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "entries for ", FormatDate(work_date), " were accepted until ",
      absl::FormatTime("%Y-%m-%d %H:%M", deadline - absl::Minutes(1), zone), " ", zone.name()));
}

std::optional<int> MinutesPresent(std::optional<absl::Time> first_in,
                                  std::optional<absl::Time> last_out) {
  if (!first_in || !last_out || *last_out <= *first_in) return std::nullopt;
  return static_cast<int>(absl::ToInt64Minutes(*last_out - *first_in));
}

absl::Status CheckDayMinutes(int64_t other_entries_minutes, int64_t this_entry_minutes,
                             std::optional<int> minutes_present, int unknown_presence_minutes) {
  const int64_t total = other_entries_minutes + this_entry_minutes;
  const int64_t cap = minutes_present ? *minutes_present : unknown_presence_minutes;
  if (total <= cap) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("the day's entries would total ", total, " minutes, more than ",
                   minutes_present ? absl::StrCat("the ", cap, " minutes present")
                                   : absl::StrCat(cap, " minutes (presence unknown)")));
}

absl::Status CheckOverlap(Span span, const std::vector<Span>& others) {
  for (const Span& other : others) {
    if (!Overlaps(span, other)) continue;
    return absl::FailedPreconditionError(absl::StrCat("overlaps another entry of the day, ",
                                                      FormatClock(other.start_minute), "-",
                                                      FormatClock(other.end_minute)));
  }
  return absl::OkStatus();
}

}  // namespace ekinerja::activity

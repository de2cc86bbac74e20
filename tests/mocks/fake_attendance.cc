#include "fake_attendance.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "month_lock.h"
#include "status.h"

namespace ekinerja::mocks {

namespace {

absl::Time JakartaAt(absl::CivilDay date, const std::string& hhmm) {
  absl::TimeZone zone;
  absl::LoadTimeZone("Asia/Jakarta", &zone);
  const int h = std::stoi(hhmm.substr(0, 2)), m = std::stoi(hhmm.substr(3, 2));
  return absl::FromCivil(absl::CivilMinute(date.year(), date.month(), date.day(), h, m), zone);
}

}  // namespace

void FakeAttendance::SetDay(const clients::AttendanceDay& day) {
  absl::MutexLock lock(&mu_);
  days_[{day.nip, day.date}] = day;
}

void FakeAttendance::SetPresent(const std::string& nip, absl::CivilDay date, const std::string& in,
                                const std::string& out) {
  clients::AttendanceDay day;
  day.nip = nip;
  day.date = date;
  day.workday = true;
  day.checked_in = true;
  day.status = "HADIR";
  day.first_in = JakartaAt(date, in);
  if (!out.empty()) day.last_out = JakartaAt(date, out);
  SetDay(day);
}

void FakeAttendance::SetHoliday(const clients::Holiday& holiday) {
  absl::MutexLock lock(&mu_);
  holidays_[holiday.date] = holiday;
}

void FakeAttendance::Fail(absl::Status status) {
  absl::MutexLock lock(&mu_);
  fail_ = std::move(status);
}

void FakeAttendance::FailStreamAfter(int days, absl::Status status) {
  absl::MutexLock lock(&mu_);
  fail_after_ = days;
  fail_after_status_ = std::move(status);
}

int FakeAttendance::CallCount(const std::string& method) const {
  absl::MutexLock lock(&mu_);
  auto it = calls_.find(method);
  return it == calls_.end() ? 0 : it->second;
}

absl::Status FakeAttendance::Begin(const std::string& method) {
  absl::MutexLock lock(&mu_);
  ++calls_[method];
  return fail_;
}

clients::AttendanceDay FakeAttendance::DayOf(const std::string& nip, absl::CivilDay date) const {
  if (auto it = days_.find({nip, date}); it != days_.end()) return it->second;
  clients::AttendanceDay day;
  day.nip = nip;
  day.date = date;
  const absl::Weekday wd = absl::GetWeekday(date);
  day.workday =
      wd != absl::Weekday::saturday && wd != absl::Weekday::sunday && holidays_.count(date) == 0;
  day.status = day.workday ? "TANPA_KETERANGAN" : "LIBUR";
  return day;
}

absl::StatusOr<std::vector<clients::AttendanceDay>> FakeAttendance::DaysOf(
    const std::string& bearer, const std::string& nip, absl::CivilDay first, absl::CivilDay last) {
  EK_RETURN_IF_ERROR(Begin("DaysOf"));
  if (last < first || last - first >= 92) return InvalidField("end_date", "at most 92 days");
  EK_RETURN_IF_ERROR(directory_.CheckReadsEmployee(bearer, nip, first));
  absl::MutexLock lock(&mu_);
  std::vector<clients::AttendanceDay> out;
  for (absl::CivilDay d = first; d <= last; ++d) out.push_back(DayOf(nip, d));
  return out;
}

absl::Status FakeAttendance::StreamDays(
    const std::string& bearer, const std::string& org_unit, absl::CivilDay first,
    absl::CivilDay last, const std::function<void(const clients::AttendanceDay&)>& each) {
  EK_RETURN_IF_ERROR(Begin("StreamDays"));
  if (last < first || last - first >= 92) return InvalidField("end_date", "at most 92 days");
  EK_ASSIGN_OR_RETURN(std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(bearer, org_unit, last));
  std::vector<clients::AttendanceDay> out;
  size_t fail_after = 0;
  absl::Status fail_status;
  {
    absl::MutexLock lock(&mu_);
    for (const clients::EmployeeUnit& e : employees) {
      for (absl::CivilDay d = first; d <= last; ++d) out.push_back(DayOf(e.nip, d));
    }
    fail_after = fail_after_ < 0 ? out.size() : static_cast<size_t>(fail_after_);
    fail_status = std::exchange(fail_after_status_, absl::OkStatus());
    fail_after_ = -1;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (i == fail_after) return fail_status;
    each(out[i]);
  }
  return absl::OkStatus();
}

absl::Status FakeAttendance::SetLock(const std::string& method, int year, int month,
                                     const std::string& reference, bool lock) {
  EK_RETURN_IF_ERROR(Begin(method));
  Violations v;
  MonthOf(v, year, month);
  CheckLockReference(v, reference);
  EK_RETURN_IF_ERROR(v.ToStatus());
  absl::MutexLock l(&mu_);
  if (lock) {
    locks_[{year, month}] = reference;
  } else {
    locks_.erase({year, month});
  }
  return absl::OkStatus();
}

absl::Status FakeAttendance::LockMonth(const std::string&, int year, int month,
                                       const std::string& reference) {
  return SetLock("LockMonth", year, month, reference, true);
}

absl::Status FakeAttendance::UnlockMonth(const std::string&, int year, int month,
                                         const std::string& reference) {
  return SetLock("UnlockMonth", year, month, reference, false);
}

std::optional<std::string> FakeAttendance::LockOf(int year, int month) const {
  absl::MutexLock lock(&mu_);
  auto it = locks_.find({year, month});
  if (it == locks_.end()) return std::nullopt;
  return it->second;
}

absl::StatusOr<std::vector<clients::Holiday>> FakeAttendance::HolidaysIn(const std::string&,
                                                                         absl::CivilDay first,
                                                                         absl::CivilDay last) {
  EK_RETURN_IF_ERROR(Begin("HolidaysIn"));
  if (last < first) return InvalidField("last", "must not be before first");
  absl::MutexLock lock(&mu_);
  std::vector<clients::Holiday> out;
  for (auto it = holidays_.lower_bound(first); it != holidays_.end() && it->first <= last; ++it) {
    out.push_back(it->second);
  }
  return out;
}

}  // namespace ekinerja::mocks

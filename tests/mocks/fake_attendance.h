#pragma once

// The services' Attendance (services/common/clients/attendance.h) in memory. A test sets the days
// that matter (SetDay); every other day of a range is answered as attendance computes a day
// nobody punched: a workday Monday to Friday with status TANPA_KETERANGAN, a weekend or a holiday
// (SetHoliday) LIBUR. HolidaysIn answers the holidays set, whoever asks (attendance: any caller
// of the tenant). Reads
// are checked with the Directory's rights (FakeDirectory: oneself, supervisors, admins), as
// attendance checks them with identity. Every call is counted; Fail makes every call answer a
// status (attendance down). Thread-safe.

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "absl/synchronization/mutex.h"
#include "clients/attendance.h"
#include "clients/directory.h"

namespace ekinerja::mocks {

class FakeAttendance final : public clients::Attendance {
 public:
  explicit FakeAttendance(clients::Directory& directory) : directory_(directory) {}

  // `day.nip`'s day `day.date` as given (every field: tiers, minutes, absence_kind, ...).
  void SetDay(const clients::AttendanceDay& day);
  // A day present from `in` to `out` local time ("07:30", "16:00") in Asia/Jakarta; an empty
  // `out` is a check-in without check-out (first_in only).
  void SetPresent(const std::string& nip, absl::CivilDay date, const std::string& in,
                  const std::string& out);
  // A holiday of the one tenant the fake holds (replaces one of the same date).
  void SetHoliday(const clients::Holiday& holiday);
  void Fail(absl::Status status);
  // The next StreamDays hands its first `days` days and then answers `status` (attendance failing
  // in the middle of a stream).
  void FailStreamAfter(int days, absl::Status status);
  // The reference a month is locked with (LockMonth), nullopt while it is not locked.
  std::optional<std::string> LockOf(int year, int month) const;
  int CallCount(const std::string& method) const;

  absl::StatusOr<std::vector<clients::AttendanceDay>> DaysOf(const std::string& bearer,
                                                             const std::string& nip,
                                                             absl::CivilDay first,
                                                             absl::CivilDay last) override;
  absl::Status StreamDays(const std::string& bearer, const std::string& org_unit,
                          absl::CivilDay first, absl::CivilDay last,
                          const std::function<void(const clients::AttendanceDay&)>& each) override;
  // The lock of the one tenant the fake holds: the year, month and reference checked as attendance
  // checks them (INVALID_ARGUMENT); the caller's right is not (attendance: SERVICE or
  // ADMIN_INSTANSI).
  absl::Status LockMonth(const std::string& bearer, int year, int month,
                         const std::string& reference) override;
  absl::Status UnlockMonth(const std::string& bearer, int year, int month,
                           const std::string& reference) override;
  // Last before first is INVALID_ARGUMENT; the tenant's work-date window is not checked.
  absl::StatusOr<std::vector<clients::Holiday>> HolidaysIn(const std::string& bearer,
                                                           absl::CivilDay first,
                                                           absl::CivilDay last) override;

 private:
  clients::AttendanceDay DayOf(const std::string& nip, absl::CivilDay date) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status Begin(const std::string& method);
  absl::Status SetLock(const std::string& method, int year, int month, const std::string& reference,
                       bool lock);

  clients::Directory& directory_;
  mutable absl::Mutex mu_;
  std::map<std::pair<std::string, absl::CivilDay>, clients::AttendanceDay> days_
      ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> calls_ ABSL_GUARDED_BY(mu_);
  absl::Status fail_ ABSL_GUARDED_BY(mu_);
  int fail_after_ ABSL_GUARDED_BY(mu_) = -1;
  absl::Status fail_after_status_ ABSL_GUARDED_BY(mu_);
  std::map<std::pair<int, int>, std::string> locks_ ABSL_GUARDED_BY(mu_);  // by (year, month)
  std::map<absl::CivilDay, clients::Holiday> holidays_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja::mocks

#pragma once

// The services' ActivityMonths (services/common/clients/activity_months.h) in memory: a test sets
// each employee's month; StreamMonths answers the months of the employees the Directory's
// EmployeesOf lists for the caller (its rights) on the month's last day, NIP order, and an empty
// month (no workday) for one without. Locks are kept per (tenant of the token, year, month).
// Every call is counted. Thread-safe.

#include <map>
#include <string>
#include <tuple>

#include "absl/synchronization/mutex.h"
#include "clients/activity_months.h"
#include "clients/directory.h"

namespace ekinerja::mocks {

class FakeActivityMonths final : public clients::ActivityMonths {
 public:
  explicit FakeActivityMonths(clients::Directory& directory) : directory_(directory) {}

  void SetMonth(int year, int month, clients::ActivityMonth summary);
  // The reference the month is locked with ("" when unlocked).
  std::string LockOf(int year, int month) const;
  int CallCount(const std::string& method) const;
  // The next LockMonth/UnlockMonth answers `status` (once).
  void FailNextLock(absl::Status status);

  absl::Status StreamMonths(
      const std::string& bearer, const std::string& org_unit, int year, int month,
      const std::function<void(const clients::ActivityMonth&)>& each) override;
  absl::Status LockMonth(const std::string& service_bearer, int year, int month,
                         const std::string& reference) override;
  absl::Status UnlockMonth(const std::string& service_bearer, int year, int month,
                           const std::string& reference) override;

 private:
  absl::Status SetLock(const std::string& method, int year, int month,
                       const std::string& reference);

  clients::Directory& directory_;
  mutable absl::Mutex mu_;
  std::map<std::tuple<int, int, std::string>, clients::ActivityMonth> months_ ABSL_GUARDED_BY(mu_);
  std::map<std::pair<int, int>, std::string> locks_ ABSL_GUARDED_BY(mu_);
  absl::Status next_lock_status_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> calls_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja::mocks

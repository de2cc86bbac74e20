#pragma once

// The services' ActivityMonths (services/common/clients/activity_months.h) in memory: a test sets
// each employee's month; StreamMonths answers the months of the employees the Directory's
// EmployeesOf lists for the caller (its rights) on the month's last day, NIP order, and an empty
// month (no workday) for one without. Locks are kept per (tenant of the token, year, month).
//
// A test adds entries to a tenant (AddEntry: who, which day, status, verifier, submission), and
// StreamDayFilings and StreamPendingApprovals answer from them as activity counts its entries
// table (tests/integration/activity holds both to the same answers): the caller's tenant only,
// tenant-wide roles and SERVICE only (else PERMISSION_DENIED; a token the directory does not know
// UNAUTHENTICATED), a range of 1 to 31 days (else INVALID_ARGUMENT on last_date).
//
// Every call is counted. Thread-safe.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "clients/activity_months.h"
#include "fake_directory.h"

namespace ekinerja::mocks {

class FakeActivityMonths final : public clients::ActivityMonths {
 public:
  explicit FakeActivityMonths(FakeDirectory& directory) : directory_(directory) {}

  void SetMonth(int year, int month, clients::ActivityMonth summary);
  // An entry of `tenant` as activity holds it: status "DRAFT", "SUBMITTED", "APPROVED",
  // "REJECTED", "RETURNED" or "WITHDRAWN"; verifier and submit time as its submission set them.
  struct Entry {
    std::string nip;
    absl::CivilDay work_date;
    std::string status;
    std::string verifier_nip;
    absl::Time submit_time = absl::InfinitePast();
  };
  void AddEntry(const std::string& tenant, Entry entry);
  // The reference the month is locked with ("" when unlocked).
  std::string LockOf(int year, int month) const;
  int CallCount(const std::string& method) const;
  // The next LockMonth/UnlockMonth answers `status` (once).
  void FailNextLock(absl::Status status);

  absl::Status StreamMonths(
      const std::string& bearer, const std::string& org_unit, int year, int month,
      const std::function<void(const clients::ActivityMonth&)>& each) override;
  absl::Status StreamDayFilings(
      const std::string& bearer, absl::CivilDay first, absl::CivilDay last,
      const std::function<void(const clients::DayFiling&)>& each) override;
  absl::Status StreamPendingApprovals(
      const std::string& bearer, absl::Time submitted_before,
      const std::function<void(const clients::PendingApprovals&)>& each) override;
  absl::Status LockMonth(const std::string& service_bearer, int year, int month,
                         const std::string& reference) override;
  absl::Status UnlockMonth(const std::string& service_bearer, int year, int month,
                           const std::string& reference) override;

 private:
  absl::Status SetLock(const std::string& method, int year, int month,
                       const std::string& reference);
  // Counts `method`; the tenant of a caller who may read the whole tenant (activity's batch
  // reads), else the status activity answers, in its order: an unknown token, then the
  // `request`'s own problem, then the missing right.
  absl::StatusOr<std::string> BatchReaderTenant(const std::string& method,
                                                const std::string& bearer,
                                                const absl::Status& request);

  FakeDirectory& directory_;
  mutable absl::Mutex mu_;
  std::map<std::tuple<int, int, std::string>, clients::ActivityMonth> months_ ABSL_GUARDED_BY(mu_);
  std::map<std::pair<int, int>, std::string> locks_ ABSL_GUARDED_BY(mu_);
  absl::Status next_lock_status_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> calls_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::vector<Entry>> entries_ ABSL_GUARDED_BY(mu_);  // by tenant
};

}  // namespace ekinerja::mocks

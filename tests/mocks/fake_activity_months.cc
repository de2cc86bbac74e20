#include "fake_activity_months.h"

#include <utility>
#include <vector>

#include "status.h"

namespace ekinerja::mocks {

void FakeActivityMonths::SetMonth(int year, int month, clients::ActivityMonth summary) {
  absl::MutexLock lock(&mu_);
  const std::string nip = summary.nip;
  months_[{year, month, nip}] = std::move(summary);
}

std::string FakeActivityMonths::LockOf(int year, int month) const {
  absl::MutexLock lock(&mu_);
  auto it = locks_.find({year, month});
  return it == locks_.end() ? "" : it->second;
}

int FakeActivityMonths::CallCount(const std::string& method) const {
  absl::MutexLock lock(&mu_);
  auto it = calls_.find(method);
  return it == calls_.end() ? 0 : it->second;
}

void FakeActivityMonths::FailNextLock(absl::Status status) {
  absl::MutexLock lock(&mu_);
  next_lock_status_ = std::move(status);
}

absl::Status FakeActivityMonths::StreamMonths(
    const std::string& bearer, const std::string& org_unit, int year, int month,
    const std::function<void(const clients::ActivityMonth&)>& each) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_["StreamMonths"];
  }
  const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
  EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(bearer, org_unit, last));
  std::vector<clients::ActivityMonth> out;
  {
    absl::MutexLock lock(&mu_);
    for (const clients::EmployeeUnit& e : employees) {
      auto it = months_.find({year, month, e.nip});
      if (it != months_.end()) {
        out.push_back(it->second);
      } else {
        out.emplace_back().nip = e.nip;
      }
    }
  }
  for (const clients::ActivityMonth& m : out) each(m);
  return absl::OkStatus();
}

absl::Status FakeActivityMonths::SetLock(const std::string& method, int year, int month,
                                         const std::string& reference) {
  absl::MutexLock lock(&mu_);
  ++calls_[method];
  if (!next_lock_status_.ok()) return std::exchange(next_lock_status_, absl::OkStatus());
  if (method == "LockMonth") {
    locks_.emplace(std::make_pair(year, month), reference);  // keeps the first reference
  } else {
    locks_.erase({year, month});
  }
  return absl::OkStatus();
}

absl::Status FakeActivityMonths::LockMonth(const std::string& service_bearer, int year, int month,
                                           const std::string& reference) {
  (void)service_bearer;
  return SetLock("LockMonth", year, month, reference);
}

absl::Status FakeActivityMonths::UnlockMonth(const std::string& service_bearer, int year, int month,
                                             const std::string& reference) {
  (void)service_bearer;
  return SetLock("UnlockMonth", year, month, reference);
}

}  // namespace ekinerja::mocks

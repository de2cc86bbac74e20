#include "fake_activity_months.h"

#include <utility>
#include <vector>

#include "role.h"
#include "status.h"

namespace ekinerja::mocks {

void FakeActivityMonths::SetMonth(int year, int month, clients::ActivityMonth summary) {
  absl::MutexLock lock(&mu_);
  const std::string nip = summary.nip;
  months_[{year, month, nip}] = std::move(summary);
}

void FakeActivityMonths::AddEntry(const std::string& tenant, Entry entry) {
  absl::MutexLock lock(&mu_);
  entries_[tenant].push_back(std::move(entry));
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

absl::StatusOr<std::string> FakeActivityMonths::BatchReaderTenant(const std::string& method,
                                                                  const std::string& bearer,
                                                                  const absl::Status& request) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_[method];
  }
  // As activity answers: the token (its interceptor), the request, then the right.
  EK_ASSIGN_OR_RETURN(const Principal p, directory_.PrincipalOf(bearer));
  EK_RETURN_IF_ERROR(request);
  if (!ReadsWholeTenant(p.roles)) {
    return absl::PermissionDeniedError("batch reads need a tenant-wide role or SERVICE");
  }
  return p.tenant;
}

absl::Status FakeActivityMonths::StreamDayFilings(
    const std::string& bearer, absl::CivilDay first, absl::CivilDay last,
    const std::function<void(const clients::DayFiling&)>& each) {
  const absl::Status range = last < first || last - first >= 31
                                 ? InvalidField("last_date", "1 to 31 days from first_date")
                                 : absl::OkStatus();
  EK_ASSIGN_OR_RETURN(const std::string tenant,
                      BatchReaderTenant("StreamDayFilings", bearer, range));
  std::map<std::pair<std::string, absl::CivilDay>, clients::DayFiling> filings;
  {
    absl::MutexLock lock(&mu_);
    for (const Entry& e : entries_[tenant]) {
      if (e.work_date < first || e.work_date > last || e.status == "WITHDRAWN") continue;
      clients::DayFiling& f = filings[{e.nip, e.work_date}];
      f.nip = e.nip;
      f.work_date = e.work_date;
      ++f.entries;
      if (e.status != "DRAFT") ++f.submitted;
    }
  }
  for (const auto& [key, filing] : filings) each(filing);  // (nip, date) order, outside the lock
  return absl::OkStatus();
}

absl::Status FakeActivityMonths::StreamPendingApprovals(
    const std::string& bearer, absl::Time submitted_before,
    const std::function<void(const clients::PendingApprovals&)>& each) {
  EK_ASSIGN_OR_RETURN(const std::string tenant,
                      BatchReaderTenant("StreamPendingApprovals", bearer, absl::OkStatus()));
  std::map<std::string, clients::PendingApprovals> queues;  // by verifier, "" first
  {
    absl::MutexLock lock(&mu_);
    for (const Entry& e : entries_[tenant]) {
      if (e.status != "SUBMITTED" || e.submit_time >= submitted_before) continue;
      auto [it, inserted] = queues.try_emplace(e.verifier_nip);
      clients::PendingApprovals& q = it->second;
      q.verifier_nip = e.verifier_nip;
      ++q.pending;
      if (inserted || e.submit_time < q.oldest_submit_time) q.oldest_submit_time = e.submit_time;
    }
  }
  for (const auto& [verifier, queue] : queues) each(queue);
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

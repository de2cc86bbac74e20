#include "fake_skp_evaluations.h"

#include "status.h"

namespace ekinerja::mocks {

void FakeSkpEvaluations::Add(clients::SkpEvaluation evaluation) {
  absl::MutexLock lock(&mu_);
  const std::string nip = evaluation.nip;
  evaluations_.emplace(nip, std::move(evaluation));
}

void FakeSkpEvaluations::SetStatus(int year, clients::SkpYearStatus status) {
  absl::MutexLock lock(&mu_);
  const std::string nip = status.nip;
  statuses_[{year, nip}] = std::move(status);
}

int FakeSkpEvaluations::CallCount() const {
  absl::MutexLock lock(&mu_);
  return calls_;
}

absl::Status FakeSkpEvaluations::StreamEvaluations(
    const std::string& bearer, const std::string& period, const std::string& org_unit,
    const std::function<void(const clients::SkpEvaluation&)>& each) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_;
  }
  EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(bearer, org_unit, today_));
  std::vector<clients::SkpEvaluation> out;
  {
    absl::MutexLock lock(&mu_);
    for (const clients::EmployeeUnit& e : employees) {
      auto [first, last] = evaluations_.equal_range(e.nip);
      for (auto it = first; it != last; ++it) {
        if (it->second.period == period) out.push_back(it->second);
      }
    }
  }
  for (const clients::SkpEvaluation& e : out) each(e);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<clients::SkpEvaluation>> FakeSkpEvaluations::AnnualEvaluationsOf(
    const std::string& bearer, const std::string& nip, int year) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_;
  }
  EK_RETURN_IF_ERROR(directory_.CheckReadsEmployee(bearer, nip, absl::CivilDay(year, 12, 31)));
  const std::string period = std::to_string(year);
  std::vector<clients::SkpEvaluation> out;
  absl::MutexLock lock(&mu_);
  auto [first, last] = evaluations_.equal_range(nip);
  for (auto it = first; it != last; ++it) {
    if (it->second.period == period) out.push_back(it->second);
  }
  return out;
}

absl::Status FakeSkpEvaluations::StreamSkpStatus(
    const std::string& bearer, int year, const std::string& org_unit,
    const std::function<void(const clients::SkpYearStatus&)>& each) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_;
  }
  if (year < 2000 || year > 2100) return InvalidField("year", "2000 to 2100");
  EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(bearer, org_unit, today_));
  std::vector<clients::SkpYearStatus> out;
  {
    absl::MutexLock lock(&mu_);
    for (const clients::EmployeeUnit& e : employees) {
      auto it = statuses_.find({year, e.nip});
      if (it != statuses_.end()) out.push_back(it->second);
    }
  }
  for (const clients::SkpYearStatus& s : out) each(s);
  return absl::OkStatus();
}

}  // namespace ekinerja::mocks

#include "fake_skp_plans.h"

#include "status.h"

namespace ekinerja::mocks {

void FakeSkpPlans::SetPlan(const std::string& nip, absl::CivilDay first, absl::CivilDay last,
                           clients::ApprovedPlan plan, bool top_of_tree) {
  absl::MutexLock lock(&mu_);
  plans_[nip].push_back({first, last, std::move(plan), top_of_tree});
}

std::vector<clients::RealisationProposal> FakeSkpPlans::proposals() const {
  absl::MutexLock lock(&mu_);
  return proposals_;
}

int FakeSkpPlans::CallCount(const std::string& method) const {
  absl::MutexLock lock(&mu_);
  auto it = calls_.find(method);
  return it == calls_.end() ? 0 : it->second;
}

absl::StatusOr<clients::ApprovedPlan> FakeSkpPlans::PlanOn(const std::string& bearer,
                                                           const std::string& nip,
                                                           absl::CivilDay day) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_["PlanOn"];
  }
  EK_RETURN_IF_ERROR(directory_.CheckReadsEmployee(bearer, nip, day));
  absl::MutexLock lock(&mu_);
  for (const InForce& p : plans_[nip]) {
    if (p.first <= day && day <= p.last) return p.plan;
  }
  return clients::ApprovedPlan{};
}

absl::Status FakeSkpPlans::StreamPlans(
    const std::string& bearer, const std::string& org_unit, absl::CivilDay day,
    const std::function<void(const clients::EmployeePlan&)>& each) {
  {
    absl::MutexLock lock(&mu_);
    ++calls_["StreamPlans"];
  }
  EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(bearer, org_unit, day));
  std::vector<clients::EmployeePlan> out;
  {
    absl::MutexLock lock(&mu_);
    for (const clients::EmployeeUnit& e : employees) {
      for (const InForce& p : plans_[e.nip]) {
        if (p.first <= day && day <= p.last) {
          out.push_back({e.nip, p.plan, p.top_of_tree});
          break;
        }
      }
    }
  }
  for (const clients::EmployeePlan& p : out) each(p);
  return absl::OkStatus();
}

absl::Status FakeSkpPlans::Propose(const std::string& service_bearer,
                                   const std::vector<clients::RealisationProposal>& proposals) {
  (void)service_bearer;
  absl::MutexLock lock(&mu_);
  ++calls_["Propose"];
  proposals_.insert(proposals_.end(), proposals.begin(), proposals.end());
  return absl::OkStatus();
}

}  // namespace ekinerja::mocks

#include "fake_skp_plans.h"

#include "status.h"

namespace ekinerja::mocks {

void FakeSkpPlans::SetPlan(const std::string& nip, absl::CivilDay first, absl::CivilDay last,
                           clients::ApprovedPlan plan) {
  absl::MutexLock lock(&mu_);
  plans_[nip].push_back({first, last, std::move(plan)});
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

absl::Status FakeSkpPlans::Propose(const std::string& service_bearer,
                                   const std::vector<clients::RealisationProposal>& proposals) {
  (void)service_bearer;
  absl::MutexLock lock(&mu_);
  ++calls_["Propose"];
  proposals_.insert(proposals_.end(), proposals.begin(), proposals.end());
  return absl::OkStatus();
}

}  // namespace ekinerja::mocks

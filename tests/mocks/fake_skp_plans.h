#pragma once

// The services' SkpPlans (services/common/clients/skp_plans.h) in memory: a test sets each
// employee's approved plan and the days it is in force; PlanOn answers it (an empty plan outside
// them) with the Directory's read rights, as the SKP service checks them with identity. Proposals
// are kept for the test to read. Every call is counted. Thread-safe.

#include <map>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "clients/directory.h"
#include "clients/skp_plans.h"

namespace ekinerja::mocks {

class FakeSkpPlans final : public clients::SkpPlans {
 public:
  explicit FakeSkpPlans(clients::Directory& directory) : directory_(directory) {}

  void SetPlan(const std::string& nip, absl::CivilDay first, absl::CivilDay last,
               clients::ApprovedPlan plan, bool top_of_tree = false);
  std::vector<clients::RealisationProposal> proposals() const;
  int CallCount(const std::string& method) const;

  absl::StatusOr<clients::ApprovedPlan> PlanOn(const std::string& bearer, const std::string& nip,
                                               absl::CivilDay day) override;
  // The plans in force on `day` of the employees the Directory's EmployeesOf lists for the
  // caller (its rights), NIP order.
  absl::Status StreamPlans(const std::string& bearer, const std::string& org_unit,
                           absl::CivilDay day,
                           const std::function<void(const clients::EmployeePlan&)>& each) override;
  absl::Status Propose(const std::string& service_bearer,
                       const std::vector<clients::RealisationProposal>& proposals) override;

 private:
  struct InForce {
    absl::CivilDay first, last;
    clients::ApprovedPlan plan;
    bool top_of_tree = false;
  };

  clients::Directory& directory_;
  mutable absl::Mutex mu_;
  std::map<std::string, std::vector<InForce>> plans_ ABSL_GUARDED_BY(mu_);
  std::vector<clients::RealisationProposal> proposals_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> calls_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja::mocks

#pragma once

// What a service asks the SKP service (DESIGN §10): the RHKs of an employee's SKP approved and in
// force on a day (the activity service links entries to them), and proposals of realisations.
// Behind an interface so the services' tests run against tests/mocks/fake_skp_plans.h.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::clients {

struct PlanRhk {
  int64_t id = 0;
  // "UTAMA" or "TAMBAHAN".
  std::string kind;
  std::string description;
  // The atasan's RHK it intervenes (0 at the top of the tree).
  int64_t parent_rhk_id = 0;
  // The months (1-12) some IKI of it has a breakdown entry for (a quarter covers its three).
  std::vector<int> breakdown_months;
};

struct ApprovedPlan {
  // 0 when the employee has no SKP approved and in force that day.
  int64_t skp_id = 0;
  int revision = 0;
  std::vector<PlanRhk> rhks;
};

// An employee's plan as StreamPlans gives it.
struct EmployeePlan {
  std::string nip;
  ApprovedPlan plan;
  // SKP approved it as the top of the tree (the tenant admin decided: no atasan then).
  bool top_of_tree = false;
};

// One realisation the activity service proposes (SKP's ProposeRealisations).
struct RealisationProposal {
  std::string nip;
  int64_t rhk_id = 0;
  std::string period;
  int64_t quantity = 0, minutes = 0;
};

class SkpPlans {
 public:
  virtual ~SkpPlans() = default;

  // The approved plan in force for `nip` on `day`, asked with the caller's own token.
  // PERMISSION_DENIED, NOT_FOUND and INVALID_ARGUMENT pass through; SKP's other failures are
  // UNAVAILABLE "skp: ...".
  virtual absl::StatusOr<ApprovedPlan> PlanOn(const std::string& bearer, const std::string& nip,
                                              absl::CivilDay day) = 0;

  // Every plan approved and in force on `day` of `org_unit`'s subtree ("" = the tenant), in NIP
  // order, handed to `each` as they stream in; one call (SKP's StreamApprovedPlans: tenant-wide
  // roles and SERVICE). Employees without such a plan are absent.
  virtual absl::Status StreamPlans(const std::string& bearer, const std::string& org_unit,
                                   absl::CivilDay day,
                                   const std::function<void(const EmployeePlan&)>& each) = 0;

  // Stores `proposals` (at most 10000) with a SERVICE token of their tenant.
  virtual absl::Status Propose(const std::string& service_bearer,
                               const std::vector<RealisationProposal>& proposals) = 0;
};

// The SkpPlans over SKP's gRPC API on `channel`, each call bounded by `timeout`; PlanOn answers
// cached per (bearer, nip, day) for `cache_for` (an approval shows within that time).
std::unique_ptr<SkpPlans> MakeSkpPlansClient(std::shared_ptr<grpc::Channel> channel,
                                             absl::Duration timeout = absl::Seconds(5),
                                             absl::Duration cache_for = absl::Seconds(60));

}  // namespace ekinerja::clients

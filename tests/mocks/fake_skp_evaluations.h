#pragma once

// The services' SkpEvaluations (services/common/clients/skp_evaluations.h) in memory: a test adds
// evaluations and SKP statuses; StreamEvaluations answers those of the period, StreamSkpStatus
// those of the year, for the employees the Directory's EmployeesOf lists for the caller (its
// rights) today, NIP order; AnnualEvaluationsOf an employee's of the year. Every call is counted.
// Thread-safe.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "clients/directory.h"
#include "clients/skp_evaluations.h"

namespace ekinerja::mocks {

class FakeSkpEvaluations final : public clients::SkpEvaluations {
 public:
  // `today`: the day whose org tree EmployeesOf is asked for.
  FakeSkpEvaluations(clients::Directory& directory, absl::CivilDay today)
      : directory_(directory), today_(today) {}

  void Add(clients::SkpEvaluation evaluation);
  // `status.nip`'s SKP of `year` (replaces an earlier one of the year).
  void SetStatus(int year, clients::SkpYearStatus status);
  int CallCount() const;

  absl::Status StreamEvaluations(
      const std::string& bearer, const std::string& period, const std::string& org_unit,
      const std::function<void(const clients::SkpEvaluation&)>& each) override;
  // With the Directory's read rights on the year's last day.
  absl::StatusOr<std::vector<clients::SkpEvaluation>> AnnualEvaluationsOf(const std::string& bearer,
                                                                          const std::string& nip,
                                                                          int year) override;
  // The year is checked as SKP checks it (2000 to 2100: INVALID_ARGUMENT, field "year").
  absl::Status StreamSkpStatus(
      const std::string& bearer, int year, const std::string& org_unit,
      const std::function<void(const clients::SkpYearStatus&)>& each) override;

 private:
  clients::Directory& directory_;
  const absl::CivilDay today_;
  mutable absl::Mutex mu_;
  // By nip.
  std::multimap<std::string, clients::SkpEvaluation> evaluations_ ABSL_GUARDED_BY(mu_);
  // By (year, nip).
  std::map<std::pair<int, std::string>, clients::SkpYearStatus> statuses_ ABSL_GUARDED_BY(mu_);
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace ekinerja::mocks

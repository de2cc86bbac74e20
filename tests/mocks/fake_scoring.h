#pragma once

// The services' Scoring (services/common/clients/scoring_kotak.h) in memory: a test places
// employees in boxes per month (Place) and sets the tenant's rule sets (SetRules). StreamKotak
// answers the month's placements of the employees the Directory's EmployeesOf lists for the caller
// (its rights) on the month's last day, by OPD, box, then NIP, each with its box of the month
// before (0 when not placed), as scoring does; a month nobody was placed in is an empty stream.
// TppRulesOn answers the latest rule set in force on the day, else the national defaults
// (version 0 from 2000-01-01: disiplin 4000, missing report 200), whoever asks (scoring: any
// caller of the tenant). Every call is counted; Fail makes every call answer a status (scoring
// down). Thread-safe.

#include <map>
#include <string>
#include <tuple>

#include "absl/synchronization/mutex.h"
#include "clients/directory.h"
#include "clients/scoring_kotak.h"

namespace ekinerja::mocks {

class FakeScoring final : public clients::Scoring {
 public:
  explicit FakeScoring(clients::Directory& directory) : directory_(directory) {}

  // `placement.nip`'s box of `year`-`month` (its previous_box is ignored: StreamKotak works it
  // out from the month before).
  void Place(int year, int month, clients::KotakPlacement placement);
  // A rule set in force from `rules.effective_from` (replaces one of the same day).
  void SetRules(clients::TppRuleSummary rules);
  void Fail(absl::Status status);
  int CallCount(const std::string& method) const;

  // The year and month checked as scoring checks them (INVALID_ARGUMENT, fields "year", "month").
  absl::Status StreamKotak(
      const std::string& bearer, int year, int month, const std::string& org_unit,
      const std::function<void(const clients::KotakPlacement&)>& each) override;
  absl::StatusOr<clients::TppRuleSummary> TppRulesOn(const std::string& bearer,
                                                     absl::CivilDay day) override;

 private:
  absl::Status Begin(const std::string& method);

  clients::Directory& directory_;
  mutable absl::Mutex mu_;
  // By (year, month, nip).
  std::map<std::tuple<int, int, std::string>, clients::KotakPlacement> placements_
      ABSL_GUARDED_BY(mu_);
  std::map<absl::CivilDay, clients::TppRuleSummary> rules_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> calls_ ABSL_GUARDED_BY(mu_);
  absl::Status fail_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ekinerja::mocks

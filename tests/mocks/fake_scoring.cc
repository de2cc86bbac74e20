#include "fake_scoring.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "status.h"

namespace ekinerja::mocks {

void FakeScoring::Place(int year, int month, clients::KotakPlacement placement) {
  absl::MutexLock lock(&mu_);
  const std::string nip = placement.nip;
  placement.previous_box = 0;
  placements_[{year, month, nip}] = std::move(placement);
}

void FakeScoring::SetRules(clients::TppRuleSummary rules) {
  absl::MutexLock lock(&mu_);
  const absl::CivilDay from = rules.effective_from;
  rules_[from] = std::move(rules);
}

void FakeScoring::Fail(absl::Status status) {
  absl::MutexLock lock(&mu_);
  fail_ = std::move(status);
}

int FakeScoring::CallCount(const std::string& method) const {
  absl::MutexLock lock(&mu_);
  auto it = calls_.find(method);
  return it == calls_.end() ? 0 : it->second;
}

absl::Status FakeScoring::Begin(const std::string& method) {
  absl::MutexLock lock(&mu_);
  ++calls_[method];
  return fail_;
}

absl::Status FakeScoring::StreamKotak(
    const std::string& bearer, int year, int month, const std::string& org_unit,
    const std::function<void(const clients::KotakPlacement&)>& each) {
  EK_RETURN_IF_ERROR(Begin("StreamKotak"));
  Violations v;
  if (year < 2000 || year > 2100) v.Add("year", "must be 2000-2100");
  if (month < 1 || month > 12) v.Add("month", "must be 1-12");
  EK_RETURN_IF_ERROR(v.ToStatus());
  const absl::CivilMonth now(year, month), before = now - 1;
  EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> employees,
                      directory_.EmployeesOf(bearer, org_unit, absl::CivilDay(now + 1) - 1));
  std::vector<clients::KotakPlacement> out;
  {
    absl::MutexLock lock(&mu_);
    for (const clients::EmployeeUnit& e : employees) {
      auto it = placements_.find({year, month, e.nip});
      if (it == placements_.end()) continue;
      clients::KotakPlacement p = it->second;
      auto prev = placements_.find(
          {static_cast<int>(before.year()), static_cast<int>(before.month()), e.nip});
      if (prev != placements_.end()) p.previous_box = prev->second.box;
      out.push_back(std::move(p));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const clients::KotakPlacement& a, const clients::KotakPlacement& b) {
              return std::tie(a.opd_code, a.box, a.nip) < std::tie(b.opd_code, b.box, b.nip);
            });
  for (const clients::KotakPlacement& p : out) each(p);
  return absl::OkStatus();
}

absl::StatusOr<clients::TppRuleSummary> FakeScoring::TppRulesOn(const std::string&,
                                                                absl::CivilDay day) {
  EK_RETURN_IF_ERROR(Begin("TppRulesOn"));
  absl::MutexLock lock(&mu_);
  auto it = rules_.upper_bound(day);
  if (it != rules_.begin()) return std::prev(it)->second;
  clients::TppRuleSummary defaults;
  defaults.version = 0;
  defaults.effective_from = absl::CivilDay(2000, 1, 1);
  defaults.disiplin_bp = 4000;
  defaults.missing_report_bp = 200;
  return defaults;
}

}  // namespace ekinerja::mocks

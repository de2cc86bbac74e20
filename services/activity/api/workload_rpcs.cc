// Beban kerja per position and unit, and maturity levels (issue 11 item 7; DOMAIN §5 and §9).

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "api/activity_service.h"
#include "date_proto.h"
#include "domain/maturity.h"
#include "domain/workload.h"
#include "nip.h"
#include "role.h"
#include "store/workload_store.h"
#include "text.h"

namespace ekinerja::activity {
namespace {

// attendance's StreamDays covers at most this many days per call.
constexpr int kMaxStreamDays = 92;
constexpr int kLevels = 7;  // 0..6

// org_unit_code and year, each one violation when bad.
void CheckUnitAndYear(Violations& v, const std::string& org_unit_code, int year) {
  CheckText(v, "org_unit_code", org_unit_code, TextRule{64, false});
  if (year < 2000 || year > 2100) v.Add("year", "2000 to 2100");
}

void ToProto(const std::array<int, kLevels>& counts, v1::MaturityCount* out) {
  for (int n : counts) out->add_employees_at_level(n);
}

void ToProto(const Workload& w, v1::WorkloadRow* out) {
  out->set_holders(w.holders);
  out->set_workdays(w.workdays);
  out->set_workload_minutes(w.workload_minutes);
  out->set_available_minutes(w.available_minutes);
  if (w.ej.valid()) {
    out->set_ej_numerator(w.ej.numerator());
    out->set_ej_denominator(w.ej.denominator());
    out->set_ej(w.ej.ToFixed2());
    out->set_grade(std::string(1, w.grade));
  }
  if (w.implied_staffing.valid()) {
    out->set_staffing_numerator(w.implied_staffing.numerator());
    out->set_staffing_denominator(w.implied_staffing.denominator());
    out->set_implied_staffing(w.implied_staffing.ToFixed2());
  }
}

}  // namespace

grpc::Status ActivityServiceImpl::GetWorkload(grpc::ServerContext* ctx,
                                              const v1::GetWorkloadRequest* req,
                                              v1::Workload* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckUnitAndYear(v, req->org_unit_code(), req->year());
    if (req->month() < 0 || req->month() > 12) v.Add("month", "1 to 12, or 0 for the whole year");
    EK_RETURN_IF_ERROR(v.ToStatus());
    // Tenant-wide roles and SERVICE; an ADMIN_OPD names a unit of their subtree (identity's
    // listing and attendance refuse one outside it).
    const bool opd_admin = caller.principal.Has(Role::kAdminOpd) && !req->org_unit_code().empty();
    if (!opd_admin) EK_RETURN_IF_ERROR(CheckBatchReader(caller));

    const absl::CivilMonth from(req->year(), req->month() == 0 ? 1 : req->month());
    const absl::CivilDay first(from);
    EK_ASSIGN_OR_RETURN(const absl::CivilDay today, TodayOf(caller));
    const absl::CivilDay last =
        std::min(absl::CivilDay(from + (req->month() == 0 ? 12 : 1)) - 1, today);
    if (last < first) {
      return InvalidField(req->month() == 0 ? "year" : "month", "a period that has begun");
    }
    // Who holds which position in the subtree on the last day counted; their workdays in a few
    // streams of the whole subtree (never a call per employee); their approved minutes in one
    // statement.
    EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> employees,
                        directory_.EmployeesOf(caller.bearer, req->org_unit_code(), last));
    absl::flat_hash_map<std::string, std::vector<absl::CivilDay>> workdays;
    for (absl::CivilDay a = first; a <= last; a += kMaxStreamDays) {
      const absl::CivilDay b = std::min(last, a + (kMaxStreamDays - 1));
      EK_RETURN_IF_ERROR(attendance_.StreamDays(caller.bearer, req->org_unit_code(), a, b,
                                                [&](const clients::AttendanceDay& d) {
                                                  if (d.workday) workdays[d.nip].push_back(d.date);
                                                }));
    }
    absl::flat_hash_map<std::string, int64_t> minutes;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      minutes = store::ApprovedMinutesByNip(tx, caller.tenant(), first, last);
      return absl::OkStatus();
    }));

    std::map<std::pair<std::string, std::string>, std::vector<HolderLoad>> by_position;
    std::map<std::string, std::vector<HolderLoad>> by_unit;
    for (const clients::EmployeeUnit& e : employees) {
      if (e.unit_path.empty()) continue;
      HolderLoad h;
      if (auto it = minutes.find(e.nip); it != minutes.end()) h.approved_minutes = it->second;
      if (auto it = workdays.find(e.nip); it != workdays.end()) h.workdays = it->second;
      by_position[{e.unit_path.back(), e.position_code}].push_back(h);
      by_unit[e.unit_path.back()].push_back(std::move(h));
    }
    const ActivityRules rules = RulesOn(caller, last).rules;
    resp->set_org_unit_code(req->org_unit_code());
    resp->set_year(req->year());
    resp->set_month(req->month());
    *resp->mutable_start_date() = ToProtoDate(first);
    *resp->mutable_end_date() = ToProtoDate(last);
    resp->set_effective_minutes_per_workday(rules.effective_minutes_per_workday);
    for (const auto& [key, holders] : by_position) {
      v1::WorkloadRow* row = resp->add_positions();
      row->set_org_unit_code(key.first);
      row->set_position_code(key.second);
      ToProto(WorkloadOfGroup(holders, rules.effective_minutes_per_workday, rules.ej_bands), row);
    }
    for (const auto& [unit, holders] : by_unit) {
      v1::WorkloadRow* row = resp->add_units();
      row->set_org_unit_code(unit);
      ToProto(WorkloadOfGroup(holders, rules.effective_minutes_per_workday, rules.ej_bands), row);
    }
    return absl::OkStatus();
  });
}

grpc::Status ActivityServiceImpl::GetMaturity(grpc::ServerContext* ctx,
                                              const v1::GetMaturityRequest* req,
                                              v1::MaturityReport* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    CheckUnitAndYear(v, req->org_unit_code(), req->year());
    if (req->month() < 1 || req->month() > 12) v.Add("month", "1 to 12");
    if (!req->nip().empty()) v.Merge(ParseNip(req->nip(), "nip").status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    const absl::CivilMonth month(req->year(), req->month());
    const absl::CivilDay first(month);
    EK_ASSIGN_OR_RETURN(const absl::CivilDay today, TodayOf(caller));
    const absl::CivilDay last = std::min(absl::CivilDay(month + 1) - 1, today);
    if (last < first) return InvalidField("month", "a month that has begun");

    // The subtree's employees, their days and their plans, one call each; the entries, the
    // catalogue and the lock in one read.
    EK_ASSIGN_OR_RETURN(std::vector<clients::EmployeeUnit> employees,
                        directory_.EmployeesOf(caller.bearer, req->org_unit_code(), last));
    if (!req->nip().empty()) {
      employees.erase(std::remove_if(employees.begin(), employees.end(),
                                     [&](const auto& e) { return e.nip != req->nip(); }),
                      employees.end());
      if (employees.empty()) {
        return absl::NotFoundError(absl::StrCat("no employee ", req->nip(), " in the subtree"));
      }
    }
    absl::flat_hash_map<std::string, std::vector<DayFacts>> days;
    EK_RETURN_IF_ERROR(attendance_.StreamDays(
        caller.bearer, req->org_unit_code(), first, last, [&](const clients::AttendanceDay& d) {
          days[d.nip].push_back({d.date, d.workday, d.checked_in});
        }));
    absl::flat_hash_map<std::string, clients::EmployeePlan> plans;
    EK_RETURN_IF_ERROR(skp_.StreamPlans(caller.bearer, req->org_unit_code(), last,
                                        [&](const clients::EmployeePlan& p) { plans[p.nip] = p; }));
    absl::flat_hash_map<std::string, std::vector<MaturityEntry>> entries;
    absl::flat_hash_set<std::string> catalogued;
    bool locked = false;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      entries = store::MaturityEntriesByNip(tx, caller.tenant(), first, last);
      catalogued = store::CataloguePositions(tx, caller.tenant(), last);
      locked = store::GetMonthLock(tx, caller.tenant(), req->year(), req->month()).locked;
      return absl::OkStatus();
    }));
    const MaturityThresholds thresholds = RulesOn(caller, last).rules.maturity;

    std::map<std::string, std::array<int, kLevels>> per_opd;
    std::array<int, kLevels> total{};
    for (const clients::EmployeeUnit& e : employees) {
      std::vector<MaturityRhk> rhks;
      bool top = false;
      if (auto it = plans.find(e.nip); it != plans.end()) {
        for (const clients::PlanRhk& r : it->second.plan.rhks) {
          rhks.push_back({r.id, r.parent_rhk_id, r.breakdown_months});
        }
        top = it->second.top_of_tree;
      }
      const MaturityFacts facts =
          MaturityFactsOf(req->month(), days[e.nip], entries[e.nip], rhks, top,
                          catalogued.contains(e.position_code), locked);
      const Maturity m = MaturityOf(facts, thresholds);
      const std::string opd = e.unit_path.empty() ? "" : e.unit_path.front();
      v1::EmployeeMaturity* out = resp->add_employees();
      out->set_nip(e.nip);
      out->set_opd_code(opd);
      out->set_level(m.level);
      out->set_held_back_by(m.held_back_by);
      out->set_reason(m.reason);
      ++per_opd[opd][m.level];  // value-initialized: zeros
      ++total[m.level];
    }
    resp->set_org_unit_code(req->org_unit_code());
    resp->set_year(req->year());
    resp->set_month(req->month());
    for (const auto& [opd, counts] : per_opd) {
      v1::MaturityCount* out = resp->add_opds();
      out->set_opd_code(opd);
      ToProto(counts, out);
    }
    ToProto(total, resp->mutable_total());
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::activity

// Beban kerja per position and unit (issue 11 item 7; DOMAIN §5).

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "api/activity_service.h"
#include "date_proto.h"
#include "domain/workload.h"
#include "role.h"
#include "store/workload_store.h"
#include "text.h"

namespace ekinerja::activity {
namespace {

// attendance's StreamDays covers at most this many days per call.
constexpr int kMaxStreamDays = 92;

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
    CheckText(v, "org_unit_code", req->org_unit_code(), TextRule{64, false});
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "2000 to 2100");
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

}  // namespace ekinerja::activity

// Computing a run (DOMAIN §6): one stream from each service, one instrument per employee, written
// with the run's totals in the transaction that holds the month's advisory lock.

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "api/scoring_service.h"
#include "civil.h"
#include "domain/kotak.h"
#include "log.h"

namespace ekinerja::scoring {
namespace {

// What the other services say of the month, per NIP, before the attendance days stream in.
struct MonthReads {
  std::vector<clients::EmployeePeriod> employees;          // NIP order
  std::map<std::string, std::string> unit_paths;           // "/OPD/BIDANG/"
  std::map<std::string, clients::ActivityMonth> activity;  // by NIP
  std::map<std::string, std::string> ratings;              // rating hasil kerja, by NIP
  std::map<std::string, Hukuman> hukuman;                  // by NIP
};

DayFacts FactsOf(const clients::AttendanceDay& d) {
  DayFacts f;
  f.date = d.date;
  f.workday = d.workday;
  f.status = d.status;
  f.absence_kind = d.absence_kind;
  f.tl_tier = d.tl_tier;
  f.psw_tier = d.psw_tier;
  f.has_check_in = d.first_in.has_value();
  f.has_check_out = d.last_out.has_value();
  return f;
}

// The month of one employee from the reads and their days (DOMAIN §6 step 1: a workday belongs
// to the position in force that day; one without any is not paid for).
EmployeeMonth MonthOf(const TppRules& rules, const clients::EmployeePeriod& e,
                      std::vector<DayFacts> days, const MonthReads& reads) {
  EmployeeMonth m;
  for (const clients::PositionHeld& p : e.positions) {
    PositionTerm term{p.position_code, p.kelas_jabatan, 0};
    for (const DayFacts& d : days) {
      if (d.workday && p.first <= d.date && d.date <= p.last) ++term.workdays_held;
    }
    if (term.workdays_held > 0) m.positions.push_back(std::move(term));
  }
  m.month_workdays = static_cast<int>(
      std::count_if(days.begin(), days.end(), [](const DayFacts& d) { return d.workday; }));
  auto activity = reads.activity.find(e.nip);
  if (activity != reads.activity.end()) {
    const clients::ActivityMonth& a = activity->second;
    m.capaian = rules.productivity_model == ProductivityModel::kApprovalRatio
                    ? Rational(a.approval_numerator, a.approval_denominator)
                    : Rational(a.capaian_numerator, a.capaian_denominator);
    // Activity counts a day present by its check-in; the instrument by attendance's status of
    // the day: a day both agree on is owed a report.
    for (absl::CivilDay day : a.present_without_approved) {
      auto it =
          std::find_if(days.begin(), days.end(), [&](const DayFacts& d) { return d.date == day; });
      if (it != days.end() && OwesReport(*it)) m.days_without_report.push_back(day);
    }
  } else {
    m.capaian = Rational(0);
  }
  if (auto it = reads.ratings.find(e.nip); it != reads.ratings.end()) m.rating = it->second;
  if (auto it = reads.hukuman.find(e.nip); it != reads.hukuman.end()) m.hukuman = it->second;
  m.golongan = e.golongan;
  m.not_paid = e.status == "CLTN" || e.status == "TUGAS_BELAJAR";
  m.days = std::move(days);
  return m;
}

// The OPD of a unit path: its first unit ("/DINKES/UMUM/" -> "DINKES").
std::string OpdOf(const std::string& unit_path) {
  const std::vector<std::string> units = absl::StrSplit(unit_path, '/', absl::SkipEmpty());
  return units.empty() ? "" : units.front();
}

std::string PercentOf(const Rational& fraction) { return (fraction * 100).ToFixed2(); }

}  // namespace

absl::Status ScoringServiceImpl::ComputeInTx(db::Tx& tx, const Caller& caller, store::RunRow& run) {
  const absl::Time started = absl::Now();
  // Where a run's time goes, logged at its end: "identity_periods=812 ..." (milliseconds).
  absl::Time lap_start = started;
  std::string phases;
  const auto lap = [&](absl::string_view phase) {
    const absl::Time now = absl::Now();
    absl::StrAppend(&phases, phases.empty() ? "" : " ", phase, "=",
                    absl::ToInt64Milliseconds(now - lap_start));
    lap_start = now;
  };
  const std::string& tenant = caller.tenant();
  const std::string month_text = absl::StrFormat("%04d-%02d", run.year, run.month);
  if (!store::TryLockMonth(tx, tenant, run.year, run.month)) {
    metrics_.Run("compute", "busy");
    return absl::AbortedError(absl::StrCat("another computation of ", month_text,
                                           " is running; try again when it has finished"));
  }
  const absl::CivilDay first(run.year, run.month, 1);
  const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(first) + 1) - 1;
  // A month still running is computed up to today: attendance has no later day.
  EK_ASSIGN_OR_RETURN(const absl::CivilDay today, TodayOf(caller));
  const absl::CivilDay last_day = std::min(last, today);
  const store::StoredRules rules = store::RulesInForce(tx, tenant, first);

  MonthReads reads;
  EK_RETURN_IF_ERROR(peers_.directory->EmployeesOfPeriod(
      caller.bearer, run.org_unit_code, first, last,
      [&](const clients::EmployeePeriod& e) { reads.employees.push_back(e); }));
  lap("identity_periods");
  EK_ASSIGN_OR_RETURN(const std::vector<clients::EmployeeUnit> units,
                      peers_.directory->EmployeesOf(caller.bearer, run.org_unit_code, last));
  for (const clients::EmployeeUnit& u : units) {
    reads.unit_paths[u.nip] = absl::StrCat("/", absl::StrJoin(u.unit_path, "/"), "/");
  }
  lap("identity_units");
  EK_RETURN_IF_ERROR(peers_.activity->StreamMonths(
      caller.bearer, run.org_unit_code, run.year, run.month,
      [&](const clients::ActivityMonth& a) { reads.activity.emplace(a.nip, a); }));
  lap("activity");
  if (rules.rules.productivity_model == ProductivityModel::kAssessment) {
    EK_RETURN_IF_ERROR(peers_.skp->StreamEvaluations(
        caller.bearer, absl::StrFormat("%04d-M%02d", run.year, run.month), run.org_unit_code,
        [&](const clients::SkpEvaluation& e) { reads.ratings[e.nip] = e.rating_hasil_kerja; }));
  }
  lap("skp");
  reads.hukuman = store::HukumanInForce(tx, tenant, first, last);

  std::vector<std::string> nips;
  for (const clients::EmployeePeriod& e : reads.employees) nips.push_back(e.nip);
  const std::vector<std::pair<std::string, int64_t>> elsewhere =
      store::ClaimMembers(tx, tenant, run.year, run.month, run.chain_id, nips);
  if (!elsewhere.empty()) {
    return FailedPrecondition(
        {"EMPLOYEE_IN_OTHER_RUN", absl::StrCat("tppRuns/", elsewhere.front().second),
         absl::StrCat(elsewhere.size(), " employees of this run are in another run of ", month_text,
                      " (first: ", elsewhere.front().first, " in run ", elsewhere.front().second,
                      ")")});
  }

  lap("members");

  // The days stream in NIP order: each employee is computed when their last day has come.
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < reads.employees.size(); ++i) index[reads.employees[i].nip] = i;
  std::vector<bool> computed(reads.employees.size(), false);
  std::vector<store::InstrumentRow> rows;
  rows.reserve(reads.employees.size());
  std::vector<store::Skipped> skipped;
  absl::Status failed;
  std::string current;
  std::vector<DayFacts> days;
  const auto finish = [&]() {
    if (current.empty() || !failed.ok()) return;
    auto it = index.find(current);
    if (it == index.end()) return;  // not an employee of the scope this month
    if (computed[it->second]) {
      failed = absl::InternalError(
          absl::StrCat("attendance sent the days of ", current, " out of NIP order"));
      return;
    }
    computed[it->second] = true;
    const clients::EmployeePeriod& e = reads.employees[it->second];
    const EmployeeMonth m = MonthOf(rules.rules, e, std::move(days), reads);
    absl::StatusOr<Instrument> instrument = ComputeInstrument(rules.rules, m);
    if (!instrument.ok()) {
      failed = absl::InternalError(absl::StrCat(
          "the instrument of ", e.nip, " does not compute: ", instrument.status().message()));
      return;
    }
    if (const absl::Status st = CheckTotals(*instrument); !st.ok()) {
      failed = st;
      return;
    }
    store::InstrumentRow row;
    row.nip = e.nip;
    row.name = e.name;
    row.golongan = e.golongan;
    row.org_unit_code = e.positions.empty() ? "" : e.positions.back().org_unit_code;
    auto path = reads.unit_paths.find(e.nip);
    row.unit_path =
        path != reads.unit_paths.end() ? path->second : absl::StrCat("/", row.org_unit_code, "/");
    row.opd_code = OpdOf(row.unit_path);
    instrument->rule_set_version = rules.rules.version;
    if (std::optional<MonthlyKotak> kotak = MonthlyKotakOf(rules.rules, *instrument)) {
      row.kotak = kotak->box;
      row.disiplin_percent = PercentOf(kotak->disiplin);
      row.produktivitas_percent = PercentOf(kotak->produktivitas);
    }
    row.instrument = *std::move(instrument);
    rows.push_back(std::move(row));
    days.clear();
  };
  EK_RETURN_IF_ERROR(peers_.attendance->StreamDays(caller.bearer, run.org_unit_code, first,
                                                   last_day, [&](const clients::AttendanceDay& d) {
                                                     if (d.nip != current) {
                                                       finish();
                                                       current = d.nip;
                                                       days.clear();
                                                     }
                                                     days.push_back(FactsOf(d));
                                                   }));
  finish();
  EK_RETURN_IF_ERROR(failed);
  lap("attendance_compute");
  for (size_t i = 0; i < reads.employees.size(); ++i) {
    if (!computed[i]) {
      skipped.push_back({reads.employees[i].nip, "no attendance day in the month"});
    }
  }

  store::RunTotalsRow totals;
  for (const store::InstrumentRow& row : rows) totals.Add(row.instrument);
  store::ReplaceInstruments(tx, tenant, run.id, rows);
  store::SetComputed(tx, tenant, run.id, rules.rules.version, totals, skipped);
  lap("write");
  const std::string employees = absl::StrCat(totals.employees);
  const std::string run_id = absl::StrCat(run.id);
  LogInfo("TPP run computed",
          {{"run", run_id}, {"month", month_text}, {"employees", employees}, {"ms", phases}});
  run.rules_version = rules.rules.version;
  run.totals = totals;
  run.skipped = std::move(skipped);
  run.status = "DRAFT";
  metrics_.Run("compute", "ok");
  metrics_.Computed(totals.employees, absl::Now() - started);
  metrics_.Totals(tenant, run.year, run.month, totals.ceiling_idr, totals.gross_idr,
                  totals.net_idr);
  return absl::OkStatus();
}

}  // namespace ekinerja::scoring

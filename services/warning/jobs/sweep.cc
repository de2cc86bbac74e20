#include "jobs/sweep.h"

#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "civil.h"
#include "domain/warning_checks.h"
#include "domain/warning_streaks.h"
#include "domain/warning_text.h"
#include "log.h"
#include "status.h"
#include "store/rules_store.h"

namespace ekinerja::warning {
namespace {

// Who an employee is on the day (identity's supervisors stream).
struct Person {
  std::string name, org_unit_code, opd_code, atasan_nip;
};

// Where a sweep's time goes, logged with "sweep done": "token=12 identity=812 ..." (milliseconds
// of each phase, in order; the reads are one stream or call each).
class Laps {
 public:
  explicit Laps(absl::Time start) : last_(start) {}
  void Lap(absl::string_view phase) {
    const absl::Time now = absl::Now();
    absl::StrAppend(&text_, text_.empty() ? "" : " ", phase, "=",
                    absl::ToInt64Milliseconds(now - last_));
    last_ = now;
  }
  const std::string& text() const { return text_; }

 private:
  absl::Time last_;
  std::string text_;
};

// Holidays are asked for this far back: enough for pending_workdays up to its limit.
constexpr int kHolidayDays = 92;

// The warnings and streaks a sweep owes, built as the domain says.
class Owed {
 public:
  explicit Owed(absl::CivilDay day) : day_(day) {}

  // A warning about `subject` in the inbox its rule's audience names: the subject's own, the
  // subject's atasan (`recipient` when given: PENDING_APPROVALS is about the supervisor
  // themself), or BKPSDM's (""). A supervisor's warning about someone without an atasan goes
  // nowhere.
  void Add(Rule rule, const std::string& subject, WarningText text,
           std::optional<absl::CivilDay> on = {}, std::optional<std::string> recipient = {}) {
    store::WarningRow w;
    w.rule = std::string(RuleName(rule));
    const Audience audience = AudienceOf(rule);
    w.audience = std::string(AudienceName(audience));
    const auto it = people.find(subject);
    const Person* p = it == people.end() ? nullptr : &it->second;
    if (recipient) {
      w.recipient_nip = *recipient;
    } else if (audience == Audience::kEmployee) {
      w.recipient_nip = subject;
    } else if (audience == Audience::kSupervisor) {
      if (p == nullptr || p->atasan_nip.empty()) return;
      w.recipient_nip = p->atasan_nip;
    }
    w.subject_nip = subject;
    if (p != nullptr) {
      w.subject_name = p->name;
      w.supervisor_nip = p->atasan_nip;
      w.org_unit_code = p->org_unit_code;
      w.opd_code = p->opd_code;
    }
    w.day = on.value_or(day_);
    w.title = std::move(text.title);
    w.message = std::move(text.message);
    w.action = std::move(text.action);
    w.at_stake = std::move(text.at_stake);
    warnings.push_back(std::move(w));
  }

  // Who is in post on the day (identity), by NIP.
  std::map<std::string, Person> people;
  std::vector<store::WarningRow> warnings;
  std::vector<store::StreakRow> streaks;
  // The sweep's row, but for who started it and when.
  store::SweepRow row;

 private:
  absl::CivilDay day_;
};

// A streak is written only when its count changes: a day that leaves it as it was needs no
// guard against being counted twice, and a sweep writes a row per employee who missed (or
// recovered), not per employee.
std::optional<DayCount> StreakOf(const std::map<std::string, DayCount>& streaks,
                                 const std::string& nip) {
  const auto it = streaks.find(nip);
  if (it == streaks.end()) return std::nullopt;
  return it->second;
}

// What the sweep of `day` owes, from the rules, streaks and kotak record `tx` sees and what the
// peers say of the day (one stream each).
absl::StatusOr<Owed> Compute(db::Tx& tx, const WarningPeers& peers, absl::Time now,
                             const std::string& tenant, const std::string& token, absl::TimeZone tz,
                             absl::CivilDay day, SweepKind kind, Laps& laps) {
  const store::StoredRules stored = store::RulesInForce(tx, tenant);
  std::map<std::string, DayCount> missing_streaks, late_counts;
  std::string kotak_month;
  const absl::CivilMonth previous_month = absl::CivilMonth(day) - 1;
  const std::string previous_month_name =
      absl::StrFormat("%04d-%02d", previous_month.year(), previous_month.month());
  for (const store::StreakRow& s : store::StreaksOf(tx, tenant)) {
    (s.kind == "MISSING" ? missing_streaks : late_counts)[s.nip] = {s.last_day, s.count};
  }
  const bool kotak_swept = store::KotakMonthSwept(tx, tenant, previous_month_name);
  const WarningRules& rules = stored.rules;
  if (kind == SweepKind::kDaily && !DailySweepDue(day, now, rules, tz)) {
    return absl::FailedPreconditionError(
        absl::StrCat("the reports of ", FormatDate(day), " are due until ",
                     absl::FormatTime("%Y-%m-%d %H:%M", ReportDeadline(day, rules, tz), tz),
                     " in the tenant's zone: the day is swept after that"));
  }
  if (kind == SweepKind::kEarly &&
      (now < EarlyReminderFrom(day, rules, tz) || now >= ReportDeadline(day, rules, tz))) {
    return absl::FailedPreconditionError(
        absl::StrCat("the early reminder of ", FormatDate(day), " is sent from ",
                     absl::FormatTime("%Y-%m-%d %H:%M", EarlyReminderFrom(day, rules, tz), tz),
                     " until the day's reports are due"));
  }
  laps.Lap("lock_rules_streaks");

  // ---- reads: one stream each ------------------------------------------------------------------
  Owed owed(day);
  EK_RETURN_IF_ERROR(
      peers.directory->SupervisorsOn(token, day, [&](const clients::EmployeeSupervisor& e) {
        owed.people[e.nip] = {e.name, e.org_unit_code, e.opd_code, e.atasan_nip};
      }));
  laps.Lap("identity");
  std::map<std::string, EmployeeDay> days;
  EK_RETURN_IF_ERROR(
      peers.attendance->StreamDays(token, "", day, day, [&](const clients::AttendanceDay& a) {
        EmployeeDay& d = days[a.nip];
        d.nip = a.nip;
        d.workday = a.workday;
        d.checked_in = a.checked_in;
        d.has_first_in = a.first_in.has_value();
        d.has_last_out = a.last_out.has_value();
        d.tl_tier = a.tl_tier;
        d.absence_kind = a.absence_kind;
      }));
  laps.Lap("attendance");
  EK_RETURN_IF_ERROR(
      peers.activity->StreamDayFilings(token, day, day, [&](const clients::DayFiling& f) {
        const auto it = days.find(f.nip);
        if (it == days.end()) return;  // no attendance day: nothing was owed
        it->second.entries = f.entries;
        it->second.submitted = f.submitted;
      }));
  laps.Lap("activity");
  int32_t missing_report_bp = 0;
  if (rules.Enabled(Rule::kMissingReport) || rules.Enabled(Rule::kEarlyReminder) ||
      rules.Enabled(Rule::kEscalation) || rules.Enabled(Rule::kPendingApprovals)) {
    EK_ASSIGN_OR_RETURN(const clients::TppRuleSummary tpp, peers.scoring->TppRulesOn(token, day));
    missing_report_bp = tpp.missing_report_bp;
  }
  laps.Lap("scoring_rules");

  if (kind == SweepKind::kEarly) {
    if (rules.Enabled(Rule::kEarlyReminder)) {
      for (const auto& [nip, d] : days) {
        if (EarlyReminder(d)) {
          owed.Add(Rule::kEarlyReminder, nip, EarlyReminderText(day, rules, tz, missing_report_bp));
        }
      }
    }
    laps.Lap("compute");
  } else {
    for (const auto& [nip, d] : days) {
      const DayOutcome outcome = OutcomeOf(d);
      if (outcome == DayOutcome::kMissing && rules.Enabled(Rule::kMissingReport)) {
        owed.Add(Rule::kMissingReport, nip, MissingReportText(day, rules, tz, missing_report_bp));
      }
      const std::optional<DayCount> streak = StreakOf(missing_streaks, nip);
      const CountStep missing = NextMissingStreak(streak, day, outcome, rules);
      if (missing.state.count != (streak ? streak->count : 0)) {
        owed.streaks.push_back({"MISSING", nip, missing.state.last_day, missing.state.count});
      }
      if (missing.warn && rules.Enabled(Rule::kEscalation)) {
        owed.Add(Rule::kEscalation, nip,
                 EscalationText(nip, missing.state.count, day, missing_report_bp));
      }
      if (rules.Enabled(Rule::kNoCheckout) && NoCheckout(d)) {
        owed.Add(Rule::kNoCheckout, nip, NoCheckoutText(day));
      }
      if (d.workday) {
        const std::optional<DayCount> late_before = StreakOf(late_counts, nip);
        const CountStep late = NextLateCount(late_before, day, Late(d), rules);
        if (late.state.count != (late_before ? late_before->count : 0)) {
          owed.streaks.push_back({"LATE", nip, late.state.last_day, late.state.count});
        }
        if (late.warn && rules.Enabled(Rule::kLateRepeated)) {
          owed.Add(Rule::kLateRepeated, nip, LateRepeatedText(late.state.count, day));
        }
      }
    }
    laps.Lap("compute");
    if (rules.Enabled(Rule::kPendingApprovals)) {
      EK_ASSIGN_OR_RETURN(const std::vector<clients::Holiday> holiday_list,
                          peers.attendance->HolidaysIn(token, day - kHolidayDays, day));
      std::set<absl::CivilDay> holidays;
      for (const clients::Holiday& h : holiday_list) holidays.insert(h.date);
      const absl::Time before = PendingSubmittedBefore(day, rules, holidays, tz);
      EK_RETURN_IF_ERROR(peers.activity->StreamPendingApprovals(
          token, before, [&](const clients::PendingApprovals& p) {
            // "": the top of the tree's entries, which the tenant admin verifies from the
            // activity console; no supervisor's inbox to warn.
            if (p.verifier_nip.empty()) return;
            owed.Add(
                Rule::kPendingApprovals, p.verifier_nip,
                PendingApprovalsText(p.pending, p.oldest_submit_time, rules, tz, missing_report_bp),
                {}, p.verifier_nip);
          }));
    }
    laps.Lap("pending");
    const bool submit_day = rules.Enabled(Rule::kSkpNotSubmitted) && SkpSubmitCheckDay(day, rules);
    const bool approve_day = rules.Enabled(Rule::kSkpNotApproved) && SkpApproveCheckDay(day, rules);
    if (submit_day || approve_day) {
      std::map<std::string, clients::SkpYearStatus> statuses;
      EK_RETURN_IF_ERROR(peers.skp->StreamSkpStatus(
          token, day.year(), "", [&](const clients::SkpYearStatus& s) { statuses[s.nip] = s; }));
      for (const auto& [nip, person] : owed.people) {
        const auto it = statuses.find(nip);
        const std::optional<absl::Time> submitted =
            it == statuses.end() ? std::nullopt : it->second.first_submit_time;
        const std::optional<absl::Time> approved =
            it == statuses.end() ? std::nullopt : it->second.first_approve_time;
        if (submit_day && SkpNotSubmitted(submitted, day.year(), rules, tz)) {
          owed.Add(Rule::kSkpNotSubmitted, nip, SkpNotSubmittedText(day.year(), rules));
        }
        if (approve_day && SkpNotApproved(submitted, approved, day.year(), rules, tz)) {
          owed.Add(Rule::kSkpNotApproved, nip, SkpNotApprovedText(nip, day.year(), rules));
        }
      }
    }
    laps.Lap("skp");
    if (rules.Enabled(Rule::kLowKotak) && !kotak_swept) {
      bool placed = false;
      EK_RETURN_IF_ERROR(peers.scoring->StreamKotak(
          token, previous_month.year(), previous_month.month(), "",
          [&](const clients::KotakPlacement& k) {
            placed = true;
            if (!LowKotak(k.box, rules)) return;
            owed.Add(Rule::kLowKotak, k.nip,
                     LowKotakText(k.nip, k.box, previous_month.year(), previous_month.month()),
                     absl::CivilDay(previous_month));
          }));
      if (placed) kotak_month = previous_month_name;
    }
    laps.Lap("kotak");
  }

  owed.row.day = day;
  owed.row.kind = SweepKindName(kind);
  owed.row.state = "DONE";
  owed.row.rules_version = rules.version;
  owed.row.employees = static_cast<int64_t>(days.size());
  owed.row.kotak_month = kotak_month;
  return owed;
}

}  // namespace

std::string SweepKindName(SweepKind kind) { return kind == SweepKind::kEarly ? "EARLY" : "DAILY"; }

Sweeper::Sweeper(db::Pool& pool, WarningPeers peers, WarningMetrics& metrics, SweepOptions options)
    : pool_(pool), peers_(peers), metrics_(metrics), options_(std::move(options)) {
  if (!options_.now) options_.now = [] { return absl::Now(); };
}

absl::StatusOr<store::SweepRow> Sweeper::Run(const std::string& tenant, absl::CivilDay day,
                                             SweepKind kind, const std::string& started_by,
                                             bool only_once) {
  const absl::Time start = Now();
  absl::StatusOr<store::SweepRow> done = RunOnce(tenant, day, kind, started_by, start, only_once);
  const absl::Time end = Now();
  metrics_.ObserveSweep(tenant, SweepKindName(kind), done.ok() ? "done" : "failed", end - start,
                        done.ok() ? done->employees : 0, end);
  if (done.ok() || absl::IsFailedPrecondition(done.status()) || absl::IsAborted(done.status()) ||
      absl::IsAlreadyExists(done.status())) {
    return done;
  }
  // Recorded for the operators (ListSweeps); the warnings of the day are still owed, and the
  // next sweep of the day writes them.
  store::SweepRow failed;
  failed.day = day;
  failed.kind = SweepKindName(kind);
  failed.state = "FAILED";
  failed.started_by = started_by;
  failed.start_time = start;
  failed.error = std::string(done.status().message()).substr(0, 500);
  const absl::Status recorded = pool_.Write([&](db::Tx& tx) -> absl::Status {
    store::InsertSweep(tx, tenant, failed);
    return absl::OkStatus();
  });
  if (!recorded.ok()) {
    LogWarn("a failed sweep could not be recorded",
            {{"tenant", tenant}, {"error", std::string(recorded.message())}});
  }
  return done;
}

absl::StatusOr<store::SweepRow> Sweeper::RunOnce(const std::string& tenant, absl::CivilDay day,
                                                 SweepKind kind, const std::string& started_by,
                                                 absl::Time start, bool only_once) {
  Laps laps(absl::Now());
  EK_ASSIGN_OR_RETURN(const std::string token, peers_.directory->ServiceToken(tenant));
  EK_ASSIGN_OR_RETURN(const std::string zone_name, peers_.directory->TenantZone(token, tenant));
  EK_ASSIGN_OR_RETURN(const absl::TimeZone tz, LoadZone(zone_name));
  laps.Lap("token_zone");
  // One transaction from the lock to the last write: the lock keeps every other replica's sweep
  // of the tenant out (ABORTED at once, before it reads anything), and a failure anywhere leaves
  // nothing behind.
  store::SweepRow row;
  store::MergeResult merged;
  size_t owed_count = 0;
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
    if (!store::TrySweepLock(tx, tenant)) {
      return absl::AbortedError(absl::StrCat("another sweep of tenant ", tenant, " is running"));
    }
    if (only_once && !store::SweptDays(tx, tenant, SweepKindName(kind), day, day).empty()) {
      return absl::AlreadyExistsError(
          absl::StrCat(SweepKindName(kind), " sweep of ", FormatDate(day), " already done"));
    }
    EK_ASSIGN_OR_RETURN(Owed owed, Compute(tx, peers_, Now(), tenant, token, tz, day, kind, laps));
    row = std::move(owed.row);
    row.started_by = started_by;
    row.start_time = start;
    row.id = store::InsertSweep(tx, tenant, row);
    merged = store::MergeSweep(tx, tenant, row.id, owed.warnings, owed.streaks);
    row.warnings_created = merged.created;
    store::UpdateSweepCounts(tx, tenant, row.id, row.employees, row.warnings_created);
    owed_count = owed.warnings.size();
    laps.Lap("write");
    if (options_.before_commit) EK_RETURN_IF_ERROR(options_.before_commit());
    return absl::OkStatus();
  }));
  laps.Lap("commit");
  row.end_time = Now();
  if (merged.created > 0 && options_.signal != nullptr) options_.signal->Notify();
  for (const auto& [rule, created] : merged.created_by_rule) metrics_.CountCreated(rule, created);
  LogInfo("sweep done", {{"tenant", tenant},
                         {"day", FormatDate(day)},
                         {"kind", row.kind},
                         {"employees", absl::StrCat(row.employees)},
                         {"owed", absl::StrCat(owed_count)},
                         {"created", absl::StrCat(merged.created)},
                         {"queued", absl::StrCat(merged.queued)},
                         {"ms", laps.text()}});
  return row;
}

}  // namespace ekinerja::warning

#include "jobs/scheduler.h"

#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "domain/warning_checks.h"
#include "log.h"
#include "status.h"
#include "store/rules_store.h"
#include "store/warning_store.h"

namespace ekinerja::warning {

Scheduler::Scheduler(db::Pool& pool, clients::Directory& directory, Sweeper& sweeper,
                     SchedulerOptions options)
    : pool_(pool), directory_(directory), sweeper_(sweeper), options_(options) {
  if (options_.interval <= absl::ZeroDuration()) return;
  thread_ = std::thread([this] {
    do {
      Tick();
    } while (!stop_.WaitForNotificationWithTimeout(options_.interval));
  });
}

Scheduler::~Scheduler() {
  stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

int Scheduler::Tick() {
  std::vector<std::string> tenants;
  const absl::Status read = pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    tenants = store::ScheduledTenants(tx);
    return absl::OkStatus();
  });
  if (!read.ok()) {
    LogWarn("scheduler: no tenants", {{"error", std::string(read.message())}});
    return 0;
  }
  int done = 0;
  for (const std::string& tenant : tenants) {
    if (stop_.HasBeenNotified()) break;
    const absl::StatusOr<int> swept = TickTenant(tenant);
    if (swept.ok()) {
      done += *swept;
    } else {
      LogWarn("scheduler: tenant not swept",
              {{"tenant", tenant}, {"error", std::string(swept.status().message())}});
    }
  }
  return done;
}

absl::StatusOr<int> Scheduler::TickTenant(const std::string& tenant) {
  EK_ASSIGN_OR_RETURN(const std::string token, directory_.ServiceToken(tenant));
  EK_ASSIGN_OR_RETURN(const std::string zone_name, directory_.TenantZone(token, tenant));
  EK_ASSIGN_OR_RETURN(const absl::TimeZone tz, LoadZone(zone_name));
  const absl::Time now = sweeper_.Now();
  const absl::CivilDay today = LocalDay(now, tz);
  const absl::CivilDay first = today - options_.catch_up_days;
  store::StoredRules stored;
  std::set<absl::CivilDay> swept, early_swept;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
    stored = store::RulesInForce(tx, tenant);
    for (absl::CivilDay d : store::SweptDays(tx, tenant, "DAILY", first, today)) swept.insert(d);
    for (absl::CivilDay d : store::SweptDays(tx, tenant, "EARLY", today, today)) {
      early_swept.insert(d);
    }
    return absl::OkStatus();
  }));
  int done = 0;
  // A sweep that fails stops the tenant's catch-up: the days after it must wait for it (the
  // streaks count the days in order).
  for (absl::CivilDay d = first; d < today; ++d) {
    if (swept.count(d) > 0 || !DailySweepDue(d, now, stored.rules, tz)) continue;
    const absl::StatusOr<store::SweepRow> row =
        sweeper_.Run(tenant, d, SweepKind::kDaily, "scheduler", /*only_once=*/true);
    if (absl::IsAlreadyExists(row.status())) continue;
    EK_RETURN_IF_ERROR(row.status());
    ++done;
  }
  if (stored.rules.Enabled(Rule::kEarlyReminder) && early_swept.empty() &&
      now >= EarlyReminderFrom(today, stored.rules, tz) &&
      now < ReportDeadline(today, stored.rules, tz)) {
    const absl::StatusOr<store::SweepRow> row =
        sweeper_.Run(tenant, today, SweepKind::kEarly, "scheduler", /*only_once=*/true);
    if (!absl::IsAlreadyExists(row.status())) {
      EK_RETURN_IF_ERROR(row.status());
      ++done;
    }
  }
  return done;
}

}  // namespace ekinerja::warning

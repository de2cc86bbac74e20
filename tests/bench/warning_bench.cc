// warning_bench: a daily sweep of a tenant of N employees through the real services (issue 13),
// beside a raw COPY of as many warning rows. Run by tests/bench/warning_run, which starts
// PostgreSQL, identity, attendance, skp, activity, scoring and warning on loopback ports.
//
//   warning_bench wait --targets=127.0.0.1:P,127.0.0.1:Q
//       until each target's health check says SERVING (or --timeout_seconds)
//   EKINERJA_PLATFORM_ADMIN_PASSWORD=... EKINERJA_BENCH_DB_URL=<a superuser on the services' db>
//   warning_bench run --identity=127.0.0.1:P --warning=127.0.0.1:Q --tenant=T --employees=N
//       [--day=YYYY-MM-DD] [--marks=PREFIX] [--webhook=false]
//       1. tenant T and its admin through identity's API (CreateTenant, the admin's Login);
//       2. the day written straight into identity's, attendance's and activity's schemas with
//          SQL (bench_seed.h): the org and N employees, and of the workday ~3% absent without
//          check-in or absence (TANPA_KETERANGAN), ~4% on leave (CUTI_TAHUNAN), the rest
//          present (8% of them late at TL tiers 1-4, ~2% without check-out); of the days
//          present ~4.3% without an entry and ~4.3% with a DRAFT one (~8% of all: present
//          without a submitted report), the rest submitted (40% still awaiting approval): ~85%
//          present and filed;
//       3. the tenant's webhook set (unless --webhook=false; nothing delivers it: the script
//          runs warning with --outbox_interval 0), so each new warning queues its outbox message
//          in the sweep's transaction as with a relay configured;
//       4. RunSweep(day, DAILY) as the admin: wall time, the employees swept (must be N) and the
//          warnings created; then RunSweep of the same day again (the rerun: it must create
//          nothing);
//       5. the baseline: the warnings the sweep wrote read back, a CHECKPOINT, and one raw COPY
//          of them into a table of the same shape (LIKE warning.warnings INCLUDING ALL) in
//          schema copy_baseline, in one transaction.
//       With --marks, it creates PREFIX.<sweep|rerun>.<start|end> around each measured call (the
//       script samples the processes' CPU there). Prints one line on stdout:
//         <employees> <day> <sweep_s> <rerun_s> <copy_s> <swept> <created> <rerun_created>
//         <outbox> <by_rule> <seed_s>
//       (by_rule: RULE=count,... of the warnings created).
//
// The day is the newest weekday whose reports are due (the sweep runs after local day + 1 23:59,
// the national default) and that is not 31 January or 15 February (the SKP checks' days), unless
// --day says.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "bench_client.h"
#include "bench_pg.h"
#include "bench_seed.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "ekinerja/warning/v1/warning.grpc.pb.h"

ABSL_FLAG(std::string, targets, "", "wait: comma-separated gRPC targets");
ABSL_FLAG(int, timeout_seconds, 60, "wait: how long to wait for them");
ABSL_FLAG(std::string, identity, "127.0.0.1:50051", "run: ekinerja-identity gRPC address");
ABSL_FLAG(std::string, warning, "127.0.0.1:50056", "run: ekinerja-warning gRPC address");
ABSL_FLAG(std::string, tenant, "bench", "run: the tenant created and seeded");
ABSL_FLAG(int, employees, 10000, "run: employees of the tenant");
ABSL_FLAG(std::string, day, "",
          "run: YYYY-MM-DD, a weekday whose reports are due (default: the newest such)");
ABSL_FLAG(std::string, marks, "", "run: prefix of the files marking the measured calls");
ABSL_FLAG(bool, webhook, true, "run: set the tenant's webhook, so each warning queues a message");
ABSL_FLAG(int, sweep_timeout_seconds, 900, "run: deadline of each RunSweep");

namespace {

using namespace ekinerja;
using namespace ekinerja::bench;
namespace idv1 = ::ekinerja::identity::v1;
namespace wv1 = ::ekinerja::warning::v1;

void Mark(const std::string& name) { bench::Mark(absl::GetFlag(FLAGS_marks), name); }

bool Weekday(absl::CivilDay d) {
  return absl::GetWeekday(d) != absl::Weekday::saturday &&
         absl::GetWeekday(d) != absl::Weekday::sunday;
}

// --day, or the newest weekday before yesterday (Asia/Jakarta) that is no SKP check day.
absl::CivilDay DayOfSweep() {
  const std::string flag = absl::GetFlag(FLAGS_day);
  absl::CivilDay day;
  if (!flag.empty()) {
    if (!absl::ParseCivilTime(flag, &day) || !Weekday(day)) Die("--day is a weekday YYYY-MM-DD");
    return day;
  }
  absl::TimeZone jakarta;
  if (!absl::LoadTimeZone("Asia/Jakarta", &jakarta)) Die("no zone Asia/Jakarta");
  for (day = absl::ToCivilDay(absl::Now(), jakarta) - 2;; --day) {
    const bool skp_day =
        (day.month() == 1 && day.day() == 31) || (day.month() == 2 && day.day() == 15);
    if (Weekday(day) && !skp_day) return day;
  }
}

// The day's mix (bench_seed.h): ~85% present and filed, ~8% present without a submitted
// report, ~4% on leave, ~3% neither checked in nor absent, ~2% without check-out, 8% late.
DayMix WorkdayMix() {
  DayMix m;
  m.absent = 30;
  m.leave = 40;
  m.leave_kind = "CUTI_TAHUNAN";
  m.no_checkout = 20;
  m.no_entry = 43;
  m.draft = 43;
  m.submitted = 400;
  return m;
}

struct SweepResult {
  double seconds = 0;
  wv1::Sweep sweep;
};

SweepResult RunDailySweep(wv1::WarningService::Stub& warning, const std::string& token,
                          absl::CivilDay day, const std::string& what) {
  wv1::RunSweepRequest req;
  req.mutable_date()->set_year(static_cast<int>(day.year()));
  req.mutable_date()->set_month(day.month());
  req.mutable_date()->set_day(day.day());
  req.set_kind(wv1::SWEEP_KIND_DAILY);
  SweepResult out;
  Mark(absl::StrCat(what, ".start"));
  const auto t0 = Clock::now();
  Check(warning.RunSweep(Context(token, absl::GetFlag(FLAGS_sweep_timeout_seconds)).get(), req,
                         &out.sweep),
        absl::StrCat("RunSweep (", what, ")"));
  out.seconds = SecondsSince(t0);
  Mark(absl::StrCat(what, ".end"));
  if (out.sweep.state() != wv1::SWEEP_STATE_DONE)
    Die(absl::StrCat(what, ": the sweep is not DONE"));
  return out;
}

int RunBench() {
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const int n = absl::GetFlag(FLAGS_employees);
  if (n < 200 || n > 1000000) Die("--employees must be 200..1000000");
  const absl::CivilDay day = DayOfSweep();

  // 1. The tenant and its admin.
  auto identity = idv1::IdentityService::NewStub(Channel(absl::GetFlag(FLAGS_identity)));
  const std::string token =
      CreateTenantWithAdmin(*identity, tenant, absl::StrCat("Provinsi Bench ", n));

  // 2. The day, in SQL.
  bench::Pg pg(Env("EKINERJA_BENCH_DB_URL"));
  pg.Exec("SET client_min_messages = warning");
  auto t0 = Clock::now();
  SeedPlan plan;
  plan.tenant = tenant;
  plan.employees = n;
  plan.month = absl::CivilMonth(day);
  plan.first = plan.last = day;
  plan.mix = WorkdayMix();
  pg.Exec(SeedSql(plan));
  pg.Exec(kSeedDropSql);
  pg.Exec(absl::StrCat("VACUUM ANALYZE ", kSeededTables));
  pg.Exec("CHECKPOINT");
  const double seed_s = SecondsSince(t0);
  std::fprintf(stderr, "bench: %s: %d employees, %s seeded in %.1f s\n", tenant.c_str(), n,
               absl::FormatCivilTime(day).c_str(), seed_s);

  // 3. The webhook: a relay nobody listens at (the script runs no drain).
  auto warning = wv1::WarningService::NewStub(Channel(absl::GetFlag(FLAGS_warning)));
  if (absl::GetFlag(FLAGS_webhook)) {
    wv1::UpdateWebhookRequest req;
    req.mutable_webhook()->set_url("http://127.0.0.1:9/relay");
    req.mutable_webhook()->set_secret("bench-webhook-secret");
    wv1::Webhook resp;
    Check(warning->UpdateWebhook(Context(token, 30).get(), req, &resp), "UpdateWebhook");
  }

  // 4. The sweep, then the same again.
  const SweepResult first = RunDailySweep(*warning, token, day, "sweep");
  const SweepResult rerun = RunDailySweep(*warning, token, day, "rerun");
  if (first.sweep.employees() != n) {
    Die(absl::StrCat("the sweep looked at ", first.sweep.employees(), " employees, not ", n));
  }
  if (first.sweep.warnings_created() <= 0 || rerun.sweep.warnings_created() != 0) {
    Die(absl::StrCat("the sweep created ", first.sweep.warnings_created(),
                     " warnings and its rerun ", rerun.sweep.warnings_created(),
                     "; wanted some, then none"));
  }
  std::vector<std::string> by_rule;
  for (const auto& r :
       pg.Rows("SELECT rule, count(*) FROM warning.warnings WHERE tenant_id = $1 GROUP BY rule "
               "ORDER BY rule",
               {tenant})) {
    by_rule.push_back(absl::StrCat(r[0], "=", r[1]));
  }
  const std::string outbox =
      pg.Row("SELECT count(*) FROM warning.outbox WHERE tenant_id = $1", {tenant})[0];

  // 5. The baseline: as many warning rows in one raw COPY, in one transaction.
  pg.Exec("CREATE SCHEMA IF NOT EXISTS copy_baseline");
  pg.Exec(
      "CREATE TABLE IF NOT EXISTS copy_baseline.warnings (LIKE warning.warnings INCLUDING ALL)");
  pg.Exec("TRUNCATE copy_baseline.warnings");
  const std::string data = pg.CopyOut(
      absl::StrCat("COPY (SELECT * FROM warning.warnings WHERE tenant_id = ", pg.Literal(tenant),
                   ") TO STDOUT"));
  const int64_t rows = std::count(data.begin(), data.end(), '\n');
  if (rows != first.sweep.warnings_created()) {
    Die(absl::StrCat("the tenant has ", rows, " warnings; the sweep said it created ",
                     first.sweep.warnings_created()));
  }
  pg.Exec("CHECKPOINT");
  const double copy_s = pg.CopyIn("COPY copy_baseline.warnings FROM STDIN", data);

  std::printf("%d %s %.3f %.3f %.3f %d %d %d %s %s %.1f\n", n, absl::FormatCivilTime(day).c_str(),
              first.seconds, rerun.seconds, copy_s, first.sweep.employees(),
              first.sweep.warnings_created(), rerun.sweep.warnings_created(), outbox.c_str(),
              absl::StrJoin(by_rule, ",").c_str(), seed_s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string cmd = args.size() == 2 ? args[1] : "";
  if (cmd == "wait") {
    return WaitServing(absl::GetFlag(FLAGS_targets), absl::GetFlag(FLAGS_timeout_seconds));
  }
  if (cmd == "run") return RunBench();
  Die("one subcommand: wait or run");
}

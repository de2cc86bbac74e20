// scoring_bench: a monthly TPP run of a tenant of N employees through the real services (issue
// 12), beside a raw COPY of the rows the run writes. Run by tests/bench/scoring_run, which starts
// PostgreSQL, identity, attendance, skp, activity and scoring on loopback ports.
//
//   scoring_bench wait --targets=127.0.0.1:P,127.0.0.1:Q
//       until each target's health check says SERVING (or --timeout_seconds)
//   EKINERJA_PLATFORM_ADMIN_PASSWORD=... EKINERJA_BENCH_DB_URL=<a superuser on the services' db>
//   scoring_bench run --identity=127.0.0.1:P --scoring=127.0.0.1:Q --tenant=T --employees=N
//       [--month=YYYY-MM] [--marks=PREFIX] [--by_opd]
//       1. tenant T and its admin through identity's API (CreateTenant, the admin's Login);
//       2. the month written straight into identity's, attendance's and activity's schemas with
//          SQL (bench_seed.h, its default DayMix: of the workdays ~2% TANPA_KETERANGAN, ~1%
//          IZIN, late 4/2/1/1% at TL tiers 1-4, early 2/1% at PSW 1-2, 0.5% without check-out;
//          of the days present ~2.5% without an entry and ~2.5% SUBMITTED, the rest APPROVED:
//          ~5% of the days present without an approved report), and a hukuman disiplin for one
//          employee in 2000 (scoring's sanctions: ringan, sedang, berat in turn);
//       3. CreateTppRun of the whole tenant as its admin, then RecomputeTppRun of it: wall time
//          each, and the run's totals (employees must be N, none skipped; the recompute must
//          give the same net);
//       4. the baseline: the run's rows (instruments, ceiling_terms, instrument_lines) read back,
//          a CHECKPOINT, and one raw COPY of them into tables of the same shape (LIKE ...
//          INCLUDING ALL) in schema copy_baseline, in one transaction.
//       With --by_opd, step 3 is one CreateTppRun per OPD (its subtree: 1/40 of the tenant) in
//       turn, then one RecomputeTppRun of each, timed together. With --marks, it creates
//       PREFIX.<create|recompute>.<start|end> around each measured call (the script samples the
//       processes' CPU there). Prints one line on stdout:
//         <employees> <workdays> <create_s> <recompute_s> <copy_s> <instruments> <lines> <terms>
//         <net_idr> <seed_s>
//
// The month is the newest whole one with 22 weekdays (the issue's month) unless --month says.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "bench_client.h"
#include "bench_pg.h"
#include "bench_seed.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "ekinerja/scoring/v1/scoring.grpc.pb.h"

ABSL_FLAG(std::string, targets, "", "wait: comma-separated gRPC targets");
ABSL_FLAG(int, timeout_seconds, 60, "wait: how long to wait for them");
ABSL_FLAG(std::string, identity, "127.0.0.1:50051", "run: ekinerja-identity gRPC address");
ABSL_FLAG(std::string, scoring, "127.0.0.1:50055", "run: ekinerja-scoring gRPC address");
ABSL_FLAG(std::string, tenant, "bench", "run: the tenant created and seeded");
ABSL_FLAG(int, employees, 10000, "run: employees of the tenant");
ABSL_FLAG(std::string, month, "", "run: YYYY-MM (default: the newest whole month of 22 weekdays)");
ABSL_FLAG(std::string, marks, "", "run: prefix of the files marking the measured calls");
ABSL_FLAG(bool, by_opd, false,
          "run: one run per OPD (org_unit_code, its subtree) instead of one of the whole tenant");
ABSL_FLAG(int, run_timeout_seconds, 900, "run: deadline of CreateTppRun and RecomputeTppRun");

namespace {

using namespace ekinerja;
using namespace ekinerja::bench;
namespace idv1 = ::ekinerja::identity::v1;
namespace scv1 = ::ekinerja::scoring::v1;

void Mark(const std::string& name) { bench::Mark(absl::GetFlag(FLAGS_marks), name); }

// The newest whole month before today's (Asia/Jakarta) with 22 weekdays, or --month.
absl::CivilMonth MonthOfRun() {
  const std::string flag = absl::GetFlag(FLAGS_month);
  absl::CivilMonth month;
  if (!flag.empty()) {
    if (!absl::ParseCivilTime(flag, &month)) Die("--month is YYYY-MM");
    return month;
  }
  absl::TimeZone jakarta;
  if (!absl::LoadTimeZone("Asia/Jakarta", &jakarta)) Die("no zone Asia/Jakarta");
  month = absl::CivilMonth(absl::ToCivilDay(absl::Now(), jakarta)) - 1;
  for (;; --month) {
    int weekdays = 0;
    for (absl::CivilDay d(month); d < absl::CivilDay(month + 1); ++d) {
      const absl::Weekday w = absl::GetWeekday(d);
      weekdays += w != absl::Weekday::saturday && w != absl::Weekday::sunday;
    }
    if (weekdays == 22) return month;
  }
}

// Scoring's own rows of the month: a hukuman disiplin for one employee in 2000 (ringan, sedang,
// berat in turn), from the seed's people. {T} the tenant, {FIRST}/{LAST} the month's days.
constexpr char kSanctionsSql[] = R"sql(
INSERT INTO scoring.sanctions (tenant_id, nip, level, start_date, end_date, reference, created_by)
SELECT '{T}', nip, (ARRAY['RINGAN', 'SEDANG', 'BERAT'])[i / 2000 % 3 + 1], date '{FIRST}',
       date '{LAST}', 'SK/HD/' || i, 'admin'
FROM people WHERE i % 2000 = 0;
)sql";

struct Totals {
  int employees = 0, skipped = 0;
  int64_t net = 0;
};

Totals TotalsOf(const scv1::TppRun& run) {
  return {run.totals().employees(), run.skipped_size(), run.totals().net_idr()};
}

int RunBench() {
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const int n = absl::GetFlag(FLAGS_employees);
  if (n < 200 || n > 1000000) Die("--employees must be 200..1000000");
  const absl::CivilMonth month = MonthOfRun();
  const absl::CivilDay first(month), last = absl::CivilDay(month + 1) - 1;
  int workdays = 0;
  for (absl::CivilDay d = first; d <= last; ++d) {
    workdays += absl::GetWeekday(d) != absl::Weekday::saturday &&
                absl::GetWeekday(d) != absl::Weekday::sunday;
  }

  // 1. The tenant and its admin.
  auto identity = idv1::IdentityService::NewStub(Channel(absl::GetFlag(FLAGS_identity)));
  const std::string token =
      CreateTenantWithAdmin(*identity, tenant, absl::StrCat("Provinsi Bench ", n));

  // 2. The month, in SQL (bench_seed.h, with its default mix), and scoring's sanctions.
  bench::Pg pg(Env("EKINERJA_BENCH_DB_URL"));
  pg.Exec("SET client_min_messages = warning");
  auto t0 = Clock::now();
  SeedPlan plan;
  plan.tenant = tenant;
  plan.employees = n;
  plan.month = month;
  plan.first = first;
  plan.last = last;
  pg.Exec(SeedSql(plan));
  pg.Exec(absl::StrReplaceAll(kSanctionsSql, {{"{T}", tenant},
                                              {"{FIRST}", absl::FormatCivilTime(first)},
                                              {"{LAST}", absl::FormatCivilTime(last)}}));
  pg.Exec(kSeedDropSql);
  pg.Exec(absl::StrCat("VACUUM ANALYZE ", kSeededTables, ", scoring.sanctions"));
  pg.Exec("CHECKPOINT");
  const double seed_s = SecondsSince(t0);
  std::fprintf(stderr, "bench: %s: %d employees, %s seeded in %.1f s\n", tenant.c_str(), n,
               absl::FormatCivilTime(month).c_str(), seed_s);

  // 3. The run (one per OPD with --by_opd), then its recompute.
  auto scoring = scv1::ScoringService::NewStub(Channel(absl::GetFlag(FLAGS_scoring)));
  const int deadline = absl::GetFlag(FLAGS_run_timeout_seconds);
  std::vector<std::string> scopes = {""};
  if (absl::GetFlag(FLAGS_by_opd)) {
    scopes.clear();
    for (int opd = 1; opd <= 40; ++opd) scopes.push_back(absl::StrFormat("OPD%02d", opd));
  }
  std::vector<int64_t> runs;
  Totals created;
  Mark("create.start");
  t0 = Clock::now();
  for (const std::string& scope : scopes) {
    scv1::CreateTppRunRequest req;
    req.set_year(static_cast<int>(month.year()));
    req.set_month(month.month());
    req.set_org_unit_code(scope);
    req.set_request_id(absl::StrCat("scoring-bench-", tenant, "-", scope));
    scv1::TppRun run;
    Check(scoring->CreateTppRun(Context(token, deadline).get(), req, &run),
          absl::StrCat("CreateTppRun ", scope));
    runs.push_back(run.id());
    const Totals t = TotalsOf(run);
    created = {created.employees + t.employees, created.skipped + t.skipped, created.net + t.net};
  }
  const double create_s = SecondsSince(t0);
  Mark("create.end");
  if (created.employees != n || created.skipped != 0) {
    Die(absl::StrCat("CreateTppRun: ", created.employees, " employees, ", created.skipped,
                     " skipped; wanted ", n, " and 0"));
  }
  Totals again;
  Mark("recompute.start");
  t0 = Clock::now();
  for (int64_t id : runs) {
    scv1::RecomputeTppRunRequest req;
    req.set_id(id);
    scv1::TppRun run;
    Check(scoring->RecomputeTppRun(Context(token, deadline).get(), req, &run),
          absl::StrCat("RecomputeTppRun ", id));
    const Totals t = TotalsOf(run);
    again = {again.employees + t.employees, again.skipped + t.skipped, again.net + t.net};
  }
  const double recompute_s = SecondsSince(t0);
  Mark("recompute.end");
  if (again.employees != n || again.net != created.net) {
    Die(absl::StrCat("RecomputeTppRun gave ", again.employees, " employees, net ", again.net,
                     "; the runs had net ", created.net));
  }

  // 4. The baseline: the same rows in one raw COPY each, in one transaction.
  const std::vector<std::string> tables = {"instruments", "ceiling_terms", "instrument_lines"};
  pg.Exec("CREATE SCHEMA IF NOT EXISTS copy_baseline");
  std::vector<std::string> data;
  std::vector<int64_t> rows;
  for (const std::string& t : tables) {
    pg.Exec(absl::StrCat("CREATE TABLE IF NOT EXISTS copy_baseline.", t, " (LIKE scoring.", t,
                         " INCLUDING ALL)"));
    pg.Exec(absl::StrCat("TRUNCATE copy_baseline.", t));
    data.push_back(pg.CopyOut(absl::StrCat("COPY (SELECT * FROM scoring.", t, " WHERE tenant_id = ",
                                           pg.Literal(tenant), ") TO STDOUT")));
    rows.push_back(std::count(data.back().begin(), data.back().end(), '\n'));
  }
  pg.Exec("CHECKPOINT");
  t0 = Clock::now();
  pg.Exec("BEGIN");
  for (size_t i = 0; i < tables.size(); ++i) {
    pg.Copy(absl::StrCat("COPY copy_baseline.", tables[i], " FROM STDIN"), data[i]);
  }
  pg.Exec("COMMIT");
  const double copy_s = SecondsSince(t0);
  if (rows[0] != n) Die(absl::StrCat("the run stored ", rows[0], " instruments"));

  std::printf("%d %d %.3f %.3f %.3f %lld %lld %lld %lld %.1f\n", n, workdays, create_s, recompute_s,
              copy_s, static_cast<long long>(rows[0]), static_cast<long long>(rows[2]),
              static_cast<long long>(rows[1]), static_cast<long long>(created.net), seed_s);
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

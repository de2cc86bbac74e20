// activity_bench: StreamMonthSummaries (issue 11: scoring's read of a month) for a tenant of N
// employees, beside a raw `COPY (SELECT ...) TO STDOUT` of the same entries from the same
// PostgreSQL in the same run. Run by tests/bench/activity_run --stream, which gives it a throwaway
// cluster.
//
//   EKINERJA_DB_URL=<libpq url> activity_bench [--db_schema=activity] [--employees=100000]
//       [--runs=3]
//
// The service runs in this process as main.cc builds it (BuildActivity on a ServiceHost:
// migrations, pool, auth interceptor, gRPC on a loopback port), with the fakes of tests/mocks for
// its peers: FakeDirectory (N employees in one unit: the one EmployeesOf) and FakeAttendance (the
// one StreamDays: every weekday TANPA_KETERANGAN, as attendance answers a day nobody punched).
// The client is a real stub over TCP on 127.0.0.1, as the tenant's SERVICE account. The month is
// the last whole one (the one before today's in Asia/Jakarta); its entries are inserted with SQL
// (generate_series): every employee one entry on every weekday, even-numbered employees a second,
// one in ten SUBMITTED, the rest APPROVED.
//
// The fakes build their answers in memory before the stream reads them, so their own cost is
// measured alone too (EmployeesOf + StreamDays straight on the fakes, no gRPC, no database).
//
// Prints one line per measured pass:
//   <what> <employees> <rows> <MiB> <seconds> <employees_per_second>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "activity_wiring.h"
#include "bench_pg.h"
#include "bench_service.h"
#include "ekinerja/activity/v1/activity.grpc.pb.h"
#include "fake_attendance.h"
#include "fake_directory.h"
#include "fake_skp_plans.h"
#include "grpcpp/grpcpp.h"
#include "test_tokens.h"

ABSL_FLAG(std::string, db_url, "",
          "libpq URL of the database (its role owns --db_schema); default $EKINERJA_DB_URL");
ABSL_FLAG(std::string, db_schema, "activity", "the service's schema");
ABSL_FLAG(int, employees, 100000, "employees of the tenant, each with a month of entries");
ABSL_FLAG(int, runs, 3, "measured passes of each case");

namespace {

using namespace ekinerja;
namespace v1 = ::ekinerja::activity::v1;

constexpr char kTenant[] = "bench";
constexpr char kUnit[] = "BENCH";

[[noreturn]] void Die(const std::string& what) { bench::PgDie(what); }

// The i-th employee's NIP, the same in C++ and in the SQL that inserts their entries.
std::string Nip(int i) { return absl::StrFormat("19800101%010d", i); }
constexpr char kNipSql[] = "'19800101' || lpad(i::text, 10, '0')";

void Report(const char* what, int64_t employees, int64_t rows, int64_t bytes, double seconds) {
  std::printf("%-40s %9lld %9lld %8.1f %8.3f %10.0f\n", what, static_cast<long long>(employees),
              static_cast<long long>(rows), static_cast<double>(bytes) / (1 << 20), seconds,
              static_cast<double>(employees) / seconds);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int employees = absl::GetFlag(FLAGS_employees);
  const int runs = absl::GetFlag(FLAGS_runs);
  const std::string url = bench::CheckedRun(absl::GetFlag(FLAGS_db_url), employees, runs);
  const std::string schema = absl::GetFlag(FLAGS_db_schema);

  // The last whole month in the tenant's zone.
  absl::TimeZone jakarta;
  if (!absl::LoadTimeZone("Asia/Jakarta", &jakarta)) Die("no zone Asia/Jakarta");
  const absl::CivilMonth month = absl::CivilMonth(absl::ToCivilDay(absl::Now(), jakarta)) - 1;
  const absl::CivilDay first(month), last = absl::CivilDay(month + 1) - 1;

  // The peers: N employees of one unit, in one position.
  mocks::TestTokenIssuer tokens;
  auto directory = std::make_shared<mocks::FakeDirectory>(tokens, "bench-scoring");
  directory->AddTenant(kTenant);
  directory->AddOrgUnit(kTenant, kUnit, "");
  directory->AddPosition(kTenant, "BENCH.STAF", kUnit, false);
  for (int i = 1; i <= employees; ++i) {
    directory->AddEmployee(kTenant, Nip(i));
    directory->AddAssignment(kTenant, {Nip(i), "BENCH.STAF", identity::AssignmentKind::kDefinitif,
                                       absl::CivilDay(2020, 1, 1), std::nullopt});
  }
  auto attendance = std::make_shared<mocks::FakeAttendance>(*directory);

  // The service, as main.cc builds it.
  auto host = bench::ValueOrDie(ServiceHost::Create(
      bench::InProcessOptions("activity", url, schema), activity::ActivitySql()));
  activity::ActivityClients clients;
  clients.directory = directory;
  clients.attendance = attendance;
  clients.skp = std::make_shared<mocks::FakeSkpPlans>(*directory);
  clients.public_keys = tokens.PublicKeys();
  const activity::Activity built = bench::ValueOrDie(
      activity::BuildActivity(*host, activity::ActivityOptions{}, std::move(clients)));
  auto stub = v1::ActivityService::NewStub(bench::StartOrDie(*host, built.setup));
  const std::string token = bench::ValueOrDie(directory->ServiceToken(kTenant));

  // The entries: one per weekday and employee, a second for even-numbered employees.
  bench::Pg pg(url);
  pg.Exec("SET search_path TO " + schema);
  pg.Exec("SET client_min_messages = warning");
  pg.Exec("TRUNCATE entries CASCADE");
  const std::string from = absl::FormatCivilTime(first), to = absl::FormatCivilTime(last);
  auto t0 = std::chrono::steady_clock::now();
  pg.Exec(absl::StrCat(
      "INSERT INTO entries (tenant_id, nip, work_date, start_minute, end_minute, description, "
      "tugas_tambahan_ref, output_quantity, output_unit, earned_minutes, status) SELECT '",
      kTenant, "', ", kNipSql,
      ", d::date, 480 + 120 * k, 570 + 120 * k, 'Menyusun laporan kegiatan harian', "
      "'ST/001/2026', 1, 'laporan', 90, CASE WHEN (i + k) % 10 = 0 THEN 'SUBMITTED' ELSE "
      "'APPROVED' END FROM generate_series(1, ",
      employees, ") AS i, generate_series('", from, "'::date, '", to,
      "'::date, '1 day') AS d, generate_series(0, 1) AS k WHERE extract(isodow FROM d) < 6 AND "
      "(k = 0 OR i % 2 = 0)"));
  pg.Exec("VACUUM ANALYZE entries");
  const std::string entries =
      pg.Row("SELECT count(*) FROM entries WHERE tenant_id = $1", {kTenant}).front();
  std::fprintf(stderr, "bench: inserted %s entries of %d employees in %s..%s in %.1f s\n",
               entries.c_str(), employees, from.c_str(), to.c_str(), bench::Since(t0));

  std::printf("%-40s %9s %9s %8s %8s %10s\n", "what", "employees", "rows", "MiB", "seconds",
              "employees/s");
  const std::string copy = absl::StrCat(
      "COPY (SELECT nip, work_date, status, earned_minutes FROM entries WHERE tenant_id = '",
      kTenant, "' AND work_date BETWEEN '", from, "' AND '", to,
      "' ORDER BY nip, work_date, start_minute, id) TO STDOUT");
  for (int run = 0; run <= runs; ++run) {  // run 0 warms the caches, unreported
    t0 = std::chrono::steady_clock::now();
    const std::string text = pg.CopyOut(copy);
    const double copy_s = bench::Since(t0);
    const int64_t lines = bench::Lines(text);
    if (std::to_string(lines) != entries) Die(absl::StrCat("COPY gave ", lines, " rows"));
    if (run > 0)
      Report("COPY (SELECT entries ...) TO STDOUT", employees, lines, text.size(), copy_s);

    // The fakes alone: what the service asks them, straight, with nothing done with the days.
    t0 = std::chrono::steady_clock::now();
    auto units = directory->EmployeesOf(token, "", last);
    if (!units.ok()) Die(units.status().ToString());
    int64_t days = 0;
    if (absl::Status st = attendance->StreamDays(token, "", first, last,
                                                 [&](const clients::AttendanceDay&) { ++days; });
        !st.ok()) {
      Die(st.ToString());
    }
    const double fakes_s = bench::Since(t0);
    if (run > 0) Report("fakes: EmployeesOf + StreamDays", employees, days, 0, fakes_s);

    v1::StreamMonthSummariesRequest req;
    req.set_year(static_cast<int32_t>(month.year()));
    req.set_month(month.month());
    const bench::StreamRead read = bench::ReadStream<v1::MonthSummary>(
        "StreamMonthSummaries", token, employees,
        [&](grpc::ClientContext* ctx) { return stub->StreamMonthSummaries(ctx, req); });
    if (run > 0) {
      Report("StreamMonthSummaries (gRPC, SERVICE)", employees, read.messages, read.bytes,
             read.seconds);
    }
  }
  host->Shutdown();
  return 0;
}

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
//       2. the month written straight into each service's schema with SQL (their migrations ran
//          when they started; logins and ADMS would take hours at this size): identity's org (40
//          OPDs of 4 bidang each, a head and three staff positions per unit), N employees with
//          their assignments (1% changing position on the 16th); attendance's day summaries of
//          every day of the month as its recompute writes them (weekends LIBUR; of the
//          workdays ~2% TANPA_KETERANGAN, ~1% IZIN, late 4/2/1/1% at TL tiers 1-4, early 2/1%
//          at PSW 1-2, 0.5% without check-out); activity's entries (one of 300 minutes per day
//          present, APPROVED, but ~2.5% SUBMITTED and ~2.5% missing: ~5% of the days present
//          without an approved report); a hukuman disiplin for one employee in 2000 (scoring's
//          sanctions: ringan, sedang, berat in turn);
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

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "bench_pg.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "ekinerja/scoring/v1/scoring.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

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
namespace idv1 = ::ekinerja::identity::v1;
namespace scv1 = ::ekinerja::scoring::v1;
using Clock = std::chrono::steady_clock;

constexpr char kAdminPassword[] = "bench-kunci-instansi";

[[noreturn]] void Die(const std::string& what) { bench::PgDie(what); }

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') Die(absl::StrCat("$", name, " is needed"));
  return v;
}

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token, int seconds) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
  if (!token.empty()) ctx->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  return ctx;
}

void Check(const grpc::Status& s, const std::string& what) {
  if (!s.ok()) Die(absl::StrCat(what, ": code ", s.error_code(), ": ", s.error_message()));
}

std::shared_ptr<grpc::Channel> Channel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

void Mark(const std::string& name) {
  const std::string prefix = absl::GetFlag(FLAGS_marks);
  if (!prefix.empty()) std::ofstream(absl::StrCat(prefix, ".", name)) << "\n";
}

int RunWait() {
  const auto give_up = Clock::now() + std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds));
  for (absl::string_view target : absl::StrSplit(absl::GetFlag(FLAGS_targets), ',')) {
    auto health = grpc::health::v1::Health::NewStub(Channel(std::string(target)));
    for (;;) {
      grpc::health::v1::HealthCheckRequest req;
      grpc::health::v1::HealthCheckResponse resp;
      if (health->Check(Context("", 2).get(), req, &resp).ok() &&
          resp.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
        break;
      }
      if (Clock::now() > give_up) Die(absl::StrCat(target, " is not SERVING"));
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
  return 0;
}

std::string Login(idv1::IdentityService::Stub& stub, const std::string& tenant,
                  const std::string& user, const std::string& password) {
  idv1::LoginRequest req;
  req.set_tenant(tenant);
  req.set_username(user);
  req.set_password(password);
  idv1::LoginResponse resp;
  Check(stub.Login(Context("", 30).get(), req, &resp), absl::StrCat("Login ", tenant, "/", user));
  return resp.access_token();
}

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

// The month of N employees, straight into the services' schemas. {T} the tenant, {N} the
// employees, {FIRST}/{LAST} the month's days.
constexpr char kSeedSql[] = R"sql(
CREATE TEMP TABLE people AS
SELECT i, (i - 1) % 200 AS u, i <= 200 AS head,
       to_char(b, 'YYYYMMDD') || to_char(b + interval '22 years', 'YYYY') ||
         lpad((i % 12 + 1)::text, 2, '0') || (1 + (i / 9000) % 2)::text ||
         lpad((i / 18000 + 1)::text, 3, '0') AS nip
FROM generate_series(1, {N}) AS i, LATERAL (SELECT date '1970-01-01' + i % 9000 AS b) x;
CREATE TEMP TABLE units AS
SELECT u, CASE WHEN u < 40 THEN 'OPD' || lpad((u + 1)::text, 2, '0')
               ELSE 'OPD' || lpad(((u - 40) / 4 + 1)::text, 2, '0') || '.B' || ((u - 40) % 4 + 1)
          END AS code,
       CASE WHEN u < 40 THEN NULL ELSE 'OPD' || lpad(((u - 40) / 4 + 1)::text, 2, '0') END AS parent
FROM generate_series(0, 199) AS u;
CREATE TEMP TABLE days AS
SELECT d::date AS d, (d::date - date '{FIRST}') AS dd, extract(isodow FROM d) < 6 AS workday,
       CASE WHEN extract(isodow FROM d) = 5 THEN 990 ELSE 960 END AS s_end
FROM generate_series(date '{FIRST}', date '{LAST}', interval '1 day') AS d;

INSERT INTO identity.org_units (tenant_id, code, name, parent_code)
SELECT '{T}', code, 'Unit ' || code, parent FROM units ORDER BY u;
INSERT INTO identity.positions (tenant_id, code, name, kind, kelas_jabatan, org_unit_code,
                                head_of_unit)
SELECT '{T}', code || p.suffix, p.name || ' ' || code, p.kind,
       CASE WHEN p.suffix = '.KEP' AND parent IS NULL THEN 15 ELSE p.kelas END, code, p.head
FROM units, (VALUES ('.KEP', 'Kepala', 2, 12, true), ('.S1', 'Analis', 5, 9, false),
                    ('.S2', 'Pengelola', 4, 7, false), ('.S3', 'Pengadministrasi', 4, 5, false))
              AS p(suffix, name, kind, kelas, head);
INSERT INTO identity.employees (tenant_id, nip, name, golongan, status)
SELECT '{T}', nip, 'Pegawai ' || i, CASE WHEN head THEN 13 + i % 3 ELSE 5 + (i * 7) % 8 END, 1
FROM people;
-- One in a hundred staff change position on the 16th (prorated by workdays).
INSERT INTO identity.assignments (tenant_id, nip, position_code, kind, start_date, end_date)
SELECT '{T}', nip, code || CASE WHEN head THEN '.KEP' ELSE '.S' || (i / 200 % 3 + 1) END, 1,
       date '2020-01-01', CASE WHEN NOT head AND i % 100 = 37 THEN date '{FIRST}' + 14 END
FROM people JOIN units USING (u)
UNION ALL
SELECT '{T}', nip, code || '.S' || ((i / 200 + 1) % 3 + 1), 1, date '{FIRST}' + 15, NULL
FROM people JOIN units USING (u) WHERE NOT head AND i % 100 = 37;

-- r1: absent or late, r2: early, r3: the day's report.
CREATE TEMP TABLE facts AS
SELECT p.nip, p.i, days.*, abs(hashint8(p.i::bigint * 64 + dd)) % 1000 AS r1,
       abs(hashint8(p.i::bigint * 64 + dd + 1000000000000)) % 1000 AS r2,
       abs(hashint8(p.i::bigint * 64 + dd + 2000000000000)) % 1000 AS r3
FROM people p, days;
CREATE TEMP TABLE att AS
SELECT nip, i, d, workday, s_end, r3,
       CASE WHEN NOT workday THEN 'LIBUR' WHEN r1 < 20 THEN 'TANPA_KETERANGAN'
            WHEN r1 < 30 THEN 'IZIN' ELSE 'PRESENT' END AS kind,
       CASE WHEN r1 < 30 THEN 0 WHEN r1 < 70 THEN 1 + r1 % 30 WHEN r1 < 90 THEN 31 + r1 % 30
            WHEN r1 < 100 THEN 61 + r1 % 30 WHEN r1 < 110 THEN 91 + r1 % 30 ELSE 0 END AS late,
       CASE WHEN r2 < 20 THEN 1 + r2 % 30 WHEN r2 < 30 THEN 31 + r2 % 30 ELSE 0 END AS early,
       r2 BETWEEN 30 AND 34 AS no_out, r1 % 10 AS spare
FROM facts;
INSERT INTO attendance.day_summaries (tenant_id, nip, day, status, scheduled_start, scheduled_end,
  first_in_time, first_in_local, last_out_time, last_out_local, minutes_late, minutes_early,
  tl_tier, psw_tier, absence_kind, checked_in)
SELECT '{T}', nip, d,
       CASE WHEN kind <> 'PRESENT' THEN kind
            WHEN late > 0 AND (early > 0 OR no_out) THEN 'TERLAMBAT_DAN_PULANG_CEPAT'
            WHEN late > 0 THEN 'TERLAMBAT' WHEN early > 0 OR no_out THEN 'PULANG_CEPAT'
            ELSE 'HADIR' END,
       CASE WHEN workday THEN 450 END, CASE WHEN workday THEN s_end END,
       in_local AT TIME ZONE 'Asia/Jakarta', in_local, out_local AT TIME ZONE 'Asia/Jakarta',
       out_local, late, early,
       CASE WHEN late = 0 THEN 0 WHEN late <= 30 THEN 1 WHEN late <= 60 THEN 2
            WHEN late <= 90 THEN 3 ELSE 4 END,
       CASE WHEN no_out AND kind = 'PRESENT' THEN 4 WHEN early = 0 THEN 0 WHEN early <= 30 THEN 1
            ELSE 2 END,
       CASE WHEN kind = 'IZIN' THEN 'IZIN' END, kind = 'PRESENT'
FROM (SELECT *,
        CASE WHEN kind = 'PRESENT'
             THEN d + make_interval(mins => 450 + late - CASE WHEN late = 0 THEN 5 + spare ELSE 0 END)
        END AS in_local,
        CASE WHEN kind = 'PRESENT' AND NOT no_out
             THEN d + make_interval(mins => s_end - early + CASE WHEN early = 0 THEN 7 ELSE 0 END)
        END AS out_local
      FROM att) a;
INSERT INTO activity.entries (tenant_id, nip, work_date, start_minute, end_minute, description,
  tugas_tambahan_ref, output_quantity, output_unit, earned_minutes, status)
SELECT '{T}', nip, d, 480, 780, 'Menyusun laporan kegiatan harian', 'ST/001/BENCH', 1, 'laporan',
       300, CASE WHEN r3 < 50 THEN 'SUBMITTED' ELSE 'APPROVED' END
FROM att WHERE kind = 'PRESENT' AND r3 >= 25;
INSERT INTO scoring.sanctions (tenant_id, nip, level, start_date, end_date, reference, created_by)
SELECT '{T}', nip, (ARRAY['RINGAN', 'SEDANG', 'BERAT'])[i / 2000 % 3 + 1], date '{FIRST}',
       date '{LAST}', 'SK/HD/' || i, 'admin'
FROM people WHERE i % 2000 = 0;
DROP TABLE people, units, days, facts, att;
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
  {
    idv1::CreateTenantRequest req;
    req.mutable_tenant()->set_code(tenant);
    req.mutable_tenant()->set_name(absl::StrCat("Provinsi Bench ", n));
    req.mutable_tenant()->set_time_zone("Asia/Jakarta");
    req.set_admin_username("admin");
    req.set_admin_password(kAdminPassword);
    idv1::Tenant resp;
    const std::string platform =
        Login(*identity, "platform", "admin", Env("EKINERJA_PLATFORM_ADMIN_PASSWORD"));
    Check(identity->CreateTenant(Context(platform, 60).get(), req, &resp), "CreateTenant");
  }
  const std::string token = Login(*identity, tenant, "admin", kAdminPassword);

  // 2. The month, in SQL.
  bench::Pg pg(Env("EKINERJA_BENCH_DB_URL"));
  pg.Exec("SET client_min_messages = warning");
  auto t0 = Clock::now();
  pg.Exec(absl::StrReplaceAll(kSeedSql, {{"{T}", tenant},
                                         {"{N}", absl::StrCat(n)},
                                         {"{FIRST}", absl::FormatCivilTime(first)},
                                         {"{LAST}", absl::FormatCivilTime(last)}}));
  // As autovacuum leaves them after a month of writes (index-only scans need the visibility map).
  pg.Exec(
      "VACUUM ANALYZE identity.employees, identity.assignments, identity.positions, "
      "identity.org_units, "
      "attendance.day_summaries, activity.entries, scoring.sanctions");
  pg.Exec("CHECKPOINT");
  const double seed_s = Since(t0);
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
  const double create_s = Since(t0);
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
  const double recompute_s = Since(t0);
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
  const double copy_s = Since(t0);
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
  if (cmd == "wait") return RunWait();
  if (cmd == "run") return RunBench();
  Die("one subcommand: wait or run");
}

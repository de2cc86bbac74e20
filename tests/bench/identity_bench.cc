// identity_bench: a closed-loop load generator for ekinerja-identity over real gRPC.
//
//   identity_bench wait --target=127.0.0.1:P --platform_password=PW
//       until the health check says SERVING and the platform admin logs in (or --timeout_seconds)
//   identity_bench seed --target=... --platform_password=PW --employees=N
//       tenant "bench" with its admin, one OPD with a head and a staff position, then ONE
//       ImportEmployees of N employees with logins (username = NIP, no password), ONE
//       IssuePasswordCodes of their activation codes, and each employee's password set with their
//       code (SetPasswordWithCode, --concurrency at a time; only the first --accounts when
//       given); a second run finds it seeded
//   identity_bench import --target=... --tenant=T --employees=N
//       issue 9: a fresh tenant T with the same OPD, then, each after a CHECKPOINT: a raw COPY of
//       the rows the import writes (employees, assignments, logins, audit events) into tables of
//       the service's shape in schema copy_baseline, in one transaction (the baseline); the
//       ImportEmployees of the same N rows as a dry run, then applied; IssuePasswordCodes for the
//       whole import as CSV; and --activations of those employees setting their password with
//       their code, --activation_concurrency at a time. Prints a table on stdout. The COPY's
//       connection string comes from $EKINERJA_BENCH_DB_URL (a role owning schema
//       copy_baseline that reads the identity schema and may CHECKPOINT).
//   identity_bench login --target=... --concurrency=C --seconds=S [--employees=N] [--accounts=A]
//       each worker logs in as a different employee in turn (round robin over the first A, all N
//       by default), so no account is used by two workers at once and none locks
//   identity_bench get-employee --target=... --concurrency=C --seconds=S [--employees=N]
//       each worker logs in once as its own employee, then reads its own record in a loop
//   identity_bench get-supervisor --target=... --concurrency=C --seconds=S [--employees=N]
//       each worker logs in once as its own staff employee (1..C), then asks its own supervisor
//       (GetSupervisor, today) in a loop: supervisor resolution over the tenant's whole org
//
// Load subcommands print one line on stdout:
//   <name> <concurrency> <requests> <seconds> <rps> <p50_ms> <p99_ms> <errors>
// counting only OK responses that started and finished inside the measured window (after
// --warmup_seconds); non-OK codes are counted as errors and summarised on stderr. Each worker owns
// a channel with its own TCP connection and a sync stub. It talks only to loopback addresses.
// --platform_password may also come from $EKINERJA_PLATFORM_ADMIN_PASSWORD (as for the service).

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "bench_nip.h"
#include "bench_pg.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "load_report.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "ekinerja-identity gRPC address (loopback only)");
ABSL_FLAG(
    std::string, platform_password, "",
    "Password of the platform admin (tenant platform); default: $EKINERJA_PLATFORM_ADMIN_PASSWORD");
ABSL_FLAG(std::string, tenant, "bench", "Tenant the benchmark seeds and logs into");
ABSL_FLAG(std::string, admin_password, "bench-kunci-instansi", "Password of the tenant's admin");
ABSL_FLAG(std::string, employee_password, "bench-employee-password",
          "Password of every seeded employee");
ABSL_FLAG(int, employees, 1000, "Employees seeded, and logged in round robin");
ABSL_FLAG(int, accounts, 0,
          "seed: how many employees (the first) set their password (0: all); login: the accounts "
          "logged in round robin (0: all --employees). Argon2id makes each activation cost about "
          "a core's 50-250 ms, so a tenant of 20,000 seeds only a few");
ABSL_FLAG(int, concurrency, 8, "Worker threads, each a closed loop with its own connection");
ABSL_FLAG(int, seconds, 10, "Measured duration");
ABSL_FLAG(int, warmup_seconds, 1, "Unmeasured run before the measured duration");
ABSL_FLAG(int64_t, max_requests, 5'000'000, "Upper bound of requests per run (all workers)");
ABSL_FLAG(int, rpc_timeout_seconds, 30, "Deadline of each load RPC");
ABSL_FLAG(int, timeout_seconds, 60, "wait: how long to wait for the service");
ABSL_FLAG(int, seed_timeout_seconds, 600, "seed and import: deadline of ImportEmployees");
ABSL_FLAG(int, activations, 100,
          "import: how many of the imported employees then set their password with their code");
ABSL_FLAG(int, activation_concurrency, 1,
          "import: activations at a time (1: one after another, as the old import hashed)");

namespace {

namespace v1 = ekinerja::identity::v1;
using Clock = std::chrono::steady_clock;

constexpr int kMaxEmployees = 20000;
constexpr int kMaxConcurrency = 256;
constexpr int kMaxSeconds = 600;
constexpr char kOrgUnit[] = "DISBENCH";
constexpr char kHeadPosition[] = "KADIS-BENCH";
constexpr char kStaffPosition[] = "STAF-BENCH";

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "identity_bench: %s\n", msg.c_str());
  std::exit(1);
}

std::string Describe(const grpc::Status& s) {
  static const char* const kNames[] = {"OK",
                                       "CANCELLED",
                                       "UNKNOWN",
                                       "INVALID_ARGUMENT",
                                       "DEADLINE_EXCEEDED",
                                       "NOT_FOUND",
                                       "ALREADY_EXISTS",
                                       "PERMISSION_DENIED",
                                       "RESOURCE_EXHAUSTED",
                                       "FAILED_PRECONDITION",
                                       "ABORTED",
                                       "OUT_OF_RANGE",
                                       "UNIMPLEMENTED",
                                       "INTERNAL",
                                       "UNAVAILABLE",
                                       "DATA_LOSS",
                                       "UNAUTHENTICATED"};
  const int code = static_cast<int>(s.error_code());
  const std::string name = code >= 0 && code <= 16 ? kNames[code] : absl::StrCat("CODE_", code);
  return s.error_message().empty() ? name : absl::StrCat(name, ": ", s.error_message());
}

// Loopback only: the benchmark must never load anything but the service it started.
void CheckTarget(const std::string& target) {
  if (!absl::StartsWith(target, "127.0.0.1:") && !absl::StartsWith(target, "localhost:") &&
      !absl::StartsWith(target, "[::1]:")) {
    Die(absl::StrCat("--target must be a loopback address (127.0.0.1:PORT), got ", target));
  }
}

// A channel with its own subchannel pool, hence its own TCP connection (channels with equal
// arguments otherwise share one connection).
std::shared_ptr<grpc::Channel> NewChannel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

void SetDeadline(grpc::ClientContext& ctx, int seconds) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
}

void Authorize(grpc::ClientContext& ctx, const std::string& token) {
  ctx.AddMetadata("authorization", absl::StrCat("Bearer ", token));
}

grpc::Status Login(v1::IdentityService::Stub& stub, const std::string& tenant,
                   const std::string& username, const std::string& password, std::string* token,
                   int timeout_seconds) {
  grpc::ClientContext ctx;
  SetDeadline(ctx, timeout_seconds);
  v1::LoginRequest req;
  req.set_tenant(tenant);
  req.set_username(username);
  req.set_password(password);
  v1::LoginResponse resp;
  grpc::Status s = stub.Login(&ctx, req, &resp);
  if (s.ok() && token != nullptr) *token = resp.access_token();
  return s;
}

// ---------------------------------------------------------------------------------------------
// The seeded employees

const char* GolonganOf(int i) {
  static const char* const kGolongan[] = {"II/a",  "II/b",  "II/c", "III/a",
                                          "III/b", "III/c", "III/d"};
  return kGolongan[i % 7];
}

// --platform_password, or the environment variable the service itself reads it from (keeps it off
// command lines that `ps` shows).
std::string PlatformPassword() {
  std::string pw = absl::GetFlag(FLAGS_platform_password);
  if (pw.empty()) {
    if (const char* env = std::getenv("EKINERJA_PLATFORM_ADMIN_PASSWORD")) pw = env;
  }
  return pw;
}

void CheckEmployees(int n) {
  if (n < 1 || n > kMaxEmployees) Die(absl::StrCat("--employees must be 1..", kMaxEmployees));
}

// The employees with a password (the first --accounts of n; all when 0).
int Accounts(int n) {
  const int a = absl::GetFlag(FLAGS_accounts);
  if (a < 0 || a > n) Die("--accounts must be 0..--employees");
  return a == 0 ? n : a;
}

// ---------------------------------------------------------------------------------------------
// wait

int RunWait() {
  const std::string target = absl::GetFlag(FLAGS_target);
  CheckTarget(target);
  const std::string password = PlatformPassword();
  if (password.empty()) Die("wait needs --platform_password or EKINERJA_PLATFORM_ADMIN_PASSWORD");
  const auto give_up = Clock::now() + std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds));
  auto channel = NewChannel(target);
  auto health = grpc::health::v1::Health::NewStub(channel);
  auto stub = v1::IdentityService::NewStub(channel);
  std::string last = "no answer yet";
  while (Clock::now() < give_up) {
    grpc::ClientContext hctx;
    SetDeadline(hctx, 2);
    grpc::health::v1::HealthCheckRequest hreq;
    grpc::health::v1::HealthCheckResponse hresp;
    grpc::Status s = health->Check(&hctx, hreq, &hresp);
    if (!s.ok()) {
      last = absl::StrCat("health: ", Describe(s));
    } else if (hresp.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
      last = absl::StrCat("health: status ", static_cast<int>(hresp.status()));
    } else {
      s = Login(*stub, "platform", "admin", password, nullptr, 30);
      if (s.ok()) return 0;
      last = absl::StrCat("platform admin login: ", Describe(s));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  Die(absl::StrCat("service at ", target, " not ready after ", absl::GetFlag(FLAGS_timeout_seconds),
                   " s (", last, ")"));
}

// ---------------------------------------------------------------------------------------------
// seed

// OK, or ALREADY_EXISTS when `tolerate_exists`; anything else ends the run.
void Expect(const grpc::Status& s, const std::string& what, bool tolerate_exists) {
  if (s.ok()) return;
  if (tolerate_exists && s.error_code() == grpc::StatusCode::ALREADY_EXISTS) return;
  Die(absl::StrCat(what, ": ", Describe(s)));
}

// Logs in as the platform admin and creates `tenant` with its admin: true when it is new, false
// when it existed (an error unless `may_exist`). Then the admin's token in *token.
bool CreateTenant(v1::IdentityService::Stub& stub, const std::string& tenant, bool may_exist,
                  std::string* token) {
  const std::string platform_password = PlatformPassword();
  if (platform_password.empty())
    Die("seed and import need --platform_password or EKINERJA_PLATFORM_ADMIN_PASSWORD");
  const std::string admin_password = absl::GetFlag(FLAGS_admin_password);
  std::string platform_token;
  Expect(Login(stub, "platform", "admin", platform_password, &platform_token, 30),
         "platform admin login", false);
  grpc::ClientContext ctx;
  SetDeadline(ctx, 60);
  Authorize(ctx, platform_token);
  v1::CreateTenantRequest req;
  req.mutable_tenant()->set_code(tenant);
  req.mutable_tenant()->set_name("Kota Bench (benchmark)");
  req.mutable_tenant()->set_time_zone("Asia/Jakarta");
  req.set_admin_username("admin");
  req.set_admin_password(admin_password);
  v1::Tenant resp;
  grpc::Status s = stub.CreateTenant(&ctx, req, &resp);
  const bool existed = s.error_code() == grpc::StatusCode::ALREADY_EXISTS;
  Expect(s, "CreateTenant " + tenant, may_exist);
  Expect(Login(stub, tenant, "admin", admin_password, token, 30), "tenant admin login", false);
  return !existed;
}

// One OPD with a head and a staff position (each call tolerates what an earlier run made).
void SeedOrganisation(v1::IdentityService::Stub& stub, const std::string& token) {
  {
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    Authorize(ctx, token);
    v1::CreateOrgUnitRequest req;
    req.mutable_org_unit()->set_code(kOrgUnit);
    req.mutable_org_unit()->set_name("Dinas Benchmark");
    v1::OrgUnit resp;
    Expect(stub.CreateOrgUnit(&ctx, req, &resp), "CreateOrgUnit", true);
  }
  struct PositionSpec {
    const char* code;
    const char* name;
    v1::PositionKind kind;
    int kelas;
    bool head;
  };
  for (const PositionSpec& p :
       {PositionSpec{kHeadPosition, "Kepala Dinas Benchmark", v1::POSITION_KIND_JPT, 14, true},
        PositionSpec{kStaffPosition, "Pengolah Data Benchmark", v1::POSITION_KIND_PELAKSANA, 6,
                     false}}) {
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    Authorize(ctx, token);
    v1::CreatePositionRequest req;
    v1::Position* pos = req.mutable_position();
    pos->set_code(p.code);
    pos->set_name(p.name);
    pos->set_kind(p.kind);
    pos->set_kelas_jabatan(p.kelas);
    pos->set_org_unit_code(kOrgUnit);
    pos->set_head_of_unit(p.head);
    v1::Position resp;
    Expect(stub.CreatePosition(&ctx, req, &resp), absl::StrCat("CreatePosition ", p.code), true);
  }
}

// The SIMPEG file of n employees, each with a login (username = NIP). Employee 0 heads the unit;
// everyone else is staff under them.
std::string EmployeesCsv(int n) {
  std::string csv = "nip,name,golongan,position_code,org_unit_code,username\n";
  csv.reserve(static_cast<size_t>(n) * 100);
  for (int i = 0; i < n; ++i) {
    const std::string nip = ekinerja::bench::BenchNip(i);
    absl::StrAppend(&csv, nip, ",Pegawai Bench ", absl::StrFormat("%05d", i), ",",
                    i == 0 ? "IV/c" : GolonganOf(i), ",", i == 0 ? kHeadPosition : kStaffPosition,
                    ",", kOrgUnit, ",", nip, "\n");
  }
  return csv;
}

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// One ImportEmployees of `csv`, which must be applied (or pass, for a dry run): its seconds.
double Import(v1::IdentityService::Stub& stub, const std::string& token, const std::string& csv,
              int rows, bool dry_run, const std::string& request_id) {
  grpc::ClientContext ctx;
  SetDeadline(ctx, absl::GetFlag(FLAGS_seed_timeout_seconds));
  Authorize(ctx, token);
  v1::ImportEmployeesRequest req;
  req.set_csv(csv);
  req.set_dry_run(dry_run);
  req.set_request_id(request_id);
  v1::ImportEmployeesResponse resp;
  const auto started = Clock::now();
  grpc::Status s = stub.ImportEmployees(&ctx, req, &resp);
  const double seconds = SecondsSince(started);
  if (!s.ok()) {
    Die(absl::StrFormat("ImportEmployees of %d rows failed after %.1f s: %s", rows, seconds,
                        Describe(s)));
  }
  if (resp.problems_size() > 0) {
    Die(absl::StrFormat("ImportEmployees of %d rows refused: %d problems, first %s", rows,
                        resp.problems_size(), resp.problems(0).description()));
  }
  if (resp.applied() == dry_run || resp.rows() != rows || resp.logins_created() != rows) {
    Die(absl::StrFormat("ImportEmployees of %d rows: applied %d, %d rows, %d logins", rows,
                        resp.applied(), resp.rows(), resp.logins_created()));
  }
  return seconds;
}

// IssuePasswordCodes for every account still without a password (the import's logins), as a
// list or as CSV.
v1::IssuePasswordCodesResponse IssueAllCodes(v1::IdentityService::Stub& stub,
                                             const std::string& token, bool as_csv) {
  grpc::ClientContext ctx;
  SetDeadline(ctx, absl::GetFlag(FLAGS_seed_timeout_seconds));
  Authorize(ctx, token);
  v1::IssuePasswordCodesRequest req;
  req.set_all_without_password(true);
  req.set_as_csv(as_csv);
  v1::IssuePasswordCodesResponse resp;
  Expect(stub.IssuePasswordCodes(&ctx, req, &resp), "IssuePasswordCodes", false);
  return resp;
}

struct Activation {
  std::string username, code;
};

// Each account sets `password` with its code, `concurrency` at a time, each worker on its own
// connection: the seconds it took. Any failure ends the run.
double Activate(const std::string& target, const std::string& tenant,
                const std::vector<Activation>& accounts, const std::string& password,
                int concurrency) {
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  std::mutex mu;
  std::string first_error;
  const auto started = Clock::now();
  std::vector<std::thread> workers;
  for (int w = 0; w < concurrency; ++w) {
    workers.emplace_back([&] {
      auto stub = v1::IdentityService::NewStub(NewChannel(target));
      for (size_t i = next++; i < accounts.size(); i = next++) {
        grpc::ClientContext ctx;
        SetDeadline(ctx, absl::GetFlag(FLAGS_rpc_timeout_seconds));
        v1::SetPasswordWithCodeRequest req;
        req.set_tenant(tenant);
        req.set_username(accounts[i].username);
        req.set_code(accounts[i].code);
        req.set_new_password(password);
        v1::SetPasswordWithCodeResponse resp;
        grpc::Status s = stub->SetPasswordWithCode(&ctx, req, &resp);
        if (!s.ok() && failed++ == 0) {
          std::lock_guard<std::mutex> lock(mu);
          first_error = absl::StrCat(accounts[i].username, ": ", Describe(s));
        }
      }
    });
  }
  for (auto& t : workers) t.join();
  if (failed > 0)
    Die(absl::StrCat(failed.load(), " SetPasswordWithCode failed, first ", first_error));
  return SecondsSince(started);
}

int RunSeed() {
  const std::string target = absl::GetFlag(FLAGS_target);
  CheckTarget(target);
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const int n = absl::GetFlag(FLAGS_employees);
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  CheckEmployees(n);
  if (concurrency < 1 || concurrency > kMaxConcurrency) Die("--concurrency must be 1..256");
  const auto started = Clock::now();
  auto stub = v1::IdentityService::NewStub(NewChannel(target));
  std::string token;
  const bool created = CreateTenant(*stub, tenant, /*may_exist=*/true, &token);

  // Imported by an earlier run when its last employee is there; the activations may still be due.
  bool imported = false;
  if (!created) {
    grpc::ClientContext ctx;
    SetDeadline(ctx, 30);
    Authorize(ctx, token);
    v1::GetEmployeeRequest req;
    req.set_nip(ekinerja::bench::BenchNip(n - 1));
    v1::Employee resp;
    grpc::Status s = stub->GetEmployee(&ctx, req, &resp);
    if (!s.ok() && s.error_code() != grpc::StatusCode::NOT_FOUND)
      Die("GetEmployee " + req.nip() + ": " + Describe(s));
    imported = s.ok();
  }
  double import_s = 0;
  if (!imported) {
    SeedOrganisation(*stub, token);
    import_s = Import(*stub, token, EmployeesCsv(n), n, /*dry_run=*/false,
                      absl::StrCat("identity-bench-import-", n));
  }
  // The imported logins have no password (issue 9): one activation code each, then each employee
  // sets the bench password with theirs (an Argon2id hash each).
  const auto issue_started = Clock::now();
  v1::IssuePasswordCodesResponse codes = IssueAllCodes(*stub, token, /*as_csv=*/false);
  const double issue_s = SecondsSince(issue_started);
  const int wanted = Accounts(n);
  absl::flat_hash_set<std::string> activate;
  for (int i = 0; i < wanted; ++i) activate.insert(ekinerja::bench::BenchNip(i));
  std::vector<Activation> accounts;
  for (const auto& c : codes.codes()) {
    if (activate.contains(c.username())) accounts.push_back({c.username(), c.code()});
  }
  const double activate_s =
      Activate(target, tenant, accounts, absl::GetFlag(FLAGS_employee_password), concurrency);
  std::printf(
      "seed: tenant %s, %d employees%s; %zu activation codes issued in %.1f s and used in %.1f s "
      "(%d at a time); %.1f s in all\n",
      tenant.c_str(), n,
      imported ? " imported by an earlier run"
               : absl::StrFormat(" imported in %.1f s (logins without password)", import_s).c_str(),
      accounts.size(), issue_s, activate_s, concurrency, SecondsSince(started));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// import (issue 9): ImportEmployees of N rows beside a raw COPY of the rows it writes

int RunImport() {
  const std::string target = absl::GetFlag(FLAGS_target);
  CheckTarget(target);
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const int n = absl::GetFlag(FLAGS_employees);
  const int activations = absl::GetFlag(FLAGS_activations);
  const int activation_concurrency = absl::GetFlag(FLAGS_activation_concurrency);
  CheckEmployees(n);
  if (activations < 0 || activations > n) Die("--activations must be 0..--employees");
  if (activation_concurrency < 1 || activation_concurrency > kMaxConcurrency)
    Die("--activation_concurrency must be 1..256");
  const char* db_url = std::getenv("EKINERJA_BENCH_DB_URL");
  if (db_url == nullptr || *db_url == '\0') Die("import needs $EKINERJA_BENCH_DB_URL");
  ekinerja::bench::Pg pg(db_url);
  pg.Exec("SET client_min_messages = warning");

  auto stub = v1::IdentityService::NewStub(NewChannel(target));
  std::string token;
  CreateTenant(*stub, tenant, /*may_exist=*/false, &token);
  SeedOrganisation(*stub, token);
  const std::string csv = EmployeesCsv(n);

  // The baseline: the rows the import writes (an employee, a definitive assignment, a login and
  // an audit event per row), as COPY text, into tables of the service's own shape (LIKE ...
  // INCLUDING ALL: columns, defaults, checks, indexes; not the foreign keys), in one transaction.
  const std::vector<std::string> tables = {"employees", "assignments", "users", "audit_events"};
  for (const auto& table : tables) {
    pg.Exec(absl::StrCat("DROP TABLE IF EXISTS copy_baseline.", table));
    pg.Exec(absl::StrCat("CREATE TABLE copy_baseline.", table, " (LIKE identity.", table,
                         " INCLUDING ALL)"));
  }
  std::string employees, assignments, users, audit;
  for (int i = 0; i < n; ++i) {
    const std::string nip = ekinerja::bench::BenchNip(i);
    static constexpr int kGolonganNumber[] = {5, 6, 7, 9, 10, 11, 12};  // GolonganOf's
    absl::StrAppend(&employees, tenant, "\t", nip, "\tPegawai Bench ", absl::StrFormat("%05d", i),
                    "\t", i == 0 ? 15 : kGolonganNumber[i % 7], "\t1\n");
    absl::StrAppend(&assignments, tenant, "\t", i + 1, "\t", nip, "\t",
                    i == 0 ? kHeadPosition : kStaffPosition, "\t1\t2026-01-02\t\\N\n");
    absl::StrAppend(&users, tenant, "\t", nip, "\t", nip, "\n");
    absl::StrAppend(&audit, tenant, "\t", i + 1, "\tadmin\tEMPLOYEE_CREATE\t", nip,
                    "\timport line ", i + 2, "; ", i == 0 ? kHeadPosition : kStaffPosition,
                    " from 2026-01-02; login without password\t127.0.0.1\n");
  }

  struct Step {
    std::string what;
    int rows;
    double seconds;
  };
  std::vector<Step> steps;
  const auto measure = [&](const std::string& what, int rows, const std::function<double()>& run) {
    pg.Exec("CHECKPOINT");
    std::fprintf(stderr, "identity_bench: %s (%d rows)\n", what.c_str(), rows);
    steps.push_back({what, rows, run()});
  };
  measure("COPY of the rows it writes (baseline)", n, [&] {
    const auto t0 = Clock::now();
    pg.Exec("BEGIN");
    pg.Copy("COPY copy_baseline.employees (tenant_id, nip, name, golongan, status) FROM STDIN",
            employees);
    pg.Copy(
        "COPY copy_baseline.assignments (tenant_id, id, nip, position_code, kind, start_date, "
        "end_date) FROM STDIN",
        assignments);
    pg.Copy("COPY copy_baseline.users (tenant_id, username, nip) FROM STDIN", users);
    pg.Copy(
        "COPY copy_baseline.audit_events (tenant_id, id, actor, action, target, detail, "
        "source) FROM STDIN",
        audit);
    pg.Exec("COMMIT");
    return SecondsSince(t0);
  });
  measure("ImportEmployees, dry run", n,
          [&] { return Import(*stub, token, csv, n, /*dry_run=*/true, ""); });
  measure("ImportEmployees (logins, no password)", n,
          [&] { return Import(*stub, token, csv, n, /*dry_run=*/false, "identity-bench-import"); });
  const auto stored = pg.Row(
      "SELECT (SELECT count(*) FROM identity.employees WHERE tenant_id = $1), "
      "(SELECT count(*) FROM identity.users WHERE tenant_id = $1 AND password_hash IS NULL)",
      {tenant});
  if (stored[0] != std::to_string(n) || stored[1] != std::to_string(n)) {
    Die(absl::StrCat("after the import: ", stored[0], " employees, ", stored[1],
                     " logins without password; expected ", n));
  }
  v1::IssuePasswordCodesResponse codes;
  measure("IssuePasswordCodes, all of it as CSV", n, [&] {
    const auto t0 = Clock::now();
    codes = IssueAllCodes(*stub, token, /*as_csv=*/true);
    return SecondsSince(t0);
  });
  if (codes.issued() != n) Die(absl::StrCat("IssuePasswordCodes issued ", codes.issued()));
  // The first --activations lines of the CSV (nip,username,code,expires_at).
  std::vector<Activation> sample;
  for (absl::string_view line : absl::StrSplit(codes.csv(), '\n', absl::SkipEmpty())) {
    if (sample.size() == static_cast<size_t>(activations)) break;
    const std::vector<std::string> cells = absl::StrSplit(line, ',');
    if (cells.size() != 4) Die(absl::StrCat("bad CSV line ", line));
    if (cells[0] == "nip") continue;
    sample.push_back({cells[1], cells[2]});
  }
  if (activations > 0) {
    measure(absl::StrFormat("SetPasswordWithCode, %d at a time", activation_concurrency),
            activations, [&] {
              return Activate(target, tenant, sample, absl::GetFlag(FLAGS_employee_password),
                              activation_concurrency);
            });
  }

  // The table: what, rows, seconds, rows/s, and each row's rate over the COPY's.
  const double copy_rate = steps[0].rows / steps[0].seconds;
  std::printf("%-42s %7s %9s %10s %9s\n", "what", "rows", "seconds", "rows/s", "x COPY");
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& st = steps[i];
    const double rate = st.rows / st.seconds;
    // The activations do other work per row (an Argon2id hash each): no ratio.
    const bool comparable = i < 4;
    std::printf("%-42s %7d %9.2f %10.1f %9s\n", st.what.c_str(), st.rows, st.seconds, rate,
                comparable ? absl::StrFormat("%.4f", rate / copy_rate).c_str() : "-");
  }
  if (activations > 0) {
    const double per = steps.back().seconds / activations * activation_concurrency;
    std::printf(
        "\none activation: %.1f ms (a SetPasswordWithCode, one Argon2id hash); before issue 9 the "
        "import hashed each row's password one after another: about %d x %.1f ms = %.1f min of "
        "hashing alone for these %d rows\n",
        per * 1000, n, per * 1000, n * per / 60, n);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Load

using ekinerja::bench::WorkerResult;

// Runs `concurrency` workers. `setup(w, stub)` prepares worker w (e.g. logs in) and returns an
// error text or ""; `call(w, stub, k)` makes its k-th request. The measured window opens once
// every worker is ready plus the warmup.
template <typename Setup, typename Call>
int RunLoad(const std::string& name, Setup setup, Call call) {
  const std::string target = absl::GetFlag(FLAGS_target);
  CheckTarget(target);
  const ekinerja::bench::LoadPlan plan{
      absl::GetFlag(FLAGS_concurrency), absl::GetFlag(FLAGS_seconds),
      absl::GetFlag(FLAGS_warmup_seconds), absl::GetFlag(FLAGS_max_requests)};
  if (std::string bad = ekinerja::bench::CheckLoadPlan(plan, kMaxConcurrency, kMaxSeconds);
      !bad.empty()) {
    Die(bad);
  }
  const int concurrency = plan.concurrency;
  const int seconds = plan.seconds;
  const int warmup = plan.warmup;
  const int64_t per_worker_cap = plan.PerWorkerCap();

  std::mutex mu;
  std::condition_variable cv;
  int ready = 0;
  bool go = false;
  Clock::time_point window_start, window_end;

  std::vector<WorkerResult> results(concurrency);
  std::vector<std::thread> threads;
  threads.reserve(concurrency);
  for (int w = 0; w < concurrency; ++w) {
    threads.emplace_back([&, w] {
      WorkerResult& r = results[w];
      auto channel = NewChannel(target);
      if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10))) {
        r.setup_error = "could not connect";
      }
      auto stub = v1::IdentityService::NewStub(channel);
      if (r.setup_error.empty()) r.setup_error = setup(w, *stub);
      Clock::time_point start, end;
      {
        std::unique_lock<std::mutex> lock(mu);
        ++ready;
        cv.notify_all();
        cv.wait(lock, [&] { return go; });
        start = window_start;
        end = window_end;
      }
      if (!r.setup_error.empty()) return;
      r.latencies_us.reserve(static_cast<size_t>(std::min<int64_t>(per_worker_cap, 1 << 20)));
      for (int64_t k = 0; k < per_worker_cap; ++k) {
        const auto t0 = Clock::now();
        if (t0 >= end) break;
        grpc::Status s = call(w, *stub, k);
        const auto t1 = Clock::now();
        if (t0 < start || t1 > end) continue;  // warmup, or finished after the window closed
        if (s.ok()) {
          r.latencies_us.push_back(static_cast<uint32_t>(
              std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count()));
        } else {
          ++r.errors;
          std::string kind = Describe(s);
          if (kind.size() > 200) kind.resize(200);
          ++r.error_kinds[kind];
        }
      }
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return ready == concurrency; });
    window_start = Clock::now() + std::chrono::seconds(warmup);
    window_end = window_start + std::chrono::seconds(seconds);
    go = true;
    cv.notify_all();
  }
  for (auto& t : threads) t.join();

  return ekinerja::bench::Report("identity_bench", name, concurrency, seconds, results);
}

int RunLogin() {
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const std::string password = absl::GetFlag(FLAGS_employee_password);
  const int n = absl::GetFlag(FLAGS_employees);
  const int c = absl::GetFlag(FLAGS_concurrency);
  const int timeout = absl::GetFlag(FLAGS_rpc_timeout_seconds);
  CheckEmployees(n);
  const int a = Accounts(n);
  if (c > a) Die("login needs --concurrency <= --accounts (one account per worker at a time)");
  std::vector<std::string> nips(a);
  for (int i = 0; i < a; ++i) nips[i] = ekinerja::bench::BenchNip(i);
  return RunLoad(
      "login", [](int, v1::IdentityService::Stub&) { return std::string(); },
      [&](int w, v1::IdentityService::Stub& stub, int64_t k) {
        // Worker w takes users w, w+c, w+2c, ... (mod a): never one another's at the same time.
        const std::string& nip = nips[static_cast<size_t>((w + k * c) % a)];
        return Login(stub, tenant, nip, password, nullptr, timeout);
      });
}

// Each of the workers logs in once as its employee `nips[w]`, then calls
// `read(w, stub, ctx)` in a loop with a context that carries its token and the deadline.
template <typename Read>
int RunReads(const std::string& name, const std::vector<std::string>& nips, Read read) {
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const std::string password = absl::GetFlag(FLAGS_employee_password);
  const int timeout = absl::GetFlag(FLAGS_rpc_timeout_seconds);
  std::vector<std::string> tokens(nips.size());
  return RunLoad(
      name,
      [&](int w, v1::IdentityService::Stub& stub) {
        grpc::Status s = Login(stub, tenant, nips[w], password, &tokens[w], timeout);
        return s.ok() ? std::string() : "login as " + nips[w] + ": " + Describe(s);
      },
      [&](int w, v1::IdentityService::Stub& stub, int64_t) {
        grpc::ClientContext ctx;
        SetDeadline(ctx, timeout);
        Authorize(ctx, tokens[w]);
        return read(w, stub, ctx);
      });
}

int RunGetSupervisor() {
  const int n = absl::GetFlag(FLAGS_employees);
  const int c = absl::GetFlag(FLAGS_concurrency);
  CheckEmployees(n);
  if (c + 1 > Accounts(n)) Die("get-supervisor needs --concurrency < --accounts (staff 1..C)");
  const std::string head = ekinerja::bench::BenchNip(0);
  std::vector<std::string> nips(c);
  for (int w = 0; w < c; ++w) nips[w] = ekinerja::bench::BenchNip(w + 1);
  return RunReads("get-supervisor", nips,
                  [&](int w, v1::IdentityService::Stub& stub, grpc::ClientContext& ctx) {
                    v1::GetSupervisorRequest req;
                    req.set_nip(nips[w]);
                    v1::GetSupervisorResponse resp;
                    grpc::Status s = stub.GetSupervisor(&ctx, req, &resp);
                    if (s.ok() && resp.atasan_langsung().employee().nip() != head) {
                      return grpc::Status(
                          grpc::StatusCode::INTERNAL,
                          "bench: atasan " + resp.atasan_langsung().employee().nip());
                    }
                    return s;
                  });
}

int RunGetEmployee() {
  const int n = absl::GetFlag(FLAGS_employees);
  const int c = absl::GetFlag(FLAGS_concurrency);
  CheckEmployees(n);
  if (c > Accounts(n)) Die("get-employee needs --concurrency <= --accounts (one per worker)");
  std::vector<std::string> nips(c);
  for (int w = 0; w < c; ++w) nips[w] = ekinerja::bench::BenchNip(w);
  return RunReads("get-employee", nips,
                  [&](int w, v1::IdentityService::Stub& stub, grpc::ClientContext& ctx) {
                    v1::GetEmployeeRequest req;
                    req.set_nip(nips[w]);
                    v1::Employee resp;
                    grpc::Status s = stub.GetEmployee(&ctx, req, &resp);
                    if (s.ok() && resp.nip() != nips[w]) {
                      return grpc::Status(grpc::StatusCode::INTERNAL,
                                          "bench: answer for " + resp.nip() + ", asked " + nips[w]);
                    }
                    return s;
                  });
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "identity_bench <wait|seed|import|login|get-employee|get-supervisor> "
      "--target=127.0.0.1:PORT [flags]: "
      "closed-loop load over gRPC against ekinerja-identity (tests/bench/run and "
      "tests/bench/import_run drive it)");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) {
    Die("one subcommand: wait, seed, import, login, get-employee or get-supervisor (--help)");
  }
  const std::string cmd = args[1];
  if (cmd == "wait") return RunWait();
  if (cmd == "seed") return RunSeed();
  if (cmd == "import") return RunImport();
  if (cmd == "login") return RunLogin();
  if (cmd == "get-employee") return RunGetEmployee();
  if (cmd == "get-supervisor") return RunGetSupervisor();
  Die("unknown subcommand " + cmd + " (wait, seed, import, login, get-employee, get-supervisor)");
}

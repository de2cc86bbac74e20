// identity_bench: a closed-loop load generator for ekinerja-identity over real gRPC.
//
//   identity_bench wait --target=127.0.0.1:P --platform_password=PW
//       until the health check says SERVING and the platform admin logs in (or --timeout_seconds)
//   identity_bench seed --target=... --platform_password=PW --employees=N
//       tenant "bench" with its admin, one OPD with a head and a staff position, then ONE
//       ImportEmployees of N employees (username = NIP); a second run finds it seeded
//   identity_bench login --target=... --concurrency=C --seconds=S [--employees=N]
//       each worker logs in as a different employee in turn (round robin over N), so no account
//       is used by two workers at once and none locks
//   identity_bench get-employee --target=... --concurrency=C --seconds=S [--employees=N]
//       each worker logs in once as its own employee, then reads its own record in a loop
//
// Load subcommands print one line on stdout:
//   <name> <concurrency> <requests> <seconds> <rps> <p50_ms> <p99_ms> <errors>
// counting only OK responses that started and finished inside the measured window (after
// --warmup_seconds); non-OK codes are counted as errors and summarised on stderr. Each worker owns
// a channel with its own TCP connection and a sync stub. It talks only to loopback addresses.
// --platform_password may also come from $EKINERJA_PLATFORM_ADMIN_PASSWORD (as for the service).

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "bench_nip.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "load_report.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "ekinerja-identity gRPC address (loopback only)");
ABSL_FLAG(
    std::string, platform_password, "",
    "Password of the platform admin (tenant platform); default: $EKINERJA_PLATFORM_ADMIN_PASSWORD");
ABSL_FLAG(std::string, tenant, "bench", "Tenant the benchmark seeds and logs into");
ABSL_FLAG(std::string, admin_password, "bench-admin-password", "Password of the tenant's admin");
ABSL_FLAG(std::string, employee_password, "bench-employee-password",
          "Password of every seeded employee");
ABSL_FLAG(int, employees, 1000, "Employees seeded, and logged in round robin");
ABSL_FLAG(int, concurrency, 8, "Worker threads, each a closed loop with its own connection");
ABSL_FLAG(int, seconds, 10, "Measured duration");
ABSL_FLAG(int, warmup_seconds, 1, "Unmeasured run before the measured duration");
ABSL_FLAG(int64_t, max_requests, 5'000'000, "Upper bound of requests per run (all workers)");
ABSL_FLAG(int, rpc_timeout_seconds, 30, "Deadline of each load RPC");
ABSL_FLAG(int, timeout_seconds, 60, "wait: how long to wait for the service");
ABSL_FLAG(int, seed_timeout_seconds, 1800,
          "seed: deadline of ImportEmployees (it hashes N passwords with Argon2id)");

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

int RunSeed() {
  const std::string target = absl::GetFlag(FLAGS_target);
  CheckTarget(target);
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const std::string platform_password = PlatformPassword();
  const std::string admin_password = absl::GetFlag(FLAGS_admin_password);
  const std::string employee_password = absl::GetFlag(FLAGS_employee_password);
  const int n = absl::GetFlag(FLAGS_employees);
  CheckEmployees(n);
  if (platform_password.empty())
    Die("seed needs --platform_password or EKINERJA_PLATFORM_ADMIN_PASSWORD");
  const auto started = Clock::now();

  auto stub = v1::IdentityService::NewStub(NewChannel(target));
  std::string platform_token;
  Expect(Login(*stub, "platform", "admin", platform_password, &platform_token, 30),
         "platform admin login", false);

  bool tenant_existed = false;
  {
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
    grpc::Status s = stub->CreateTenant(&ctx, req, &resp);
    tenant_existed = s.error_code() == grpc::StatusCode::ALREADY_EXISTS;
    Expect(s, "CreateTenant " + tenant, true);
  }

  std::string token;
  Expect(Login(*stub, tenant, "admin", admin_password, &token, 30), "tenant admin login", false);

  const std::string last_nip = ekinerja::bench::BenchNip(n - 1);
  if (tenant_existed) {
    // Seeded by an earlier run when its last employee is there; otherwise finish the seeding.
    grpc::ClientContext ctx;
    SetDeadline(ctx, 30);
    Authorize(ctx, token);
    v1::GetEmployeeRequest req;
    req.set_nip(last_nip);
    v1::Employee resp;
    grpc::Status s = stub->GetEmployee(&ctx, req, &resp);
    if (s.ok()) {
      std::printf("seed: tenant %s already seeded (employee %d of %d present)\n", tenant.c_str(), n,
                  n);
      return 0;
    }
    if (s.error_code() != grpc::StatusCode::NOT_FOUND)
      Die("GetEmployee " + last_nip + ": " + Describe(s));
  }

  {
    grpc::ClientContext ctx;
    SetDeadline(ctx, 60);
    Authorize(ctx, token);
    v1::CreateOrgUnitRequest req;
    req.mutable_org_unit()->set_code(kOrgUnit);
    req.mutable_org_unit()->set_name("Dinas Benchmark");
    v1::OrgUnit resp;
    Expect(stub->CreateOrgUnit(&ctx, req, &resp), "CreateOrgUnit", true);
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
    Expect(stub->CreatePosition(&ctx, req, &resp), absl::StrCat("CreatePosition ", p.code), true);
  }

  // Employee 0 heads the unit; everyone else is staff under them.
  std::string csv = "nip,name,golongan,position_code,org_unit_code,username,password\n";
  csv.reserve(static_cast<size_t>(n) * 120);
  for (int i = 0; i < n; ++i) {
    const std::string nip = ekinerja::bench::BenchNip(i);
    absl::StrAppend(&csv, nip, ",Pegawai Bench ", absl::StrFormat("%05d", i), ",",
                    i == 0 ? "IV/c" : GolonganOf(i), ",", i == 0 ? kHeadPosition : kStaffPosition,
                    ",", kOrgUnit, ",", nip, ",", employee_password, "\n");
  }
  grpc::ClientContext ctx;
  SetDeadline(ctx, absl::GetFlag(FLAGS_seed_timeout_seconds));
  Authorize(ctx, token);
  v1::ImportEmployeesRequest req;
  req.set_csv(csv);
  req.set_request_id(absl::StrCat("identity-bench-import-", n));
  v1::ImportEmployeesResponse resp;
  const auto import_started = Clock::now();
  grpc::Status s = stub->ImportEmployees(&ctx, req, &resp);
  const double import_s = std::chrono::duration<double>(Clock::now() - import_started).count();
  if (!s.ok()) {
    std::string detail;
    if (!s.error_details().empty()) detail = " (details attached)";
    Die(absl::StrFormat("ImportEmployees of %d rows failed after %.1f s: %s%s", n, import_s,
                        Describe(s), detail));
  }
  if (!resp.applied()) {
    Die(absl::StrFormat("ImportEmployees of %d rows refused: %d problems, first %s", n,
                        resp.problems_size(), resp.problems(0).description()));
  }
  std::printf(
      "seed: tenant %s, %d rows (%d created, %d updated) imported in %.1f s, %.1f s in all\n",
      tenant.c_str(), resp.rows(), resp.created(), resp.updated(), import_s,
      std::chrono::duration<double>(Clock::now() - started).count());
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
  if (c > n) Die("login needs --concurrency <= --employees (one account per worker at a time)");
  std::vector<std::string> nips(n);
  for (int i = 0; i < n; ++i) nips[i] = ekinerja::bench::BenchNip(i);
  return RunLoad(
      "login", [](int, v1::IdentityService::Stub&) { return std::string(); },
      [&](int w, v1::IdentityService::Stub& stub, int64_t k) {
        // Worker w takes users w, w+c, w+2c, ... (mod n): never one another's at the same time.
        const std::string& nip = nips[static_cast<size_t>((w + k * c) % n)];
        return Login(stub, tenant, nip, password, nullptr, timeout);
      });
}

int RunGetEmployee() {
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const std::string password = absl::GetFlag(FLAGS_employee_password);
  const int n = absl::GetFlag(FLAGS_employees);
  const int c = absl::GetFlag(FLAGS_concurrency);
  const int timeout = absl::GetFlag(FLAGS_rpc_timeout_seconds);
  CheckEmployees(n);
  if (c > n) Die("get-employee needs --concurrency <= --employees (one employee per worker)");
  std::vector<std::string> nips(c), tokens(c);
  for (int w = 0; w < c; ++w) nips[w] = ekinerja::bench::BenchNip(w);
  return RunLoad(
      "get-employee",
      [&](int w, v1::IdentityService::Stub& stub) {
        grpc::Status s = Login(stub, tenant, nips[w], password, &tokens[w], timeout);
        return s.ok() ? std::string() : "login as " + nips[w] + ": " + Describe(s);
      },
      [&](int w, v1::IdentityService::Stub& stub, int64_t) {
        grpc::ClientContext ctx;
        SetDeadline(ctx, timeout);
        Authorize(ctx, tokens[w]);
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
      "identity_bench <wait|seed|login|get-employee> --target=127.0.0.1:PORT [flags]: closed-loop "
      "load over gRPC against ekinerja-identity (tests/bench/run drives it)");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) Die("one subcommand: wait, seed, login or get-employee (--help for flags)");
  const std::string cmd = args[1];
  if (cmd == "wait") return RunWait();
  if (cmd == "seed") return RunSeed();
  if (cmd == "login") return RunLogin();
  if (cmd == "get-employee") return RunGetEmployee();
  Die("unknown subcommand " + cmd + " (wait, seed, login, get-employee)");
}

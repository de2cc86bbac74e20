// attendance_bench: the driver of the attendance benchmark (issue 4), run by
// tests/bench/attendance_run against the real ekinerja-identity and ekinerja-attendance.
//
//   attendance_bench wait --target=127.0.0.1:P
//       until the gRPC health check of the server at P says SERVING (or --timeout_seconds)
//   attendance_bench seed --identity=127.0.0.1:P
//       in identity: tenant --tenant with its admin, one OPD with a head and a staff position,
//       --employees employees in ONE ImportEmployees without logins (nothing to hash), and a
//       SERVICE account (client id --service_client_id) for PushPunches
//   attendance_bench run --identity=... --attendance=127.0.0.1:P --adms=127.0.0.1:P
//       registers the devices and maps every employee's PIN (tenant-wide), then measures, each
//       beside a raw COPY of the same rows into the same database in the same run:
//         1. PushPunches of --punches punches of month M over --streams streams of messages of
//            --message_punches, then the same again (all duplicates);
//         2. the same number through ADMS (POST /iclock/cdata?table=ATTLOG, --adms_lines lines a
//            request, one keep-alive connection for each of --adms_devices devices), month M-1;
//         3. RecomputeDays of month M for every employee (nips empty);
//       and prints the table on stdout (progress on stderr).
//
// The punches: employee i (PIN i+1) punches on every Monday-Friday of the month, 4 or 5 times a
// day so that the month holds exactly --punches (check-in 06:45-07:45, break out and in around
// 12:00 and 13:00, check-out 16:00-16:50, some check-ins scanned twice), on the device's wall
// clock in Asia/Jakarta. --order=time delivers them as devices do, in time order (all employees'
// punches of a day, then the next day); --order=employee one employee's month after another.
// Stream s and ADMS device d carry the employees i with i % streams == s (i % devices == d), each
// its own device serial.
//
// Each COPY writes into a table of the service's own shape (CREATE TABLE ... (LIKE
// attendance.<table> INCLUDING ALL): the same columns, defaults, checks and indexes) in schema
// copy_baseline, in one transaction with libpq (PQputCopyData in 1 MiB pieces); its text is made
// before the clock starts. Before every measured step a CHECKPOINT flushes the previous one's
// dirty pages, so no step pays for another's.
//
// Secrets come from the environment: $EKINERJA_PLATFORM_ADMIN_PASSWORD (seed),
// $EKINERJA_BENCH_SERVICE_SECRET (seed and run), $EKINERJA_BENCH_DB_URL (run: a libpq connection
// string of a role that owns schema copy_baseline, reads the attendance schema (pg_read_all_data)
// and may CHECKPOINT (pg_checkpoint)). It talks only to loopback addresses.

#include <dirent.h>
#include <grpcpp/grpcpp.h>
#include <libpq-fe.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench_nip.h"
#include "bench_pg.h"
#include "boost/asio/connect.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/http.hpp"
#include "ekinerja/attendance/v1/attendance.grpc.pb.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

ABSL_FLAG(std::string, target, "", "wait: the gRPC server to wait for (loopback only)");
ABSL_FLAG(std::string, identity, "127.0.0.1:50051", "ekinerja-identity gRPC address (loopback)");
ABSL_FLAG(std::string, attendance, "127.0.0.1:50054",
          "ekinerja-attendance gRPC address (loopback)");
ABSL_FLAG(std::string, adms, "127.0.0.1:8088", "ekinerja-attendance ADMS HTTP address (loopback)");
ABSL_FLAG(std::string, tenant, "bench-att", "Tenant the benchmark seeds and works in");
ABSL_FLAG(std::string, admin_password, "bench-kunci-instansi", "Password of the tenant's admin");
ABSL_FLAG(std::string, service_client_id, "bench-push",
          "Client id of the SERVICE account that pushes punches (secret: "
          "$EKINERJA_BENCH_SERVICE_SECRET)");
ABSL_FLAG(int, employees, 10000, "Employees seeded, mapped and punching");
ABSL_FLAG(int64_t, punches, 1000000, "Punches of a month, through PushPunches and through ADMS");
ABSL_FLAG(int, streams, 2, "PushPunches streams at once, one device each");
ABSL_FLAG(int, message_punches, 10000, "Punches per PushPunches message (the API allows 10,000)");
ABSL_FLAG(int, adms_devices, 2, "ADMS devices posting at once, one keep-alive connection each");
ABSL_FLAG(int, adms_lines, 5000, "ATTLOG lines per ADMS request");
ABSL_FLAG(std::string, order, "time", "Order of delivery: time (as devices send) or employee");
ABSL_FLAG(std::string, month, "",
          "Month of the PushPunches punches and of the recompute, YYYY-MM (ADMS: the month "
          "before); default: last month in Asia/Jakarta");
ABSL_FLAG(int, map_concurrency, 8, "MapPin calls at once during setup");
ABSL_FLAG(int, attendance_pid, 0, "run: pid of ekinerja-attendance, for its CPU time per step");
ABSL_FLAG(
    int, postgres_pid, 0,
    "run: pid of the postmaster, for the CPU time of PostgreSQL (all its processes) per step");
ABSL_FLAG(int, rpc_timeout_seconds, 1800, "Deadline of each long call (import, push, recompute)");
ABSL_FLAG(int, timeout_seconds, 60, "wait: how long to wait");
ABSL_FLAG(int, statements, 0,
          "run: after the table, each step's N costliest statements by pg_stat_statements (which "
          "must be loaded: attendance_run --statement-stats)");

namespace {

namespace av1 = ekinerja::attendance::v1;
namespace iv1 = ekinerja::identity::v1;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr int kMaxEmployees = 20000;
constexpr int64_t kMaxPunches = 5'000'000;
constexpr char kOrgUnit[] = "DISBENCH";
constexpr char kHeadPosition[] = "KADIS-BENCH";
constexpr char kStaffPosition[] = "STAF-BENCH";
constexpr char kZone[] = "Asia/Jakarta";
// Every employee holds their position from this date (before any benchmarked month).
constexpr char kStartDate[] = "2020-01-01";
constexpr char kPunchColumns[] =
    "tenant_id, device_serial, pin, punch_time, nip, status, verify, source";
constexpr char kSummaryColumns[] =
    "tenant_id, nip, day, status, scheduled_start, scheduled_end, first_in_time, first_in_local, "
    "last_out_time, last_out_local, minutes_late, minutes_early, tl_tier, psw_tier, absence_id, "
    "absence_kind, correction_id, checked_in, compute_time";

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "attendance_bench: %s\n", msg.c_str());
  std::exit(1);
}

void Say(const std::string& msg) {
  std::fprintf(stderr, "attendance_bench: %s\n", msg.c_str());
  std::fflush(stderr);
}

std::string Describe(const grpc::Status& s) {
  const std::string name = absl::StatusCodeToString(static_cast<absl::StatusCode>(s.error_code()));
  return s.error_message().empty() ? name : absl::StrCat(name, ": ", s.error_message());
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Loopback only: the benchmark must never load anything but the servers it started.
void CheckTarget(const std::string& target, const char* flag) {
  if (!absl::StartsWith(target, "127.0.0.1:") && !absl::StartsWith(target, "localhost:") &&
      !absl::StartsWith(target, "[::1]:")) {
    Die(absl::StrCat("--", flag, " must be a loopback address (127.0.0.1:PORT), got ", target));
  }
}

// A channel with its own TCP connection (channels with equal arguments otherwise share one).
std::shared_ptr<grpc::Channel> NewChannel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

void Prepare(grpc::ClientContext& ctx, const std::string& token, int seconds) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
  if (!token.empty()) ctx.AddMetadata("authorization", absl::StrCat("Bearer ", token));
}

// OK, or ALREADY_EXISTS when `tolerate_exists`; anything else ends the run.
void Expect(const grpc::Status& s, const std::string& what, bool tolerate_exists = false) {
  if (s.ok()) return;
  if (tolerate_exists && s.error_code() == grpc::StatusCode::ALREADY_EXISTS) return;
  Die(absl::StrCat(what, ": ", Describe(s)));
}

grpc::Status Login(iv1::IdentityService::Stub& stub, const std::string& tenant,
                   const std::string& username, const std::string& password, std::string* token) {
  grpc::ClientContext ctx;
  Prepare(ctx, "", 30);
  iv1::LoginRequest req;
  req.set_tenant(tenant);
  req.set_username(username);
  req.set_password(password);
  iv1::LoginResponse resp;
  grpc::Status s = stub.Login(&ctx, req, &resp);
  if (s.ok()) *token = resp.access_token();
  return s;
}

std::string ServiceLogin(iv1::IdentityService::Stub& stub, const std::string& tenant,
                         const std::string& client_id, const std::string& secret) {
  grpc::ClientContext ctx;
  Prepare(ctx, "", 30);
  iv1::LoginRequest req;
  req.set_tenant(tenant);
  req.set_client_id(client_id);
  req.set_client_secret(secret);
  iv1::LoginResponse resp;
  Expect(stub.Login(&ctx, req, &resp), "service account login " + client_id);
  return resp.access_token();
}

std::string ServiceSecret() {
  const std::string secret = Env("EKINERJA_BENCH_SERVICE_SECRET");
  if (secret.size() < 16) Die("$EKINERJA_BENCH_SERVICE_SECRET must hold at least 16 characters");
  return secret;
}

// ---------------------------------------------------------------------------------------------
// The employees and their punches

std::string PinOf(int i) { return std::to_string(i + 1); }

struct Punch {
  int employee;             // PIN employee + 1
  absl::CivilSecond local;  // the device's wall clock
  int status;               // ZKTeco: 0 in, 1 out, 2 break out, 3 break in, 4/5 overtime
  int verify;               // 1 finger, 15 face
};

uint64_t Mix(uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr int kMaxPunchesPerDay = 8;

// The n punches of employee i on `day`, in order of use: check-in, check-out, break out, break
// in, the check-in scanned again, the check-out scanned again, mid-morning and mid-afternoon.
void AppendDay(int i, absl::CivilDay day, int n, std::vector<Punch>& out) {
  const uint64_t h = Mix((static_cast<uint64_t>(i) << 32) ^
                         static_cast<uint64_t>(day - absl::CivilDay(1970, 1, 1)));
  const absl::CivilSecond midnight(day);
  const auto at = [&](int hour, int minute, uint64_t spread) {
    return midnight + hour * 3600 + minute * 60 + static_cast<int>(spread);
  };
  const absl::CivilSecond check_in = at(6, 45, h % 3600);
  const absl::CivilSecond check_out = at(16, 0, (h >> 12) % 3000);
  const struct {
    absl::CivilSecond at;
    int status;
  } slots[kMaxPunchesPerDay] = {
      {check_in, 0},
      {check_out, 1},
      {at(12, 0, (h >> 24) % 600), 2},
      {at(12, 55, (h >> 34) % 600), 3},
      {check_in + 3 + static_cast<int>((h >> 44) % 40), 0},
      {check_out + 3 + static_cast<int>((h >> 50) % 40), 1},
      {at(9, 30, (h >> 20) % 1200), 4},
      {at(14, 30, (h >> 30) % 1200), 5},
  };
  const int verify = i % 3 == 0 ? 15 : 1;
  for (int k = 0; k < n; ++k) out.push_back({i, slots[k].at, slots[k].status, verify});
}

std::vector<absl::CivilDay> Workdays(absl::CivilMonth month) {
  std::vector<absl::CivilDay> days;
  for (absl::CivilDay d(month); absl::CivilMonth(d) == month; ++d) {
    const absl::Weekday w = absl::GetWeekday(d);
    if (w != absl::Weekday::saturday && w != absl::Weekday::sunday) days.push_back(d);
  }
  return days;
}

// Exactly `total` punches of `employees` over the workdays of `month`: every employee-day gets
// total / (employees x workdays) punches, and the remainder is spread evenly one each.
std::vector<Punch> MonthPunches(absl::CivilMonth month, int employees, int64_t total,
                                bool by_time) {
  const std::vector<absl::CivilDay> days = Workdays(month);
  const int64_t cells = static_cast<int64_t>(employees) * static_cast<int64_t>(days.size());
  const int64_t base = total / cells, extra = total % cells;
  if (base + (extra > 0 ? 1 : 0) > kMaxPunchesPerDay) {
    Die(absl::StrCat("--punches ", total, " needs more than ", kMaxPunchesPerDay,
                     " punches per employee-day; raise --employees"));
  }
  std::vector<Punch> out;
  out.reserve(static_cast<size_t>(total));
  for (size_t d = 0; d < days.size(); ++d) {
    for (int i = 0; i < employees; ++i) {
      const int64_t j = static_cast<int64_t>(d) * employees + i;
      const int64_t n = base + ((j + 1) * extra / cells - j * extra / cells);
      AppendDay(i, days[d], static_cast<int>(n), out);
    }
  }
  if (by_time) {
    std::sort(out.begin(), out.end(), [](const Punch& a, const Punch& b) {
      return a.local != b.local ? a.local < b.local : a.employee < b.employee;
    });
  } else {
    std::sort(out.begin(), out.end(), [](const Punch& a, const Punch& b) {
      return a.employee != b.employee ? a.employee < b.employee : a.local < b.local;
    });
  }
  return out;
}

// The punches of each part (employee i goes to part i % parts), in their order.
std::vector<std::vector<Punch>> Split(const std::vector<Punch>& punches, int parts) {
  std::vector<std::vector<Punch>> out(static_cast<size_t>(parts));
  for (const Punch& p : punches) out[static_cast<size_t>(p.employee % parts)].push_back(p);
  return out;
}

std::string PushSerial(int s) { return absl::StrCat("BENCH-PUSH-", s + 1); }
std::string AdmsSerial(int d) { return absl::StrCat("BENCH-ADMS-", d + 1); }

std::string FormatCivil(absl::CivilSecond t) {
  return absl::StrFormat("%04d-%02d-%02d %02d:%02d:%02d", t.year(), t.month(), t.day(), t.hour(),
                         t.minute(), t.second());
}

// COPY text (tab-separated, one row a line) of the punches as the service stores them.
void AppendCopyRows(const std::vector<Punch>& punches, const std::string& tenant,
                    const std::string& serial, const char* source, const absl::TimeZone& zone,
                    const std::vector<std::string>& nips, std::string& out) {
  for (const Punch& p : punches) {
    const absl::CivilSecond utc =
        absl::ToCivilSecond(absl::FromCivil(p.local, zone), absl::UTCTimeZone());
    absl::StrAppend(&out, tenant, "\t", serial, "\t", PinOf(p.employee), "\t", FormatCivil(utc),
                    "+00\t", nips[static_cast<size_t>(p.employee)], "\t", p.status, "\t", p.verify,
                    "\t", source, "\n");
  }
}

// PostgreSQL (libpq): the baselines, checkpoints and checks (bench_pg.h).
using ekinerja::bench::Pg;

// ---------------------------------------------------------------------------------------------
// CPU time of the service, of PostgreSQL and of this client, from /proc and getrusage

double Ticks() { return static_cast<double>(sysconf(_SC_CLK_TCK)); }

// Fields 4 (ppid) and 14-17 (utime, stime, cutime, cstime) of /proc/<pid>/stat; false if gone.
bool ReadStat(int pid, int* ppid, double* own, double* children) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/stat"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t close = text.rfind(')');
  if (close == std::string::npos) return false;  // gone, or not a process
  const std::vector<std::string> f =
      absl::StrSplit(text.substr(close + 2), ' ', absl::SkipEmpty());  // f[0] is field 3
  if (f.size() < 15) return false;
  int64_t v[4] = {};
  for (int k = 0; k < 4; ++k) {
    if (!absl::SimpleAtoi(f[static_cast<size_t>(11 + k)], &v[k])) return false;
  }
  if (ppid != nullptr && !absl::SimpleAtoi(f[1], ppid)) return false;
  *own = static_cast<double>(v[0] + v[1]) / Ticks();
  *children = static_cast<double>(v[2] + v[3]) / Ticks();
  return true;
}

double ProcessCpu(int pid) {
  double own = 0, children = 0;
  if (pid <= 0 || !ReadStat(pid, nullptr, &own, &children)) return 0;
  return own;
}

// The postmaster, the children it has reaped, and its live children (backends, checkpointer,
// WAL writer, autovacuum).
double PostgresCpu(int postmaster) {
  double own = 0, reaped = 0;
  if (postmaster <= 0 || !ReadStat(postmaster, nullptr, &own, &reaped)) return 0;
  double total = own + reaped;
  if (DIR* dir = opendir("/proc")) {
    while (dirent* e = readdir(dir)) {
      int pid = 0, ppid = 0;
      double child_own = 0, child_reaped = 0;
      if (!absl::SimpleAtoi(e->d_name, &pid)) continue;
      if (ReadStat(pid, &ppid, &child_own, &child_reaped) && ppid == postmaster) {
        total += child_own;
      }
    }
    closedir(dir);
  }
  return total;
}

double SelfCpu() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Cpu {
  double service = 0, postgres = 0, client = 0;
  static Cpu Now() {
    return {ProcessCpu(absl::GetFlag(FLAGS_attendance_pid)),
            PostgresCpu(absl::GetFlag(FLAGS_postgres_pid)), SelfCpu()};
  }
  Cpu operator-(const Cpu& o) const {
    return {service - o.service, postgres - o.postgres, client - o.client};
  }
};

// ---------------------------------------------------------------------------------------------
// wait

int RunWait() {
  const std::string target = absl::GetFlag(FLAGS_target);
  CheckTarget(target, "target");
  const auto give_up = Clock::now() + std::chrono::seconds(absl::GetFlag(FLAGS_timeout_seconds));
  auto health = grpc::health::v1::Health::NewStub(NewChannel(target));
  std::string last = "no answer yet";
  while (Clock::now() < give_up) {
    grpc::ClientContext ctx;
    Prepare(ctx, "", 2);
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    const grpc::Status s = health->Check(&ctx, req, &resp);
    if (s.ok() && resp.status() == grpc::health::v1::HealthCheckResponse::SERVING) return 0;
    last = s.ok() ? absl::StrCat("status ", static_cast<int>(resp.status())) : Describe(s);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  Die(absl::StrCat(target, " not SERVING after ", absl::GetFlag(FLAGS_timeout_seconds), " s (",
                   last, ")"));
}

// ---------------------------------------------------------------------------------------------
// seed

int RunSeed() {
  const std::string target = absl::GetFlag(FLAGS_identity);
  CheckTarget(target, "identity");
  const std::string tenant = absl::GetFlag(FLAGS_tenant);
  const std::string admin_password = absl::GetFlag(FLAGS_admin_password);
  const std::string platform_password = Env("EKINERJA_PLATFORM_ADMIN_PASSWORD");
  if (platform_password.empty()) Die("seed needs $EKINERJA_PLATFORM_ADMIN_PASSWORD");
  const std::string secret = ServiceSecret();
  const int n = absl::GetFlag(FLAGS_employees);
  if (n < 1 || n > kMaxEmployees) Die(absl::StrCat("--employees must be 1..", kMaxEmployees));
  const int timeout = absl::GetFlag(FLAGS_rpc_timeout_seconds);
  const auto started = Clock::now();
  auto stub = iv1::IdentityService::NewStub(NewChannel(target));

  // The platform admin is created while identity starts: retried for a while.
  std::string platform_token;
  for (int attempt = 0;; ++attempt) {
    const grpc::Status s = Login(*stub, "platform", "admin", platform_password, &platform_token);
    if (s.ok()) break;
    if (attempt >= 100) Die("platform admin login: " + Describe(s));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  {
    grpc::ClientContext ctx;
    Prepare(ctx, platform_token, 60);
    iv1::CreateTenantRequest req;
    req.mutable_tenant()->set_code(tenant);
    req.mutable_tenant()->set_name("Kota Bench Presensi (benchmark)");
    req.mutable_tenant()->set_time_zone(kZone);
    req.set_admin_username("admin");
    req.set_admin_password(admin_password);
    iv1::Tenant resp;
    Expect(stub->CreateTenant(&ctx, req, &resp), "CreateTenant " + tenant, true);
  }
  std::string token;
  Expect(Login(*stub, tenant, "admin", admin_password, &token), "tenant admin login");
  {
    grpc::ClientContext ctx;
    Prepare(ctx, token, 60);
    iv1::CreateOrgUnitRequest req;
    req.mutable_org_unit()->set_code(kOrgUnit);
    req.mutable_org_unit()->set_name("Dinas Benchmark Presensi");
    iv1::OrgUnit resp;
    Expect(stub->CreateOrgUnit(&ctx, req, &resp), "CreateOrgUnit", true);
  }
  struct PositionSpec {
    const char* code;
    const char* name;
    iv1::PositionKind kind;
    int kelas;
    bool head;
  };
  for (const PositionSpec& p :
       {PositionSpec{kHeadPosition, "Kepala Dinas Benchmark", iv1::POSITION_KIND_JPT, 14, true},
        PositionSpec{kStaffPosition, "Pengolah Data Benchmark", iv1::POSITION_KIND_PELAKSANA, 6,
                     false}}) {
    grpc::ClientContext ctx;
    Prepare(ctx, token, 60);
    iv1::CreatePositionRequest req;
    iv1::Position* pos = req.mutable_position();
    pos->set_code(p.code);
    pos->set_name(p.name);
    pos->set_kind(p.kind);
    pos->set_kelas_jabatan(p.kelas);
    pos->set_org_unit_code(kOrgUnit);
    pos->set_head_of_unit(p.head);
    iv1::Position resp;
    Expect(stub->CreatePosition(&ctx, req, &resp), absl::StrCat("CreatePosition ", p.code), true);
  }

  // No username or password columns: no logins, so nothing is hashed. Employee 0 heads the unit.
  static const char* const kGolongan[] = {"II/a",  "II/b",  "II/c", "III/a",
                                          "III/b", "III/c", "III/d"};
  std::string csv = "nip,name,golongan,position_code,org_unit_code,start_date\n";
  csv.reserve(static_cast<size_t>(n) * 90);
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(&csv, ekinerja::bench::BenchNip(i), ",Pegawai Presensi ",
                    absl::StrFormat("%05d", i), ",", i == 0 ? "IV/c" : kGolongan[i % 7], ",",
                    i == 0 ? kHeadPosition : kStaffPosition, ",", kOrgUnit, ",", kStartDate, "\n");
  }
  const auto import_started = Clock::now();
  {
    grpc::ClientContext ctx;
    Prepare(ctx, token, timeout);
    iv1::ImportEmployeesRequest req;
    req.set_csv(csv);
    req.set_request_id(absl::StrCat("attendance-bench-import-", n));
    iv1::ImportEmployeesResponse resp;
    Expect(stub->ImportEmployees(&ctx, req, &resp), absl::StrCat("ImportEmployees of ", n));
    if (!resp.applied()) {
      Die(absl::StrCat("ImportEmployees of ", n, ": ", resp.problems_size(), " problems, first ",
                       resp.problems(0).description()));
    }
    Say(absl::StrFormat("seed: %d employees imported (%d created, %d updated) in %.1f s",
                        resp.rows(), resp.created(), resp.updated(), SecondsSince(import_started)));
  }
  {
    grpc::ClientContext ctx;
    Prepare(ctx, token, 60);
    iv1::CreateUserRequest req;
    req.mutable_user()->set_username(absl::GetFlag(FLAGS_service_client_id));
    req.mutable_user()->add_roles(ekinerja::type::v1::ROLE_SERVICE);
    req.set_password(secret);
    req.set_service_account(true);
    iv1::User resp;
    Expect(stub->CreateUser(&ctx, req, &resp), "CreateUser (service account)", true);
  }
  Say(absl::StrFormat("seed: tenant %s seeded in %.1f s", tenant, SecondsSince(started)));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// ADMS over HTTP/1.1

struct HttpAnswer {
  int status = 0;  // 0: no answer (error says why)
  std::string body, error;
};

// One keep-alive HTTP/1.1 connection (Boost.Beast, synchronous), reopened once if the server
// closed it between requests.
class HttpConnection {
 public:
  explicit HttpConnection(const std::string& target) {
    const size_t colon = target.rfind(':');
    host_ = target.substr(0, colon);
    port_ = target.substr(colon + 1);
  }

  HttpAnswer Post(const std::string& path, const std::string& body) {
    http::request<http::string_body> req{http::verb::post, path, 11};
    req.set(http::field::host, host_);
    req.set(http::field::user_agent, "attendance_bench (ADMS)");
    req.set(http::field::content_type, "text/plain");
    req.keep_alive(true);
    req.body() = body;
    req.prepare_payload();
    for (int attempt = 0; attempt < 2; ++attempt) {
      const bool reused = socket_.has_value();
      HttpAnswer a = Exchange(req);
      if (a.status != 0 || !reused) return a;
    }
    return {0, "", "no answer"};
  }

 private:
  HttpAnswer Exchange(const http::request<http::string_body>& req) {
    HttpAnswer a;
    beast::error_code ec;
    if (!socket_) {
      tcp::resolver resolver(io_);
      const auto endpoints = resolver.resolve(host_, port_, ec);
      if (!ec) {
        socket_.emplace(io_);
        boost::asio::connect(*socket_, endpoints, ec);
        if (!ec) socket_->set_option(tcp::no_delay(true), ec);
      }
      if (ec) {
        Close();
        a.error = "connect: " + ec.message();
        return a;
      }
    }
    http::write(*socket_, req, ec);
    http::response<http::string_body> res;
    if (!ec) http::read(*socket_, buffer_, res, ec);
    if (ec) {
      Close();
      a.error = ec.message();
      return a;
    }
    a.status = static_cast<int>(res.result_int());
    a.body = std::move(res.body());
    if (!res.keep_alive()) Close();
    return a;
  }

  void Close() {
    if (socket_) {
      beast::error_code ignored;
      socket_->shutdown(tcp::socket::shutdown_both, ignored);
      socket_->close(ignored);
    }
    socket_.reset();
    buffer_.clear();
  }

  std::string host_, port_;
  boost::asio::io_context io_;
  std::optional<tcp::socket> socket_;
  beast::flat_buffer buffer_;
};

// ---------------------------------------------------------------------------------------------
// run

// One measured step: a row of the table.
struct Step {
  std::string what;
  int64_t rows = 0;
  double seconds = 0;
  double copy_rate = 0;             // the baseline beside it (rows/s); 0 for a baseline itself
  std::vector<uint32_t> latencies;  // µs per request, when the step has requests
  Cpu cpu;
  double Rate() const { return seconds > 0 ? static_cast<double>(rows) / seconds : 0; }
};

// Nearest-rank percentile (ms) of sorted µs.
double Percentile(const std::vector<uint32_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1] / 1000.0;
}

void PrintTable(const std::vector<Step>& steps) {
  std::printf("%-36s %9s %8s %10s %7s %8s %8s %20s\n", "what", "rows", "seconds", "rows/s",
              "x COPY", "p50 ms", "p99 ms", "CPU s svc/pg/client");
  for (Step s : steps) {
    std::sort(s.latencies.begin(), s.latencies.end());
    const std::string ratio =
        s.copy_rate > 0 ? absl::StrFormat("%.3f", s.Rate() / s.copy_rate) : "1";
    const std::string p50 =
        s.latencies.empty() ? "-" : absl::StrFormat("%.1f", Percentile(s.latencies, 50));
    const std::string p99 =
        s.latencies.empty() ? "-" : absl::StrFormat("%.1f", Percentile(s.latencies, 99));
    const std::string cpu =
        absl::StrFormat("%.1f/%.1f/%.1f", s.cpu.service, s.cpu.postgres, s.cpu.client);
    std::printf("%-36s %9lld %8.2f %10.0f %7s %8s %8s %20s\n", s.what.c_str(),
                static_cast<long long>(s.rows), s.seconds, s.Rate(), ratio.c_str(), p50.c_str(),
                p99.c_str(), cpu.c_str());
  }
}

std::string ReportText(const av1::IngestReport& r) {
  return absl::StrFormat(
      "accepted %d, duplicate %d, quarantined %d, unknown_pin %d, "
      "days_recomputed %d",
      r.accepted(), r.duplicate(), r.quarantined(), r.unknown_pin(), r.days_recomputed());
}

class Bench {
 public:
  Bench()
      : tenant_(absl::GetFlag(FLAGS_tenant)),
        attendance_(absl::GetFlag(FLAGS_attendance)),
        employees_(absl::GetFlag(FLAGS_employees)),
        timeout_(absl::GetFlag(FLAGS_rpc_timeout_seconds)) {
    CheckTarget(absl::GetFlag(FLAGS_identity), "identity");
    CheckTarget(attendance_, "attendance");
    CheckTarget(absl::GetFlag(FLAGS_adms), "adms");
    if (employees_ < 1 || employees_ > kMaxEmployees) {
      Die(absl::StrCat("--employees must be 1..", kMaxEmployees));
    }
    if (!absl::LoadTimeZone(kZone, &zone_)) Die(absl::StrCat("cannot load time zone ", kZone));
    for (int i = 0; i < employees_; ++i) nips_.push_back(ekinerja::bench::BenchNip(i));
  }

  int Run() {
    const int64_t punches = absl::GetFlag(FLAGS_punches);
    const int streams = absl::GetFlag(FLAGS_streams);
    const int message_punches = absl::GetFlag(FLAGS_message_punches);
    const int adms_devices = absl::GetFlag(FLAGS_adms_devices);
    const int adms_lines = absl::GetFlag(FLAGS_adms_lines);
    const std::string order = absl::GetFlag(FLAGS_order);
    if (punches < 1 || punches > kMaxPunches) Die(absl::StrCat("--punches: 1..", kMaxPunches));
    if (streams < 1 || streams > 64) Die("--streams: 1..64");
    if (message_punches < 1 || message_punches > 10000) Die("--message_punches: 1..10000");
    if (adms_devices < 1 || adms_devices > 64) Die("--adms_devices: 1..64");
    if (adms_lines < 1 || adms_lines > 100000) Die("--adms_lines: 1..100000");
    if (order != "time" && order != "employee") Die("--order: time or employee");
    const std::string db_url = Env("EKINERJA_BENCH_DB_URL");
    if (db_url.empty()) Die("run needs $EKINERJA_BENCH_DB_URL");
    const absl::CivilMonth month = Month();
    const absl::CivilMonth adms_month = month - 1;

    Pg pg(db_url);
    pg.Exec("SET client_min_messages = warning");
    for (const char* table : {"punches", "day_summaries"}) {
      pg.Exec(absl::StrCat("DROP TABLE IF EXISTS copy_baseline.", table));
      pg.Exec(absl::StrCat("CREATE TABLE copy_baseline.", table, " (LIKE attendance.", table,
                           " INCLUDING ALL)"));
    }

    auto identity = iv1::IdentityService::NewStub(NewChannel(absl::GetFlag(FLAGS_identity)));
    Expect(Login(*identity, tenant_, "admin", absl::GetFlag(FLAGS_admin_password), &admin_),
           "tenant admin login");
    const std::string service =
        ServiceLogin(*identity, tenant_, absl::GetFlag(FLAGS_service_client_id), ServiceSecret());
    stub_ = av1::AttendanceService::NewStub(NewChannel(attendance_));

    // --- setup ---------------------------------------------------------------------------------
    std::vector<std::string> push_serials, adms_serials;
    for (int s = 0; s < streams; ++s) push_serials.push_back(PushSerial(s));
    for (int d = 0; d < adms_devices; ++d) adms_serials.push_back(AdmsSerial(d));
    for (const auto* serials : {&push_serials, &adms_serials}) {
      for (const std::string& serial : *serials) RegisterDevice(serial);
    }
    MapPins();

    Say(absl::StrFormat("generating %d punches for %s and for %s (order: %s)", punches,
                        absl::FormatCivilTime(month), absl::FormatCivilTime(adms_month), order));
    const bool by_time = order == "time";
    const std::vector<std::vector<Punch>> push_parts =
        Split(MonthPunches(month, employees_, punches, by_time), streams);
    const std::vector<std::vector<Punch>> adms_parts =
        Split(MonthPunches(adms_month, employees_, punches, by_time), adms_devices);

    std::vector<std::vector<av1::PushPunchesRequest>> messages(push_parts.size());
    std::string push_copy, adms_copy;
    for (size_t s = 0; s < push_parts.size(); ++s) {
      messages[s] = Messages(push_parts[s], push_serials[s], message_punches);
      AppendCopyRows(push_parts[s], tenant_, push_serials[s], "grpc", zone_, nips_, push_copy);
    }
    std::vector<std::vector<std::string>> bodies(adms_parts.size());
    for (size_t d = 0; d < adms_parts.size(); ++d) {
      bodies[d] = AttlogBodies(adms_parts[d], adms_lines);
      AppendCopyRows(adms_parts[d], tenant_, adms_serials[d], "adms", zone_, nips_, adms_copy);
    }
    const std::string copy_punches =
        absl::StrCat("COPY copy_baseline.punches (", kPunchColumns, ") FROM STDIN");

    std::vector<Step> steps;
    std::vector<std::string> notes;

    // --- 1. PushPunches ------------------------------------------------------------------------
    Step copy1 = Measure(pg, "COPY punches (PushPunches' rows)", punches,
                         [&] { return pg.CopyIn(copy_punches, push_copy); });
    steps.push_back(copy1);
    av1::IngestReport first, second;
    Step push1 =
        Measure(pg, absl::StrCat("PushPunches, ", streams, " stream", streams > 1 ? "s" : ""),
                punches, [&] { return Push(messages, service, &first); });
    push1.copy_rate = copy1.Rate();
    steps.push_back(push1);
    Step push2 = Measure(pg, "PushPunches again: all duplicates", punches,
                         [&] { return Push(messages, service, &second); });
    push2.copy_rate = copy1.Rate();
    steps.push_back(push2);
    notes.push_back("PushPunches first pass:  " + ReportText(first));
    notes.push_back("PushPunches second pass: " + ReportText(second));
    bool good = true;
    if (first.accepted() != punches || first.duplicate() != 0 || first.quarantined() != 0 ||
        first.unknown_pin() != 0) {
      notes.push_back(absl::StrCat("  WRONG: the first pass must accept all ", punches));
      good = false;
    }
    if (second.duplicate() != punches || second.accepted() != 0) {
      notes.push_back(
          absl::StrCat("  WRONG: the second pass must find all ", punches, " duplicates"));
      good = false;
    }

    // --- 2. ADMS -------------------------------------------------------------------------------
    Step copy2 = Measure(pg, "COPY punches (ADMS' rows)", punches,
                         [&] { return pg.CopyIn(copy_punches, adms_copy); });
    steps.push_back(copy2);
    int64_t adms_errors = 0;
    std::string adms_error;
    std::vector<uint32_t> adms_latencies;
    Step adms = Measure(
        pg, absl::StrCat("ADMS ATTLOG, ", adms_devices, " device", adms_devices > 1 ? "s" : ""),
        punches, [&] { return Adms(bodies, &adms_latencies, &adms_errors, &adms_error); });
    adms.latencies = adms_latencies;
    adms.copy_rate = copy2.Rate();
    steps.push_back(adms);
    const std::vector<std::string> stored = pg.Row(
        "SELECT count(*), count(nip) FROM attendance.punches WHERE tenant_id = $1 AND "
        "source = 'adms'",
        {tenant_});
    size_t requests = 0;
    for (const auto& b : bodies) requests += b.size();
    notes.push_back(absl::StrCat(
        "ADMS: ", requests, " requests, ", adms_errors, " not answered 200 OK; ", stored.at(0),
        " punches stored from ADMS, ", stored.at(1), " of them with an employee",
        adms_error.empty() ? "" : "; first error: " + adms_error));
    if (adms_errors != 0 || stored.at(0) != std::to_string(punches) ||
        stored.at(1) != stored.at(0)) {
      notes.push_back(absl::StrCat("  WRONG: ADMS must store all ", punches, " with employees"));
      good = false;
    }

    // --- 3. RecomputeDays of the month ---------------------------------------------------------
    const absl::CivilDay first_day(month), last_day = absl::CivilDay(month + 1) - 1;
    const int64_t days = static_cast<int64_t>(employees_) * (last_day - first_day + 1);
    int64_t recomputed = 0;
    Step recompute = Measure(pg, "RecomputeDays, a month", days,
                             [&] { return Recompute(first_day, last_day, &recomputed); });
    const std::string summaries = pg.CopyOut(absl::StrCat(
        "COPY (SELECT ", kSummaryColumns, " FROM attendance.day_summaries WHERE tenant_id = ",
        pg.Literal(tenant_), " AND day BETWEEN '", absl::FormatCivilTime(first_day), "' AND '",
        absl::FormatCivilTime(last_day), "' ORDER BY nip, day) TO STDOUT"));
    const int64_t summary_rows = std::count(summaries.begin(), summaries.end(), '\n');
    Step copy3 = Measure(pg, "COPY day_summaries (the same rows)", summary_rows, [&] {
      return pg.CopyIn(
          absl::StrCat("COPY copy_baseline.day_summaries (", kSummaryColumns, ") FROM STDIN"),
          summaries);
    });
    recompute.copy_rate = copy3.Rate();
    steps.push_back(copy3);
    steps.push_back(recompute);
    notes.push_back(absl::StrCat("RecomputeDays: days_recomputed ", recomputed, " (", employees_,
                                 " employees x ", last_day - first_day + 1, " days); ",
                                 summary_rows, " rows of the month stored"));
    if (recomputed != days || summary_rows != days) {
      notes.push_back(absl::StrCat("  WRONG: want ", days, " days"));
      good = false;
    }

    std::printf("\n");
    std::printf(
        "PushPunches: %lld punches of %s (%s order), %d punches a message, %d stream%s of one "
        "device each\n",
        static_cast<long long>(punches), absl::FormatCivilTime(month).c_str(), order.c_str(),
        message_punches, streams, streams > 1 ? "s" : "");
    std::printf(
        "ADMS:        %lld punches of %s (%s order), %d lines a request, %d device%s with one "
        "keep-alive connection each\n",
        static_cast<long long>(punches), absl::FormatCivilTime(adms_month).c_str(), order.c_str(),
        adms_lines, adms_devices, adms_devices > 1 ? "s" : "");
    std::printf("Recompute:   RecomputeDays %s..%s without nips: %d employees x %d days\n\n",
                absl::FormatCivilTime(first_day).c_str(), absl::FormatCivilTime(last_day).c_str(),
                employees_, static_cast<int>(last_day - first_day + 1));
    PrintTable(steps);
    std::printf("\n");
    for (const auto& n : notes) std::printf("%s\n", n.c_str());
    if (!statements_.empty()) std::printf("\n");
    for (const auto& n : statements_) std::printf("%s\n", n.c_str());
    std::fflush(stdout);
    return good ? 0 : 1;
  }

 private:
  // --month, or last month in the tenant's zone.
  absl::CivilMonth Month() {
    const std::string flag = absl::GetFlag(FLAGS_month);
    const absl::CivilDay today = absl::ToCivilDay(absl::Now(), zone_);
    absl::CivilMonth m = absl::CivilMonth(today) - 1;
    if (!flag.empty() && !absl::ParseCivilTime(flag, &m)) Die("--month: YYYY-MM");
    // Days after tomorrow are never stored, and punches in the future are quarantined.
    if (absl::CivilDay(m + 1) > today) Die("--month must have ended before today");
    return m;
  }

  // Runs `step` (which returns its seconds) after a CHECKPOINT, with the CPU times around it.
  Step Measure(Pg& pg, const std::string& what, int64_t rows, const std::function<double()>& step) {
    pg.Exec("CHECKPOINT");
    if (absl::GetFlag(FLAGS_statements) > 0) pg.Rows("SELECT pg_stat_statements_reset()");
    Say(absl::StrCat("measuring: ", what));
    const Cpu before = Cpu::Now();
    Step s;
    s.what = what;
    s.rows = rows;
    s.seconds = step();
    s.cpu = Cpu::Now() - before;
    Say(absl::StrFormat("  %.2f s, %.0f rows/s", s.seconds, s.Rate()));
    if (const int top = absl::GetFlag(FLAGS_statements); top > 0) {
      statements_.push_back(absl::StrCat(what, ": the costliest statements (pg_stat_statements)"));
      statements_.push_back("     calls   total ms    mean ms       rows  statement");
      for (const auto& r : pg.Rows(
               // The statement without its comment lines, on one line.
               "SELECT calls, round(total_exec_time), round((total_exec_time / calls)::numeric, 2),"
               " rows, left(regexp_replace(regexp_replace(query, '--[^\\n]*\\n', '', 'g'), "
               "'\\s+', ' ', 'g'), 110) FROM pg_stat_statements "
               "WHERE query !~ '^(BEGIN|COMMIT|SET TRANSACTION|SELECT pg_stat_statements_reset)' "
               "ORDER BY total_exec_time DESC LIMIT " +
               std::to_string(top))) {
        statements_.push_back(
            absl::StrFormat("%10s %10s %10s %10s  %s", r[0], r[1], r[2], r[3], r[4]));
      }
    }
    return s;
  }

  void RegisterDevice(const std::string& serial) {
    grpc::ClientContext ctx;
    Prepare(ctx, admin_, 60);
    av1::RegisterDeviceRequest req;
    av1::Device* d = req.mutable_device();
    d->set_serial_number(serial);
    d->set_time_zone(kZone);
    d->set_org_unit_code(kOrgUnit);
    d->mutable_in_service_date()->set_year(2020);
    d->mutable_in_service_date()->set_month(1);
    d->mutable_in_service_date()->set_day(1);
    d->set_description("attendance_bench");
    av1::Device resp;
    Expect(stub_->RegisterDevice(&ctx, req, &resp), "RegisterDevice " + serial, true);
  }

  // Every employee's PIN on every device of the tenant, --map_concurrency calls at once.
  void MapPins() {
    const int workers = std::clamp(absl::GetFlag(FLAGS_map_concurrency), 1, 64);
    const auto t0 = Clock::now();
    std::atomic<int> next{0};
    std::mutex mu;
    std::string error;
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
      threads.emplace_back([&] {
        auto stub = av1::AttendanceService::NewStub(NewChannel(attendance_));
        for (int i = next++; i < employees_; i = next++) {
          grpc::ClientContext ctx;
          Prepare(ctx, admin_, 60);
          av1::MapPinRequest req;
          req.mutable_pin_mapping()->set_pin(PinOf(i));
          req.mutable_pin_mapping()->set_nip(nips_[static_cast<size_t>(i)]);
          av1::PinMapping resp;
          const grpc::Status s = stub->MapPin(&ctx, req, &resp);
          if (!s.ok()) {
            std::lock_guard<std::mutex> lock(mu);
            if (error.empty()) error = absl::StrCat("MapPin ", PinOf(i), ": ", Describe(s));
            next = employees_;
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    if (!error.empty()) Die(error);
    const double s = SecondsSince(t0);
    Say(absl::StrFormat("setup: %d PINs mapped in %.1f s (%.0f MapPin/s, %d at once)", employees_,
                        s, employees_ / s, workers));
  }

  std::vector<av1::PushPunchesRequest> Messages(const std::vector<Punch>& punches,
                                                const std::string& serial, int per_message) {
    std::vector<av1::PushPunchesRequest> out;
    for (size_t at = 0; at < punches.size(); at += static_cast<size_t>(per_message)) {
      av1::PushPunchesRequest& m = out.emplace_back();
      const size_t end = std::min(punches.size(), at + static_cast<size_t>(per_message));
      for (size_t k = at; k < end; ++k) {
        const Punch& p = punches[k];
        av1::RawPunch* r = m.add_punches();
        r->set_device_serial(serial);
        r->set_pin(PinOf(p.employee));
        r->mutable_punch_time()->set_seconds(absl::ToUnixSeconds(absl::FromCivil(p.local, zone_)));
        r->set_status(p.status);
        r->set_verify(p.verify);
      }
    }
    return out;
  }

  static std::vector<std::string> AttlogBodies(const std::vector<Punch>& punches, int per_body) {
    std::vector<std::string> out;
    for (size_t at = 0; at < punches.size(); at += static_cast<size_t>(per_body)) {
      std::string& body = out.emplace_back();
      const size_t end = std::min(punches.size(), at + static_cast<size_t>(per_body));
      for (size_t k = at; k < end; ++k) {
        const Punch& p = punches[k];
        // PIN, time, status, verify, workcode and two reserved fields, as ZKTeco devices send.
        absl::StrAppend(&body, PinOf(p.employee), "\t", FormatCivil(p.local), "\t", p.status, "\t",
                        p.verify, "\t0\t0\t0\n");
      }
    }
    return out;
  }

  // Runs `work(i)` on one thread each once all are ready; returns the seconds from the start
  // signal to the last one's end.
  static double Together(int n, const std::function<void(int)>& work) {
    std::mutex mu;
    std::condition_variable cv;
    bool go = false;
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        {
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] { return go; });
        }
        work(i);
      });
    }
    const auto t0 = Clock::now();
    {
      std::lock_guard<std::mutex> lock(mu);
      go = true;
    }
    cv.notify_all();
    for (auto& t : threads) t.join();
    return SecondsSince(t0);
  }

  double Push(const std::vector<std::vector<av1::PushPunchesRequest>>& streams,
              const std::string& token, av1::IngestReport* total) {
    const int n = static_cast<int>(streams.size());
    std::vector<std::shared_ptr<grpc::Channel>> channels;
    for (int s = 0; s < n; ++s) {
      channels.push_back(NewChannel(attendance_));
      if (!channels.back()->WaitForConnected(std::chrono::system_clock::now() +
                                             std::chrono::seconds(10))) {
        Die("PushPunches: cannot connect to " + attendance_);
      }
    }
    std::vector<av1::IngestReport> reports(static_cast<size_t>(n));
    std::vector<grpc::Status> statuses(static_cast<size_t>(n));
    const double seconds = Together(n, [&](int s) {
      auto stub = av1::AttendanceService::NewStub(channels[static_cast<size_t>(s)]);
      grpc::ClientContext ctx;
      Prepare(ctx, token, timeout_);
      auto writer = stub->PushPunches(&ctx, &reports[static_cast<size_t>(s)]);
      for (const auto& m : streams[static_cast<size_t>(s)]) {
        if (!writer->Write(m)) break;  // the server ended the stream: Finish says why
      }
      writer->WritesDone();
      statuses[static_cast<size_t>(s)] = writer->Finish();
    });
    for (int s = 0; s < n; ++s) {
      Expect(statuses[static_cast<size_t>(s)], absl::StrCat("PushPunches stream ", s));
      const av1::IngestReport& r = reports[static_cast<size_t>(s)];
      total->set_accepted(total->accepted() + r.accepted());
      total->set_duplicate(total->duplicate() + r.duplicate());
      total->set_quarantined(total->quarantined() + r.quarantined());
      total->set_unknown_pin(total->unknown_pin() + r.unknown_pin());
      total->set_days_recomputed(total->days_recomputed() + r.days_recomputed());
    }
    return seconds;
  }

  double Adms(const std::vector<std::vector<std::string>>& bodies, std::vector<uint32_t>* latencies,
              int64_t* errors, std::string* first_error) {
    const int n = static_cast<int>(bodies.size());
    std::vector<std::vector<uint32_t>> lat(static_cast<size_t>(n));
    std::vector<int64_t> errs(static_cast<size_t>(n));
    std::vector<std::string> first(static_cast<size_t>(n));
    const std::string adms = absl::GetFlag(FLAGS_adms);
    const double seconds = Together(n, [&](int d) {
      HttpConnection conn(adms);
      const std::string path =
          absl::StrCat("/iclock/cdata?SN=", AdmsSerial(d), "&table=ATTLOG&Stamp=9999");
      for (const std::string& body : bodies[static_cast<size_t>(d)]) {
        const auto t0 = Clock::now();
        const HttpAnswer a = conn.Post(path, body);
        const auto us =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
        if (a.status == 200 && a.body == "OK") {
          lat[static_cast<size_t>(d)].push_back(static_cast<uint32_t>(us));
        } else {
          ++errs[static_cast<size_t>(d)];
          if (first[static_cast<size_t>(d)].empty()) {
            first[static_cast<size_t>(d)] =
                a.status == 0 ? a.error : absl::StrCat("HTTP ", a.status, " ", a.body);
          }
        }
      }
    });
    for (int d = 0; d < n; ++d) {
      latencies->insert(latencies->end(), lat[static_cast<size_t>(d)].begin(),
                        lat[static_cast<size_t>(d)].end());
      *errors += errs[static_cast<size_t>(d)];
      if (first_error->empty()) *first_error = first[static_cast<size_t>(d)];
    }
    return seconds;
  }

  double Recompute(absl::CivilDay first, absl::CivilDay last, int64_t* recomputed) {
    grpc::ClientContext ctx;
    Prepare(ctx, admin_, timeout_);
    av1::RecomputeDaysRequest req;  // no nips: every employee identity lists
    req.mutable_start_date()->set_year(static_cast<int>(first.year()));
    req.mutable_start_date()->set_month(first.month());
    req.mutable_start_date()->set_day(first.day());
    req.mutable_end_date()->set_year(static_cast<int>(last.year()));
    req.mutable_end_date()->set_month(last.month());
    req.mutable_end_date()->set_day(last.day());
    av1::RecomputeDaysResponse resp;
    const auto t0 = Clock::now();
    Expect(stub_->RecomputeDays(&ctx, req, &resp), "RecomputeDays");
    *recomputed = resp.days_recomputed();
    return SecondsSince(t0);
  }

  const std::string tenant_;
  const std::string attendance_;
  const int employees_;
  const int timeout_;
  absl::TimeZone zone_;
  std::vector<std::string> nips_;
  std::string admin_;
  std::unique_ptr<av1::AttendanceService::Stub> stub_;
  std::vector<std::string> statements_;  // --statements: each step's costliest
};

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "attendance_bench <wait|seed|run> [flags]: the attendance ingestion and recompute "
      "benchmark (tests/bench/attendance_run drives it)");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) Die("one subcommand: wait, seed or run (--help for flags)");
  const std::string cmd = args[1];
  if (cmd == "wait") return RunWait();
  if (cmd == "seed") return RunSeed();
  if (cmd == "run") return Bench().Run();
  Die("unknown subcommand " + cmd + " (wait, seed, run)");
}

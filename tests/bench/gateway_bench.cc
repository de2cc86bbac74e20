// gateway_bench: a closed-loop HTTP/1.1 load generator for ekinerja-gateway's REST side, the
// counterpart of identity_bench's get-employee over native gRPC (tests/bench/gateway_run runs
// both).
//
//   gateway_bench get-employee --target=127.0.0.1:P --concurrency=C --seconds=S
//       lists the tenant's employees as its admin (GET /v1/employees), then each of C workers
//       logs in as a different employee (POST /v1/auth:login, username = NIP) and reads its own
//       record in a loop: GET /v1/employees/<nip> with its bearer token
//   gateway_bench create-entry --target=127.0.0.1:P --concurrency=C --seconds=S
//       issue 11 (tests/bench/activity_run): as the admin, checks the first C employees in today
//       and yesterday (Asia/Jakarta) through attendance's REST API (a tenant-wide schedule of
//       every day 00:00-23:59, a device, a PIN each, one ATTLOG import of a punch at 00:00:30 of
//       both days), then each worker logs in as its employee and creates entries in a loop:
//       POST /v1/entries, each with its own request_id, a tugas tambahan of one minute from
//       07:00 on, 450 a day (the day-minute gate without a check-out), today's then yesterday's
//
// Prints one line on stdout, as identity_bench does:
//   <name> <concurrency> <requests> <seconds> <rps> <p50_ms> <p99_ms> <errors>
// counting only 200 answers for the right employee that started and finished inside the
// measured window (after --warmup_seconds); anything else is an error, summarised on stderr.
// Each worker owns one keep-alive TCP connection (Boost.Beast, synchronous), reopened only if the
// server closes it. It talks only to loopback addresses. It reads both JSON spellings of the login
// answer (lowerCamel, as ours and Envoy write it, and proto field names, as grpc-gateway v1 does),
// so the same client measures the peer in tests/bench/gateway_run --peer.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
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
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/asio/connect.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/http.hpp"
#include "load_report.h"

ABSL_FLAG(std::string, target, "127.0.0.1:8080", "ekinerja-gateway REST address (loopback only)");
ABSL_FLAG(std::string, tenant, "bench", "Tenant to log into (identity_bench seeds it)");
ABSL_FLAG(std::string, admin_password, "bench-kunci-instansi", "Password of the tenant's admin");
ABSL_FLAG(std::string, employee_password, "bench-employee-password",
          "Password of every seeded employee");
ABSL_FLAG(int, concurrency, 8, "Worker threads, each a closed loop with its own connection");
ABSL_FLAG(int, seconds, 10, "Measured duration");
ABSL_FLAG(int, warmup_seconds, 1, "Unmeasured run before the measured duration");
ABSL_FLAG(int, employee_offset, 0,
          "create-entry: the workers are the tenant's employees offset+1..offset+concurrency");
ABSL_FLAG(std::string, window_marks, "",
          "When set, files <this>.start and <this>.end are created as the measured window opens "
          "and closes (for a script that samples the servers' CPU over the window)");
ABSL_FLAG(int64_t, max_requests, 5'000'000, "Upper bound of requests per run (all workers)");

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr int kMaxConcurrency = 256;
constexpr int kMaxSeconds = 600;

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "gateway_bench: %s\n", msg.c_str());
  std::exit(1);
}

struct Target {
  std::string host, port;
};

// Loopback only: the benchmark must never load anything but the gateway it started.
Target ParseTarget(const std::string& target) {
  if (!absl::StartsWith(target, "127.0.0.1:") && !absl::StartsWith(target, "localhost:")) {
    Die(absl::StrCat("--target must be a loopback address (127.0.0.1:PORT), got ", target));
  }
  const size_t colon = target.rfind(':');
  return {target.substr(0, colon), target.substr(colon + 1)};
}

struct Response {
  int status = 0;  // 0: no answer (the error says why)
  std::string body;
  std::string error;
};

// One keep-alive HTTP/1.1 connection.
class Connection {
 public:
  explicit Connection(Target target) : target_(std::move(target)) {}

  Response Request(http::verb verb, const std::string& path, const std::string& body,
                   const std::string& token) {
    http::request<http::string_body> req{verb, path, 11};
    req.set(http::field::host, target_.host);
    req.set(http::field::user_agent, "gateway_bench");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (verb != http::verb::get) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
    }
    req.keep_alive(true);
    req.prepare_payload();
    // A connection the server closed between requests is reopened once.
    for (int attempt = 0; attempt < 2; ++attempt) {
      Response r = Exchange(req);
      if (r.status != 0 || attempt == 1 || !reused_) return r;
      Close();
    }
    return {};
  }

 private:
  Response Exchange(const http::request<http::string_body>& req) {
    Response r;
    beast::error_code ec;
    reused_ = socket_.has_value();
    if (!socket_) {
      tcp::resolver resolver(io_);
      auto endpoints = resolver.resolve(target_.host, target_.port, ec);
      if (!ec) {
        socket_.emplace(io_);
        boost::asio::connect(*socket_, endpoints, ec);
        if (!ec) socket_->set_option(tcp::no_delay(true), ec);
      }
      if (ec) {
        Close();
        r.error = "connect: " + ec.message();
        return r;
      }
    }
    http::write(*socket_, req, ec);
    http::response<http::string_body> res;
    if (!ec) http::read(*socket_, buffer_, res, ec);
    if (ec) {
      Close();
      r.error = ec.message();
      return r;
    }
    r.status = static_cast<int>(res.result_int());
    r.body = std::move(res.body());
    if (!res.keep_alive()) Close();
    return r;
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

  const Target target_;
  boost::asio::io_context io_;
  std::optional<tcp::socket> socket_;
  beast::flat_buffer buffer_;
  bool reused_ = false;
};

// The value of the first "key":"value" string member of a JSON text, "" if none.
std::string JsonString(const std::string& json, const std::string& key) {
  const std::string open = "\"" + key + "\":\"";
  const size_t at = json.find(open);
  if (at == std::string::npos) return "";
  const size_t start = at + open.size();
  const size_t end = json.find('"', start);
  return end == std::string::npos ? "" : json.substr(start, end - start);
}

std::string Describe(const Response& r) {
  if (r.status == 0) return "no answer: " + r.error;
  std::string body = r.body.size() > 160 ? r.body.substr(0, 160) + "..." : r.body;
  return absl::StrCat("HTTP ", r.status, " ", body);
}

std::string Login(Connection& c, const std::string& username, const std::string& password) {
  const std::string body =
      absl::StrCat("{\"tenant\":\"", absl::GetFlag(FLAGS_tenant), "\",\"username\":\"", username,
                   "\",\"password\":\"", password, "\"}");
  // Many workers logging in at once (Argon2id each) can fill identity's admission queue: an
  // overloaded answer (503) is retried a few times.
  Response r;
  for (int attempt = 0; attempt < 10; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::seconds(1));
    r = c.Request(http::verb::post, "/v1/auth:login", body, "");
    if (r.status != 503) break;
  }
  std::string token;
  if (r.status == 200) {
    token = JsonString(r.body, "accessToken");
    if (token.empty()) token = JsonString(r.body, "access_token");  // grpc-gateway's field names
  }
  if (token.empty()) Die("login as " + username + ": " + Describe(r));
  return token;
}

// NIPs of `n` employees of the tenant, from GET /v1/employees as its admin (`token`).
std::vector<std::string> EmployeeNips(Connection& c, const std::string& token, int n) {
  Response r = c.Request(http::verb::get, absl::StrCat("/v1/employees?page_size=", n), "", token);
  if (r.status != 200) Die("GET /v1/employees: " + Describe(r));
  std::vector<std::string> nips;
  std::set<std::string> seen;
  static const std::regex kNip("\"nip\":\"([0-9]{18})\"");
  for (std::sregex_iterator it(r.body.begin(), r.body.end(), kNip), end; it != end; ++it) {
    if (seen.insert((*it)[1]).second) nips.push_back((*it)[1]);
  }
  if (static_cast<int>(nips.size()) < n) {
    Die(absl::StrCat("the tenant has ", nips.size(), " employees; --concurrency needs ", n));
  }
  nips.resize(static_cast<size_t>(n));
  return nips;
}

using ekinerja::bench::WorkerResult;

// One request of a worker's loop and what a good answer contains.
struct Call {
  http::verb verb = http::verb::get;
  std::string path, body, expect;
};
// A worker's k-th call (k from 0, warm-up included); nullopt when it has none left.
using NextCall = std::function<std::optional<Call>(int64_t k)>;

// C workers, each logged in as nips[w] on its own connection, calling make(w, nip)'s calls in a
// closed loop; reports the line of load_report.h.
int RunClosedLoop(const char* name, const Target& target, const ekinerja::bench::LoadPlan& plan,
                  const std::vector<std::string>& nips,
                  const std::function<NextCall(int w, const std::string& nip)>& make) {
  const int concurrency = plan.concurrency;
  const int64_t per_worker_cap = plan.PerWorkerCap();
  const std::string password = absl::GetFlag(FLAGS_employee_password);

  std::mutex mu;
  std::condition_variable cv;
  int ready = 0;
  bool go = false;
  Clock::time_point window_start, window_end;
  std::vector<WorkerResult> results(static_cast<size_t>(concurrency));
  std::vector<std::thread> threads;
  for (int w = 0; w < concurrency; ++w) {
    threads.emplace_back([&, w] {
      WorkerResult& r = results[static_cast<size_t>(w)];
      Connection c(target);
      const std::string& nip = nips[static_cast<size_t>(w)];
      const std::string token = Login(c, nip, password);
      const NextCall next = make(w, nip);
      Clock::time_point start, end;
      {
        std::unique_lock<std::mutex> lock(mu);
        ++ready;
        cv.notify_all();
        cv.wait(lock, [&] { return go; });
        start = window_start;
        end = window_end;
      }
      r.latencies_us.reserve(static_cast<size_t>(std::min<int64_t>(per_worker_cap, 1 << 20)));
      for (int64_t k = 0; k < per_worker_cap; ++k) {
        const auto t0 = Clock::now();
        if (t0 >= end) break;
        const std::optional<Call> call = next(k);
        if (!call) {
          ++r.error_kinds[absl::StrCat("a worker ran out of calls after ", k)];
          break;
        }
        Response res = c.Request(call->verb, call->path, call->body, token);
        const auto t1 = Clock::now();
        if (t0 < start || t1 > end) continue;  // warmup, or finished after the window closed
        if (res.status == 200 && absl::StrContains(res.body, call->expect)) {
          r.latencies_us.push_back(static_cast<uint32_t>(
              std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count()));
        } else {
          ++r.errors;
          ++r.error_kinds[Describe(res)];
        }
      }
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return ready == concurrency; });
    window_start = Clock::now() + std::chrono::seconds(plan.warmup);
    window_end = window_start + std::chrono::seconds(plan.seconds);
    go = true;
    cv.notify_all();
  }
  if (const std::string marks = absl::GetFlag(FLAGS_window_marks); !marks.empty()) {
    for (const auto& [at, suffix] :
         {std::make_pair(window_start, ".start"), std::make_pair(window_end, ".end")}) {
      std::this_thread::sleep_until(at);
      if (std::FILE* f = std::fopen((marks + suffix).c_str(), "w")) std::fclose(f);
    }
  }
  for (auto& t : threads) t.join();

  return ekinerja::bench::Report("gateway_bench", name, concurrency, plan.seconds, results);
}

ekinerja::bench::LoadPlan CheckedPlan() {
  const ekinerja::bench::LoadPlan plan{
      absl::GetFlag(FLAGS_concurrency), absl::GetFlag(FLAGS_seconds),
      absl::GetFlag(FLAGS_warmup_seconds), absl::GetFlag(FLAGS_max_requests)};
  if (std::string bad = ekinerja::bench::CheckLoadPlan(plan, kMaxConcurrency, kMaxSeconds);
      !bad.empty()) {
    Die(bad);
  }
  return plan;
}

int RunGetEmployee() {
  const Target target = ParseTarget(absl::GetFlag(FLAGS_target));
  const ekinerja::bench::LoadPlan plan = CheckedPlan();
  Connection admin(target);
  const std::vector<std::string> nips = EmployeeNips(
      admin, Login(admin, "admin", absl::GetFlag(FLAGS_admin_password)), plan.concurrency);
  return RunClosedLoop("rest-get-employee", target, plan, nips, [](int, const std::string& nip) {
    Call call{http::verb::get, "/v1/employees/" + nip, "", "\"nip\":\"" + nip + "\""};
    return NextCall([call](int64_t) { return std::optional<Call>(call); });
  });
}

// --- create-entry ------------------------------------------------------------------------------

// Minutes of entries one employee may hold on a day without a check-out (DOMAIN §5, the tenant
// default unknown_presence_minutes), each entry one minute from 07:00.
constexpr int kSlotsPerDay = 450;
constexpr char kDevice[] = "BENCH-ACTIVITY";
constexpr char kTemplate[] = "BENCH7";

std::string JsonDate(absl::CivilDay d) {
  return absl::StrCat("{\"year\":", d.year(), ",\"month\":", d.month(), ",\"day\":", d.day(), "}");
}

// A POST as the admin that must answer 200, or 409 when `again_ok` (a rerun on the same tenant).
void AdminPost(Connection& c, const std::string& token, const std::string& path,
               const std::string& body, bool again_ok) {
  Response r = c.Request(http::verb::post, path, body, token);
  if (r.status != 200 && !(again_ok && r.status == 409)) Die("POST " + path + ": " + Describe(r));
}

// Every worker's employee checked in on `days`, through attendance's REST API as the tenant's
// admin: a schedule of every day 00:00-23:59 for the whole tenant (so that any day is a workday
// and 00:00:30 its check-in), a device, a PIN for each employee (first_pin + 1 on), and one ATTLOG
// import of one punch at 00:00:30 of each day for each of them.
void CheckIn(Connection& c, const std::string& token, const std::vector<std::string>& nips,
             int first_pin, const std::vector<absl::CivilDay>& days) {
  std::string week;
  for (int d = 0; d < 7; ++d)
    absl::StrAppend(&week, d ? "," : "", R"({"start":"00:00","end":"23:59"})");
  AdminPost(c, token, "/v1/scheduleTemplates",
            absl::StrCat(R"({"code":")", kTemplate, R"(","name":"Bench: every day","days":[)", week,
                         "]}"),
            true);
  AdminPost(c, token, "/v1/scheduleAssignments?requestId=bench-activity",
            absl::StrCat(R"({"templateCode":")", kTemplate, R"(","startDate":)",
                         JsonDate(days.front() - 1), "}"),
            true);
  AdminPost(c, token, "/v1/devices",
            absl::StrCat(R"({"serialNumber":")", kDevice,
                         R"(","timeZone":"Asia/Jakarta","inServiceDate":)",
                         JsonDate(days.front() - 1), "}"),
            true);
  std::string log;
  for (size_t w = 0; w < nips.size(); ++w) {
    AdminPost(c, token, "/v1/pinMappings",
              absl::StrCat(R"({"pin":")", first_pin + w + 1, R"(","nip":")", nips[w], R"("})"),
              true);
    for (absl::CivilDay d : days) {
      absl::StrAppend(&log, first_pin + w + 1, "\\t", absl::FormatCivilTime(d),
                      " 00:00:30\\t0\\t1\\n");
    }
  }
  Response r =
      c.Request(http::verb::post, absl::StrCat("/v1/devices/", kDevice, ":importLog"),
                absl::StrCat(R"({"format":"LOG_FORMAT_ATTLOG","content":")", log, R"("})"), token);
  if (r.status != 200 || absl::StrContains(r.body, "\"errors\":[{")) {
    Die("POST importLog: " + Describe(r));
  }
  std::fprintf(stderr, "gateway_bench: %zu employees checked in on %zu days: %s\n", nips.size(),
               days.size(), r.body.c_str());
}

int RunCreateEntry() {
  const Target target = ParseTarget(absl::GetFlag(FLAGS_target));
  const ekinerja::bench::LoadPlan plan = CheckedPlan();
  absl::TimeZone zone;
  if (!absl::LoadTimeZone("Asia/Jakarta", &zone)) Die("no zone Asia/Jakarta");
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), zone);
  // Yesterday's entries are still accepted (until today 23:59): twice the slots.
  const std::vector<absl::CivilDay> days = {today, today - 1};
  Connection admin(target);
  const std::string token = Login(admin, "admin", absl::GetFlag(FLAGS_admin_password));
  const int offset = absl::GetFlag(FLAGS_employee_offset);
  if (offset < 0 || offset > 100000) Die("--employee_offset must be 0..100000");
  std::vector<std::string> nips = EmployeeNips(admin, token, offset + plan.concurrency);
  nips.erase(nips.begin(), nips.begin() + offset);
  CheckIn(admin, token, nips, offset, days);
  const int64_t run = absl::ToUnixSeconds(absl::Now());
  return RunClosedLoop(
      "rest-create-entry", target, plan, nips, [&days, run](int w, const std::string&) {
        return NextCall([&days, run, w](int64_t k) -> std::optional<Call> {
          if (k >= kSlotsPerDay * static_cast<int64_t>(days.size())) return std::nullopt;
          const absl::CivilDay day = days[static_cast<size_t>(k / kSlotsPerDay)];
          const int start = 7 * 60 + static_cast<int>(k % kSlotsPerDay);
          auto hhmm = [](int m) { return absl::StrFormat("%02d:%02d", m / 60, m % 60); };
          return Call{
              http::verb::post, "/v1/entries",
              absl::StrCat(
                  R"({"entry":{"workDate":)", JsonDate(day), R"(,"startTime":")", hhmm(start),
                  R"(","endTime":")", hhmm(start + 1),
                  R"(","description":"Menyusun laporan kegiatan )", k,
                  R"(","tugasTambahanRef":"ST/001/BENCH","outputQuantity":"1",)",
                  R"("outputUnit":"laporan","evidenceLink":"https://bench.invalid/bukti"},)",
                  R"("requestId":"bench-)", run, "-", w, "-", k, R"("})"),
              R"("status":"ENTRY_STATUS_DRAFT")"};
        });
      });
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gateway_bench get-employee|create-entry --target=127.0.0.1:PORT [flags]: closed-loop REST "
      "load against "
      "ekinerja-gateway (tests/bench/gateway_run drives it)");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string command = args.size() == 2 ? args[1] : "";
  if (command == "get-employee") return RunGetEmployee();
  if (command == "create-entry") return RunCreateEntry();
  Die("one subcommand: get-employee or create-entry (--help for flags)");
}

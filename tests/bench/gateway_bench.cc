// gateway_bench: a closed-loop HTTP/1.1 load generator for ekinerja-gateway's REST side, the
// counterpart of identity_bench's get-employee over native gRPC (tests/bench/gateway_run runs
// both).
//
//   gateway_bench get-employee --target=127.0.0.1:P --concurrency=C --seconds=S
//       lists the tenant's employees as its admin (GET /v1/employees), then each of C workers
//       logs in as a different employee (POST /v1/auth:login, username = NIP) and reads its own
//       record in a loop: GET /v1/employees/<nip> with its bearer token
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
  Response r = c.Request(http::verb::post, "/v1/auth:login", body, "");
  std::string token;
  if (r.status == 200) {
    token = JsonString(r.body, "accessToken");
    if (token.empty()) token = JsonString(r.body, "access_token");  // grpc-gateway's field names
  }
  if (token.empty()) Die("login as " + username + ": " + Describe(r));
  return token;
}

// NIPs of `n` employees of the tenant, from GET /v1/employees as its admin.
std::vector<std::string> EmployeeNips(const Target& target, int n) {
  Connection c(target);
  const std::string token = Login(c, "admin", absl::GetFlag(FLAGS_admin_password));
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

int RunGetEmployee() {
  const Target target = ParseTarget(absl::GetFlag(FLAGS_target));
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
  const std::vector<std::string> nips = EmployeeNips(target, concurrency);
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
      const std::string path = "/v1/employees/" + nip;
      const std::string expect = "\"nip\":\"" + nip + "\"";
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
        Response res = c.Request(http::verb::get, path, "", token);
        const auto t1 = Clock::now();
        if (t0 < start || t1 > end) continue;  // warmup, or finished after the window closed
        if (res.status == 200 && absl::StrContains(res.body, expect)) {
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
    window_start = Clock::now() + std::chrono::seconds(warmup);
    window_end = window_start + std::chrono::seconds(seconds);
    go = true;
    cv.notify_all();
  }
  for (auto& t : threads) t.join();

  return ekinerja::bench::Report("gateway_bench", "rest-get-employee", concurrency, seconds,
                                 results);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gateway_bench get-employee --target=127.0.0.1:PORT [flags]: closed-loop REST load against "
      "ekinerja-gateway (tests/bench/gateway_run drives it)");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2 || std::string(args[1]) != "get-employee") {
    Die("one subcommand: get-employee (--help for flags)");
  }
  return RunGetEmployee();
}

#pragma once

// What the benchmarks that drive the real services over loopback gRPC share (scoring_bench,
// warning_bench; their scripts start the processes): a channel, a call's context with a bearer
// and a deadline, the checks that end the run on an error, waiting until the services are
// SERVING, and the mark files around each measured call (the scripts sample the processes' CPU
// when they appear). Any error ends the run.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench_pg.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace ekinerja::bench {

using Clock = std::chrono::steady_clock;

[[noreturn]] inline void Die(const std::string& what) { PgDie(what); }

// $name; the run ends when it is unset or empty.
inline std::string Env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') Die(absl::StrCat("$", name, " is needed"));
  return v;
}

inline double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

inline std::unique_ptr<grpc::ClientContext> Context(const std::string& token, int seconds) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
  if (!token.empty()) ctx->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  return ctx;
}

inline void Check(const grpc::Status& s, const std::string& what) {
  if (!s.ok()) Die(absl::StrCat(what, ": code ", s.error_code(), ": ", s.error_message()));
}

inline std::shared_ptr<grpc::Channel> Channel(const std::string& target) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

// Until each of the comma-separated `targets` says SERVING to a health check; the run ends when
// one has not within `timeout_seconds`.
inline int WaitServing(const std::string& targets, int timeout_seconds) {
  const auto give_up = Clock::now() + std::chrono::seconds(timeout_seconds);
  for (absl::string_view target : absl::StrSplit(targets, ',')) {
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

// Creates the file PREFIX.<name> (nothing when `prefix` is empty).
inline void Mark(const std::string& prefix, const std::string& name) {
  if (!prefix.empty()) std::ofstream(absl::StrCat(prefix, ".", name)) << "\n";
}

}  // namespace ekinerja::bench

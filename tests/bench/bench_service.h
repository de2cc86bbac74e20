#pragma once

// What the in-process service benchmarks (skp_bench, activity_bench) share: the database URL from
// --db_url or the environment, a service's ServerOptions as main.cc would set them on a free
// loopback port, starting what its wiring built, and the seconds since a start. Any error ends the
// run.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "bench_pg.h"
#include "grpcpp/grpcpp.h"
#include "server.h"

namespace ekinerja::bench {

// `flag`, else $EKINERJA_DB_URL (the password travels in the environment, not on a command line
// others can read); "" when neither.
inline std::string DbUrl(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("EKINERJA_DB_URL");
  return env == nullptr ? "" : env;
}

// The URL of DbUrl, after checking the run's shape: any of them missing or not positive ends it.
inline std::string CheckedRun(const std::string& db_url_flag, int employees, int runs) {
  std::string url = DbUrl(db_url_flag);
  if (url.empty() || employees <= 0 || runs <= 0) PgDie("--db_url, --employees > 0, --runs > 0");
  return url;
}

// `service` on a free loopback gRPC port, without metrics, on `schema` of `url`.
inline ServerOptions InProcessOptions(const std::string& service, const std::string& url,
                                      const std::string& schema) {
  ServerOptions options;
  options.service = service;
  options.grpc_port = 0;
  options.metrics_port = -1;
  options.db_url = url;
  options.db_schema = schema;
  options.drain = absl::Seconds(1);
  return options;
}

template <typename T>
T ValueOrDie(absl::StatusOr<T> v) {
  if (!v.ok()) PgDie(v.status().ToString());
  return *std::move(v);
}

// Starts `setup` (what the service's wiring built) on `host`; a channel to it.
inline std::shared_ptr<grpc::Channel> StartOrDie(ServiceHost& host, const ServiceSetup& setup) {
  if (absl::Status st = host.Start(setup.services, setup.verifier, setup.public_methods);
      !st.ok()) {
    PgDie(st.ToString());
  }
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", host.grpc_port()),
                             grpc::InsecureChannelCredentials());
}

inline double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The lines of a COPY TO text: its rows.
inline int64_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

struct StreamRead {
  int64_t messages = 0, bytes = 0;  // bytes: the messages' serialized size
  double seconds = 0;
};

// A whole server stream of `rpc`, opened by `open(&ctx)` with `token` as the bearer; the run ends
// unless it finishes OK with exactly `want` messages.
template <typename Message, typename Open>
StreamRead ReadStream(const char* rpc, const std::string& token, int64_t want, Open open) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + token);
  const auto t0 = std::chrono::steady_clock::now();
  auto reader = open(&ctx);
  Message m;
  StreamRead out;
  while (reader->Read(&m)) {
    ++out.messages;
    out.bytes += static_cast<int64_t>(m.ByteSizeLong());
  }
  const grpc::Status st = reader->Finish();
  out.seconds = Since(t0);
  if (!st.ok()) PgDie(absl::StrCat(rpc, ": ", st.error_message()));
  if (out.messages != want) PgDie(absl::StrCat(rpc, " gave ", out.messages, " messages"));
  return out;
}

}  // namespace ekinerja::bench

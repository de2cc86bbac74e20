// ekinerja-gateway: the clients' entry point (DESIGN §8). REST/JSON on --http_port, transcoded to
// gRPC by the google.api.http rules of the descriptor set; native gRPC passed through on
// --grpc_port; both check the bearer JWT against identity's JWKS first, and behave as Envoy's
// grpc_json_transcoder + jwt_authn + router would with the same descriptor set (deploy/envoy).

#include <csignal>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "channel.h"
#include "file.h"
#include "flags.h"
#include "gateway_wiring.h"
#include "log.h"
#include "transcode/transcoder.h"
#include "verified_token_cache.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "Address to listen on (HTTP, gRPC and metrics)");
ABSL_FLAG(int, http_port, 8080, "REST/JSON port (0: any free port)");
ABSL_FLAG(int, grpc_port, 8081, "Native gRPC pass-through port (0: any free port; -1: none)");
ABSL_FLAG(int, metrics_port, 9100, "Prometheus /metrics port (0: any free port; -1: none)");
ABSL_FLAG(std::string, descriptor_set, "",
          "The descriptor set the build writes (build/ekinerja.pb: protoc --include_imports); "
          "required");
ABSL_FLAG(std::string, upstreams, "",
          "Comma-separated <package.Service>=<host:port or gRPC target>, one per routed service; "
          "ekinerja.identity.v1.IdentityService defaults to 127.0.0.1:50051. The gateway refuses "
          "to start when a routed service has none");
ABSL_FLAG(std::string, cors_origins, "",
          "Comma-separated origins a browser console may call from "
          "(https://console.example.go.id); * for any");
ABSL_FLAG(int64_t, max_body_bytes, 1 << 20, "Largest request body (413 beyond)");
ABSL_FLAG(int, max_header_bytes, 16 << 10, "Largest request header (431 beyond)");
ABSL_FLAG(int, read_timeout_seconds, 30, "How long a client may take to send one request");
ABSL_FLAG(int, idle_timeout_seconds, 60, "How long a keep-alive connection may wait idle");
ABSL_FLAG(int, upstream_timeout_seconds, 30,
          "Deadline of an upstream call when the client sends no grpc-timeout, and the most a "
          "grpc-timeout may ask for (504 beyond)");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(int, drain_seconds, 10, "On SIGTERM, how long requests in flight may finish");
ABSL_FLAG(int, http_threads, 2, "Event-loop threads of the HTTP server");

namespace {

int Fail(std::string_view what, const absl::Status& status) {
  ekinerja::LogError(what, {{"error", status.ToString()}});
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ekinerja;
  using namespace ekinerja::gateway;
  ParseFlags(argc, argv, "ekinerja-gateway: the REST/JSON and gRPC entry point of e-Kinerja");
  InitLogging("gateway");
  // SIGTERM/SIGINT are taken by sigwait below, in this thread only: block them before any thread
  // starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  for (const auto& [name, value] : std::initializer_list<std::pair<const char*, int64_t>>{
           {"max_body_bytes", absl::GetFlag(FLAGS_max_body_bytes)},
           {"max_header_bytes", absl::GetFlag(FLAGS_max_header_bytes)},
           {"read_timeout_seconds", absl::GetFlag(FLAGS_read_timeout_seconds)},
           {"idle_timeout_seconds", absl::GetFlag(FLAGS_idle_timeout_seconds)},
           {"upstream_timeout_seconds", absl::GetFlag(FLAGS_upstream_timeout_seconds)},
           {"http_threads", absl::GetFlag(FLAGS_http_threads)}}) {
    if (value <= 0) {
      return Fail("cannot start",
                  absl::InvalidArgumentError(absl::StrCat("--", name, " must be positive")));
    }
  }
  const std::string descriptor_path = absl::GetFlag(FLAGS_descriptor_set);
  if (descriptor_path.empty()) {
    return Fail("cannot start",
                absl::InvalidArgumentError("--descriptor_set is required (build/ekinerja.pb)"));
  }
  auto descriptor_set = ReadFile(descriptor_path);
  if (!descriptor_set.ok()) return Fail("cannot start", descriptor_set.status());
  auto transcoder = Transcoder::Load(*descriptor_set);
  if (!transcoder.ok()) return Fail("cannot load the descriptor set", transcoder.status());

  GatewayOptions options;
  options.core.upstreams = absl::GetFlag(FLAGS_upstreams);
  // TLS as every service dials (--tls_*); every upstream call carries the gateway's own deadline,
  // the client's grpc-timeout bounded by --upstream_timeout_seconds (which --rpc_deadline_seconds
  // would be elsewhere).
  options.core.upstream = ChannelOptionsFromFlags();
  options.core.upstream.deadline = absl::Seconds(absl::GetFlag(FLAGS_upstream_timeout_seconds));
  options.core.jwt.issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.core.jwt.audience = absl::GetFlag(FLAGS_jwt_audience);
  options.core.jwt.cache_capacity = absl::GetFlag(FLAGS_jwt_cache_size);
  const std::string host = absl::GetFlag(FLAGS_host);
  options.metrics_port = absl::GetFlag(FLAGS_metrics_port);
  options.grpc_port = absl::GetFlag(FLAGS_grpc_port);
  options.descriptor_set = *std::move(descriptor_set);
  RestGatewayOptions& rest = options.rest;
  rest.http.host = host;
  rest.http.port = absl::GetFlag(FLAGS_http_port);
  rest.http.threads = absl::GetFlag(FLAGS_http_threads);
  rest.http.max_body_bytes = static_cast<uint64_t>(absl::GetFlag(FLAGS_max_body_bytes));
  rest.http.max_header_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_header_bytes));
  rest.http.read_timeout = absl::Seconds(absl::GetFlag(FLAGS_read_timeout_seconds));
  rest.http.write_timeout = rest.http.read_timeout;
  rest.http.idle_timeout = absl::Seconds(absl::GetFlag(FLAGS_idle_timeout_seconds));
  rest.cors_origins = absl::GetFlag(FLAGS_cors_origins);
  rest.rest.upstream_timeout = absl::Seconds(absl::GetFlag(FLAGS_upstream_timeout_seconds));
  auto gateway = StartGateway(**transcoder, std::move(options));
  if (!gateway.ok()) return Fail("cannot start", gateway.status());

  const int grpc_port = (*gateway)->grpc_port(), metrics_port = (*gateway)->metrics_port();
  LogInfo("serving",
          {{"http", absl::StrCat(host, ":", (*gateway)->http_port())},
           {"grpc", grpc_port >= 0 ? absl::StrCat(host, ":", grpc_port) : "off"},
           {"metrics", metrics_port >= 0 ? absl::StrCat(host, ":", metrics_port) : "off"},
           {"routes", absl::StrCat((*transcoder)->Services().size(), " services")}});

  int sig = 0;
  sigwait(&signals, &sig);
  LogInfo("signal received; draining", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*gateway)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_drain_seconds)));
  gateway->reset();
  LogInfo("stopped");
  return 0;
}

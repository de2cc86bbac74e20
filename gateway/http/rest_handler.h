#pragma once

// The REST/JSON front door: what Envoy's cors + jwt_authn + grpc_json_transcoder + router filters
// do with the same descriptor set (DESIGN §8), in that order:
//   1. a CORS preflight from an allowed origin is answered (cors.h);
//   2. GET /healthz, GET /readyz and GET /.well-known/jwks.json are the gateway's own;
//   3. the request is matched to a gRPC method (Transcoder::ToGrpc);
//   4. unless that method is public (services/common/base/public_methods.h), the bearer token is
//   checked (JwtCheck):
//      a refusal is 401 (403 for a wrong audience, as Envoy) and nothing goes upstream; a request
//      that matches no route needs a token too, as behind Envoy's jwt_authn;
//   5. a request that did not transcode is answered 404 (no route) or 400 (bad query parameter or
//      JSON);
//   6. the call goes to the owning service with the client's headers as metadata (authorization,
//      x-request-id, x-forwarded-for, ...) and a deadline (grpc-timeout, capped, or the default);
//   7. the answer is the response as JSON, or the gRPC status as HTTP (http_status.h) with a
//      google.rpc.Status JSON body (Transcoder::StatusToJson).
// Every answer carries x-request-id; each request is counted (http_metrics.h) and logged once.

#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/support/status_code_enum.h"
#include "http/cors.h"
#include "http/http_metrics.h"
#include "http_server.h"
#include "transcode/transcoder.h"
#include "upstream/jwt_check.h"
#include "upstream/readiness.h"
#include "upstream/unary_call.h"

namespace ekinerja::gateway {

struct RestOptions {
  // The deadline of an upstream call when the client sends no grpc-timeout, and the most a
  // grpc-timeout may ask for.
  absl::Duration upstream_timeout = absl::Seconds(30);
};

class RestHandler : public HttpHandler {
 public:
  // Everything is borrowed and must outlive the handler; `metrics` may be null.
  RestHandler(const Transcoder& transcoder, UnaryCaller& caller, JwtCheck& jwt,
              ReadinessProbe& readiness, CorsPolicy cors, HttpMetrics* metrics,
              RestOptions options);
  // WaitIdle().
  ~RestHandler() override;

  void Handle(HttpRequest request, Responder respond) override;
  HttpResponse Refuse(int http_status, absl::string_view message, const HttpRequestMessage* header,
                      absl::string_view remote_address) override;

  // Returns once every request handed to Handle has been answered (or its answer dropped). Call
  // after the server stopped and the caller was closed, before the handler goes.
  void WaitIdle();

  struct Exchange;

 private:
  void Transcoded(std::shared_ptr<Exchange> x, absl::StatusOr<Transcoder::Call> call);
  void CallUpstream(std::shared_ptr<Exchange> x, Transcoder::Call call);
  void ServeJwks(std::shared_ptr<Exchange> x);
  void ServeReadiness(std::shared_ptr<Exchange> x);
  void ReplyError(const std::shared_ptr<Exchange>& x, grpc::StatusCode code,
                  absl::string_view message, absl::string_view details = "");
  void Reply(const std::shared_ptr<Exchange>& x, HttpResponse response);

  const Transcoder& transcoder_;
  UnaryCaller& caller_;
  JwtCheck& jwt_;
  ReadinessProbe& readiness_;
  const CorsPolicy cors_;
  HttpMetrics* const metrics_;
  const RestOptions options_;

  absl::Mutex mu_;
  int outstanding_ ABSL_GUARDED_BY(mu_) = 0;  // requests handed to Handle, not yet answered
};

// The deadline a grpc-timeout header asks for ("100m", "30S", "2M": up to 8 digits and one of
// H M S m u n); nullopt when the value is not of that form.
std::optional<absl::Duration> ParseGrpcTimeout(absl::string_view value);

}  // namespace ekinerja::gateway

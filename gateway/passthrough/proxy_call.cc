#include "passthrough/proxy_call.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "http/forwarded_for.h"
#include "log.h"
#include "metrics.h"
#include "rpc_util.h"
#include "upstream/upstream_metrics.h"

namespace ekinerja::gateway {
namespace {

absl::string_view View(grpc::string_ref s) { return absl::string_view(s.data(), s.size()); }

// Metadata that belongs to one hop: the transport's own headers (pseudo-headers, te,
// content-type, user-agent), gRPC's reserved ones (grpc-timeout becomes the deadline, grpc-status
// and grpc-status-details-bin travel in the Status), and x-request-id and x-forwarded-for, which
// the gateway sets.
bool HopByHop(absl::string_view key) {
  return absl::StartsWith(key, ":") || absl::StartsWith(key, "grpc-") || key == "te" ||
         key == "content-type" || key == "user-agent" || key == "host" || key == "connection" ||
         key == "x-request-id" || key == "x-forwarded-for";
}

}  // namespace

grpc::ServerGenericBidiReactor* ProxyCall::Start(grpc::GenericCallbackServerContext* ctx,
                                                 const UpstreamRoute* route, JwtCheck* jwt,
                                                 std::vector<std::string> authorization,
                                                 std::string request_id,
                                                 std::chrono::system_clock::time_point deadline,
                                                 PassthroughMetrics::Call metrics) {
  auto* call = new ProxyCall(ctx, route, std::move(request_id), deadline, std::move(metrics));
  if (jwt == nullptr) {
    call->Authorized(JwtVerdict());
    return call;
  }
  // The pending check holds the call; if the check is dropped unrun (the JwtCheck shuts down),
  // destroying the callback releases it.
  call->refs_.fetch_add(1, std::memory_order_relaxed);
  std::shared_ptr<ProxyCall> pending(call, [](ProxyCall* c) { c->Unref(); });
  jwt->CheckAsync(std::move(authorization),
                  [pending](JwtVerdict verdict) { pending->Authorized(verdict); });
  return call;
}

ProxyCall::ProxyCall(grpc::GenericCallbackServerContext* ctx, const UpstreamRoute* route,
                     std::string request_id, std::chrono::system_clock::time_point deadline,
                     PassthroughMetrics::Call metrics)
    : server_ctx_(ctx), route_(route), metrics_(std::move(metrics)), request_id_(request_id) {
  std::vector<absl::string_view> forwarded_for;
  for (const auto& [key, value] : ctx->client_metadata()) {
    if (View(key) == "x-forwarded-for") forwarded_for.push_back(View(value));
    if (HopByHop(View(key))) continue;
    upstream_ctx_.AddMetadata(std::string(key.data(), key.size()),
                              std::string(value.data(), value.size()));
  }
  upstream_ctx_.AddMetadata("x-request-id", request_id);
  if (std::string xff = ForwardedFor(forwarded_for, PeerAddress(ctx)); !xff.empty()) {
    upstream_ctx_.AddMetadata("x-forwarded-for", std::move(xff));
  }
  upstream_ctx_.set_deadline(deadline);
  ctx->AddInitialMetadata("x-request-id", request_id);
}

void ProxyCall::Authorized(const JwtVerdict& verdict) {
  grpc::Status answer;
  {
    absl::MutexLock lock(&mu_);
    if (phase_ != Phase::kAuthorizing) return;  // cancelled while the token was checked
    if (!verdict.ok()) {
      // Envoy's jwt_authn reply, as a gRPC client of Envoy sees it (401 -> UNAUTHENTICATED,
      // 403 -> PERMISSION_DENIED, with its text).
      answer = grpc::Status(verdict.code, verdict.message);
    } else if (route_ == nullptr) {
      answer = grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                            absl::StrCat("no upstream serves the method ", server_ctx_->method()));
    }
    tenant_ = verdict.claims.tenant;
    phase_ = answer.ok() ? Phase::kRelaying : Phase::kAnswered;
  }
  if (answer.ok()) {
    StartRelay();
  } else {
    Answer(answer);
  }
}

void ProxyCall::Answer(const grpc::Status& status) {
  Record(status);
  Finish(status);
}

void ProxyCall::Record(const grpc::Status& status) {
  const grpc::StatusCode code = status.error_code();
  metrics_.Handled(code);
  // One line per call, as the REST side writes one per request; failures of the gateway or the
  // upstream (not the caller's) as warnings.
  const bool failed = code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::INTERNAL ||
                      code == grpc::StatusCode::UNKNOWN || code == grpc::StatusCode::DATA_LOSS;
  const std::string duration_ms =
      absl::StrFormat("%.3f", absl::ToDoubleMilliseconds(absl::Now() - started_));
  if (failed) {
    LogWarn("call", {{"method", server_ctx_->method()},
                     {"tenant", tenant_},
                     {"request_id", request_id_},
                     {"grpc_code", GrpcCodeName(code)},
                     {"duration_ms", duration_ms},
                     {"error", status.error_message()}});
  } else {
    LogInfo("call", {{"method", server_ctx_->method()},
                     {"tenant", tenant_},
                     {"request_id", request_id_},
                     {"grpc_code", GrpcCodeName(code)},
                     {"duration_ms", duration_ms}});
  }
}

void ProxyCall::StartRelay() {
  refs_.fetch_add(1, std::memory_order_relaxed);  // the upstream call's, until its OnDone
  route_->stub->PrepareBidiStreamingCall(&upstream_ctx_, server_ctx_->method(), grpc::StubOptions(),
                                         &upstream_);
  upstream_.AddMultipleHolds(2);  // one per pump, released when the pump is over
  // The first request may arrive before StartCall: its upstream write then waits for it.
  StartRead(&request_);
  upstream_started_ = absl::Now();
  // Last: from here on the upstream's reactions may run, on other threads.
  upstream_.StartCall();
}

// --- requests: client -> upstream --------------------------------------------------------------

void ProxyCall::OnReadDone(bool ok) {
  {
    absl::MutexLock lock(&mu_);
    // The upstream ended while this read waited; UpstreamEnded released the pump's hold.
    if (request_pump_ == RequestPump::kClosed) return;
    request_pump_ = ok ? RequestPump::kWritingUpstream : RequestPump::kClosed;
  }
  if (ok) {
    metrics_.Received();
    upstream_.StartWrite(&request_);
  } else {
    // The client half-closed (or the call broke): so does the gateway, upstream.
    upstream_.StartWritesDone();
    upstream_.RemoveHold();
  }
}

void ProxyCall::UpstreamWriteDone(bool ok) {
  bool read_more;
  {
    absl::MutexLock lock(&mu_);
    read_more = ok && !upstream_ended_;
    request_pump_ = read_more ? RequestPump::kReadingClient : RequestPump::kClosed;
  }
  if (read_more) {
    StartRead(&request_);
  } else {
    upstream_.RemoveHold();
  }
}

void ProxyCall::UpstreamEnded() {
  bool release;
  {
    absl::MutexLock lock(&mu_);
    upstream_ended_ = true;
    release = request_pump_ == RequestPump::kReadingClient;
    if (release) request_pump_ = RequestPump::kClosed;
  }
  if (release) upstream_.RemoveHold();
}

// --- responses: upstream -> client -------------------------------------------------------------

void ProxyCall::UpstreamHeadersDone(bool ok) {
  if (!ok) {
    // Nothing will come (e.g. the upstream is unreachable); its status follows in OnDone.
    UpstreamEnded();
    upstream_.RemoveHold();
    return;
  }
  for (const auto& [key, value] : upstream_ctx_.GetServerInitialMetadata()) {
    if (HopByHop(View(key))) continue;
    server_ctx_->AddInitialMetadata(std::string(key.data(), key.size()),
                                    std::string(value.data(), value.size()));
  }
  StartSendInitialMetadata();
  upstream_.StartRead(&response_);
}

void ProxyCall::UpstreamReadDone(bool ok) {
  if (ok) {
    StartWrite(&response_);
    return;
  }
  UpstreamEnded();
  upstream_.RemoveHold();
}

void ProxyCall::OnWriteDone(bool ok) {
  if (ok) {
    metrics_.Sent();
    upstream_.StartRead(&response_);
    return;
  }
  // The client is gone: so is the upstream call.
  upstream_ctx_.TryCancel();
  UpstreamEnded();
  upstream_.RemoveHold();
}

// --- the end -----------------------------------------------------------------------------------

void ProxyCall::UpstreamDone(const grpc::Status& status) {
  for (const auto& [key, value] : upstream_ctx_.GetServerTrailingMetadata()) {
    if (HopByHop(View(key))) continue;
    server_ctx_->AddTrailingMetadata(std::string(key.data(), key.size()),
                                     std::string(value.data(), value.size()));
  }
  if (route_->metrics != nullptr) {
    route_->metrics->Observe(route_->service, status.error_code(), absl::Now() - upstream_started_);
  }
  Record(status);
  // The status as the upstream sent it: code, message and details (grpc-status-details-bin).
  Finish(status);
  Unref();
}

void ProxyCall::OnCancel() {
  bool answer = false;
  {
    absl::MutexLock lock(&mu_);
    if (phase_ == Phase::kAuthorizing) {
      phase_ = Phase::kAnswered;
      answer = true;
    }
  }
  if (answer) {
    Answer(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled while the token was checked"));
  } else {
    upstream_ctx_.TryCancel();  // a no-op when no upstream call was made
  }
}

void ProxyCall::OnDone() { Unref(); }

void ProxyCall::Unref() {
  if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
}

}  // namespace ekinerja::gateway

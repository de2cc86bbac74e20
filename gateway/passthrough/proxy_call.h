#pragma once

// One call of the gRPC pass-through: a server reactor (the client's call to the gateway) joined
// to a client reactor (the gateway's call to the upstream), both seen as bidi streams of opaque
// messages, which covers all four kinds of call.
//
// First the token is checked, on the JwtCheck's threads (a JWKS fetch never blocks gRPC's); a
// refused call, or one for a service without an upstream, is finished by the gateway. Then two
// pumps run independently, each one operation at a time:
//   requests:  read from the client -> write to the upstream -> read from the client ...
//              (the client's half-close becomes the upstream's WritesDone)
//   responses: upstream initial metadata -> read from the upstream -> write to the client ...
// The upstream's status, with its trailers, finishes the client's call. Each pump starts upstream
// operations from the client's reactions, so each holds the upstream stream (AddHold) until it is
// over. State shared across threads is under one mutex, and no gRPC operation is started while
// it is held (a reaction may run inline).

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/client_callback.h"
#include "passthrough/passthrough_metrics.h"
#include "upstream/jwt_check.h"

namespace ekinerja::gateway {

class UpstreamMetrics;

// Where the calls of one service go.
struct UpstreamRoute {
  std::string service;  // "ekinerja.identity.v1.IdentityService"
  std::unique_ptr<grpc::GenericStub> stub;
  UpstreamMetrics* metrics = nullptr;  // counts the upstream calls; may be null
};

class ProxyCall final : public grpc::ServerGenericBidiReactor {
 public:
  // Serves the call of `ctx`: checks `authorization` (every value the client sent) with `jwt`
  // (no check when null), then relays to `route` with `deadline`, or answers UNIMPLEMENTED when
  // it is null. `request_id` goes up as x-request-id and comes back in the initial metadata;
  // x-forwarded-for goes up ending with the client's address (http/forwarded_for.h). The call
  // deletes itself when done.
  static grpc::ServerGenericBidiReactor* Start(grpc::GenericCallbackServerContext* ctx,
                                               const UpstreamRoute* route, JwtCheck* jwt,
                                               std::vector<std::string> authorization,
                                               std::string request_id,
                                               std::chrono::system_clock::time_point deadline,
                                               PassthroughMetrics::Call metrics);

  // The client's side.
  void OnReadDone(bool ok) override;
  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  class Upstream final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
   public:
    explicit Upstream(ProxyCall* call) : call_(call) {}
    void OnReadInitialMetadataDone(bool ok) override { call_->UpstreamHeadersDone(ok); }
    void OnReadDone(bool ok) override { call_->UpstreamReadDone(ok); }
    void OnWriteDone(bool ok) override { call_->UpstreamWriteDone(ok); }
    void OnDone(const grpc::Status& status) override { call_->UpstreamDone(status); }

   private:
    ProxyCall* const call_;
  };

  enum class Phase {
    kAuthorizing,  // the token is being checked
    kRelaying,     // the upstream call runs; it finishes the client's call
    kAnswered,     // the gateway finished the call itself
  };
  enum class RequestPump {
    kReadingClient,    // a read from the client is in flight
    kWritingUpstream,  // a write to the upstream is in flight
    kClosed,           // over; its hold on the upstream is released
  };

  ProxyCall(grpc::GenericCallbackServerContext* ctx, const UpstreamRoute* route,
            std::string request_id, std::chrono::system_clock::time_point deadline,
            PassthroughMetrics::Call metrics);
  ~ProxyCall() override = default;

  // The token check's outcome: relay, or answer.
  void Authorized(const JwtVerdict& verdict);
  void Answer(const grpc::Status& status);
  void StartRelay();
  // Counts and logs the call's outcome (once, just before it is finished).
  void Record(const grpc::Status& status);

  // The upstream's side.
  void UpstreamHeadersDone(bool ok);
  void UpstreamReadDone(bool ok);
  void UpstreamWriteDone(bool ok);
  void UpstreamDone(const grpc::Status& status);

  // The upstream will send nothing more (its stream ended or never began): the request pump, if
  // it waits on the client, stops now rather than when the client next writes.
  void UpstreamEnded();
  void Unref();

  grpc::GenericCallbackServerContext* const server_ctx_;
  const UpstreamRoute* const route_;
  grpc::ClientContext upstream_ctx_;
  Upstream upstream_{this};
  PassthroughMetrics::Call metrics_;
  const std::string request_id_;
  const absl::Time started_ = absl::Now();
  // The token's, for the log: set once, under mu_, before the relay or the answer starts.
  std::string tenant_;
  absl::Time upstream_started_;

  grpc::ByteBuffer request_;   // owned by the request pump
  grpc::ByteBuffer response_;  // owned by the response pump

  absl::Mutex mu_;
  Phase phase_ ABSL_GUARDED_BY(mu_) = Phase::kAuthorizing;
  RequestPump request_pump_ ABSL_GUARDED_BY(mu_) = RequestPump::kReadingClient;
  bool upstream_ended_ ABSL_GUARDED_BY(mu_) = false;

  // Held by the server reactor until OnDone, by a pending token check, and by the upstream call
  // until its OnDone; the last one out deletes the call.
  std::atomic<int> refs_{1};
};

}  // namespace ekinerja::gateway

#pragma once

// The per-method metrics of the gRPC pass-through, under the names and labels go-grpc-prometheus
// uses and services/common/platform/metrics.h writes for the services (grpc_server_started_total,
// grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code},
// grpc_server_handling_seconds, grpc_server_msg_received_total, grpc_server_msg_sent_total), so a
// dashboard reads the gateway as it reads a service. The families are registered with merge
// semantics: a registry that already holds them (from ekinerja::Metrics) is shared, not doubled.

#include <map>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/status_code_enum.h"

namespace prometheus {
class Registry;
class Counter;
template <typename T>
class Family;
class Histogram;
}  // namespace prometheus

namespace ekinerja::gateway {

class PassthroughMetrics {
 public:
  // Nothing is counted when `registry` is null.
  explicit PassthroughMetrics(prometheus::Registry* registry);

  // The counters of one call. Cheap to move; the counters live as long as the registry.
  class Call {
   public:
    Call() = default;
    void Received();
    void Sent();
    // The call ended with `code` (a grpc::StatusCode); counts it and its duration.
    void Handled(grpc::StatusCode code);

   private:
    friend class PassthroughMetrics;
    const PassthroughMetrics* owner_ = nullptr;
    std::map<std::string, std::string> labels_;
    prometheus::Counter* received_ = nullptr;
    prometheus::Counter* sent_ = nullptr;
    absl::Time start_;
  };

  // Counts the start of a call. `type` is go-grpc-prometheus's: unary, client_stream,
  // server_stream, bidi_stream (or unknown).
  Call Start(absl::string_view service, absl::string_view method, absl::string_view type) const;

 private:
  prometheus::Family<prometheus::Counter>* started_ = nullptr;
  prometheus::Family<prometheus::Counter>* handled_ = nullptr;
  prometheus::Family<prometheus::Histogram>* seconds_ = nullptr;
  prometheus::Family<prometheus::Counter>* received_ = nullptr;
  prometheus::Family<prometheus::Counter>* sent_ = nullptr;
};

}  // namespace ekinerja::gateway

#include "passthrough/passthrough_metrics.h"

#include "absl/time/clock.h"
#include "metrics.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja::gateway {

PassthroughMetrics::PassthroughMetrics(prometheus::Registry* registry) {
  if (registry == nullptr) return;
  // Same names and help texts as services/common/platform/metrics.cc.
  started_ = &prometheus::BuildCounter()
                  .Name("grpc_server_started_total")
                  .Help("Total number of RPCs started on the server.")
                  .Register(*registry);
  handled_ =
      &prometheus::BuildCounter()
           .Name("grpc_server_handled_total")
           .Help("Total number of RPCs completed on the server, regardless of success or failure.")
           .Register(*registry);
  seconds_ = &prometheus::BuildHistogram()
                  .Name("grpc_server_handling_seconds")
                  .Help(
                      "Histogram of response latency (seconds) of gRPC that had been "
                      "application-level handled by the server.")
                  .Register(*registry);
  received_ = &prometheus::BuildCounter()
                   .Name("grpc_server_msg_received_total")
                   .Help("Total number of RPC stream messages received on the server.")
                   .Register(*registry);
  sent_ = &prometheus::BuildCounter()
               .Name("grpc_server_msg_sent_total")
               .Help("Total number of gRPC stream messages sent by the server.")
               .Register(*registry);
}

PassthroughMetrics::Call PassthroughMetrics::Start(absl::string_view service,
                                                   absl::string_view method,
                                                   absl::string_view type) const {
  Call call;
  call.start_ = absl::Now();
  if (started_ == nullptr) return call;
  call.owner_ = this;
  call.labels_ = {{"grpc_service", std::string(service)},
                  {"grpc_method", std::string(method)},
                  {"grpc_type", std::string(type)}};
  started_->Add(call.labels_).Increment();
  call.received_ = &received_->Add(call.labels_);
  call.sent_ = &sent_->Add(call.labels_);
  return call;
}

void PassthroughMetrics::Call::Received() {
  if (received_ != nullptr) received_->Increment();
}

void PassthroughMetrics::Call::Sent() {
  if (sent_ != nullptr) sent_->Increment();
}

void PassthroughMetrics::Call::Handled(grpc::StatusCode code) {
  if (owner_ == nullptr) return;
  auto labels = labels_;
  labels.emplace("grpc_code", std::string(GrpcCodeName(code)));
  owner_->handled_->Add(labels).Increment();
  // Prometheus' default buckets, as go-grpc-prometheus and services/common/platform/metrics.cc use.
  owner_->seconds_
      ->Add(labels_, prometheus::Histogram::BucketBoundaries{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                             0.5, 1, 2.5, 5, 10})
      .Observe(absl::ToDoubleSeconds(absl::Now() - start_));
}

}  // namespace ekinerja::gateway

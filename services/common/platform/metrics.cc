#include "metrics.h"

#include "absl/time/clock.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace ekinerja {

struct Metrics::GrpcFamilies {
  prometheus::Family<prometheus::Counter>& started;
  prometheus::Family<prometheus::Counter>& handled;
  prometheus::Family<prometheus::Histogram>& seconds;
  prometheus::Family<prometheus::Counter>& received;
  prometheus::Family<prometheus::Counter>& sent;
};

absl::string_view GrpcCodeName(grpc::StatusCode code) {
  static constexpr absl::string_view kNames[] = {
      "OK",       "Canceled",       "Unknown",          "InvalidArgument",   "DeadlineExceeded",
      "NotFound", "AlreadyExists",  "PermissionDenied", "ResourceExhausted", "FailedPrecondition",
      "Aborted",  "OutOfRange",     "Unimplemented",    "Internal",          "Unavailable",
      "DataLoss", "Unauthenticated"};
  const int n = static_cast<int>(code);
  if (n < 0 || n > 16) return "Unknown";
  return kNames[n];
}

namespace {

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::ServerRpcInfo;

absl::string_view TypeName(ServerRpcInfo::Type type) {
  switch (type) {
    case ServerRpcInfo::Type::UNARY:
      return "unary";
    case ServerRpcInfo::Type::CLIENT_STREAMING:
      return "client_stream";
    case ServerRpcInfo::Type::SERVER_STREAMING:
      return "server_stream";
    case ServerRpcInfo::Type::BIDI_STREAMING:
      return "bidi_stream";
  }
  return "unknown";
}

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(Metrics::GrpcFamilies* f, ServerRpcInfo* info) : f_(f) {
    absl::string_view full = info->method();  // "/pkg.Service/Method"
    if (!full.empty() && full.front() == '/') full.remove_prefix(1);
    const size_t slash = full.find('/');
    labels_ = {{"grpc_service", std::string(full.substr(0, slash))},
               {"grpc_method",
                slash == absl::string_view::npos ? "" : std::string(full.substr(slash + 1))},
               {"grpc_type", std::string(TypeName(info->type()))}};
    f_->started.Add(labels_).Increment();
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      f_->received.Add(labels_).Increment();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      f_->sent.Add(labels_).Increment();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      auto labels = labels_;
      labels.emplace("grpc_code", std::string(GrpcCodeName(methods->GetSendStatus().error_code())));
      f_->handled.Add(labels).Increment();
      f_->seconds
          .Add(labels_, prometheus::Histogram::BucketBoundaries{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                                0.5, 1, 2.5, 5, 10})
          .Observe(absl::ToDoubleSeconds(absl::Now() - start_));
    }
    methods->Proceed();
  }

 private:
  Metrics::GrpcFamilies* f_;
  std::map<std::string, std::string> labels_;
  const absl::Time start_ = absl::Now();
};

class MetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(Metrics::GrpcFamilies* f) : f_(f) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(ServerRpcInfo* info) override {
    return new MetricsInterceptor(f_, info);
  }

 private:
  Metrics::GrpcFamilies* f_;
};

}  // namespace

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  auto& r = *registry_;
  grpc_.reset(new GrpcFamilies{
      prometheus::BuildCounter()
          .Name("grpc_server_started_total")
          .Help("Total number of RPCs started on the server.")
          .Register(r),
      prometheus::BuildCounter()
          .Name("grpc_server_handled_total")
          .Help("Total number of RPCs completed on the server, regardless of success or failure.")
          .Register(r),
      prometheus::BuildHistogram()
          .Name("grpc_server_handling_seconds")
          .Help("Histogram of response latency (seconds) of gRPC that had been application-level "
                "handled by the server.")
          .Register(r),
      prometheus::BuildCounter()
          .Name("grpc_server_msg_received_total")
          .Help("Total number of RPC stream messages received on the server.")
          .Register(r),
      prometheus::BuildCounter()
          .Name("grpc_server_msg_sent_total")
          .Help("Total number of gRPC stream messages sent by the server.")
          .Register(r),
  });
}

Metrics::~Metrics() = default;

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
Metrics::InterceptorFactory() {
  return std::make_unique<MetricsInterceptorFactory>(grpc_.get());
}

}  // namespace ekinerja

#include "upstream/unary_call.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/status.h"

namespace ekinerja::gateway {

struct UnaryCaller::InFlight {
  grpc::ClientContext context;
  grpc::ByteBuffer request;
  grpc::ByteBuffer response;
  std::string service;
  absl::Time start;
  std::function<void(UnaryResult)> done;
};

UnaryCaller::UnaryCaller(const Upstreams& upstreams, UpstreamMetrics* metrics) : metrics_(metrics) {
  for (const std::string& service : upstreams.Services()) {
    stubs_.emplace(service, std::make_unique<grpc::GenericStub>(upstreams.ChannelFor(service)));
  }
}

void UnaryCaller::Close() {
  absl::MutexLock lock(&mu_);
  closing_ = true;
  for (InFlight* call : in_flight_) call->context.TryCancel();
}

UnaryCaller::~UnaryCaller() {
  Close();
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](absl::flat_hash_set<InFlight*>* s) { return s->empty(); }, &in_flight_));
}

void UnaryCaller::Call(UnaryRequest request, std::function<void(UnaryResult)> done) {
  auto stub = stubs_.find(request.service);
  if (stub == stubs_.end()) {
    UnaryResult result;
    result.code = grpc::StatusCode::UNAVAILABLE;
    result.message = absl::StrCat("no upstream for ", request.service);
    done(std::move(result));
    return;
  }
  auto* call = new InFlight();
  call->service = request.service;
  call->done = std::move(done);
  call->start = absl::Now();
  call->context.set_deadline(std::chrono::system_clock::now() +
                             absl::ToChronoMilliseconds(request.timeout));
  for (auto& [key, value] : request.metadata) call->context.AddMetadata(key, value);
  {  // The request bytes move into the slice, not copied.
    auto* bytes = new std::string(std::move(request.message));
    grpc::Slice slice(
        bytes->data(), bytes->size(), [](void* p) { delete static_cast<std::string*>(p); }, bytes);
    call->request = grpc::ByteBuffer(&slice, 1);
  }
  {
    absl::MutexLock lock(&mu_);
    if (closing_) {
      UnaryResult result;
      result.code = grpc::StatusCode::UNAVAILABLE;
      result.message = "the gateway is shutting down";
      auto finish = std::move(call->done);
      delete call;
      finish(std::move(result));
      return;
    }
    in_flight_.insert(call);
  }
  calls_started_.fetch_add(1, std::memory_order_relaxed);
  stub->second->UnaryCall(&call->context, request.method, grpc::StubOptions(), &call->request,
                          &call->response,
                          [this, call](grpc::Status status) { Finish(call, status); });
}

void UnaryCaller::Finish(InFlight* call, const grpc::Status& status) {
  UnaryResult result;
  result.code = status.error_code();
  result.message = status.error_message();
  result.details = status.error_details();
  if (status.ok()) {
    grpc::Slice slice;
    if (call->response.DumpToSingleSlice(&slice).ok()) {
      result.response.assign(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
  }
  if (metrics_ != nullptr) metrics_->Observe(call->service, result.code, absl::Now() - call->start);
  call->done(std::move(result));
  absl::MutexLock lock(&mu_);
  in_flight_.erase(call);
  delete call;
}

}  // namespace ekinerja::gateway

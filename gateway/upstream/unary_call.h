#pragma once

// Unary calls to the upstreams with raw message bytes, asynchronous (grpc::GenericStub's callback
// API): no thread waits for an upstream. The REST side calls through this after transcoding.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/generic/generic_stub.h"
#include "upstream/upstream_metrics.h"
#include "upstream/upstreams.h"

namespace grpc {
class ClientContext;
}

namespace ekinerja::gateway {

struct UnaryRequest {
  std::string service;  // full name: picks the upstream
  std::string method;   // "/ekinerja.identity.v1.IdentityService/GetProfile"
  std::string message;  // the serialized request
  // Sent as gRPC metadata (lower-case keys, printable ASCII values): authorization, x-request-id…
  std::vector<std::pair<std::string, std::string>> metadata;
  absl::Duration timeout = absl::Seconds(30);  // the call's deadline, from now
};

struct UnaryResult {
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::string message;   // grpc-message
  std::string details;   // the grpc-status-details-bin trailer (a google.rpc.Status), "" if none
  std::string response;  // the serialized response when code is OK
};

class UnaryCaller {
 public:
  // `metrics` (not owned, may be null) observes every call. Both must outlive the caller.
  UnaryCaller(const Upstreams& upstreams, UpstreamMetrics* metrics);
  // Close(), then waits until the `done` callbacks of the calls in flight have returned.
  ~UnaryCaller();
  UnaryCaller(const UnaryCaller&) = delete;
  UnaryCaller& operator=(const UnaryCaller&) = delete;

  // Starts the call. `done` runs exactly once, on a gRPC thread (inline here only when the service
  // has no upstream: UNAVAILABLE). A call the upstream does not answer in time ends
  // DEADLINE_EXCEEDED; an upstream that is down gives UNAVAILABLE. Thread-safe.
  void Call(UnaryRequest request, std::function<void(UnaryResult)> done);

  // Cancels the calls in flight (they end CANCELLED) and refuses new ones (UNAVAILABLE, inline).
  void Close();

  // Calls started so far (tests check that a rejected request never reached an upstream).
  uint64_t calls_started() const { return calls_started_.load(std::memory_order_relaxed); }

 private:
  struct InFlight;
  void Finish(InFlight* call, const grpc::Status& status);

  UpstreamMetrics* const metrics_;
  std::map<std::string, std::unique_ptr<grpc::GenericStub>, std::less<>> stubs_;  // immutable
  std::atomic<uint64_t> calls_started_{0};

  absl::Mutex mu_;
  absl::flat_hash_set<InFlight*> in_flight_ ABSL_GUARDED_BY(mu_);
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace ekinerja::gateway

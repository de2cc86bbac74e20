#pragma once

// Readiness of the gateway (GET /readyz): every upstream answers grpc.health.v1 Check with
// SERVING. Checked on demand, concurrently, asynchronously.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "upstream/upstreams.h"

namespace ekinerja::gateway {

struct Readiness {
  struct Upstream {
    std::string service;
    std::string address;
    // SERVING, NOT_SERVING, UNKNOWN, SERVICE_UNKNOWN, or "UNREACHABLE: <gRPC message>".
    std::string status;
  };
  bool ready = false;               // every upstream SERVING
  std::vector<Upstream> upstreams;  // sorted by service
};

class ReadinessProbe {
 public:
  // Each Check waits at most `timeout` for an upstream. `upstreams` must outlive the probe.
  explicit ReadinessProbe(const Upstreams& upstreams, absl::Duration timeout = absl::Seconds(2));
  // Waits for the checks in flight to end.
  ~ReadinessProbe();
  ReadinessProbe(const ReadinessProbe&) = delete;
  ReadinessProbe& operator=(const ReadinessProbe&) = delete;

  // Asks every upstream at once (the overall server status, service ""); `done` runs once, on a
  // gRPC thread, when all have answered or timed out. Thread-safe.
  void Check(std::function<void(Readiness)> done);

 private:
  struct Round;
  struct Target;
  void Done();

  std::vector<std::shared_ptr<Target>> targets_;
  const absl::Duration timeout_;
  absl::Mutex mu_;
  int rounds_ ABSL_GUARDED_BY(mu_) = 0;
};

// {"ready":true,"upstreams":{"<service>":"SERVING",...}}
std::string ReadinessToJson(const Readiness& readiness);

}  // namespace ekinerja::gateway

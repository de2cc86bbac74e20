#pragma once

// Admission of RPCs (issue 9, item 10): a burst queues, it is not refused.
//
// At most `max_active` calls run at once (by default as many as the database pool has
// connections, so that an admitted call finds one free); the next `max_queued` wait for a slot
// in arrival order (FIFO), each at most `max_queue_wait` and never past its own deadline. What
// cannot be admitted is shed with UNAVAILABLE ("overloaded: ..."; the gateway answers 503 with
// Retry-After) and counted in ekinerja_rpc_shed_total{service,reason}:
//   queue_full  the queue was full when the call arrived (shed at once)
//   queue_wait  the call waited max_queue_wait without a slot freeing
//   deadline    the call's deadline came first
//   shutdown    the server stopped while it waited (end of the drain period)
// A shed call runs no handler code beyond CallerOf/RequestTextOf (auth.h), which return the shed
// status, so the client may retry it safely, even when it is not idempotent. Health, reflection
// and the Watch* streams are never queued (public_methods.h).
//
// Gauges ekinerja_rpc_active and ekinerja_rpc_queued and the histogram
// ekinerja_rpc_queue_wait_seconds (admitted calls) show how full it is.

#include <list>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_interceptor.h"

namespace prometheus {
class Registry;
template <typename T>
class Family;
class Counter;
class Gauge;
class Histogram;
}  // namespace prometheus

namespace ekinerja {

struct AdmissionOptions {
  int max_active = 8;    // > 0
  int max_queued = 512;  // >= 0
  absl::Duration max_queue_wait = absl::Seconds(5);
};

class Admission {
 public:
  // Metrics go to `registry` when given.
  Admission(AdmissionOptions options, prometheus::Registry* registry);
  ~Admission();
  Admission(const Admission&) = delete;
  Admission& operator=(const Admission&) = delete;

  // Takes a slot, waiting in the queue as above until `deadline` at the latest. OK: the caller
  // holds a slot and must Release it. Otherwise UNAVAILABLE, counted as shed for `service` (the
  // gRPC service's full name).
  absl::Status Acquire(absl::string_view service, absl::Time deadline);
  void Release();

  // Sheds every waiting call and every later one ("shutdown"); calls holding a slot go on.
  void Close();

  int active() const;
  int queued() const;
  const AdmissionOptions& options() const { return options_; }

  // The interceptor that admits every call of the server it is installed in (but health,
  // reflection and the Watch* streams: public_methods.h). Install it first: it must see the
  // status a call ends with before the metrics interceptor does (PRE_SEND_STATUS runs the
  // interceptors in order), and waits for a slot after the others have seen the request
  // (POST_RECV_* runs them in reverse).
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> InterceptorFactory();

 private:
  struct Waiter;  // a queued call
  absl::Status Shed(absl::string_view service, absl::string_view reason, std::string message);

  const AdmissionOptions options_;
  mutable absl::Mutex mu_;
  int active_ ABSL_GUARDED_BY(mu_) = 0;
  std::list<Waiter*> waiters_ ABSL_GUARDED_BY(mu_);  // oldest first
  bool closed_ ABSL_GUARDED_BY(mu_) = false;

  prometheus::Family<prometheus::Counter>* shed_ = nullptr;
  prometheus::Gauge* active_gauge_ = nullptr;
  prometheus::Gauge* queued_gauge_ = nullptr;
  prometheus::Histogram* wait_seconds_ = nullptr;
};

// OK, or the status the call was shed with (UNAVAILABLE) when admission refused it.
absl::Status AdmissionOf(const grpc::ServerContextBase* context);

}  // namespace ekinerja

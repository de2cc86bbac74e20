#include "admission.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "call_table.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "public_methods.h"

namespace ekinerja {

// Each waiter has its own condition variable: Release wakes the oldest one only.
struct Admission::Waiter {
  absl::CondVar cv;
  bool granted = false;
};

Admission::Admission(AdmissionOptions options, prometheus::Registry* registry)
    : options_(std::move(options)) {
  if (registry == nullptr) return;
  shed_ = &prometheus::BuildCounter()
               .Name("ekinerja_rpc_shed_total")
               .Help(
                   "Calls refused with UNAVAILABLE by admission, by gRPC service and reason "
                   "(queue_full, queue_wait, deadline, shutdown)")
               .Register(*registry);
  active_gauge_ = &prometheus::BuildGauge()
                       .Name("ekinerja_rpc_active")
                       .Help("Calls holding an admission slot")
                       .Register(*registry)
                       .Add({});
  queued_gauge_ = &prometheus::BuildGauge()
                       .Name("ekinerja_rpc_queued")
                       .Help("Calls waiting for an admission slot")
                       .Register(*registry)
                       .Add({});
  wait_seconds_ =
      &prometheus::BuildHistogram()
           .Name("ekinerja_rpc_queue_wait_seconds")
           .Help("How long admitted calls waited for their slot")
           .Register(*registry)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.005, 0.01, 0.025, 0.05,
                                                            0.1, 0.25, 0.5, 1, 2.5, 5, 10});
}

Admission::~Admission() = default;

absl::Status Admission::Shed(absl::string_view service, absl::string_view reason,
                             std::string message) {
  if (shed_ != nullptr) {
    shed_->Add({{"service", std::string(service)}, {"reason", std::string(reason)}}).Increment();
  }
  return absl::UnavailableError(std::move(message));
}

absl::Status Admission::Acquire(absl::string_view service, absl::Time deadline) {
  const absl::Time start = absl::Now();
  const absl::Time queue_limit = start + options_.max_queue_wait;
  const absl::Time limit = std::min(queue_limit, deadline);
  absl::string_view reason;
  std::string message;
  {
    absl::MutexLock lock(&mu_);
    if (closed_) {
      reason = "shutdown";
      message = "the server is shutting down; retry later";
    } else if (active_ < options_.max_active && waiters_.empty()) {
      ++active_;
      if (active_gauge_ != nullptr) active_gauge_->Set(active_);
      if (wait_seconds_ != nullptr) wait_seconds_->Observe(0);
      return absl::OkStatus();
    } else if (static_cast<int>(waiters_.size()) >= options_.max_queued) {
      reason = "queue_full";
      message =
          absl::StrCat("overloaded: every slot (", options_.max_active, ") is busy and the queue (",
                       options_.max_queued, ") is full; retry later");
    } else {
      Waiter w;
      auto it = waiters_.insert(waiters_.end(), &w);
      if (queued_gauge_ != nullptr) queued_gauge_->Set(static_cast<double>(waiters_.size()));
      bool timed_out = false;
      while (!w.granted && !closed_ && !timed_out) timed_out = w.cv.WaitWithDeadline(&mu_, limit);
      if (w.granted) {  // Release handed its slot over and took `w` off the queue
        if (queued_gauge_ != nullptr) queued_gauge_->Set(static_cast<double>(waiters_.size()));
        if (wait_seconds_ != nullptr) {
          wait_seconds_->Observe(absl::ToDoubleSeconds(absl::Now() - start));
        }
        return absl::OkStatus();
      }
      waiters_.erase(it);
      if (queued_gauge_ != nullptr) queued_gauge_->Set(static_cast<double>(waiters_.size()));
      if (closed_) {
        reason = "shutdown";
        message = "the server is shutting down; retry later";
      } else if (deadline < queue_limit) {
        reason = "deadline";
        message = "overloaded: the call's deadline passed while it waited for a slot";
      } else {
        reason = "queue_wait";
        message = absl::StrCat("overloaded: no slot of ", options_.max_active, " freed in ",
                               absl::FormatDuration(options_.max_queue_wait), "; retry later");
      }
    }
  }
  return Shed(service, reason, std::move(message));
}

void Admission::Release() {
  absl::MutexLock lock(&mu_);
  if (!waiters_.empty()) {  // the slot goes to the oldest waiter: active_ stays
    Waiter* next = waiters_.front();
    waiters_.pop_front();
    next->granted = true;
    next->cv.Signal();
    return;
  }
  --active_;
  if (active_gauge_ != nullptr) active_gauge_->Set(active_);
}

void Admission::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
  for (Waiter* w : waiters_) w->cv.Signal();
}

int Admission::active() const {
  absl::MutexLock lock(&mu_);
  return active_;
}

int Admission::queued() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(waiters_.size());
}

namespace {

using grpc::experimental::InterceptionHookPoints;

// The statuses of the calls admission shed, by call, from the interceptor to AdmissionOf.
using ShedCalls = CallTable<absl::Status>;

ShedCalls& TheShedCalls() {
  static auto* calls = new ShedCalls();
  return *calls;
}

absl::Time DeadlineOf(const grpc::ServerContextBase* ctx) {
  const std::chrono::system_clock::time_point d = ctx->deadline();
  if (d == std::chrono::system_clock::time_point::max()) return absl::InfiniteFuture();
  return absl::FromChrono(d);
}

class AdmissionInterceptor : public grpc::experimental::Interceptor {
 public:
  AdmissionInterceptor(Admission* admission, grpc::experimental::ServerRpcInfo* info)
      : admission_(admission), ctx_(info->server_context()) {
    absl::string_view full = info->method();  // "/pkg.Service/Method"
    if (!full.empty() && full.front() == '/') full.remove_prefix(1);
    service_ = std::string(full.substr(0, full.find('/')));
  }
  ~AdmissionInterceptor() override {
    if (admitted_) admission_->Release();
    if (!shed_.ok()) TheShedCalls().Erase(ctx_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      absl::Status st = admission_->Acquire(service_, DeadlineOf(ctx_));
      if (st.ok()) {
        admitted_ = true;
      } else {
        TheShedCalls().Set(ctx_, st);
        shed_ = std::move(st);
      }
    }
    // The handler answers a shed call with the shed status (CallerOf); this makes sure of it.
    if (!shed_.ok() &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      methods->ModifySendStatus(
          grpc::Status(grpc::StatusCode::UNAVAILABLE, std::string(shed_.message())));
    }
    methods->Proceed();
  }

 private:
  Admission* const admission_;
  grpc::ServerContextBase* const ctx_;
  std::string service_;
  bool admitted_ = false;
  absl::Status shed_;
};

class AdmissionInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit AdmissionInterceptorFactory(Admission* admission) : admission_(admission) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    absl::string_view method = info->method();
    if (IsInfrastructureMethod(method) || IsWatchMethod(method)) return nullptr;
    return new AdmissionInterceptor(admission_, info);
  }

 private:
  Admission* admission_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
Admission::InterceptorFactory() {
  return std::make_unique<AdmissionInterceptorFactory>(this);
}

absl::Status AdmissionOf(const grpc::ServerContextBase* context) {
  return TheShedCalls().Get(context).value_or(absl::OkStatus());
}

}  // namespace ekinerja

#include "upstream/readiness.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "log.h"
#include "text.h"

namespace ekinerja::gateway {

namespace health = ::grpc::health::v1;

struct ReadinessProbe::Target {
  std::string service;
  std::string address;
  std::unique_ptr<health::Health::Stub> stub;
};

// One Check of every upstream; the last answer delivers the result. The probe counts a round
// until it is destroyed, that is until the last of its calls' callbacks (which own it) is gone
// with its ClientContext: the probe, its stubs and channels outlive every call they started.
struct ReadinessProbe::Round {
  ~Round() { probe->Done(); }
  struct Call {
    grpc::ClientContext context;
    health::HealthCheckRequest request;
    health::HealthCheckResponse response;
  };
  ReadinessProbe* probe;
  std::function<void(Readiness)> done;
  std::vector<std::unique_ptr<Call>> calls;
  absl::Mutex mu;
  Readiness result ABSL_GUARDED_BY(mu);
  size_t pending ABSL_GUARDED_BY(mu) = 0;
};

ReadinessProbe::ReadinessProbe(const Upstreams& upstreams, absl::Duration timeout)
    : timeout_(timeout) {
  for (const std::string& service : upstreams.Services()) {
    auto target = std::make_shared<Target>();
    target->service = service;
    target->address = upstreams.AddressOf(service);
    target->stub = health::Health::NewStub(upstreams.ChannelFor(service));
    targets_.push_back(std::move(target));
  }
}

ReadinessProbe::~ReadinessProbe() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](int* n) { return *n == 0; }, &rounds_));
}

void ReadinessProbe::Done() {
  absl::MutexLock lock(&mu_);
  --rounds_;
}

void ReadinessProbe::Check(std::function<void(Readiness)> done) {
  auto round = std::make_shared<Round>();
  round->probe = this;
  round->done = std::move(done);
  for (size_t i = 0; i < targets_.size(); ++i)
    round->calls.push_back(std::make_unique<Round::Call>());
  {
    absl::MutexLock lock(&round->mu);
    round->pending = targets_.size();
    round->result.ready = true;
    for (const auto& t : targets_) round->result.upstreams.push_back({t->service, t->address, ""});
  }
  {
    absl::MutexLock lock(&mu_);
    ++rounds_;
  }
  if (targets_.empty()) {
    Readiness r;
    r.ready = true;
    round->done(std::move(r));
    return;
  }
  const auto deadline = std::chrono::system_clock::now() + absl::ToChronoMilliseconds(timeout_);
  for (size_t i = 0; i < targets_.size(); ++i) {
    Round::Call& call = *round->calls[i];
    call.context.set_deadline(deadline);
    targets_[i]->stub->async()->Check(
        &call.context, &call.request, &call.response, [round, i](grpc::Status status) {
          std::string state;
          if (!status.ok()) {
            state = absl::StrCat("UNREACHABLE: ", status.error_message());
          } else {
            state =
                health::HealthCheckResponse::ServingStatus_Name(round->calls[i]->response.status());
          }
          bool last = false;
          {
            absl::MutexLock lock(&round->mu);
            round->result.upstreams[i].status = state;
            if (state != "SERVING") round->result.ready = false;
            last = --round->pending == 0;
          }
          if (!last) return;
          Readiness result;
          {
            absl::MutexLock lock(&round->mu);
            result = std::move(round->result);
          }
          round->done(std::move(result));
        });
  }
}

std::string ReadinessToJson(const Readiness& readiness) {
  std::string out =
      absl::StrCat("{\"ready\":", readiness.ready ? "true" : "false", ",\"upstreams\":{");
  bool first = true;
  for (const auto& u : readiness.upstreams) {
    absl::StrAppend(&out, first ? "" : ",", "\"", JsonEscape(u.service), "\":\"",
                    JsonEscape(u.status), "\"");
    first = false;
  }
  out += "}}";
  return out;
}

}  // namespace ekinerja::gateway

// Admission (issue 9, item 10; services/common/platform/admission.h), on the real identity
// service: a burst larger than the slots (and than the 64 threads the sync server used to refuse
// beyond) queues and is answered in full; what overflows the queue, waits its longest, outlives
// its deadline or is still queued when the server stops is shed with UNAVAILABLE and counted in
// ekinerja_rpc_shed_total{service,reason}. The tests hold the slots themselves
// (ServiceHost::admission()), so that what queues and what is shed does not depend on timing.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "integration/common/counter_value.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::HasSubstr;

constexpr char kService[] = "ekinerja.identity.v1.IdentityService";

// Waits (at most 20 s) until `done` holds; false if it never did.
bool Eventually(const std::function<bool()>& done) {
  const absl::Time limit = absl::Now() + absl::Seconds(20);
  while (!done()) {
    if (absl::Now() > limit) return false;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return true;
}

// GetEmployee calls in flight at once, over one channel (as the gateway sends them).
class Burst {
 public:
  Burst(v1::IdentityService::Stub& stub, std::string token, std::string nip)
      : stub_(stub), token_(std::move(token)), nip_(std::move(nip)) {}
  ~Burst() { cq_.Shutdown(); }

  // Starts `n` more calls, each with `deadline` from now.
  void Start(int n, absl::Duration deadline = absl::Seconds(60)) {
    v1::GetEmployeeRequest req;
    req.set_nip(nip_);
    for (int i = 0; i < n; ++i) {
      auto call = std::make_unique<Call>();
      call->ctx.AddMetadata("authorization", "Bearer " + token_);
      call->ctx.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
      call->rpc = stub_.AsyncGetEmployee(&call->ctx, req, &cq_);
      call->rpc->Finish(&call->response, &call->status, call.get());
      calls_.push_back(std::move(call));
    }
  }

  // Waits for every call started; their statuses, in order of start.
  std::vector<grpc::Status> Finish() {
    for (; finished_ < calls_.size(); ++finished_) {
      void* tag = nullptr;
      bool ok = false;
      if (!cq_.Next(&tag, &ok)) break;
    }
    std::vector<grpc::Status> out;
    for (const auto& c : calls_) out.push_back(c->status);
    return out;
  }

 private:
  struct Call {
    grpc::ClientContext ctx;
    v1::Employee response;
    grpc::Status status;
    std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Employee>> rpc;
  };
  v1::IdentityService::Stub& stub_;
  const std::string token_;
  const std::string nip_;
  grpc::CompletionQueue cq_;
  std::vector<std::unique_ptr<Call>> calls_;
  size_t finished_ = 0;
};

class AdmissionTest : public IdentityTest {
 protected:
  // Takes `n` slots as a running call would; they go back at the end of the test at the latest.
  void HoldSlots(int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(host().admission().Acquire("test", absl::InfiniteFuture()).ok());
      ++held_;
    }
  }
  void ReleaseSlots() {
    for (; held_ > 0; --held_) host().admission().Release();
  }
  void TearDown() override {
    ReleaseSlots();
    IdentityTest::TearDown();
  }
  double Shed(const std::string& reason) {
    return CounterValue(host().metrics().registry(), "ekinerja_rpc_shed_total",
                        {{"service", kService}, {"reason", reason}});
  }

 private:
  int held_ = 0;
};

class BurstQueuesTest : public AdmissionTest {
 protected:
  BurstQueuesTest() {
    TuneServer([](ServerOptions& o) {
      o.db_pool_size = 2;  // so 2 slots (--max_active_rpcs 0)
      o.max_queued_rpcs = 256;
    });
  }
};

TEST_F(BurstQueuesTest, CallsBeyondTheSlotsAndTheOldThreadBoundWaitTheirTurnAndAllSucceed) {
  SeededTenant t = SeedTenant("antre");
  ASSERT_FALSE(HasFatalFailure());
  const std::string token = Token(t, t.staf_p2p);
  ASSERT_EQ(host().admission().options().max_active, 2);

  // More than the 64 threads the server used to have, all arriving while no slot is free.
  constexpr int kCalls = 150;
  HoldSlots(2);
  Burst burst(stub(), token, t.staf_s1_a);
  burst.Start(kCalls);
  ASSERT_TRUE(Eventually([&] { return host().admission().queued() == kCalls; }))
      << host().admission().queued() << " queued";
  ReleaseSlots();

  int ok = 0;
  for (const grpc::Status& st : burst.Finish()) {
    EXPECT_TRUE(Ok(st));
    ok += st.ok();
  }
  EXPECT_EQ(ok, kCalls);
  EXPECT_EQ(host().admission().queued(), 0);
  EXPECT_TRUE(Eventually([&] { return host().admission().active() == 0; }));
  for (const char* reason : {"queue_full", "queue_wait", "deadline", "shutdown"}) {
    EXPECT_EQ(Shed(reason), 0) << reason;
  }
}

class ShedTest : public AdmissionTest {
 protected:
  ShedTest() {
    TuneServer([](ServerOptions& o) {
      o.max_active_rpcs = 1;
      o.max_queued_rpcs = 2;
      o.max_queue_wait = absl::Seconds(2);
    });
  }
};

TEST_F(ShedTest, BeyondTheQueueAndAfterTheLongestWaitCallsAreShedWithUnavailable) {
  SeededTenant t = SeedTenant("luber");
  ASSERT_FALSE(HasFatalFailure());
  const std::string token = Token(t, t.staf_p2p);

  HoldSlots(1);
  Burst burst(stub(), token, t.staf_s1_a);
  burst.Start(2);  // these two queue ...
  ASSERT_TRUE(Eventually([&] { return host().admission().queued() == 2; }));
  burst.Start(3);  // ... these find the queue full

  // Health is never queued: the probes still answer while every slot is taken.
  auto health = grpc::health::v1::Health::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host().grpc_port()), grpc::InsecureChannelCredentials()));
  grpc::health::v1::HealthCheckRequest hreq;
  grpc::health::v1::HealthCheckResponse hresp;
  EXPECT_TRUE(Ok(health->Check(Ctx().get(), hreq, &hresp)));
  EXPECT_EQ(hresp.status(), grpc::health::v1::HealthCheckResponse::SERVING);

  const std::vector<grpc::Status> statuses = burst.Finish();  // the first two after 2 s
  ASSERT_EQ(statuses.size(), 5u);
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(HasCode(statuses[i], grpc::StatusCode::UNAVAILABLE));
    EXPECT_THAT(statuses[i].error_message(), HasSubstr("no slot of 1 freed in 2s"));
  }
  for (int i = 2; i < 5; ++i) {
    EXPECT_TRUE(HasCode(statuses[i], grpc::StatusCode::UNAVAILABLE));
    EXPECT_THAT(statuses[i].error_message(),
                HasSubstr("every slot (1) is busy and the queue (2) is full"));
  }
  EXPECT_EQ(Shed("queue_wait"), 2);
  EXPECT_EQ(Shed("queue_full"), 3);
  EXPECT_EQ(CounterValue(host().metrics().registry(), "grpc_server_handled_total",
                         {{"grpc_method", "GetEmployee"}, {"grpc_code", "Unavailable"}}),
            5);

  // Once the slot is free, the next call runs.
  ReleaseSlots();
  v1::GetEmployeeRequest req;
  req.set_nip(t.staf_s1_a);
  v1::Employee e;
  EXPECT_TRUE(Ok(stub().GetEmployee(Ctx(token).get(), req, &e)));
}

class DeadlineTest : public AdmissionTest {
 protected:
  DeadlineTest() {
    TuneServer([](ServerOptions& o) {
      o.max_active_rpcs = 1;
      o.max_queue_wait = absl::Minutes(5);
    });
  }
};

TEST_F(DeadlineTest, AQueuedCallWaitsNoLongerThanItsDeadline) {
  SeededTenant t = SeedTenant("tenggat");
  ASSERT_FALSE(HasFatalFailure());
  const std::string token = Token(t, t.staf_p2p);

  HoldSlots(1);
  Burst burst(stub(), token, t.staf_s1_a);
  burst.Start(1, absl::Milliseconds(300));
  const std::vector<grpc::Status> statuses = burst.Finish();
  ASSERT_EQ(statuses.size(), 1u);
  // Client and server give up at the same instant, so either answer may arrive first: the
  // client's own DEADLINE_EXCEEDED, or the server's shed (UNAVAILABLE "overloaded: the call's
  // deadline passed while it waited for a slot"). Never OK, and never after running the handler.
  const grpc::Status& st = statuses[0];
  EXPECT_TRUE(
      HasCode(st, grpc::StatusCode::DEADLINE_EXCEEDED) ||
      (HasCode(st, grpc::StatusCode::UNAVAILABLE) &&
       st.error_message() == "overloaded: the call's deadline passed while it waited for a slot"))
      << st.error_code() << " " << st.error_message();
  // The server gives up on it either way.
  EXPECT_TRUE(Eventually([&] { return Shed("deadline") == 1; })) << Shed("deadline");
  EXPECT_EQ(host().admission().queued(), 0);
}

TEST_F(DeadlineTest, CallsStillQueuedAtTheEndOfTheDrainAreShedAndShutdownReturns) {
  SeededTenant t = SeedTenant("tutup");
  ASSERT_FALSE(HasFatalFailure());
  const std::string token = Token(t, t.staf_p2p);

  HoldSlots(1);
  Burst burst(stub(), token, t.staf_s1_a);
  burst.Start(1);
  ASSERT_TRUE(Eventually([&] { return host().admission().queued() == 1; }));
  host().Shutdown();  // drains for 1 s (the fixture's drain), not for the 5 minutes of the queue
  burst.Finish();
  EXPECT_EQ(Shed("shutdown"), 1);
  EXPECT_EQ(host().admission().queued(), 0);
}

}  // namespace
}  // namespace ekinerja::identity::it

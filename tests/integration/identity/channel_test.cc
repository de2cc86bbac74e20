// The platform's channels (issue 9, item 6; services/common/platform/channel.h) against real
// identity replicas: round-robin over every address of one target, the default deadline, and TLS
// (mutual) with certificates the test makes.

#include "channel.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "integration/common/counter_value.h"
#include "integration/common/test_tls.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::ekinerja::integration::CounterValue;
using ::ekinerja::integration::MutualTls;
using ::ekinerja::integration::TestPki;

constexpr char kService[] = "ekinerja.identity.v1.IdentityService";

// GetJwks answered by `host` (any code).
double JwksCalls(ServiceHost& host) {
  return CounterValue(host.metrics().registry(), "grpc_server_handled_total",
                      {{"grpc_service", kService}, {"grpc_method", "GetJwks"}});
}

// GetJwks needs no token: one call through `stub`, with a 10 s deadline (a hung call fails).
grpc::Status GetJwks(v1::IdentityService::Stub& stub) {
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  v1::GetJwksRequest req;
  v1::Jwks resp;
  return stub.GetJwks(&ctx, req, &resp);
}

using RoundRobinTest = IdentityTest;

TEST_F(RoundRobinTest, CallsThroughOneTargetOfTwoReplicasAlternateBetweenThem) {
  auto second = StartReplica();
  ASSERT_TRUE(second.ok()) << second.status();
  ServiceHost& a = host();
  ServiceHost& b = *(*second)->host;
  // A static list of two addresses, as a headless Service's DNS name resolves to two pods.
  const std::string target =
      absl::StrCat("ipv4:127.0.0.1:", a.grpc_port(), ",127.0.0.1:", b.grpc_port());
  ASSERT_EQ(ChannelTarget(target), target);  // a scheme: kept as it is
  auto channel = MakeChannel(target, ChannelOptions{});
  ASSERT_TRUE(channel.ok()) << channel.status();
  auto stub = v1::IdentityService::NewStub(*channel);

  // Until both connections are up, round_robin picks among those that are.
  const absl::Time limit = absl::Now() + absl::Seconds(10);
  while (JwksCalls(a) == 0 || JwksCalls(b) == 0) {
    ASSERT_LT(absl::Now(), limit) << "a replica got no call: " << JwksCalls(a) << " / "
                                  << JwksCalls(b);
    ASSERT_TRUE(Ok(GetJwks(*stub)));
  }
  const double a0 = JwksCalls(a), b0 = JwksCalls(b);
  constexpr int kCalls = 20;
  for (int i = 0; i < kCalls; ++i) ASSERT_TRUE(Ok(GetJwks(*stub))) << i;
  EXPECT_EQ(JwksCalls(a) - a0, kCalls / 2);
  EXPECT_EQ(JwksCalls(b) - b0, kCalls / 2);

  // gRPC's default policy, pick_first, sends every call to the first address.
  auto pinned =
      v1::IdentityService::NewStub(grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
  const double a1 = JwksCalls(a), b1 = JwksCalls(b);
  for (int i = 0; i < kCalls; ++i) ASSERT_TRUE(Ok(GetJwks(*pinned))) << i;
  EXPECT_EQ(JwksCalls(a) - a1, kCalls);
  EXPECT_EQ(JwksCalls(b) - b1, 0);
}

TEST_F(RoundRobinTest, AHostAndPortTargetIsResolvedByDns) {
  const std::string target = absl::StrCat("localhost:", host().grpc_port());
  EXPECT_EQ(ChannelTarget(target), absl::StrCat("dns:///localhost:", host().grpc_port()));
  auto channel = MakeChannel(target, ChannelOptions{});
  ASSERT_TRUE(channel.ok()) << channel.status();
  auto stub = v1::IdentityService::NewStub(*channel);
  // localhost may also resolve to ::1, where nothing listens: round_robin uses the address that
  // answers.
  EXPECT_TRUE(Ok(GetJwks(*stub)));
  EXPECT_EQ(JwksCalls(host()), 1);
}

// Every slot taken, and a queued call may wait 20 s: only a deadline ends it sooner.
class ChannelDeadlineTest : public IdentityTest {
 protected:
  ChannelDeadlineTest() {
    TuneServer([](ServerOptions& o) {
      o.max_active_rpcs = 1;
      o.max_queue_wait = absl::Seconds(20);
    });
  }
  void TearDown() override {
    if (held_) host().admission().Release();
    IdentityTest::TearDown();
  }
  void HoldTheSlot() {
    ASSERT_TRUE(host().admission().Acquire("test", absl::InfiniteFuture()).ok());
    held_ = true;
  }

 private:
  bool held_ = false;
};

TEST_F(ChannelDeadlineTest, ACallWithoutADeadlineOrALaterOneEndsAtTheChannelsDeadline) {
  HoldTheSlot();
  ChannelOptions options;
  options.deadline = absl::Seconds(kMinChannelDeadlineSeconds);
  auto channel = MakeChannel(absl::StrCat("127.0.0.1:", host().grpc_port()), options);
  ASSERT_TRUE(channel.ok()) << channel.status();
  auto stub = v1::IdentityService::NewStub(*channel);

  for (const absl::Duration own : {absl::InfiniteDuration(), absl::Seconds(60)}) {
    grpc::ClientContext ctx;
    if (own != absl::InfiniteDuration()) ctx.set_deadline(absl::ToChronoTime(absl::Now() + own));
    v1::GetJwksRequest req;
    v1::Jwks resp;
    const absl::Time start = absl::Now();
    const grpc::Status st = stub->GetJwks(&ctx, req, &resp);
    const absl::Duration took = absl::Now() - start;
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::DEADLINE_EXCEEDED)) << own;
    // gRPC 1.51 ends it about 2 s early (channel.h).
    EXPECT_GE(took, absl::Milliseconds(kMinChannelDeadlineSeconds * 1000 - 2500)) << own;
    EXPECT_LE(took, absl::Seconds(kMinChannelDeadlineSeconds) + absl::Milliseconds(500)) << own;
  }
  // An earlier deadline of the caller's own is kept.
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(200)));
  v1::GetJwksRequest req;
  v1::Jwks resp;
  const absl::Time start = absl::Now();
  EXPECT_FALSE(stub->GetJwks(&ctx, req, &resp).ok());
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

// Identity serving mutual TLS: its certificate from the test's CA, and client certificates
// required, signed by the same CA.
class TlsTest : public IdentityTest {
 protected:
  TlsTest() {
    auto tls = MutualTls::Create("identity", "attendance");
    auto other = TestPki::Create("Another CA");
    if (!tls.ok() || !other.ok()) return;  // SetUp fails on it
    tls_ = *std::move(tls);
    other_ = *std::move(other);
    auto stranger = other_->Issue("stranger");
    if (stranger.ok()) stranger_ = *stranger;
    TuneServer([this](ServerOptions& o) { o.tls = tls_.ServerFiles(); });
  }
  void SetUp() override {
    ASSERT_FALSE(stranger_.cert_file.empty()) << "the test's certificates were not made";
    IdentityTest::SetUp();
  }

  std::string Target() { return absl::StrCat("127.0.0.1:", host().grpc_port()); }

  // A factory channel with `tls`, and GetJwks through it.
  grpc::Status CallWith(const TlsFiles& tls) {
    ChannelOptions options;
    options.tls = tls;
    auto channel = MakeChannel(Target(), options);
    if (!channel.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, channel.status().ToString());
    return GetJwks(*v1::IdentityService::NewStub(*channel));
  }

  MutualTls tls_;
  std::unique_ptr<TestPki> other_;
  TestPki::Issued stranger_;
};

TEST_F(TlsTest, AChannelWithTheCaAndACertificateItSignedIsServed) {
  EXPECT_TRUE(Ok(CallWith(tls_.ClientFiles())));
  EXPECT_EQ(JwksCalls(host()), 1);
}

TEST_F(TlsTest, APlaintextChannelIsRefused) {
  auto stub = v1::IdentityService::NewStub(
      grpc::CreateChannel(Target(), grpc::InsecureChannelCredentials()));
  EXPECT_TRUE(HasCode(GetJwks(*stub), grpc::StatusCode::UNAVAILABLE));
  EXPECT_EQ(JwksCalls(host()), 0);
}

TEST_F(TlsTest, AChannelTrustingAnotherCaDoesNotAcceptTheServer) {
  EXPECT_TRUE(HasCode(CallWith({other_->ca_file(), tls_.client.cert_file, tls_.client.key_file}),
                      grpc::StatusCode::UNAVAILABLE));
  EXPECT_EQ(JwksCalls(host()), 0);
}

TEST_F(TlsTest, TheServerRefusesAClientWithoutACertificateOrWithOneOfAnotherCa) {
  EXPECT_TRUE(HasCode(CallWith({tls_.pki->ca_file(), "", ""}), grpc::StatusCode::UNAVAILABLE));
  EXPECT_TRUE(HasCode(CallWith({tls_.pki->ca_file(), stranger_.cert_file, stranger_.key_file}),
                      grpc::StatusCode::UNAVAILABLE));
  EXPECT_EQ(JwksCalls(host()), 0);
}

}  // namespace
}  // namespace ekinerja::identity::it

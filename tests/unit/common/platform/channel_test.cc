// The platform's channel factory (channel.h) without a server: targets, the service config and
// the options it refuses. tests/integration/identity/channel_test.cc calls real replicas.

#include "channel.h"

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

TEST(ChannelTarget, AHostAndPortIsResolvedByDns) {
  EXPECT_EQ(ChannelTarget("127.0.0.1:50051"), "dns:///127.0.0.1:50051");
  EXPECT_EQ(ChannelTarget("identity:50051"), "dns:///identity:50051");
  EXPECT_EQ(ChannelTarget("identity.ekinerja.svc.cluster.local:50051"),
            "dns:///identity.ekinerja.svc.cluster.local:50051");
  EXPECT_EQ(ChannelTarget("[::1]:50051"), "dns:///[::1]:50051");
  EXPECT_EQ(ChannelTarget("localhost"), "dns:///localhost");
}

TEST(ChannelTarget, ATargetWithASchemeIsKept) {
  for (const char* target :
       {"dns:///identity:50051", "dns://10.0.0.10/identity:50051", "dns:identity:50051",
        "ipv4:127.0.0.1:50051,127.0.0.1:50052", "ipv6:[::1]:50051", "unix:/run/identity.sock",
        "unix:///run/identity.sock", "unix-abstract:identity", "xds:///identity"}) {
    EXPECT_EQ(ChannelTarget(target), target);
  }
}

TEST(ChannelServiceConfig, RoundRobinAndTheDeadlineOfEveryMethod) {
  EXPECT_EQ(ChannelServiceConfig(absl::Seconds(30)),
            R"({"loadBalancingConfig":[{"round_robin":{}}],)"
            R"("methodConfig":[{"name":[{}],"timeout":"30s"}]})");
  EXPECT_EQ(ChannelServiceConfig(absl::Seconds(5)),
            R"({"loadBalancingConfig":[{"round_robin":{}}],)"
            R"("methodConfig":[{"name":[{}],"timeout":"5s"}]})");
}

TEST(MakeChannel, RefusesAnEmptyTargetADeadlineNotInWholeSecondsAndHalfAKeyPair) {
  EXPECT_EQ(MakeChannel("", {}).status().code(), absl::StatusCode::kInvalidArgument);
  for (absl::Duration d :
       {absl::ZeroDuration(), absl::Seconds(1), absl::Seconds(4), absl::Milliseconds(5500)}) {
    ChannelOptions bad;
    bad.deadline = d;
    EXPECT_EQ(MakeChannel("127.0.0.1:1", bad).status().code(), absl::StatusCode::kInvalidArgument)
        << d;
  }
  ChannelOptions half;
  half.tls.cert_file = "/etc/hostname";
  EXPECT_EQ(MakeChannel("127.0.0.1:1", half).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeServerCredentials(half.tls).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(MakeChannel, AMissingPemFileIsItsError) {
  ChannelOptions options;
  options.tls.ca_file = "/nonexistent/ca.pem";
  const absl::Status st = MakeChannel("127.0.0.1:1", options).status();
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(st.message(), "cannot read /nonexistent/ca.pem");
}

TEST(MakeChannel, PlaintextWithoutTlsFiles) {
  auto channel = MakeChannel("127.0.0.1:1", {});
  ASSERT_TRUE(channel.ok()) << channel.status();
  EXPECT_NE(*channel, nullptr);
  auto server = MakeServerCredentials({});
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_NE(*server, nullptr);
}

}  // namespace
}  // namespace ekinerja

// The gateway in front of an identity service that serves mutual TLS (issue 9, item 6): its
// upstream channels come from the platform's factory (channel.h) with the CA and the gateway's
// own certificate, made by the test; health checks, the JWKS fetch and the calls all go over TLS.

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/common/test_tls.h"
#include "integration/gateway/gateway_fixture.h"

namespace ekinerja::gateway::it {
namespace {

using ::ekinerja::integration::MutualTls;
using ::testing::HasSubstr;

class GatewayTlsTest : public GatewayTest {
 protected:
  GatewayTlsTest() {
    auto tls = MutualTls::Create("identity", "gateway");
    if (!tls.ok()) return;  // SetUp fails on it
    tls_ = *std::move(tls);
    TuneServer([this](ServerOptions& o) { o.tls = tls_.ServerFiles(); });
  }
  void SetUp() override {
    ASSERT_NE(tls_.pki, nullptr) << "the test's certificates were not made";
    GatewayTest::SetUp();
  }

  MutualTls tls_;
};

TEST_F(GatewayTlsTest, WithTheCaAndItsCertificateTheGatewayIsReadyAndServes) {
  GatewayConfig config;
  config.upstream.tls = tls_.ClientFiles();
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply ready = Get("/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.body,
            R"({"ready":true,"upstreams":{"ekinerja.activity.v1.ActivityService":"SERVING",)"
            R"("ekinerja.attendance.v1.AttendanceService":"SERVING",)"
            R"("ekinerja.identity.v1.IdentityService":"SERVING",)"
            R"("ekinerja.scoring.v1.ScoringService":"SERVING",)"
            R"("ekinerja.skp.v1.SkpService":"SERVING",)"
            R"("ekinerja.warning.v1.WarningService":"SERVING"}})");

  // A login, then a read the gateway checks against the JWKS it fetched over TLS.
  HttpReply login =
      Post("/v1/auth:login",
           absl::StrCat(R"({"tenant":"platform","username":"admin",)", R"("password":")",
                        identity::it::kPlatformAdminPassword, R"("})"));
  ASSERT_EQ(login.status, 200) << login.body;
  const size_t at = login.body.find(R"("accessToken":")");
  ASSERT_NE(at, std::string::npos) << login.body;
  const size_t start = at + 15;
  const std::string token = login.body.substr(start, login.body.find('"', start) - start);
  HttpReply me = Get("/v1/me", token);
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_THAT(me.body, HasSubstr(R"("tenant":"platform","username":"admin")"));
}

TEST_F(GatewayTlsTest, WithoutItsCertificateOrInPlaintextTheGatewayIsNotReady) {
  GatewayConfig config;  // plaintext
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  HttpReply plain = Get("/readyz");
  EXPECT_EQ(plain.status, 503) << plain.body;
  EXPECT_THAT(plain.body, HasSubstr(R"("ekinerja.identity.v1.IdentityService":"UNREACHABLE: )"));

  config.upstream.tls = {tls_.pki->ca_file(), "", ""};  // TLS, but no client certificate
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  HttpReply anonymous = Get("/readyz");
  EXPECT_EQ(anonymous.status, 503) << anonymous.body;
  EXPECT_THAT(anonymous.body,
              HasSubstr(R"("ekinerja.identity.v1.IdentityService":"UNREACHABLE: )"));
}

}  // namespace
}  // namespace ekinerja::gateway::it

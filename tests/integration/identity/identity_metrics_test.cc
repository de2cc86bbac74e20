// Identity's own counters (api/identity_metrics.h, issue 9 item 8), read from the registry that
// /metrics serves: each moves by exactly what happened.

#include <map>
#include <string>

#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

class IdentityMetricsTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (HasFatalFailure()) return;
    t_ = SeedTenant("kota-a");
  }

  double Count(const std::string& name, const std::map<std::string, std::string>& labels = {}) {
    return CounterValue(host().metrics().registry(), name, labels);
  }
  double Logins(const std::string& outcome) {
    return Count("ekinerja_identity_logins_total", {{"outcome", outcome}});
  }
  double Refreshes(const std::string& outcome) {
    return Count("ekinerja_identity_refreshes_total", {{"outcome", outcome}});
  }
  double Exchanges(const std::string& outcome) {
    return Count("ekinerja_identity_token_exchanges_total", {{"outcome", outcome}});
  }

  // A login of `username` with `password` from `source` (through the trusted proxy).
  grpc::Status LoginFrom(const std::string& source, const std::string& username,
                         const std::string& password, v1::LoginResponse* out) {
    v1::LoginRequest req;
    req.set_tenant("kota-a");
    req.set_username(username);
    req.set_password(password);
    auto ctx = Ctx();
    ctx->AddMetadata("x-forwarded-for", source);
    return stub().Login(ctx.get(), req, out);
  }
  grpc::Status Refresh(const std::string& token, v1::RefreshTokenResponse* out) {
    v1::RefreshTokenRequest req;
    req.set_refresh_token(token);
    return stub().RefreshToken(Ctx().get(), req, out);
  }

  SeededTenant t_;
};

TEST_F(IdentityMetricsTest, LoginsCountByOutcomeAndAHoldIsOneLockout) {
  ASSERT_FALSE(HasFatalFailure());
  const double ok = Logins("ok"), refused = Logins("refused");
  const double lockouts = Count("ekinerja_identity_lockouts_total");
  v1::LoginResponse out;
  ASSERT_TRUE(Ok(LoginFrom("10.0.0.1", t_.staf_s1_a, kEmployeePassword, &out)));
  EXPECT_EQ(Logins("ok"), ok + 1);
  EXPECT_EQ(Logins("refused"), refused);

  // Four failures from one address: refused, no hold yet; the fifth starts one.
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(HasCode(LoginFrom("10.0.0.2", t_.staf_s1_a, "salah-sandi-2026", &out),
                        grpc::StatusCode::UNAUTHENTICATED));
  }
  EXPECT_EQ(Logins("refused"), refused + 4);
  EXPECT_EQ(Count("ekinerja_identity_lockouts_total"), lockouts);
  EXPECT_TRUE(HasCode(LoginFrom("10.0.0.2", t_.staf_s1_a, "salah-sandi-2026", &out),
                      grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(Logins("refused"), refused + 5);
  EXPECT_EQ(Count("ekinerja_identity_lockouts_total"), lockouts + 1);
  EXPECT_EQ(Logins("ok"), ok + 1);
}

TEST_F(IdentityMetricsTest, RefreshesCountOkReusedAndRefused) {
  ASSERT_FALSE(HasFatalFailure());
  auto login = Login("kota-a", t_.staf_s1_a, kEmployeePassword);
  ASSERT_TRUE(login.ok()) << login.status();
  const double ok = Refreshes("ok"), reused = Refreshes("reused"), refused = Refreshes("refused");

  v1::RefreshTokenResponse out;
  ASSERT_TRUE(Ok(Refresh(login->refresh_token(), &out)));
  EXPECT_EQ(Refreshes("ok"), ok + 1);
  // The spent token again: its family is revoked.
  EXPECT_TRUE(HasCode(Refresh(login->refresh_token(), &out), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(Refreshes("reused"), reused + 1);
  // Tokens nobody issued, with a tenant and without.
  EXPECT_TRUE(HasCode(Refresh("kota-a.tidak-ada", &out), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(HasCode(Refresh("tanpa-titik", &out), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(Refreshes("refused"), refused + 2);
  EXPECT_EQ(Refreshes("ok"), ok + 1);
  EXPECT_EQ(Refreshes("reused"), reused + 1);
}

TEST_F(IdentityMetricsTest, TokenExchangesCountByOutcome) {
  ASSERT_FALSE(HasFatalFailure());
  const std::string service = PlatformServiceToken();
  const std::string person = Token(t_, t_.staf_s1_a);
  std::map<std::string, double> before;
  for (const char* o : {"ok", "denied", "invalid", "unknown_tenant", "error"}) {
    before[o] = Exchanges(o);
  }
  v1::ExchangeTokenResponse out;
  ASSERT_TRUE(Ok(Exchange(service, "kota-a", &out)));
  ASSERT_TRUE(Ok(Exchange(service, "kota-a", &out)));
  EXPECT_TRUE(HasCode(Exchange(person, "kota-a", &out), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Exchange(service, "Kota A", &out), grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(HasCode(Exchange(service, "kab-lain", &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Exchanges("ok"), before["ok"] + 2);
  EXPECT_EQ(Exchanges("denied"), before["denied"] + 1);
  EXPECT_EQ(Exchanges("invalid"), before["invalid"] + 1);
  EXPECT_EQ(Exchanges("unknown_tenant"), before["unknown_tenant"] + 1);
  EXPECT_EQ(Exchanges("error"), before["error"]);
}

}  // namespace
}  // namespace ekinerja::identity::it

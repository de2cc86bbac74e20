// ExchangeToken (RFC 8693, issue 9): the deployment's service account trades its own token for a
// short-lived SERVICE token of one tenant, carrying `act`; nobody else may, and the scoped token
// reaches its tenant only.

#include <algorithm>
#include <string>
#include <vector>

#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

class TokenExchangeTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (HasFatalFailure()) return;
    a_ = SeedTenant("kota-a");
    b_ = SeedTenant("kota-b");
    if (HasFatalFailure()) return;
    service_ = PlatformServiceToken();
    ASSERT_FALSE(service_.empty());
  }

  // The TOKEN_EXCHANGE events the tenant's admin reads.
  std::vector<v1::AuditEvent> Exchanges(const SeededTenant& t) {
    v1::ListAuditEventsRequest req;
    req.set_action("TOKEN_EXCHANGE");
    req.set_page_size(100);
    v1::ListAuditEventsResponse resp;
    EXPECT_TRUE(Ok(stub().ListAuditEvents(Ctx(t.admin_token).get(), req, &resp)));
    return {resp.events().begin(), resp.events().end()};
  }

  SeededTenant a_, b_;
  std::string service_;
};

TEST_F(TokenExchangeTest, ServiceAccountGetsATenantScopedServiceTokenWithAct) {
  ASSERT_FALSE(HasFatalFailure());
  v1::ExchangeTokenResponse out;
  ASSERT_TRUE(Ok(Exchange(service_, "kota-a", &out)));
  EXPECT_EQ(out.issued_token_type(), "urn:ietf:params:oauth:token-type:access_token");
  EXPECT_EQ(out.token_type(), "Bearer");
  EXPECT_EQ(out.expires_in(), kExchangedTtlSeconds);

  auto claims = VerifiedClaims(out.access_token());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->tenant, "kota-a");
  EXPECT_EQ(claims->roles, std::vector<std::string>{"SERVICE"});
  EXPECT_EQ(claims->sub, kPlatformService);
  EXPECT_EQ(claims->act_sub, kPlatformService);
  EXPECT_EQ(claims->org_unit, "");
  EXPECT_EQ(claims->exp - claims->iat, kExchangedTtlSeconds);

  // The scoped token reads its tenant as a SERVICE account does (every employee).
  v1::Employee e;
  v1::GetEmployeeRequest get;
  get.set_nip(a_.staf_s1_a);
  EXPECT_TRUE(Ok(stub().GetEmployee(Ctx(out.access_token()).get(), get, &e)));
  EXPECT_EQ(e.nip(), a_.staf_s1_a);
}

TEST_F(TokenExchangeTest, EachExchangeIsAuditedInTheTargetTenantOnly) {
  ASSERT_FALSE(HasFatalFailure());
  v1::ExchangeTokenResponse out;
  ASSERT_TRUE(Ok(Exchange(service_, "kota-a", &out)));
  ASSERT_TRUE(Ok(Exchange(service_, "kota-a", &out)));
  const auto events = Exchanges(a_);
  ASSERT_EQ(events.size(), 2u);
  for (const auto& ev : events) {
    EXPECT_EQ(ev.actor(), kPlatformService);
    EXPECT_EQ(ev.target(), kPlatformService);
    EXPECT_EQ(ev.detail(), "SERVICE token of platform/ekinerja-attendance for 240 s");
  }
  EXPECT_TRUE(Exchanges(b_).empty());
}

TEST_F(TokenExchangeTest, PeopleAndTenantAccountsCannotExchange) {
  ASSERT_FALSE(HasFatalFailure());
  // A tenant's own service account, made by its admin: it must not reach another tenant.
  v1::CreateUserRequest create;
  create.mutable_user()->set_username("simpeg-sync");
  create.mutable_user()->add_roles(type::v1::ROLE_SERVICE);
  create.set_password("rahasia-klien-simpeg-2026");
  create.set_service_account(true);
  v1::User user;
  ASSERT_TRUE(Ok(stub().CreateUser(Ctx(a_.admin_token).get(), create, &user)));
  v1::LoginRequest login;
  login.set_tenant("kota-a");
  login.set_client_id("simpeg-sync");
  login.set_client_secret("rahasia-klien-simpeg-2026");
  v1::LoginResponse tenant_service;
  ASSERT_TRUE(Ok(stub().Login(Ctx().get(), login, &tenant_service)));

  const std::vector<std::pair<std::string, std::string>> callers = {
      {"PEGAWAI", Token(a_, a_.staf_s1_a)},
      {"ATASAN", Token(a_, a_.staf_p2p)},
      {"ADMIN_INSTANSI", a_.admin_token},
      {"PLATFORM_ADMIN", PlatformToken()},
      {"kota-a's SERVICE", tenant_service.access_token()},
  };
  for (const auto& [who, token] : callers) {
    v1::ExchangeTokenResponse out;
    EXPECT_TRUE(HasCode(Exchange(token, "kota-b", &out), grpc::StatusCode::PERMISSION_DENIED))
        << who;
    EXPECT_TRUE(out.access_token().empty()) << who;
  }
  v1::ExchangeTokenResponse out;
  EXPECT_TRUE(HasCode(Exchange("", "kota-b", &out), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(Exchanges(b_).empty());
}

TEST_F(TokenExchangeTest, AnExchangedTokenIsNotExchangedAgain) {
  ASSERT_FALSE(HasFatalFailure());
  v1::ExchangeTokenResponse scoped;
  ASSERT_TRUE(Ok(Exchange(service_, "kota-a", &scoped)));
  v1::ExchangeTokenResponse out;
  const grpc::Status st = Exchange(scoped.access_token(), "kota-b", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(st.error_message(), "an exchanged token is not exchanged again (no chains of actors)");
  EXPECT_TRUE(HasCode(Exchange(scoped.access_token(), "kota-a", &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(Exchanges(b_).empty());
}

TEST_F(TokenExchangeTest, AScopedTokenOfOneTenantReadsNothingOfAnother) {
  ASSERT_FALSE(HasFatalFailure());
  v1::ExchangeTokenResponse scoped;
  ASSERT_TRUE(Ok(Exchange(service_, "kota-a", &scoped)));
  const std::string& token = scoped.access_token();

  v1::GetEmployeeRequest get;
  get.set_nip(b_.staf_s1_a);
  v1::Employee e;
  EXPECT_TRUE(HasCode(stub().GetEmployee(Ctx(token).get(), get, &e), grpc::StatusCode::NOT_FOUND));
  v1::BatchGetEmployeesRequest batch;
  for (const auto& nip : b_.all_nips) batch.add_nips(nip);
  v1::BatchGetEmployeesResponse got;
  EXPECT_TRUE(HasCode(stub().BatchGetEmployees(Ctx(token).get(), batch, &got),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(got.employees_size(), 0);
  // Asked to skip what is missing, it finds none of them: they are not its tenant's.
  batch.set_allow_missing(true);
  ASSERT_TRUE(Ok(stub().BatchGetEmployees(Ctx(token).get(), batch, &got)));
  EXPECT_EQ(got.employees_size(), 0);
  // Its listings are kota-a's.
  v1::ListEmployeesRequest list;
  list.set_page_size(1000);
  v1::ListEmployeesResponse listed;
  ASSERT_TRUE(Ok(stub().ListEmployees(Ctx(token).get(), list, &listed)));
  std::vector<std::string> nips;
  for (const auto& emp : listed.employees()) nips.push_back(emp.nip());
  std::sort(nips.begin(), nips.end());
  EXPECT_EQ(nips, a_.all_nips);
}

TEST_F(TokenExchangeTest, AnUnknownTenantIsNotFound) {
  ASSERT_FALSE(HasFatalFailure());
  v1::ExchangeTokenResponse out;
  const grpc::Status st = Exchange(service_, "kab-lain", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(st.error_message(), "no tenant kab-lain");
  EXPECT_TRUE(out.access_token().empty());
}

TEST_F(TokenExchangeTest, BadInputIsOneViolationPerFieldAndNothingIsAudited) {
  ASSERT_FALSE(HasFatalFailure());
  v1::ExchangeTokenRequest req;
  req.set_grant_type("client_credentials");
  req.set_subject_token_type("urn:ietf:params:oauth:token-type:refresh_token");
  req.set_audience("Kota A");
  v1::ExchangeTokenResponse out;
  grpc::Status st = stub().ExchangeToken(Ctx(service_).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(st),
            (std::vector<std::string>{"grant_type", "subject_token_type", "audience"}));

  // Each field alone.
  const auto one = [&](v1::ExchangeTokenRequest r) {
    v1::ExchangeTokenResponse o;
    return ViolatedFields(stub().ExchangeToken(Ctx(service_).get(), r, &o));
  };
  v1::ExchangeTokenRequest good;
  good.set_grant_type("urn:ietf:params:oauth:grant-type:token-exchange");
  good.set_subject_token_type("urn:ietf:params:oauth:token-type:access_token");
  good.set_audience("kota-a");
  v1::ExchangeTokenRequest r = good;
  r.clear_grant_type();
  EXPECT_EQ(one(r), std::vector<std::string>{"grant_type"});
  r = good;
  r.clear_subject_token_type();
  EXPECT_EQ(one(r), std::vector<std::string>{"subject_token_type"});
  r = good;
  r.clear_audience();
  EXPECT_EQ(one(r), std::vector<std::string>{"audience"});
  r = good;
  r.set_audience("platform");
  EXPECT_EQ(one(r), std::vector<std::string>{"audience"});
  EXPECT_TRUE(Exchanges(a_).empty());
  EXPECT_EQ(db().Count("audit_events WHERE action = 'TOKEN_EXCHANGE'"), 0);
}

// --service_accounts_file at every start: an unchanged secret writes nothing; a changed one
// replaces the stored one (the old stops working); a person's login of that name is refused.
TEST_F(TokenExchangeTest, StartingAgainKeepsOrRotatesTheServiceAccountsSecret) {
  ASSERT_FALSE(HasFatalFailure());
  const auto events = [&] {
    return db().Count("audit_events WHERE tenant_id = 'platform' AND target = '" +
                      std::string(kPlatformService) + "'");
  };
  const long before = events();
  const auto params = auth::PasswordHashParams::Fast();
  ASSERT_TRUE(
      EnsureServiceAccounts(host().pool(), {{kPlatformService, kPlatformServiceSecret}}, params)
          .ok());
  EXPECT_EQ(events(), before);

  const std::string rotated = "layanan-presensi-baru-2027";
  ASSERT_TRUE(EnsureServiceAccounts(host().pool(), {{kPlatformService, rotated}}, params).ok());
  EXPECT_EQ(events(), before + 1);
  v1::LoginRequest login;
  login.set_tenant("platform");
  login.set_client_id(kPlatformService);
  login.set_client_secret(kPlatformServiceSecret);
  v1::LoginResponse out;
  EXPECT_TRUE(HasCode(stub().Login(Ctx().get(), login, &out), grpc::StatusCode::UNAUTHENTICATED));
  login.set_client_secret(rotated);
  EXPECT_TRUE(Ok(stub().Login(Ctx().get(), login, &out)));

  const absl::Status person =
      EnsureServiceAccounts(host().pool(), {{"admin", "rahasia-layanan-operator-2026"}}, params);
  EXPECT_EQ(person.code(), absl::StatusCode::kFailedPrecondition) << person;
  const absl::Status weak = EnsureServiceAccounts(host().pool(), {{"svc-lemah", "123"}}, params);
  EXPECT_EQ(weak.code(), absl::StatusCode::kInvalidArgument) << weak;
}

}  // namespace
}  // namespace ekinerja::identity::it

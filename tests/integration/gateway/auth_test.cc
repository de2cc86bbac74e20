// The gateway's JWT check, through HTTP: every kind of bad token is refused with Envoy jwt_authn's
// status and reason (the body a google.rpc.Status JSON) before anything goes upstream.

#include "absl/strings/escaping.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "integration/gateway/gateway_fixture.h"
#include "jwt.h"

namespace ekinerja::gateway::it {
namespace {

constexpr char kTenant[] = "kota-jwt";

class JwtTest : public GatewayTest {
 protected:
  void SetUp() override {
    GatewayTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = CreateTenantWithAdmin(kTenant);
    ASSERT_FALSE(HasFatalFailure());
    // The gateway has the JWKS from here on, so a refusal below is never a fetch failure.
    HttpReply ok = Get("/v1/me", admin_);
    ASSERT_EQ(ok.status, 200) << ok.body;
    kid_ = auth::PeekHeader(admin_)->kid;
  }

  // Asserts that GET /v1/me with `authorization` is refused with `http_status`, `grpc_code` and
  // Envoy's `reason`, and that nothing went upstream.
  void ExpectRefused(const std::string& authorization, int http_status, int grpc_code,
                     const std::string& reason) {
    const uint64_t calls = gateway().upstream_calls();
    Headers headers;
    if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
    HttpReply r = Request(port(), "GET", "/v1/me", "", headers);
    EXPECT_EQ(r.status, http_status) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/json");
    google::rpc::Status status;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &status).ok()) << r.body;
    EXPECT_EQ(status.code(), grpc_code);
    EXPECT_EQ(status.message(), reason);
    EXPECT_EQ(r.body,
              transcoder().StatusToJson(static_cast<grpc::StatusCode>(grpc_code), reason, ""));
    // As Envoy: the realm is the request's URL; "invalid_token" unless the token is missing.
    EXPECT_EQ(r.Header("www-authenticate"),
              absl::StrCat("Bearer realm=\"http://gateway.test/v1/me\"",
                           reason == "Jwt is missing" ? "" : ", error=\"invalid_token\""));
    EXPECT_EQ(gateway().upstream_calls(), calls) << "a refused request went upstream";
  }

  std::string admin_;
  std::string kid_;
};

TEST_F(JwtTest, ValidTokenPasses) {
  HttpReply r = Get("/v1/me", admin_);
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(JwtTest, MissingTokenIs401) {
  ExpectRefused("", 401, 16, "Jwt is missing");
  ExpectRefused("Basic YWRtaW46cmFoYXNpYQ==", 401, 16, "Jwt is missing");
  ExpectRefused("Bearer ", 401, 16, "Jwt is missing");
}

TEST_F(JwtTest, ExpiredTokenIs401) {
  auth::Claims c = ClaimsFor(kTenant, identity::it::kTenantAdmin);
  c.iat = absl::ToUnixSeconds(absl::Now()) - 3600;
  c.exp = absl::ToUnixSeconds(absl::Now()) - 600;  // beyond the 30 s leeway
  ExpectRefused("Bearer " + SignWithIdentityKey(c), 401, 16, "Jwt is expired");
}

TEST_F(JwtTest, NotYetValidTokenIs401) {
  auth::Claims c = ClaimsFor(kTenant, identity::it::kTenantAdmin);
  c.nbf = absl::ToUnixSeconds(absl::Now()) + 600;
  ExpectRefused("Bearer " + SignWithIdentityKey(c), 401, 16, "Jwt not yet valid");
}

TEST_F(JwtTest, WrongAudienceIs403AsEnvoy) {
  auth::Claims c = ClaimsFor(kTenant, identity::it::kTenantAdmin);
  c.aud = "another-system";
  ExpectRefused("Bearer " + SignWithIdentityKey(c), 403, 7, "Audiences in Jwt are not allowed");
}

TEST_F(JwtTest, WrongIssuerIs401) {
  auth::Claims c = ClaimsFor(kTenant, identity::it::kTenantAdmin);
  c.iss = "someone-else";
  ExpectRefused("Bearer " + SignWithIdentityKey(c), 401, 16, "Jwt issuer is not configured");
}

TEST_F(JwtTest, UnknownKidIs401) {
  auto stranger = auth::SigningKey::Generate("not-a-published-kid");
  ASSERT_TRUE(stranger.ok());
  auto token = stranger->Sign(ClaimsFor(kTenant, identity::it::kTenantAdmin));
  ASSERT_TRUE(token.ok());
  ExpectRefused("Bearer " + *token, 401, 16, "Jwks doesn't have key to match kid or alg from Jwt");
}

TEST_F(JwtTest, BadSignatureIs401) {
  // Another key under identity's own kid: the signature does not verify.
  auto forger = auth::SigningKey::Generate(kid_);
  ASSERT_TRUE(forger.ok());
  auto forged = forger->Sign(ClaimsFor(kTenant, identity::it::kTenantAdmin));
  ASSERT_TRUE(forged.ok());
  ExpectRefused("Bearer " + *forged, 401, 16, "Jwt verification fails");

  // identity's own token with a byte of its signature changed.
  std::string tampered = admin_;
  tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
  ExpectRefused("Bearer " + tampered, 401, 16, "Jwt verification fails");
}

TEST_F(JwtTest, AlgNoneIs401) {
  const int64_t now = absl::ToUnixSeconds(absl::Now());
  const std::string header = absl::WebSafeBase64Escape(
      absl::StrCat(R"({"alg":"none","typ":"JWT","kid":")", kid_, R"("})"));
  const std::string payload = absl::WebSafeBase64Escape(absl::StrCat(
      R"({"iss":"ekinerja-identity","aud":"ekinerja","sub":"admin","tenant":")", kTenant,
      R"(","roles":["ADMIN_INSTANSI"],"iat":)", now, R"(,"exp":)", now + 600, "}"));
  ExpectRefused("Bearer " + header + "." + payload + ".", 401, 16,
                "Jwt header [alg] is not supported");
}

TEST_F(JwtTest, GarbageTokenIs401) {
  ExpectRefused("Bearer not.a.jwt", 401, 16,
                "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections");
}

TEST_F(JwtTest, PublicRoutesNeedNoToken) {
  HttpReply login =
      Post("/v1/auth:login", R"({"tenant":"kota-jwt","username":"admin","password":"wrong"})");
  EXPECT_EQ(login.status, 401) << login.body;  // the service's answer to a wrong password
  HttpReply jwks = Get("/v1/auth/jwks");
  EXPECT_EQ(jwks.status, 200) << jwks.body;
  HttpReply refresh = Post("/v1/auth:refresh", R"({"refreshToken":"nope"})");
  EXPECT_EQ(refresh.status, 401) << refresh.body;
}

// The gateway would judge one and the service another: both refuse two, whichever is valid.
TEST_F(JwtTest, TwoAuthorizationHeadersAre401) {
  const uint64_t calls = gateway().upstream_calls();
  for (const Headers& headers :
       {Headers{{"Authorization", "Bearer " + admin_}, {"Authorization", "Bearer not.a.jwt"}},
        Headers{{"Authorization", "Bearer not.a.jwt"}, {"Authorization", "Bearer " + admin_}},
        Headers{{"Authorization", "Bearer " + admin_}, {"authorization", "Bearer " + admin_}}}) {
    HttpReply r = Request(port(), "GET", "/v1/me", "", headers);
    EXPECT_EQ(r.status, 401) << r.body;
    EXPECT_EQ(r.body, transcoder().StatusToJson(
                          grpc::StatusCode::UNAUTHENTICATED,
                          "Jwt is ambiguous: more than one authorization header", ""));
    EXPECT_EQ(r.Header("www-authenticate"),
              "Bearer realm=\"http://gateway.test/v1/me\", error=\"invalid_token\"");
  }
  EXPECT_EQ(gateway().upstream_calls(), calls) << "a refused request went upstream";
}

TEST_F(JwtTest, ServiceRefusesTwoAuthorizationEntriesToo) {
  auto ctx = Ctx(admin_);
  ctx->AddMetadata("authorization", "Bearer not.a.jwt");
  identity::v1::Profile profile;
  grpc::Status st = stub().GetProfile(ctx.get(), {}, &profile);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(st.error_message(), "more than one authorization entry");
}

TEST_F(JwtTest, TokenOfAnotherTenantPassesTheGatewayAndTheServiceJudges) {
  // The gateway checks the token only; the service decides what the caller may do.
  const uint64_t calls = gateway().upstream_calls();
  auth::Claims c = ClaimsFor("no-such-tenant", "ghost");
  HttpReply r = Get("/v1/me", SignWithIdentityKey(c));
  EXPECT_EQ(r.status, 404) << r.body;  // identity knows no such user
  EXPECT_EQ(gateway().upstream_calls(), calls + 1);
}

}  // namespace
}  // namespace ekinerja::gateway::it

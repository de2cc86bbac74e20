// REST through the real gateway to the real identity service: the answers and the error classes of
// DESIGN §8 (the transcoding of every annotation shape is unit-tested in tests/unit/gateway).

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "integration/gateway/gateway_fixture.h"

namespace ekinerja::gateway::it {
namespace {

namespace v1 = ::ekinerja::identity::v1;
using ::testing::HasSubstr;

constexpr char kTenant[] = "kota-gw";

std::string LoginBody(const std::string& tenant, const std::string& user,
                      const std::string& password) {
  return absl::StrCat(R"({"tenant":")", tenant, R"(","username":")", user, R"(","password":")",
                      password, R"("})");
}

// The google.rpc.Status of an error body.
google::rpc::Status StatusOf(const HttpReply& reply) {
  google::rpc::Status status;
  auto st = google::protobuf::util::JsonStringToMessage(reply.body, &status);
  EXPECT_TRUE(st.ok()) << st << " in " << reply.body;
  return status;
}

class RestTest : public GatewayTest {};

TEST_F(RestTest, LoginIsPublicAndAnswersTheTokenPairAsJson) {
  CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  const uint64_t calls = gateway().upstream_calls();

  HttpReply r = Post("/v1/auth:login", LoginBody(kTenant, identity::it::kTenantAdmin,
                                                 identity::it::kTenantAdminPassword));

  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(gateway().upstream_calls(), calls + 1);
  EXPECT_THAT(r.body, HasSubstr(R"("accessToken":")"));
  EXPECT_THAT(r.body, HasSubstr(R"("refreshToken":")"));
  EXPECT_THAT(r.body, HasSubstr(R"("expiresIn":900)"));
  EXPECT_THAT(r.body, HasSubstr(R"("tokenType":"Bearer")"));
  v1::LoginResponse login;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &login).ok()) << r.body;
  auto claims = VerifiedClaims(login.access_token());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->tenant, kTenant);
  EXPECT_EQ(claims->sub, identity::it::kTenantAdmin);
}

TEST_F(RestTest, ProfileWithTokenIsExactlyTheServiceAnswerAsJson) {
  identity::it::SeededTenant t = SeedTenant(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  const std::string token = Token(t, t.staf_s1_a);

  HttpReply r = Get("/v1/me", token);

  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json");
  v1::Profile direct;
  ASSERT_TRUE(identity::it::Ok(stub().GetProfile(Ctx(token).get(), {}, &direct)));
  EXPECT_EQ(r.body, ToJson(direct));
  EXPECT_THAT(r.body, HasSubstr(absl::StrCat(R"("tenant":")", kTenant, R"(")")));
  EXPECT_THAT(r.body, HasSubstr(absl::StrCat(R"("username":")", t.staf_s1_a, R"(")")));
  EXPECT_THAT(r.body, HasSubstr(R"("roles":["ROLE_PEGAWAI"])"));
  EXPECT_THAT(r.body, HasSubstr(absl::StrCat(R"("nip":")", t.staf_s1_a, R"(")")));
  EXPECT_THAT(r.body, HasSubstr(R"("name":"Dewi Lestari")"));
}

TEST_F(RestTest, InvalidNipIs400WithTheServiceFieldViolations) {
  const std::string admin = CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Get("/v1/employees/12345", admin);

  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_THAT(r.body, HasSubstr(R"("@type":"type.googleapis.com/google.rpc.BadRequest")"));
  google::rpc::Status status = StatusOf(r);
  EXPECT_EQ(status.code(), 3);
  ASSERT_EQ(status.details_size(), 1);
  google::rpc::BadRequest bad;
  ASSERT_TRUE(status.details(0).UnpackTo(&bad));
  ASSERT_EQ(bad.field_violations_size(), 1);
  EXPECT_EQ(bad.field_violations(0).field(), "nip");
  // Exactly what the service said, message and violations.
  v1::GetEmployeeRequest req;
  req.set_nip("12345");
  v1::Employee out;
  grpc::Status direct = stub().GetEmployee(Ctx(admin).get(), req, &out);
  ASSERT_EQ(direct.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.message(), direct.error_message());
  auto violations = identity::it::Violations(direct);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(bad.field_violations(0).description(), violations[0].description());
  EXPECT_EQ(r.body, transcoder().StatusToJson(grpc::StatusCode::INVALID_ARGUMENT,
                                              direct.error_message(), direct.error_details()));
}

TEST_F(RestTest, PermissionDeniedIs403) {
  const std::string admin = CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Get("/v1/tenants", admin);  // only the platform admin lists tenants

  ASSERT_EQ(r.status, 403) << r.body;
  google::rpc::Status status = StatusOf(r);
  EXPECT_EQ(status.code(), 7);
  EXPECT_EQ(status.message(), "only the platform admin lists tenants");
  EXPECT_EQ(r.body, transcoder().StatusToJson(grpc::StatusCode::PERMISSION_DENIED,
                                              "only the platform admin lists tenants", ""));
}

TEST_F(RestTest, NotFoundFromTheServiceIs404) {
  const std::string admin = CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Get("/v1/orgUnits/NOPE", admin);

  ASSERT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(StatusOf(r).code(), 5);
}

TEST_F(RestTest, UnknownRouteIs404WithoutAnUpstreamCall) {
  const std::string admin = CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  const uint64_t calls = gateway().upstream_calls();

  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/v1/nothing"},
                                                        {"GET", "/"},
                                                        {"DELETE", "/v1/me"},
                                                        {"GET", "/v2/me"},
                                                        {"BREW", "/v1/me"}}) {
    HttpReply r = Request(port(), method, target, "", {{"Authorization", "Bearer " + admin}});
    EXPECT_EQ(r.status, 404) << method << " " << target << ": " << r.body;
    EXPECT_EQ(StatusOf(r).code(), 5) << method << " " << target;
    EXPECT_EQ(r.Header("content-type"), "application/json");
  }
  EXPECT_EQ(gateway().upstream_calls(), calls);
}

TEST_F(RestTest, UnknownRouteWithoutTokenIs401AsBehindJwtAuthn) {
  HttpReply r = Get("/v1/nothing");

  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(StatusOf(r).code(), 16);
}

TEST_F(RestTest, UnknownQueryParameterIs400WithoutAnUpstreamCall) {
  const std::string admin = CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  const uint64_t calls = gateway().upstream_calls();

  HttpReply r = Get("/v1/me?bogus=1", admin);

  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(StatusOf(r).code(), 3);
  EXPECT_EQ(gateway().upstream_calls(), calls);
}

TEST_F(RestTest, MalformedJsonIs400EvenOnAPublicRoute) {
  const uint64_t calls = gateway().upstream_calls();

  HttpReply r = Post("/v1/auth:login", R"({"tenant": "kota-gw", "username": )");

  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(StatusOf(r).code(), 3);
  EXPECT_EQ(gateway().upstream_calls(), calls);
}

// A misspelt member ("pasword") would otherwise be dropped and the call made without it.
TEST_F(RestTest, UnknownBodyMemberIs400WithoutAnUpstreamCall) {
  CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  const uint64_t calls = gateway().upstream_calls();

  HttpReply r = Post("/v1/auth:login", R"({"tenant":"kota-gw","username":"admin","pasword":"x"})");

  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.body, transcoder().StatusToJson(grpc::StatusCode::INVALID_ARGUMENT,
                                              "body: pasword: Cannot find field.", ""));
  EXPECT_EQ(gateway().upstream_calls(), calls);
}

// As Envoy's transcoder: a route's body is JSON whatever the Content-Type says (only
// application/grpc is not transcoded, and that never comes to this port).
TEST_F(RestTest, BodyIsReadAsJsonWhateverItsContentType) {
  CreateTenantWithAdmin(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  const std::string login =
      LoginBody(kTenant, identity::it::kTenantAdmin, identity::it::kTenantAdminPassword);

  HttpReply r = Request(port(), "POST", "/v1/auth:login", login, {{"Content-Type", "text/plain"}});
  EXPECT_EQ(r.status, 200) << r.body;
  r = Request(port(), "POST", "/v1/auth:login", R"({"tenant":"kota-gw","bogus":1})",
              {{"Content-Type", "text/plain"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.body, transcoder().StatusToJson(grpc::StatusCode::INVALID_ARGUMENT,
                                              "body: bogus: Cannot find field.", ""));
}

TEST_F(RestTest, BodyFieldsAndQueryParametersReachTheService) {
  identity::it::SeededTenant t = SeedTenant(kTenant);
  ASSERT_FALSE(HasFatalFailure());

  // body "org_unit" + path; then a query parameter filter
  HttpReply created =
      Post("/v1/orgUnits", R"({"code":"DINKES.UMUM","name":"Bagian Umum","parentCode":"DINKES"})",
           t.admin_token);
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_THAT(created.body, HasSubstr(R"("code":"DINKES.UMUM")"));
  HttpReply got = Get("/v1/orgUnits/DINKES.UMUM", t.admin_token);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.body, created.body);
  HttpReply subordinates = Get(
      absl::StrCat("/v1/employees/", t.kabid_p2p, "/subordinates?page_size=2&include_subtree=true"),
      t.admin_token);
  ASSERT_EQ(subordinates.status, 200) << subordinates.body;
  v1::ListSubordinatesRequest req;
  req.set_nip(t.kabid_p2p);
  req.set_page_size(2);
  req.set_include_subtree(true);
  v1::ListSubordinatesResponse direct;
  ASSERT_TRUE(identity::it::Ok(stub().ListSubordinates(Ctx(t.admin_token).get(), req, &direct)));
  EXPECT_EQ(direct.employees_size(), 2);
  EXPECT_FALSE(direct.next_page_token().empty());
  EXPECT_EQ(subordinates.body, ToJson(direct));
}

// Issue 9 through REST: the admin issues an activation code, the employee sets their password
// with it without a token (a public route), logs in, and changes it.
TEST_F(RestTest, AnEmployeeActivatesTheirLoginWithACodeAndChangesThePassword) {
  identity::it::SeededTenant t = SeedTenant(kTenant);
  ASSERT_FALSE(HasFatalFailure());
  HttpReply user =
      Post("/v1/users", R"({"user":{"username":"fitri.h","nip":")" + t.kabid_yankes + R"("}})",
           t.admin_token);
  ASSERT_EQ(user.status, 200) << user.body;
  EXPECT_THAT(user.body, HasSubstr(R"("hasPassword":false)"));

  HttpReply issued =
      Post("/v1/users:issuePasswordCodes", R"({"usernames":["fitri.h"]})", t.admin_token);
  ASSERT_EQ(issued.status, 200) << issued.body;
  v1::IssuePasswordCodesResponse codes;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(issued.body, &codes).ok()) << issued.body;
  ASSERT_EQ(codes.codes_size(), 1);
  EXPECT_THAT(issued.body, HasSubstr(R"("purpose":"PASSWORD_CODE_PURPOSE_ACTIVATION")"));
  const std::string set =
      absl::StrCat(R"({"tenant":")", kTenant, R"(","username":"fitri.h","code":")",
                   codes.codes(0).code(), R"(","newPassword":"kopi-tubruk-pagi-hari"})");
  HttpReply done = Post("/v1/auth:setPasswordWithCode", set);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body, "{}");
  // Again: the service's refusal (the route is public, so it is the service that answers).
  HttpReply again = Post("/v1/auth:setPasswordWithCode", set);
  EXPECT_EQ(again.status, 401) << again.body;
  EXPECT_THAT(StatusOf(again).message(), HasSubstr("the code is not valid"));

  HttpReply login = Post("/v1/auth:login", LoginBody(kTenant, "fitri.h", "kopi-tubruk-pagi-hari"));
  ASSERT_EQ(login.status, 200) << login.body;
  v1::LoginResponse tokens;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(login.body, &tokens).ok());
  HttpReply changed =
      Post("/v1/me:changePassword",
           R"({"oldPassword":"kopi-tubruk-pagi-hari","newPassword":"teh-manis-sore"})",
           tokens.access_token());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_THAT(changed.body, HasSubstr(R"("tokenType":"Bearer")"));
  EXPECT_EQ(Post("/v1/auth:login", LoginBody(kTenant, "fitri.h", "teh-manis-sore")).status, 200);
  // Issuing needs a token; changing a password too.
  EXPECT_EQ(Post("/v1/users:issuePasswordCodes", R"({"usernames":["fitri.h"]})").status, 401);
  EXPECT_EQ(Post("/v1/me:changePassword", R"({"oldPassword":"a","newPassword":"b"})").status, 401);
}

}  // namespace
}  // namespace ekinerja::gateway::it

// What operators and the platform rely on: /healthz, /readyz, the JWKS, /metrics, and the answers
// when an upstream is down or does not answer in time.

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "integration/common/http_get.h"
#include "integration/common/test_db.h"
#include "integration/gateway/gateway_fixture.h"
#include "jwks_proto.h"
#include "server.h"

namespace ekinerja::gateway::it {
namespace {

namespace v1 = ::ekinerja::identity::v1;
using ::testing::HasSubstr;

int CodeOf(const HttpReply& r) {
  google::rpc::Status status;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &status).ok()) << r.body;
  return status.code();
}

class OpsTest : public GatewayTest {};

TEST_F(OpsTest, HealthzAnswersWhileTheProcessRuns) {
  HttpReply r = Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"SERVING"})");
  EXPECT_EQ(r.Header("content-type"), "application/json");
}

TEST_F(OpsTest, ReadyzIs200WhileEveryUpstreamServesAnd503AfterOneStops) {
  HttpReply ready = Get("/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  // The fixture routes activity, attendance, scoring, skp and warning to the test's identity
  // service too.
  EXPECT_EQ(ready.body,
            R"({"ready":true,"upstreams":{"ekinerja.activity.v1.ActivityService":"SERVING",)"
            R"("ekinerja.attendance.v1.AttendanceService":"SERVING",)"
            R"("ekinerja.identity.v1.IdentityService":"SERVING",)"
            R"("ekinerja.scoring.v1.ScoringService":"SERVING",)"
            R"("ekinerja.skp.v1.SkpService":"SERVING",)"
            R"("ekinerja.warning.v1.WarningService":"SERVING"}})");

  host().Shutdown();  // identity stops
  HttpReply gone = Get("/readyz");

  EXPECT_EQ(gone.status, 503) << gone.body;
  EXPECT_THAT(gone.body,
              HasSubstr(R"({"ready":false,"upstreams":{"ekinerja.activity.v1.ActivityService":)"
                        R"("UNREACHABLE: )"));
  EXPECT_THAT(gone.body, HasSubstr(R"("ekinerja.identity.v1.IdentityService":"UNREACHABLE: )"));
}

TEST_F(OpsTest, ReadyzNamesTheUpstreamThatIsNotServing) {
  GatewayConfig config;
  config.upstreams = absl::StrCat(kIdentity, "=127.0.0.1:", ClosedPort());
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Get("/readyz");

  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("ekinerja.identity.v1.IdentityService":"UNREACHABLE: )"));
}

// A service whose database role the test can lock out, as a database that goes away and comes
// back looks to the service: its connections cut, new ones refused, then accepted again.
class DatabaseThatGoesAway {
 public:
  void Start() {
    auto schema = integration::TestSchema::Create();
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = *std::move(schema);
    role_ = schema_->name() + "_svc";
    ASSERT_TRUE(Admin("CREATE ROLE " + role_ + " LOGIN; ALTER SCHEMA " + schema_->name() +
                      " OWNER TO " + role_)
                    .ok());
    ServerOptions options;
    options.service = "attendance";
    options.metrics_port = -1;
    options.db_url = schema_->url() + " user=" + role_;
    options.db_schema = schema_->name();
    options.db_pool_size = 4;
    options.drain = absl::Seconds(1);
    auto host = ServiceHost::Create(options, {});
    ASSERT_TRUE(host.ok()) << host.status();
    host_ = *std::move(host);
    ASSERT_TRUE(host_->Start({}, nullptr, {}).ok());
    // Every pooled connection open, as under load: each goes stale when the database goes.
    absl::Status opened = host_->pool().Read([this](db::Tx&) {
      return host_->pool().Read([this](db::Tx&) {
        return host_->pool().Read([this](db::Tx&) {
          return host_->pool().Read([](db::Tx&) { return absl::OkStatus(); });
        });
      });
    });
    ASSERT_TRUE(opened.ok()) << opened;
  }
  ~DatabaseThatGoesAway() {
    if (host_) host_->Shutdown();
    host_.reset();
    if (!role_.empty()) {
      (void)Admin("DROP SCHEMA " + schema_->name() + " CASCADE; DROP ROLE " + role_);
    }
  }

  int port() const { return host_->grpc_port(); }
  absl::Status GoAway() {
    return Admin("ALTER ROLE " + role_ +
                 " NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                 "WHERE usename = '" +
                 role_ + "'");
  }
  absl::Status ComeBack() { return Admin("ALTER ROLE " + role_ + " LOGIN"); }

 private:
  absl::Status Admin(const std::string& sql) { return schema_->Query(sql).status(); }

  std::unique_ptr<integration::TestSchema> schema_;
  std::string role_;
  std::unique_ptr<ServiceHost> host_;
};

TEST_F(OpsTest, ReadyzFollowsAServicesDatabaseWithinTwoSecondsBothWays) {
  DatabaseThatGoesAway attendance;
  attendance.Start();
  ASSERT_FALSE(HasFatalFailure());
  GatewayConfig config;
  config.upstreams =
      absl::StrCat("ekinerja.attendance.v1.AttendanceService=127.0.0.1:", attendance.port());
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  // How long /readyz takes to answer `status`, polled every 50 ms for up to 15 s.
  const auto until = [this](int status) {
    const absl::Time start = absl::Now();
    while (Get("/readyz").status != status && absl::Now() - start < absl::Seconds(15)) {
      absl::SleepFor(absl::Milliseconds(50));
    }
    return absl::Now() - start;
  };
  ASSERT_LT(until(200), absl::Seconds(2));

  ASSERT_TRUE(attendance.GoAway().ok());
  EXPECT_LT(until(503), absl::Seconds(2));
  ASSERT_TRUE(attendance.ComeBack().ok());
  EXPECT_LT(until(200), absl::Seconds(2));
}

TEST_F(OpsTest, JwksIsIdentityKeySetAsRfc7517Json) {
  HttpReply r = Get("/.well-known/jwks.json");

  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json");
  v1::Jwks direct;
  ASSERT_TRUE(identity::it::Ok(stub().GetJwks(Ctx().get(), {}, &direct)));
  ASSERT_EQ(direct.keys_size(), 1);
  auto keys = auth::KeysOf(direct);
  EXPECT_EQ(r.body, auth::JwksToJson(keys));
  EXPECT_THAT(r.body, HasSubstr(absl::StrCat(R"({"keys":[{"kty":"EC","crv":"P-256","x":")")));
  EXPECT_THAT(r.body, HasSubstr(absl::StrCat(R"("kid":")", direct.keys(0).kid(), R"(")")));
  // The same keys parse back and verify identity's tokens.
  auto parsed = auth::JwksFromJson(r.body);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, keys);
}

TEST_F(OpsTest, UpstreamDownIs503) {
  GatewayConfig config;
  config.upstreams = absl::StrCat(kIdentity, "=127.0.0.1:", ClosedPort());
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Post("/v1/auth:login", R"({"tenant":"kota","username":"a","password":"b"})");

  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(CodeOf(r), 14);
  EXPECT_EQ(r.Header("content-type"), "application/json");
}

TEST_F(OpsTest, ProtectedRouteWhileIdentityIsDownIs401AsEnvoyWithoutJwks) {
  GatewayConfig config;
  config.upstreams = absl::StrCat(kIdentity, "=127.0.0.1:", ClosedPort());
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Get("/v1/me", SignWithIdentityKey(ClaimsFor("kota", "admin")));

  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_THAT(r.body, HasSubstr("Jwks remote fetch is failed"));
}

TEST_F(OpsTest, UpstreamThatNeverAnswersIs504AtTheDeadline) {
  FakeUpstream hanging(FakeUpstream::Mode::kHang);
  GatewayConfig config;
  config.upstreams = absl::StrCat(kIdentity, "=", hanging.address());
  config.upstream_timeout = absl::Seconds(1);
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  const absl::Time start = absl::Now();
  HttpReply r = Post("/v1/auth:login", "{}");
  const absl::Duration took = absl::Now() - start;

  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_EQ(CodeOf(r), 4);
  EXPECT_GE(took, absl::Milliseconds(900));
  EXPECT_LT(took, absl::Seconds(5));
  EXPECT_EQ(hanging.calls(), 1);
}

TEST_F(OpsTest, ClientGrpcTimeoutShortensTheDeadline) {
  FakeUpstream hanging(FakeUpstream::Mode::kHang);
  GatewayConfig config;
  config.upstreams = absl::StrCat(kIdentity, "=", hanging.address());
  config.upstream_timeout = absl::Seconds(20);
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  const absl::Time start = absl::Now();
  HttpReply r = Post("/v1/auth:login", "{}", "", {{"grpc-timeout", "300m"}});

  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  // and the upstream saw that deadline
  auto md = hanging.last_metadata();
  EXPECT_EQ(md.count("grpc-timeout"), 0u);  // gRPC carries deadlines itself, not as metadata
}

TEST_F(OpsTest, MetricsCountRequestsByRouteAndStatus) {
  GatewayConfig config;
  config.serve_metrics = true;
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  const std::string admin = CreateTenantWithAdmin("kota-metrik");
  ASSERT_FALSE(HasFatalFailure());

  EXPECT_EQ(Get("/v1/me", admin).status, 200);
  EXPECT_EQ(Get("/v1/me", admin).status, 200);
  EXPECT_EQ(Get("/v1/me").status, 401);
  EXPECT_EQ(Get("/v1/employees/123", admin).status, 400);
  EXPECT_EQ(Get("/v1/nothing/12345", admin).status, 404);
  EXPECT_EQ(Get("/healthz").status, 200);

  auto scraped = integration::HttpGet(metrics_port(), "/metrics");
  ASSERT_TRUE(scraped.ok()) << scraped.status();
  const std::string& m = scraped->body;
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_http_requests_total{method="GET",route="/ekinerja.identity.v1.IdentityService/GetProfile",status="200"} 2)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_http_requests_total{method="GET",route="/ekinerja.identity.v1.IdentityService/GetProfile",status="401"} 1)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_http_requests_total{method="GET",route="/ekinerja.identity.v1.IdentityService/GetEmployee",status="400"} 1)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_http_requests_total{method="GET",route="unmatched",status="404"} 1)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_http_requests_total{method="GET",route="/healthz",status="200"} 1)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_http_request_duration_seconds_count{route="/ekinerja.identity.v1.IdentityService/GetProfile"} 3)"));
  EXPECT_THAT(m, HasSubstr(R"(ekinerja_gateway_jwt_rejections_total{reason="missing"} 1)"));
  // The admin's token was verified for the first /v1/me and remembered for the three requests
  // after it (the unmatched path's too: the token is checked before routing, as by jwt_authn).
  EXPECT_THAT(m, HasSubstr(R"(ekinerja_gateway_jwt_cache_lookups_total{result="miss"} 1)"));
  EXPECT_THAT(m, HasSubstr(R"(ekinerja_gateway_jwt_cache_lookups_total{result="hit"} 3)"));
  // GetProfile twice and GetEmployee once went upstream; the 401 and the 404 did not.
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_upstream_duration_seconds_count{service="ekinerja.identity.v1.IdentityService"} 3)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_upstream_requests_total{grpc_code="OK",service="ekinerja.identity.v1.IdentityService"} 2)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(ekinerja_gateway_upstream_requests_total{grpc_code="InvalidArgument",service="ekinerja.identity.v1.IdentityService"} 1)"));
  // Never the raw path.
  EXPECT_THAT(m, ::testing::Not(HasSubstr("12345")));
}

}  // namespace
}  // namespace ekinerja::gateway::it

namespace ekinerja::gateway::it {
namespace {

TEST(UpstreamsFlagTest, RoutedServiceWithoutAnUpstreamRefusesTheStart) {
  GatewayCoreOptions options;
  options.routed = {kIdentity, "ekinerja.skp.v1.SkpService"};
  options.upstreams = "";
  auto core = GatewayCore::Create(options);
  ASSERT_FALSE(core.ok());
  EXPECT_EQ(core.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(core.status().message()),
              HasSubstr("the routed service ekinerja.skp.v1.SkpService has no upstream"));
}

TEST(UpstreamsFlagTest, IdentityDefaultsAndNamedServicesGetTheirAddress) {
  GatewayCoreOptions options;
  options.routed = {kIdentity, "ekinerja.skp.v1.SkpService"};
  options.upstreams = " ekinerja.skp.v1.SkpService = 10.0.0.7:50052 ,";
  auto core = GatewayCore::Create(options);
  ASSERT_TRUE(core.ok()) << core.status();
  const Upstreams& u = (*core)->upstreams();
  EXPECT_EQ(u.AddressOf(kIdentity), "127.0.0.1:50051");
  EXPECT_EQ(u.AddressOf("ekinerja.skp.v1.SkpService"), "10.0.0.7:50052");
  EXPECT_EQ(u.Services(), (std::vector<std::string>{kIdentity, "ekinerja.skp.v1.SkpService"}));
  EXPECT_NE(u.ChannelFor("ekinerja.skp.v1.SkpService"), nullptr);
  EXPECT_EQ(u.ChannelFor("ekinerja.warning.v1.WarningService"), nullptr);
}

TEST(UpstreamsFlagTest, MalformedEntriesAreRefused) {
  for (const char* spec :
       {"127.0.0.1:50051", "=127.0.0.1:1",
        "ekinerja.identity.v1.IdentityService=", "a.B=1:1,a.B=2:2", "/a.B/C=1:1"}) {
    GatewayCoreOptions options;
    options.upstreams = spec;
    auto core = GatewayCore::Create(options);
    EXPECT_EQ(core.status().code(), absl::StatusCode::kInvalidArgument) << spec;
  }
}

TEST(UpstreamsFlagTest, ServiceOfAGrpcPath) {
  EXPECT_EQ(Upstreams::ServiceOfPath("/ekinerja.identity.v1.IdentityService/GetProfile"),
            "ekinerja.identity.v1.IdentityService");
  EXPECT_EQ(Upstreams::ServiceOfPath("ekinerja.identity.v1.IdentityService/GetProfile"), "");
  EXPECT_EQ(Upstreams::ServiceOfPath("/ekinerja.identity.v1.IdentityService/"), "");
  EXPECT_EQ(Upstreams::ServiceOfPath("/a/b/c"), "");
}

}  // namespace
}  // namespace ekinerja::gateway::it

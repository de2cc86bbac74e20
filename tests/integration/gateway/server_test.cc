// The HTTP server behaviour of the gateway: keep-alive, x-request-id, CORS, size limits, timeouts,
// the graceful drain, and what goes upstream as metadata.

#include <regex>
#include <thread>

#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "integration/gateway/gateway_fixture.h"

namespace ekinerja::gateway::it {
namespace {

using ::testing::HasSubstr;

const std::regex kUuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

int CodeOf(const HttpReply& r) {
  google::rpc::Status status;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &status).ok()) << r.body;
  return status.code();
}

// Identity's routes to `address` (a fake upstream).
GatewayConfig Routed(const std::string& address,
                     absl::Duration upstream_timeout = absl::Seconds(10)) {
  GatewayConfig config;
  config.upstreams = absl::StrCat(kIdentity, "=", address);
  config.upstream_timeout = upstream_timeout;
  return config;
}

class ServerTest : public GatewayTest {};

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  const std::string admin = CreateTenantWithAdmin("kota-ka");
  ASSERT_FALSE(HasFatalFailure());
  HttpClient client(port());
  ASSERT_TRUE(client.connected());

  HttpReply first = client.Send("GET", "/v1/me", "", {{"Authorization", "Bearer " + admin}});
  HttpReply second = client.Send("GET", "/healthz");
  HttpReply third = client.Send("GET", "/v1/me", "", {{"Authorization", "Bearer " + admin}});

  EXPECT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(third.status, 200) << third.body;
  EXPECT_EQ(third.body, first.body);
  EXPECT_FALSE(client.ClosedByServer(absl::Milliseconds(200)));
}

TEST_F(ServerTest, ConnectionCloseAndHttp10CloseAfterTheAnswer) {
  HttpClient closing(port());
  HttpReply r = closing.Send("GET", "/healthz", "", {{"Connection", "close"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_TRUE(closing.ClosedByServer(absl::Seconds(2)));

  HttpClient old(port());
  ASSERT_TRUE(old.SendRaw("GET /healthz HTTP/1.0\r\n\r\n"));
  HttpReply r10 = old.Read();
  EXPECT_EQ(r10.status, 200);
  EXPECT_TRUE(old.ClosedByServer(absl::Seconds(2)));
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  HttpClient client(port());
  ASSERT_TRUE(
      client.SendRaw("GET /healthz HTTP/1.1\r\nHost: a\r\nx-request-id: one\r\n\r\n"
                     "GET /healthz HTTP/1.1\r\nHost: a\r\nx-request-id: two\r\n\r\n"));
  HttpReply first = client.Read();
  HttpReply second = client.Read();
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.Header("x-request-id"), "one");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.Header("x-request-id"), "two");
}

TEST_F(ServerTest, RequestIdIsEchoedAndPassedUpstream) {
  FakeUpstream upstream(FakeUpstream::Mode::kFail,
                        grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "busy"));
  StartGateway(Routed(upstream.address()));
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Post("/v1/auth:login", R"({"tenant":"x"})", "",
                     {{"X-Request-Id", "req-2026-abc"},
                      {"X-Forwarded-For", "10.1.2.3"},
                      {"Accept-Language", "id-ID"},
                      {"Authorization", "Bearer opaque-for-the-service"},
                      {"grpc-timeout", "5S"}});

  EXPECT_EQ(r.status, 429) << r.body;  // RESOURCE_EXHAUSTED, by the one status table
  EXPECT_EQ(CodeOf(r), 8);
  EXPECT_EQ(r.Header("retry-after"), "");  // only a shed call (UNAVAILABLE) says when to retry
  EXPECT_EQ(r.Header("x-request-id"), "req-2026-abc");
  ASSERT_EQ(upstream.calls(), 1);
  EXPECT_EQ(upstream.last_method(), "/ekinerja.identity.v1.IdentityService/Login");
  auto md = upstream.last_metadata();
  const auto one = [&](const std::string& key) {
    EXPECT_EQ(md.count(key), 1u) << key;
    return md.count(key) == 1 ? md.find(key)->second : "";
  };
  EXPECT_EQ(one("x-request-id"), "req-2026-abc");
  EXPECT_EQ(one("x-forwarded-for"), "10.1.2.3, 127.0.0.1");
  EXPECT_EQ(one("accept-language"), "id-ID");
  EXPECT_EQ(one("authorization"), "Bearer opaque-for-the-service");
  EXPECT_EQ(md.count("host"), 0u);
  EXPECT_EQ(md.count("content-length"), 0u);
  EXPECT_EQ(md.count("connection"), 0u);
}

TEST_F(ServerTest, RequestIdIsGeneratedWhenAbsentOrUnusable) {
  FakeUpstream upstream(FakeUpstream::Mode::kFail,
                        grpc::Status(grpc::StatusCode::UNAVAILABLE, "down"));
  StartGateway(Routed(upstream.address()));
  ASSERT_FALSE(HasFatalFailure());

  HttpReply a = Post("/v1/auth:login", "{}");
  HttpReply b = Post("/v1/auth:login", "{}", "", {{"X-Request-Id", std::string(200, 'x')}});

  EXPECT_EQ(a.status, 503) << a.body;
  const std::string id_a = a.Header("x-request-id");
  const std::string id_b = b.Header("x-request-id");
  EXPECT_TRUE(std::regex_match(id_a, kUuid)) << id_a;
  EXPECT_TRUE(std::regex_match(id_b, kUuid)) << id_b;
  EXPECT_NE(id_a, id_b);
  auto md = upstream.last_metadata();
  ASSERT_EQ(md.count("x-request-id"), 1u);
  EXPECT_EQ(md.find("x-request-id")->second, id_b);
  // Refusals and the gateway's own routes carry one too.
  EXPECT_TRUE(std::regex_match(Get("/healthz").Header("x-request-id"), kUuid));
  EXPECT_TRUE(std::regex_match(Get("/v1/me").Header("x-request-id"), kUuid));
}

// What a service's admission sheds (README, "Overload"): UNAVAILABLE, so 503 with Retry-After.
TEST_F(ServerTest, ShedCallIs503WithRetryAfter) {
  FakeUpstream upstream(
      FakeUpstream::Mode::kFail,
      grpc::Status(grpc::StatusCode::UNAVAILABLE, "overloaded: no slot of 8 freed in 5s"));
  StartGateway(Routed(upstream.address()));
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Post("/v1/auth:login", R"({"tenant":"x"})");

  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(CodeOf(r), 14);
  EXPECT_EQ(r.Header("retry-after"), "1");
  EXPECT_NE(r.body.find("overloaded"), std::string::npos) << r.body;
}

TEST_F(ServerTest, CorsPreflightFromAnAllowedOriginIsAnsweredAtTheEdge) {
  const uint64_t calls = gateway().upstream_calls();
  HttpReply r = Request(port(), "OPTIONS", "/v1/me", "",
                        {{"Origin", kConsoleOrigin},
                         {"Access-Control-Request-Method", "GET"},
                         {"Access-Control-Request-Headers", "authorization"}});

  EXPECT_EQ(r.status, 200);  // Envoy's cors filter answers 200
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(r.Header("access-control-allow-origin"), kConsoleOrigin);
  EXPECT_EQ(r.Header("access-control-allow-methods"), "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  EXPECT_EQ(r.Header("access-control-allow-headers"),
            "authorization, content-type, x-request-id, grpc-timeout");
  EXPECT_EQ(r.Header("access-control-max-age"), "86400");
  EXPECT_EQ(gateway().upstream_calls(), calls);
}

TEST_F(ServerTest, CorsPreflightFromAnotherOriginGetsNoCorsHeaders) {
  HttpReply r =
      Request(port(), "OPTIONS", "/v1/me", "",
              {{"Origin", "https://evil.example.com"}, {"Access-Control-Request-Method", "GET"}});

  // Not answered as a preflight: it goes on as a request, and OPTIONS /v1/me is no route of the
  // API (a token would be needed to learn even that).
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_FALSE(r.Has("access-control-allow-origin"));
  EXPECT_FALSE(r.Has("access-control-allow-methods"));
}

TEST_F(ServerTest, CorsAllowOriginIsEchoedOnlyForAllowedOrigins) {
  HttpReply allowed = Get("/healthz", "", {{"Origin", kConsoleOrigin}});
  HttpReply other = Get("/healthz", "", {{"Origin", "https://evil.example.com"}});
  HttpReply error = Get("/v1/me", "", {{"Origin", kConsoleOrigin}});

  EXPECT_EQ(allowed.Header("access-control-allow-origin"), kConsoleOrigin);
  EXPECT_EQ(allowed.Header("access-control-expose-headers"), "x-request-id");
  EXPECT_FALSE(other.Has("access-control-allow-origin"));
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.Header("access-control-allow-origin"), kConsoleOrigin);
}

TEST_F(ServerTest, BodyOverTheLimitIs413WithoutAnUpstreamCall) {
  GatewayConfig config;
  config.max_body_bytes = 1024;
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  const uint64_t calls = gateway().upstream_calls();
  const std::string big = absl::StrCat(R"({"tenant":"kota","username":"admin","password":")",
                                       std::string(64 << 10, 'p'), R"("})");

  HttpClient client(port());
  HttpReply r = client.Send("POST", "/v1/auth:login", big, {{"Content-Type", "application/json"}});

  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_EQ(CodeOf(r), 8);
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_TRUE(r.Has("x-request-id"));
  EXPECT_EQ(gateway().upstream_calls(), calls);
  EXPECT_TRUE(client.ClosedByServer(absl::Seconds(3)));
  // At the limit it is read and goes on.
  HttpReply small = Post("/v1/auth:login", std::string(1024, ' '));
  EXPECT_EQ(small.status, 400) << small.body;  // blank JSON; not 413
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  GatewayConfig config;
  config.max_body_bytes = 1024;
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  HttpClient client(port());
  std::string request =
      "POST /v1/auth:login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) absl::StrAppend(&request, "200\r\n", std::string(512, 'x'), "\r\n");
  request += "0\r\n\r\n";
  client.SendRaw(request);
  HttpReply r = client.Read();
  EXPECT_EQ(r.status, 413) << r.body;
}

TEST_F(ServerTest, ExpectContinueIsHonoured) {
  HttpClient client(port());
  const std::string body = "{}";
  ASSERT_TRUE(client.SendRaw(absl::StrCat(
      "POST /v1/auth:login HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: ",
      body.size(), "\r\n\r\n")));
  // The interim answer comes before the body is sent.
  HttpReply interim = client.Read(/*skip_interim=*/false);
  EXPECT_EQ(interim.status, 100);
  ASSERT_TRUE(client.SendRaw(body));
  HttpReply r = client.Read();
  EXPECT_EQ(r.status, 400) << r.body;  // the service's answer to an empty login
}

TEST_F(ServerTest, HeaderOverTheLimitIs431) {
  GatewayConfig config;
  config.max_header_bytes = 2048;
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());

  HttpReply r = Get("/healthz", "", {{"X-Padding", std::string(4096, 'a')}});

  EXPECT_EQ(r.status, 431) << r.body;
  EXPECT_EQ(CodeOf(r), 8);
  EXPECT_EQ(r.Header("connection"), "close");
}

TEST_F(ServerTest, GarbageIs400) {
  HttpClient client(port());
  ASSERT_TRUE(client.SendRaw("HELLO THERE\r\n\r\n"));
  HttpReply r = client.Read();
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(CodeOf(r), 3);
  EXPECT_TRUE(client.ClosedByServer(absl::Seconds(3)));
}

TEST_F(ServerTest, SlowRequestIsCutAtTheReadTimeout) {
  GatewayConfig config;
  config.read_timeout = absl::Seconds(1);
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  HttpClient client(port());
  ASSERT_TRUE(client.SendRaw("GET /healthz HTTP/1.1\r\nHost: a\r\n"));  // never ends

  EXPECT_TRUE(client.ClosedByServer(absl::Seconds(5)));
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAtTheIdleTimeout) {
  GatewayConfig config;
  config.idle_timeout = absl::Seconds(1);
  StartGateway(config);
  ASSERT_FALSE(HasFatalFailure());
  HttpClient client(port());
  EXPECT_EQ(client.Send("GET", "/healthz").status, 200);

  EXPECT_FALSE(client.ClosedByServer(absl::Milliseconds(300)));
  EXPECT_TRUE(client.ClosedByServer(absl::Seconds(5)));
}

TEST_F(ServerTest, DrainLetsRequestsInFlightFinishAndClosesIdleConnections) {
  FakeUpstream hanging(FakeUpstream::Mode::kHang);
  StartGateway(Routed(hanging.address(), absl::Seconds(2)));
  ASSERT_FALSE(HasFatalFailure());
  const int gateway_port = port();
  HttpClient idle(gateway_port);
  EXPECT_EQ(idle.Send("GET", "/healthz").status, 200);

  HttpReply in_flight;
  std::thread client([&] { in_flight = Post("/v1/auth:login", "{}"); });
  while (hanging.calls() == 0) absl::SleepFor(absl::Milliseconds(10));
  const absl::Time start = absl::Now();
  gateway().Shutdown(absl::Seconds(10));
  client.join();

  // The request in flight got its answer (the upstream's deadline), then the drain ended.
  EXPECT_EQ(in_flight.status, 504) << in_flight.body;
  EXPECT_EQ(in_flight.Header("connection"), "close");
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_TRUE(idle.ClosedByServer(absl::Seconds(1)));
  HttpClient late(gateway_port);
  EXPECT_FALSE(late.connected() && late.Send("GET", "/healthz").status != 0);
}

TEST_F(ServerTest, DrainDeadlineCutsWhatIsLeft) {
  FakeUpstream hanging(FakeUpstream::Mode::kHang);
  StartGateway(Routed(hanging.address(), absl::Seconds(30)));
  ASSERT_FALSE(HasFatalFailure());

  HttpReply in_flight;
  std::thread client([&] { in_flight = Post("/v1/auth:login", "{}"); });
  while (hanging.calls() == 0) absl::SleepFor(absl::Milliseconds(10));
  const absl::Time start = absl::Now();
  gateway().Shutdown(absl::Milliseconds(500));
  client.join();

  EXPECT_EQ(in_flight.status, 0);  // closed without an answer
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

}  // namespace
}  // namespace ekinerja::gateway::it

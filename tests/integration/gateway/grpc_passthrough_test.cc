// The gateway's native gRPC pass-through (gateway/passthrough) between a real client and a real
// upstream, both on port 0: the four kinds of call, metadata both ways, status details and
// trailers, deadlines, cancellation, the JWT check (real ES256 tokens against a JwksCache), an
// unknown service, an unreachable upstream, metrics, and shutdown with calls in flight.

#include "passthrough/grpc_passthrough.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "google/protobuf/descriptor.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/server_builder.h"
#include "integration/common/closed_port.h"
#include "jwks_cache.h"
#include "jwt.h"
#include "prometheus/registry.h"
#include "upstream/jwt_check.h"
#include "upstream/upstream_metrics.h"
#include "upstream/upstreams.h"

namespace ekinerja::gateway {
namespace {

using ::testing::ElementsAre;

constexpr char kService[] = "test.v1.EchoService";
constexpr char kIssuer[] = "ekinerja-identity";
constexpr char kAudience[] = "ekinerja";

std::string Method(const std::string& name) { return absl::StrCat("/", kService, "/", name); }

grpc::ByteBuffer Buffer(const std::string& s) {
  grpc::Slice slice(s);
  return grpc::ByteBuffer(&slice, 1);
}

std::string String(const grpc::ByteBuffer& b) {
  grpc::Slice slice;
  if (!b.TrySingleSlice(&slice).ok() && !b.DumpToSingleSlice(&slice).ok()) return "<bad buffer>";
  return std::string(reinterpret_cast<const char*>(slice.begin()), slice.size());
}

std::string Str(grpc::string_ref s) { return std::string(s.data(), s.size()); }

// ---------------------------------------------------------------------------------------------
// The upstream: a generic service whose methods each show one behaviour.

struct Seen {
  absl::Mutex mu;
  int calls ABSL_GUARDED_BY(mu) = 0;
  std::multimap<std::string, std::string> metadata ABSL_GUARDED_BY(mu);  // of the last call
  absl::Notification cancelled;                                          // a Hang call
  absl::Notification hanging;                                            // a Hang call started
};

class UpstreamReactor final : public grpc::ServerGenericBidiReactor {
 public:
  UpstreamReactor(grpc::GenericCallbackServerContext* ctx, Seen* seen) : ctx_(ctx), seen_(seen) {
    {
      absl::MutexLock lock(&seen->mu);
      ++seen->calls;
      seen->metadata.clear();
      for (const auto& [k, v] : ctx->client_metadata()) seen->metadata.emplace(Str(k), Str(v));
    }
    method_ = ctx->method().substr(ctx->method().rfind('/') + 1);
    ctx->AddInitialMetadata("upstream-header", "from-upstream");
    ctx->AddTrailingMetadata("upstream-trailer", "t-" + method_);
    if (method_ == "Hang") {
      seen->hanging.Notify();
      return;  // until cancelled
    }
    StartRead(&in_);
  }

  void OnReadDone(bool ok) override {
    if (method_ == "Unary" || method_ == "Public") {
      if (!ok) return Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "no request"));
      out_ = Buffer("echo:" + String(in_));
      return StartWriteAndFinish(&out_, grpc::WriteOptions(), grpc::Status::OK);
    }
    if (method_ == "Deadline") {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          ctx_->deadline() - std::chrono::system_clock::now());
      out_ = Buffer(ctx_->deadline() == std::chrono::system_clock::time_point::max()
                        ? "none"
                        : std::to_string(left.count()));
      return StartWriteAndFinish(&out_, grpc::WriteOptions(), grpc::Status::OK);
    }
    if (method_ == "Fail") {
      return Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "nip: must be 18 digits",
                                 std::string("\x08\x03\x12\x03"
                                             "bad",
                                             7)));
    }
    if (method_ == "ServerStream") {
      if (!ok) return Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "no request"));
      remaining_ = std::stoi(String(in_));
      return WriteNext();
    }
    if (method_ == "ClientStream") {
      if (ok) {
        collected_ += String(in_);
        return StartRead(&in_);
      }
      out_ = Buffer(collected_);
      return StartWriteAndFinish(&out_, grpc::WriteOptions(), grpc::Status::OK);
    }
    if (method_ == "Bidi") {
      if (!ok) return Finish(grpc::Status::OK);
      out_ = Buffer("echo:" + String(in_));
      return StartWrite(&out_);
    }
    if (method_ == "AbortAfterFirst") {
      // Ends the call while the client still has its stream open.
      return Finish(grpc::Status(grpc::StatusCode::ABORTED, "enough"));
    }
    Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "upstream: no method " + method_));
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(grpc::Status(grpc::StatusCode::CANCELLED, "write failed"));
    if (method_ == "ServerStream") return WriteNext();
    if (method_ == "Bidi") StartRead(&in_);
  }

  void OnCancel() override {
    if (method_ == "Hang") {
      seen_->cancelled.Notify();
      Finish(grpc::Status::CANCELLED);
    }
  }

  void OnDone() override { delete this; }

 private:
  void WriteNext() {
    if (remaining_ == 0) return Finish(grpc::Status::OK);
    out_ = Buffer(std::to_string(sent_++));
    --remaining_;
    StartWrite(&out_);
  }

  grpc::GenericCallbackServerContext* ctx_;
  Seen* seen_;
  std::string method_;
  grpc::ByteBuffer in_, out_;
  std::string collected_;
  int remaining_ = 0, sent_ = 0;
};

class UpstreamService final : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override {
    return new UpstreamReactor(ctx, &seen);
  }
  Seen seen;
};

// ---------------------------------------------------------------------------------------------
// The client: a generic bidi call (every kind of call is one on the wire).

struct Result {
  grpc::Status status;
  std::vector<std::string> responses;
  std::multimap<std::string, std::string> initial, trailing;
};

class Caller final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  // Writes `requests` one after another (or, `ping_pong`, each after the previous answer), then
  // half-closes unless `keep_open`; reads every answer.
  Caller(grpc::GenericStub& stub, grpc::ClientContext* ctx, const std::string& method,
         std::vector<std::string> requests, bool ping_pong, bool keep_open)
      : ctx_(ctx), requests_(std::move(requests)), ping_pong_(ping_pong), keep_open_(keep_open) {
    stub.PrepareBidiStreamingCall(ctx, method, grpc::StubOptions(), this);
    StartRead(&in_);
    WriteNextOrClose();
    StartCall();
  }
  Result Wait() {
    done_.WaitForNotification();
    return std::move(result_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;
    result_.responses.push_back(String(in_));
    if (ping_pong_) WriteNextOrClose();
    StartRead(&in_);
  }
  void OnWriteDone(bool ok) override {
    if (ok && !ping_pong_) WriteNextOrClose();
  }
  void OnDone(const grpc::Status& s) override {
    result_.status = s;
    for (const auto& [k, v] : ctx_->GetServerInitialMetadata()) {
      result_.initial.emplace(Str(k), Str(v));
    }
    for (const auto& [k, v] : ctx_->GetServerTrailingMetadata()) {
      result_.trailing.emplace(Str(k), Str(v));
    }
    done_.Notify();
  }

 private:
  void WriteNextOrClose() {
    if (next_ < requests_.size()) {
      out_ = Buffer(requests_[next_++]);
      StartWrite(&out_);
    } else if (!keep_open_ && !closed_) {
      closed_ = true;
      StartWritesDone();
    }
  }

  grpc::ClientContext* ctx_;
  std::vector<std::string> requests_;
  size_t next_ = 0;
  bool ping_pong_, keep_open_, closed_ = false;
  grpc::ByteBuffer in_, out_;
  Result result_;
  absl::Notification done_;
};

// ---------------------------------------------------------------------------------------------

std::string DescriptorSet() {
  google::protobuf::FileDescriptorSet set;
  auto* file = set.add_file();
  file->set_name("test/v1/echo.proto");
  file->set_package("test.v1");
  auto* service = file->add_service();
  service->set_name("EchoService");
  struct Kind {
    const char* name;
    bool client, server;
  };
  for (const Kind& k :
       {Kind{"Unary", false, false}, Kind{"Public", false, false}, Kind{"Deadline", false, false},
        Kind{"Fail", false, false}, Kind{"ServerStream", false, true},
        Kind{"ClientStream", true, false}, Kind{"Bidi", true, true},
        Kind{"AbortAfterFirst", true, true}, Kind{"Hang", false, false}}) {
    auto* m = service->add_method();
    m->set_name(k.name);
    m->set_input_type(".google.protobuf.Empty");
    m->set_output_type(".google.protobuf.Empty");
    m->set_client_streaming(k.client);
    m->set_server_streaming(k.server);
  }
  return set.SerializeAsString();
}

class GrpcPassthroughTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int upstream_port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &upstream_port);
    builder.RegisterCallbackGenericService(&upstream_);
    upstream_server_ = builder.BuildAndStart();
    ASSERT_NE(upstream_port, 0);

    auto key = auth::SigningKey::Generate("k1");
    ASSERT_TRUE(key.ok());
    key_ = std::make_unique<auth::SigningKey>(*std::move(key));
    auto jwks =
        std::make_shared<auth::JwksCache>([this]() -> absl::StatusOr<std::vector<auth::PublicJwk>> {
          if (jwks_down_) return absl::UnavailableError("identity down");
          return std::vector<auth::PublicJwk>{key_->ToJwk()};
        });
    JwtCheckOptions check;
    check.issuer = kIssuer;
    check.audience = kAudience;
    jwt_ = std::make_unique<JwtCheck>(jwks, check, &registry_);
    upstream_metrics_ = std::make_unique<UpstreamMetrics>(registry_);

    auto upstreams = Upstreams::Create(
        absl::StrCat(kService, "=127.0.0.1:", upstream_port,
                     ",test.v1.DownService=127.0.0.1:", integration::ClosedPort()),
        {});
    ASSERT_TRUE(upstreams.ok()) << upstreams.status();
    upstreams_ = *std::move(upstreams);

    GrpcPassthrough::Options options;
    options.port = 0;
    options.upstreams = upstreams_.get();
    options.jwt = jwt_.get();
    options.public_methods = {Method("Public")};
    options.descriptor_set = DescriptorSet();
    options.registry = &registry_;
    options.upstream_metrics = upstream_metrics_.get();
    auto passthrough = GrpcPassthrough::Start(std::move(options));
    ASSERT_TRUE(passthrough.ok()) << passthrough.status();
    passthrough_ = *std::move(passthrough);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", passthrough_->port()),
                                   grpc::InsecureChannelCredentials());
    stub_ = std::make_unique<grpc::GenericStub>(channel_);
  }

  void TearDown() override {
    if (passthrough_) passthrough_->Shutdown(absl::Now() + absl::Seconds(2));
    if (upstream_server_) upstream_server_->Shutdown(std::chrono::system_clock::now());
  }

  std::string Token(absl::Duration ttl = absl::Minutes(5), const std::string& aud = kAudience) {
    auth::Claims c;
    c.iss = kIssuer;
    c.aud = aud;
    c.sub = "199001012015031001";
    c.tenant = "demo";
    c.roles = {"PEGAWAI"};
    c.iat = absl::ToUnixSeconds(absl::Now());
    c.exp = absl::ToUnixSeconds(absl::Now() + ttl);
    auto jwt = key_->Sign(c);
    EXPECT_TRUE(jwt.ok());
    return jwt.ok() ? *jwt : "";
  }

  // A call with a valid token unless `authorization` says otherwise ("" = none).
  Result Call(const std::string& method, std::vector<std::string> requests,
              std::function<void(grpc::ClientContext&)> setup = nullptr, bool ping_pong = false,
              bool keep_open = false) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    ctx.AddMetadata("authorization", "Bearer " + Token());
    if (setup) setup(ctx);
    Caller caller(*stub_, &ctx, method, std::move(requests), ping_pong, keep_open);
    return caller.Wait();
  }

  std::multimap<std::string, std::string> UpstreamSaw() {
    absl::MutexLock lock(&upstream_.seen.mu);
    return upstream_.seen.metadata;
  }
  int UpstreamCalls() {
    absl::MutexLock lock(&upstream_.seen.mu);
    return upstream_.seen.calls;
  }

  // The value of the counter `name` with exactly `labels`, -1 when absent.
  double Counter(const std::string& name, const std::map<std::string, std::string>& labels) {
    for (const auto& family : registry_.Collect()) {
      if (family.name != name) continue;
      for (const auto& metric : family.metric) {
        std::map<std::string, std::string> got;
        for (const auto& l : metric.label) got[l.name] = l.value;
        if (got == labels) return metric.counter.value;
      }
    }
    return -1;
  }

  UpstreamService upstream_;
  std::unique_ptr<grpc::Server> upstream_server_;
  std::unique_ptr<auth::SigningKey> key_;
  std::atomic<bool> jwks_down_{false};
  prometheus::Registry registry_;
  std::unique_ptr<JwtCheck> jwt_;
  std::unique_ptr<UpstreamMetrics> upstream_metrics_;
  std::unique_ptr<Upstreams> upstreams_;
  std::unique_ptr<GrpcPassthrough> passthrough_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
};

TEST_F(GrpcPassthroughTest, UnaryCallRelaysMessageMetadataAndTrailers) {
  const std::string token = Token();
  Result r = Call(Method("Unary"), {"hello"}, [&](grpc::ClientContext& ctx) {
    ctx.AddMetadata("x-request-id", "rid-123");
    ctx.AddMetadata("x-custom", "custom value");
    ctx.AddMetadata("x-blob-bin", std::string("\x00\x01\xff", 3));
  });
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_THAT(r.responses, ElementsAre("echo:hello"));

  auto seen = UpstreamSaw();
  EXPECT_EQ(seen.count("authorization"), 1u);
  EXPECT_TRUE(seen.find("authorization")->second.rfind("Bearer ey", 0) == 0);
  EXPECT_EQ(seen.count("x-request-id"), 1u);
  EXPECT_EQ(seen.find("x-request-id")->second, "rid-123");
  EXPECT_EQ(seen.find("x-custom")->second, "custom value");
  EXPECT_EQ(seen.find("x-blob-bin")->second, std::string("\x00\x01\xff", 3));

  EXPECT_EQ(r.initial.count("x-request-id"), 1u);
  EXPECT_EQ(r.initial.find("x-request-id")->second, "rid-123");
  EXPECT_EQ(r.initial.find("upstream-header")->second, "from-upstream");
  EXPECT_EQ(r.trailing.find("upstream-trailer")->second, "t-Unary");
}

TEST_F(GrpcPassthroughTest, GeneratesRequestIdWhenTheClientSentNone) {
  Result r = Call(Method("Unary"), {"x"});
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  auto seen = UpstreamSaw();
  ASSERT_EQ(seen.count("x-request-id"), 1u);
  const std::string id = seen.find("x-request-id")->second;
  EXPECT_EQ(id.size(), 36u);  // a UUID, as Envoy makes them
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef-"), std::string::npos);
  EXPECT_EQ(r.initial.find("x-request-id")->second, id);
}

TEST_F(GrpcPassthroughTest, ServerStreamingRelaysEveryMessage) {
  Result r = Call(Method("ServerStream"), {"5"});
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_THAT(r.responses, ElementsAre("0", "1", "2", "3", "4"));
  EXPECT_EQ(r.trailing.find("upstream-trailer")->second, "t-ServerStream");
}

TEST_F(GrpcPassthroughTest, ClientStreamingRelaysEveryMessageAndTheHalfClose) {
  Result r = Call(Method("ClientStream"), {"a", "b", "c", "d"});
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_THAT(r.responses, ElementsAre("abcd"));
}

TEST_F(GrpcPassthroughTest, BidiStreamingIsRelayedMessageByMessage) {
  // Ping-pong: each request is sent only after the previous answer came back, so nothing is
  // buffered until the end of the stream.
  Result r = Call(Method("Bidi"), {"1", "2", "3"}, nullptr, /*ping_pong=*/true);
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_THAT(r.responses, ElementsAre("echo:1", "echo:2", "echo:3"));
}

TEST_F(GrpcPassthroughTest, UpstreamEndingTheStreamEarlyEndsTheClientsCall) {
  // The client keeps its side open; the upstream's status must still reach it.
  Result r = Call(Method("AbortAfterFirst"), {"1"}, nullptr, false, /*keep_open=*/true);
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(r.status.error_message(), "enough");
  EXPECT_EQ(r.trailing.find("upstream-trailer")->second, "t-AbortAfterFirst");
}

TEST_F(GrpcPassthroughTest, ErrorStatusKeepsMessageDetailsAndTrailers) {
  Result r = Call(Method("Fail"), {"x"});
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(r.status.error_message(), "nip: must be 18 digits");
  EXPECT_EQ(r.status.error_details(), std::string("\x08\x03\x12\x03"
                                                  "bad",
                                                  7));
  EXPECT_EQ(r.trailing.find("upstream-trailer")->second, "t-Fail");
  // Sent once, by the gateway's gRPC from the Status (the upstream's copy is not repeated).
  EXPECT_EQ(r.trailing.count("grpc-status-details-bin"), 1u);
}

TEST_F(GrpcPassthroughTest, DeadlineIsCarriedToTheUpstream) {
  Result r = Call(Method("Deadline"), {"x"}, [](grpc::ClientContext& ctx) {
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  });
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  ASSERT_EQ(r.responses.size(), 1u);
  ASSERT_NE(r.responses[0], "none");
  const int left_ms = std::stoi(r.responses[0]);
  EXPECT_GT(left_ms, 2000);
  EXPECT_LE(left_ms, 3100);  // grpc-timeout is written rounded up, hop by hop
}

TEST_F(GrpcPassthroughTest, UpstreamTimeoutBoundsTheDeadline) {
  // No deadline from the client: the upstream gets the 30 s of --upstream_timeout_seconds; a
  // later one is brought down to it, as Envoy's grpc_timeout_header_max does.
  for (auto client_deadline : {std::chrono::system_clock::time_point::max(),
                               std::chrono::system_clock::now() + std::chrono::minutes(5)}) {
    Result r = Call(Method("Deadline"), {"x"},
                    [&](grpc::ClientContext& ctx) { ctx.set_deadline(client_deadline); });
    ASSERT_TRUE(r.status.ok()) << r.status.error_message();
    ASSERT_EQ(r.responses.size(), 1u);
    ASSERT_NE(r.responses[0], "none");
    const int left_ms = std::stoi(r.responses[0]);
    EXPECT_GT(left_ms, 29000);
    EXPECT_LE(left_ms, 30100);
  }
}

TEST_F(GrpcPassthroughTest, ExpiredDeadlineAnswersDeadlineExceededAndCancelsUpstream) {
  Result r = Call(Method("Hang"), {}, [](grpc::ClientContext& ctx) {
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  });
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(upstream_.seen.cancelled.WaitForNotificationWithTimeout(absl::Seconds(5)));
}

TEST_F(GrpcPassthroughTest, ClientCancellationReachesTheUpstream) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + Token());
  Caller caller(*stub_, &ctx, Method("Hang"), {}, false, /*keep_open=*/true);
  ASSERT_TRUE(upstream_.seen.hanging.WaitForNotificationWithTimeout(absl::Seconds(5)));
  ctx.TryCancel();
  EXPECT_EQ(caller.Wait().status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(upstream_.seen.cancelled.WaitForNotificationWithTimeout(absl::Seconds(5)));
}

TEST_F(GrpcPassthroughTest, MissingTokenIsRefusedBeforeAnyUpstreamCall) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("x-request-id", "rid-refused");
  Caller caller(*stub_, &ctx, Method("Unary"), {"x"}, false, false);
  Result r = caller.Wait();
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(r.status.error_message(), "Jwt is missing");
  EXPECT_EQ(r.initial.find("x-request-id")->second, "rid-refused");
  EXPECT_EQ(UpstreamCalls(), 0);
}

TEST_F(GrpcPassthroughTest, InvalidTokensAreRefusedWithEnvoysReasons) {
  struct Case {
    std::string authorization;
    grpc::StatusCode code;
    std::string message;
  };
  auto other_key = auth::SigningKey::Generate("k1");
  ASSERT_TRUE(other_key.ok());
  auth::Claims c;
  c.iss = kIssuer;
  c.aud = kAudience;
  c.sub = "x";
  c.tenant = "demo";
  c.exp = absl::ToUnixSeconds(absl::Now() + absl::Minutes(5));
  const std::string forged = *other_key->Sign(c);
  for (const Case& tc : {
           Case{"Bearer " + Token(-absl::Minutes(5)), grpc::StatusCode::UNAUTHENTICATED,
                "Jwt is expired"},
           Case{"Bearer " + Token(absl::Minutes(5), "someone-else"),
                grpc::StatusCode::PERMISSION_DENIED, "Audiences in Jwt are not allowed"},
           Case{"Bearer " + forged, grpc::StatusCode::UNAUTHENTICATED, "Jwt verification fails"},
           Case{"Basic dXNlcjpwdw==", grpc::StatusCode::UNAUTHENTICATED, "Jwt is missing"},
       }) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", tc.authorization);
    Caller caller(*stub_, &ctx, Method("Unary"), {"x"}, false, false);
    Result r = caller.Wait();
    EXPECT_EQ(r.status.error_code(), tc.code) << tc.authorization;
    EXPECT_EQ(r.status.error_message(), tc.message) << tc.authorization;
  }
  EXPECT_EQ(UpstreamCalls(), 0);
}

TEST_F(GrpcPassthroughTest, TwoAuthorizationEntriesAreRefusedBeforeAnyUpstreamCall) {
  // The gateway would judge one and the service another, whichever of the two is valid.
  for (bool valid_first : {true, false}) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", valid_first ? "Bearer " + Token() : "Bearer not.a.jwt");
    ctx.AddMetadata("authorization", valid_first ? "Bearer not.a.jwt" : "Bearer " + Token());
    Caller caller(*stub_, &ctx, Method("Unary"), {"x"}, false, false);
    Result r = caller.Wait();
    EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(r.status.error_message(), "Jwt is ambiguous: more than one authorization header");
  }
  EXPECT_EQ(UpstreamCalls(), 0);
}

// A client's x-forwarded-for is kept but never last: the upstream trusts only the last address
// (ClientAddress), which is the one the gateway saw the call come from.
TEST_F(GrpcPassthroughTest, ForwardedForEndsWithTheClientsAddress) {
  Result r = Call(Method("Unary"), {"x"}, [](grpc::ClientContext& ctx) {
    ctx.AddMetadata("x-forwarded-for", "203.0.113.9");
  });
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  auto seen = UpstreamSaw();
  ASSERT_EQ(seen.count("x-forwarded-for"), 1u);
  EXPECT_EQ(seen.find("x-forwarded-for")->second, "203.0.113.9, 127.0.0.1");

  r = Call(Method("Unary"), {"x"}, [](grpc::ClientContext& ctx) {
    ctx.AddMetadata("x-forwarded-for", "198.51.100.1, 203.0.113.9");
    ctx.AddMetadata("x-forwarded-for", "192.0.2.7");
  });
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  seen = UpstreamSaw();
  ASSERT_EQ(seen.count("x-forwarded-for"), 1u);
  EXPECT_EQ(seen.find("x-forwarded-for")->second,
            "198.51.100.1, 203.0.113.9, 192.0.2.7, 127.0.0.1");

  r = Call(Method("Unary"), {"x"});
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  seen = UpstreamSaw();
  ASSERT_EQ(seen.count("x-forwarded-for"), 1u);
  EXPECT_EQ(seen.find("x-forwarded-for")->second, "127.0.0.1");
}

TEST_F(GrpcPassthroughTest, PublicMethodNeedsNoToken) {
  grpc::ClientContext ctx;
  Caller caller(*stub_, &ctx, Method("Public"), {"p"}, false, false);
  Result r = caller.Wait();
  ASSERT_TRUE(r.status.ok()) << r.status.error_message();
  EXPECT_THAT(r.responses, ElementsAre("echo:p"));
}

TEST_F(GrpcPassthroughTest, UnknownServiceIsUnimplementedForAnAuthenticatedCaller) {
  Result r = Call("/test.v1.NobodyService/Anything", {"x"});
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(r.status.error_message(),
            "no upstream serves the method /test.v1.NobodyService/Anything");

  grpc::ClientContext ctx;  // and, as with Envoy, the token is checked first
  Caller caller(*stub_, &ctx, "/test.v1.NobodyService/Anything", {"x"}, false, false);
  EXPECT_EQ(caller.Wait().status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(UpstreamCalls(), 0);
}

TEST_F(GrpcPassthroughTest, UnknownMethodOfAKnownServiceIsJudgedByTheUpstream) {
  Result r = Call(Method("NoSuchMethod"), {"x"});
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(r.status.error_message(), "upstream: no method NoSuchMethod");
}

TEST_F(GrpcPassthroughTest, UnreachableUpstreamIsUnavailable) {
  Result r = Call("/test.v1.DownService/Get", {"x"});
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(GrpcPassthroughTest, JwksThatCannotBeFetchedRefusesAsEnvoyDoes) {
  jwks_down_ = true;  // before the first check: no keys were ever fetched
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + Token());
  Caller caller(*stub_, &ctx, Method("Unary"), {"x"}, false, false);
  Result r = caller.Wait();
  EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(r.status.error_message(), "Jwks remote fetch is failed");
}

TEST_F(GrpcPassthroughTest, CountsCallsAsTheServicesDo) {
  ASSERT_TRUE(Call(Method("Unary"), {"x"}).status.ok());
  ASSERT_TRUE(Call(Method("ServerStream"), {"3"}).status.ok());
  Call(Method("Fail"), {"x"});
  grpc::ClientContext ctx;
  Caller caller(*stub_, &ctx, "/evil.Service/Mint" + std::to_string(rand()), {"x"}, false, false);
  caller.Wait();

  const std::map<std::string, std::string> unary = {
      {"grpc_service", kService}, {"grpc_method", "Unary"}, {"grpc_type", "unary"}};
  EXPECT_EQ(Counter("grpc_server_started_total", unary), 1);
  auto handled = unary;
  handled["grpc_code"] = "OK";
  EXPECT_EQ(Counter("grpc_server_handled_total", handled), 1);
  EXPECT_EQ(Counter("grpc_server_msg_received_total", unary), 1);
  EXPECT_EQ(Counter("grpc_server_msg_sent_total", unary), 1);

  const std::map<std::string, std::string> stream = {
      {"grpc_service", kService}, {"grpc_method", "ServerStream"}, {"grpc_type", "server_stream"}};
  EXPECT_EQ(Counter("grpc_server_msg_sent_total", stream), 3);

  EXPECT_EQ(Counter("grpc_server_handled_total", {{"grpc_service", kService},
                                                  {"grpc_method", "Fail"},
                                                  {"grpc_type", "unary"},
                                                  {"grpc_code", "InvalidArgument"}}),
            1);
  // A method nobody routes is counted without the names the client chose.
  EXPECT_EQ(Counter("grpc_server_handled_total", {{"grpc_service", "unknown"},
                                                  {"grpc_method", "unknown"},
                                                  {"grpc_type", "unknown"},
                                                  {"grpc_code", "Unauthenticated"}}),
            1);
  EXPECT_EQ(Counter("ekinerja_gateway_upstream_requests_total",
                    {{"service", kService}, {"grpc_code", "OK"}}),
            2);
}

TEST_F(GrpcPassthroughTest, GatewaysOwnHealthServiceIsOpen) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext ctx;
  grpc::health::v1::HealthCheckRequest req;
  grpc::health::v1::HealthCheckResponse resp;
  grpc::Status s = health->Check(&ctx, req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING);

  passthrough_->SetServing(false);
  grpc::ClientContext ctx2;
  ASSERT_TRUE(health->Check(&ctx2, req, &resp).ok());
  EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::NOT_SERVING);
}

TEST_F(GrpcPassthroughTest, ShutdownCancelsCallsStillRunningAfterTheDeadline) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + Token());
  Caller caller(*stub_, &ctx, Method("Hang"), {}, false, /*keep_open=*/true);
  ASSERT_TRUE(upstream_.seen.hanging.WaitForNotificationWithTimeout(absl::Seconds(5)));
  const absl::Time start = absl::Now();
  passthrough_->Shutdown(absl::Now() + absl::Milliseconds(200));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_NE(caller.Wait().status.error_code(), grpc::StatusCode::OK);
  EXPECT_TRUE(upstream_.seen.cancelled.WaitForNotificationWithTimeout(absl::Seconds(5)));
}

TEST_F(GrpcPassthroughTest, ManyConcurrentCallsAllComplete) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        Result r = Call(Method(i % 2 ? "Bidi" : "Unary"), {absl::StrCat(t, "-", i)});
        if (r.status.ok() && r.responses.size() == 1 &&
            r.responses[0] == absl::StrCat("echo:", t, "-", i)) {
          ++ok;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 200);
}

}  // namespace
}  // namespace ekinerja::gateway

// The local webhook receiver (deploy/tools/webhook_sink.h) in-process on port 0, driven by the
// platform's HTTP client: signatures, idempotency keys, the first N answered 503, the log lines.

#include "webhook_sink.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "crypto.h"
#include "gtest/gtest.h"
#include "http_client.h"
#include "http_server.h"

namespace ekinerja::tools {
namespace {

constexpr char kSecret[] = "rahasia-pemda-x";
constexpr char kBody[] =
    R"({"tenant_id":"pemda-x","rule":"MISSING_REPORT","subject_nip":"198001012006041001"})";

class WebhookSinkTest : public ::testing::Test {
 protected:
  void Start(WebhookSinkOptions options) {
    sink_ = std::make_unique<WebhookSink>(std::move(options), &log_);
    auto server = HttpServer::Start(HttpServerOptions{}, sink_.get());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  // A POST signed with `secret` at `timestamp`, as the outbox drain sends it.
  int Post(const std::string& key, const std::string& secret, int64_t timestamp,
           const std::string& body = kBody) {
    HttpPostRequest request;
    request.url = absl::StrCat("http://127.0.0.1:", server_->port(), "/hook");
    request.body = body;
    const std::string ts = absl::StrCat(timestamp);
    request.headers = {{"Content-Type", "application/json"},
                       {"Idempotency-Key", key},
                       {"X-Ekinerja-Timestamp", ts},
                       {"X-Ekinerja-Signature",
                        absl::StrCat("sha256=", auth::HmacSha256Hex(secret, ts + "." + body))}};
    absl::StatusOr<HttpPostResponse> response = PostHttp(request);
    EXPECT_TRUE(response.ok()) << response.status();
    return response.ok() ? response->status : 0;
  }

  std::vector<std::string> LogLines() {
    return absl::StrSplit(log_.str(), '\n', absl::SkipEmpty());
  }

  std::ostringstream log_;
  std::unique_ptr<WebhookSink> sink_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(WebhookSinkTest, DeliversASignedRequestOnceAndAcknowledgesItsRepeat) {
  Start({kSecret, 0, absl::ZeroDuration()});
  const int64_t now = absl::ToUnixSeconds(absl::Now());

  EXPECT_EQ(Post("w-1", kSecret, now), 200);
  EXPECT_EQ(Post("w-1", kSecret, now + 60), 200);  // a retry, re-signed later

  EXPECT_EQ(sink_->delivered("w-1"), 1);
  EXPECT_EQ(sink_->duplicates("w-1"), 1);
  std::vector<SinkRequest> requests = sink_->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].outcome, "delivered");
  EXPECT_EQ(requests[0].tenant, "pemda-x");
  EXPECT_EQ(requests[0].rule, "MISSING_REPORT");
  EXPECT_EQ(requests[0].subject, "198001012006041001");
  EXPECT_TRUE(requests[0].verified);
  EXPECT_EQ(requests[1].outcome, "duplicate");
  std::vector<std::string> lines = LogLines();
  ASSERT_EQ(lines.size(), 2u);
  // "time" first, then the fields in a fixed order.
  EXPECT_EQ(lines[0].substr(lines[0].find("\"outcome\"")),
            R"("outcome":"delivered","status":200,"key":"w-1","tenant":"pemda-x",)"
            R"("rule":"MISSING_REPORT","subject":"198001012006041001","verified":true})");
  EXPECT_EQ(lines[1].substr(lines[1].find("\"outcome\"")),
            R"("outcome":"duplicate","status":200,"key":"w-1","tenant":"pemda-x",)"
            R"("rule":"MISSING_REPORT","subject":"198001012006041001","verified":true})");
}

TEST_F(WebhookSinkTest, RefusesAWrongSignatureAndAStaleTimestamp) {
  Start({kSecret, 0, absl::Minutes(5)});
  const int64_t now = absl::ToUnixSeconds(absl::Now());

  EXPECT_EQ(Post("w-1", "another-secret", now), 401);
  EXPECT_EQ(Post("w-1", kSecret, now - 3600), 401);  // captured an hour ago, replayed

  EXPECT_EQ(sink_->delivered("w-1"), 0);
  std::vector<SinkRequest> requests = sink_->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].outcome, "unsigned");
  EXPECT_FALSE(requests[0].verified);
  EXPECT_EQ(requests[1].outcome, "unsigned");

  EXPECT_EQ(Post("w-1", kSecret, now), 200);
  EXPECT_EQ(sink_->delivered("w-1"), 1);
}

TEST_F(WebhookSinkTest, AnswersTheFirstNRequests503) {
  Start({kSecret, 2, absl::ZeroDuration()});
  const int64_t now = absl::ToUnixSeconds(absl::Now());

  EXPECT_EQ(Post("w-1", kSecret, now), 503);
  EXPECT_EQ(Post("w-1", kSecret, now), 503);
  EXPECT_EQ(Post("w-1", kSecret, now), 200);

  EXPECT_EQ(sink_->delivered("w-1"), 1);
  EXPECT_EQ(sink_->duplicates("w-1"), 0);
  EXPECT_EQ(sink_->requests()[0].outcome, "unavailable");
}

TEST_F(WebhookSinkTest, RequiresAnIdempotencyKey) {
  Start({kSecret, 0, absl::ZeroDuration()});
  EXPECT_EQ(Post("", kSecret, absl::ToUnixSeconds(absl::Now())), 400);
  EXPECT_EQ(sink_->delivered_total(), 0);
}

TEST(SinkLogLine, EscapesWhatItQuotes) {
  SinkRequest r;
  r.outcome = "delivered";
  r.status = 200;
  r.key = "a\"b";
  r.rule = "R\n";
  EXPECT_EQ(SinkLogLine(r, absl::FromUnixMillis(1767225600123)),
            R"({"time":"2026-01-01T00:00:00.123Z","outcome":"delivered","status":200,)"
            R"("key":"a\"b","tenant":"","rule":"R\n","subject":"","verified":false})");
}

}  // namespace
}  // namespace ekinerja::tools

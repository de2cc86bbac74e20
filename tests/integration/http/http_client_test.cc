// The webhook client of platform/http (http_client.h) against the project's own HttpServer on
// port 0: what it sends, what it reads back, and its errors (a bad URL, a closed port, a server
// that never answers).

#include "http_client.h"

#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "http_server.h"
#include "integration/common/closed_port.h"

namespace ekinerja {
namespace {

namespace http = boost::beast::http;

// Answers every request with `status` and a body naming what it received; or, when `hold`, keeps
// the responders and answers nothing (until the server shuts down).
class Recorder : public HttpHandler {
 public:
  explicit Recorder(int status, bool hold = false) : status_(status), hold_(hold) {}

  void Handle(HttpRequest request, Responder respond) override {
    const HttpRequestMessage& m = request.message;
    absl::MutexLock lock(&mu_);
    received_.push_back(m);
    if (hold_) {
      held_.push_back(std::move(respond));
      return;
    }
    HttpResponse r(static_cast<http::status>(status_), 11);
    r.body() = std::string(m.method_string()) + " " + std::string(m.target()) + " " + m.body();
    respond(std::move(r));
  }
  HttpResponse Refuse(int status, absl::string_view, const HttpRequestMessage*,
                      absl::string_view) override {
    return HttpResponse(static_cast<http::status>(status), 11);
  }

  std::vector<HttpRequestMessage> received() {
    absl::MutexLock lock(&mu_);
    return received_;
  }

 private:
  const int status_;
  const bool hold_;
  absl::Mutex mu_;
  std::vector<HttpRequestMessage> received_ ABSL_GUARDED_BY(mu_);
  std::vector<Responder> held_ ABSL_GUARDED_BY(mu_);
};

std::string Header(const HttpRequestMessage& m, const char* name) {
  auto it = m.find(name);
  return it == m.end() ? "<none>" : std::string(it->value());
}

TEST(ParseHttpUrl, SplitsHostPortAndTarget) {
  absl::StatusOr<HttpUrl> url = ParseHttpUrl("http://relay.pemda.local:8080/hooks/ekinerja?x=1");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "relay.pemda.local");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->target, "/hooks/ekinerja?x=1");

  url = ParseHttpUrl("HTTP://10.0.0.5");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "10.0.0.5");
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->target, "/");

  url = ParseHttpUrl("http://[::1]:9180/x");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 9180);
  EXPECT_EQ(url->target, "/x");
}

TEST(ParseHttpUrl, RefusesWhatItCannotSend) {
  for (const char* bad : {"https://relay/x", "ftp://relay/x", "relay:80/x", "http://", "http:///x",
                          "http://user@relay/x", "http://relay:0/x", "http://relay:65536/x",
                          "http://relay:80a/x", "http://[::1/x"}) {
    EXPECT_EQ(ParseHttpUrl(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(ParseHttpUrl("https://relay/x").status().message(),
            "not an http://host:port/path URL (no TLS: the relay is plain HTTP): https://relay/x");
}

TEST(PostHttp, SendsBodyAndHeadersAndReadsTheAnswer) {
  Recorder recorder(202);
  auto server = HttpServer::Start(HttpServerOptions{}, &recorder);
  ASSERT_TRUE(server.ok()) << server.status();
  HttpPostRequest request;
  request.url = absl::StrCat("http://127.0.0.1:", (*server)->port(), "/hook?t=1");
  request.body = R"({"rule":"MISSING_REPORT"})";
  request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", "k-1"}};

  absl::StatusOr<HttpPostResponse> response = PostHttp(request);

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 202);
  EXPECT_EQ(response->body, R"(POST /hook?t=1 {"rule":"MISSING_REPORT"})");
  std::vector<HttpRequestMessage> received = recorder.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(Header(received[0], "Content-Type"), "application/json");
  EXPECT_EQ(Header(received[0], "Idempotency-Key"), "k-1");
  EXPECT_EQ(Header(received[0], "Content-Length"), "25");
  EXPECT_EQ(Header(received[0], "Host"), absl::StrCat("127.0.0.1:", (*server)->port()));
  EXPECT_EQ(Header(received[0], "Connection"), "close");
}

TEST(PostHttp, AnErrorStatusIsAnAnswerNotAnError) {
  Recorder recorder(503);
  auto server = HttpServer::Start(HttpServerOptions{}, &recorder);
  ASSERT_TRUE(server.ok()) << server.status();
  absl::StatusOr<HttpPostResponse> response =
      PostHttp({absl::StrCat("http://127.0.0.1:", (*server)->port(), "/"), "{}", {}});
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 503);
  EXPECT_EQ(response->body, "POST / {}");
}

TEST(PostHttp, AClosedPortIsUnavailable) {
  const int port = integration::ClosedPort();
  absl::StatusOr<HttpPostResponse> response =
      PostHttp({absl::StrCat("http://127.0.0.1:", port, "/"), "{}", {}});
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable) << response.status();
}

TEST(PostHttp, AServerThatNeverAnswersRunsIntoTheDeadline) {
  Recorder recorder(200, /*hold=*/true);
  auto server = HttpServer::Start(HttpServerOptions{}, &recorder);
  ASSERT_TRUE(server.ok()) << server.status();
  HttpPostRequest request{absl::StrCat("http://127.0.0.1:", (*server)->port(), "/"), "{}", {}};
  request.timeout = absl::Milliseconds(300);
  const absl::Time start = absl::Now();

  absl::StatusOr<HttpPostResponse> response = PostHttp(request);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded) << response.status();
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(300));
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_EQ(recorder.received().size(), 1u);
}

}  // namespace
}  // namespace ekinerja

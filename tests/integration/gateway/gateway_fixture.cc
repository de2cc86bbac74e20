#include "integration/gateway/gateway_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "file.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/support/server_callback.h"

#ifndef EKINERJA_DESCRIPTOR_SET_PATH
#error "the build defines EKINERJA_DESCRIPTOR_SET_PATH (tests/CMakeLists.txt)"
#endif

namespace ekinerja::gateway::it {

// ---------------------------------------------------------------------------------------------
// HTTP client

std::string HttpReply::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

HttpClient::HttpClient(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) return;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

HttpClient::~HttpClient() {
  if (fd_ >= 0) close(fd_);
}

bool HttpClient::SendRaw(absl::string_view bytes) {
  if (fd_ < 0) return false;
  while (!bytes.empty()) {
    const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

HttpReply HttpClient::Send(const std::string& method, const std::string& target,
                           const std::string& body, const Headers& headers) {
  std::string request = absl::StrCat(method, " ", target, " HTTP/1.1\r\nHost: gateway.test\r\n");
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    absl::StrAppend(&request, name, ": ", value, "\r\n");
    if (absl::EqualsIgnoreCase(name, "content-length")) has_length = true;
  }
  if (!has_length && (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT")) {
    absl::StrAppend(&request, "Content-Length: ", body.size(), "\r\n");
  }
  absl::StrAppend(&request, "\r\n", body);
  SendRaw(request);  // a refusal may close before all is sent: the answer says what happened
  return Read();
}

bool HttpClient::Fill() {
  if (fd_ < 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, 15000) <= 0) return false;
  char chunk[16384];
  const ssize_t n = recv(fd_, chunk, sizeof(chunk), 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

HttpReply HttpClient::Read(bool skip_interim) {
  for (;;) {
    HttpReply reply;
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return reply;
    }
    const std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    std::vector<std::string> lines = absl::StrSplit(head, "\r\n");
    // "HTTP/1.1 200 OK"
    std::vector<std::string> status_line = absl::StrSplit(lines[0], absl::MaxSplits(' ', 2));
    if (status_line.size() < 2 || !absl::SimpleAtoi(status_line[1], &reply.status)) return {};
    for (size_t i = 1; i < lines.size(); ++i) {
      const size_t colon = lines[i].find(':');
      if (colon == std::string::npos) continue;
      reply.headers[absl::AsciiStrToLower(lines[i].substr(0, colon))] =
          std::string(absl::StripAsciiWhitespace(lines[i].substr(colon + 1)));
    }
    if (reply.status >= 100 && reply.status < 200) {  // 100 Continue
      if (!skip_interim) return reply;
      continue;
    }
    size_t length = 0;
    if (reply.Has("content-length") && !absl::SimpleAtoi(reply.Header("content-length"), &length)) {
      return {};
    }
    while (buffer_.size() < length) {
      if (!Fill()) return {};
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
  }
}

bool HttpClient::ClosedByServer(absl::Duration wait) {
  if (fd_ < 0) return true;
  pollfd p{fd_, POLLIN, 0};
  const int ready = poll(&p, 1, static_cast<int>(absl::ToInt64Milliseconds(wait)));
  if (ready <= 0) return false;
  char c;
  return recv(fd_, &c, 1, MSG_PEEK) <= 0;
}

HttpReply Request(int port, const std::string& method, const std::string& target,
                  const std::string& body, const Headers& headers) {
  HttpClient client(port);
  return client.Send(method, target, body, headers);
}

// ---------------------------------------------------------------------------------------------
// Fake upstream

class FakeUpstream::Service : public grpc::CallbackGenericService {
 public:
  Service(Mode mode, grpc::Status status) : mode_(mode), status_(std::move(status)) {}

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override {
    {
      absl::MutexLock lock(&mu_);
      ++calls_;
      last_method_ = ctx->method();
      last_metadata_.clear();
      for (const auto& [k, v] : ctx->client_metadata()) {
        last_metadata_.emplace(std::string(k.data(), k.size()), std::string(v.data(), v.size()));
      }
    }
    class Reactor : public grpc::ServerGenericBidiReactor {
     public:
      Reactor(Mode mode, const grpc::Status& status) {
        if (mode == Mode::kFail) Finish(status);
      }
      void OnCancel() override { Finish(grpc::Status::CANCELLED); }
      void OnDone() override { delete this; }
    };
    return new Reactor(mode_, status_);
  }

  const Mode mode_;
  const grpc::Status status_;
  absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  std::string last_method_ ABSL_GUARDED_BY(mu_);
  std::multimap<std::string, std::string> last_metadata_ ABSL_GUARDED_BY(mu_);
};

FakeUpstream::FakeUpstream(Mode mode, grpc::Status status)
    : service_(std::make_unique<Service>(mode, std::move(status))) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterCallbackGenericService(service_.get());
  server_ = builder.BuildAndStart();
}

FakeUpstream::~FakeUpstream() {
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  server_->Wait();
}

std::string FakeUpstream::address() const { return absl::StrCat("127.0.0.1:", port_); }

int FakeUpstream::calls() {
  absl::MutexLock lock(&service_->mu_);
  return service_->calls_;
}

std::multimap<std::string, std::string> FakeUpstream::last_metadata() {
  absl::MutexLock lock(&service_->mu_);
  return service_->last_metadata_;
}

std::string FakeUpstream::last_method() {
  absl::MutexLock lock(&service_->mu_);
  return service_->last_method_;
}

// ---------------------------------------------------------------------------------------------
// The fixture

const Transcoder& GatewayTest::transcoder() {
  static const Transcoder* const transcoder = [] {
    auto loaded = Transcoder::Load(ReadFile(EKINERJA_DESCRIPTOR_SET_PATH).value_or(""));
    if (!loaded.ok()) {
      ADD_FAILURE() << "cannot load " << EKINERJA_DESCRIPTOR_SET_PATH << ": " << loaded.status();
      std::abort();
    }
    return loaded->release();
  }();
  return *transcoder;
}

void GatewayTest::SetUp() {
  IdentityTest::SetUp();
  if (HasFatalFailure()) return;
  StartGateway(GatewayConfig());
}

void GatewayTest::TearDown() {
  StopGateway();
  IdentityTest::TearDown();
}

void GatewayTest::StopGateway() {
  if (gateway_) gateway_->Shutdown(absl::Seconds(2));
  gateway_.reset();
}

void GatewayTest::StartGateway(GatewayConfig config) {
  StopGateway();
  // Built by the function main.cc builds it with.
  GatewayOptions options;
  // Services the test gives no upstream go to the test's identity service.
  options.core.upstreams = config.upstreams;
  for (const auto& service : transcoder().Services()) {
    if (absl::StrContains(config.upstreams, absl::StrCat(service, "="))) continue;
    absl::StrAppend(&options.core.upstreams, options.core.upstreams.empty() ? "" : ",", service,
                    "=", identity_address());
  }
  options.core.upstream = config.upstream;
  options.core.jwks_min_refetch_gap = absl::Seconds(1);
  options.metrics_port = config.serve_metrics ? 0 : -1;
  options.rest.http.host = "127.0.0.1";
  options.rest.http.port = 0;
  options.rest.http.max_body_bytes = config.max_body_bytes;
  options.rest.http.max_header_bytes = config.max_header_bytes;
  options.rest.http.read_timeout = config.read_timeout;
  options.rest.http.write_timeout = config.read_timeout;
  options.rest.http.idle_timeout = config.idle_timeout;
  options.rest.cors_origins = config.cors_origins;
  options.rest.rest.upstream_timeout = config.upstream_timeout;
  auto gateway = ::ekinerja::gateway::StartGateway(transcoder(), std::move(options));
  ASSERT_TRUE(gateway.ok()) << gateway.status();
  gateway_ = *std::move(gateway);
}

HttpReply GatewayTest::Get(const std::string& target, const std::string& token, Headers headers) {
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return Request(port(), "GET", target, "", headers);
}

HttpReply GatewayTest::Post(const std::string& target, const std::string& body,
                            const std::string& token, Headers headers) {
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  headers.emplace_back("Content-Type", "application/json");
  return Request(port(), "POST", target, body, headers);
}

auth::Claims GatewayTest::ClaimsFor(const std::string& tenant, const std::string& subject) {
  auth::Claims c;
  c.iss = "ekinerja-identity";
  c.aud = "ekinerja";
  c.sub = subject;
  c.tenant = tenant;
  c.roles = {"PEGAWAI"};
  c.jti = "gateway-test";
  const int64_t now = absl::ToUnixSeconds(absl::Now());
  c.iat = now;
  c.exp = now + 600;
  return c;
}

std::string GatewayTest::SignWithIdentityKey(const auth::Claims& claims) {
  auto token = keys().Sign(claims);
  EXPECT_TRUE(token.ok()) << token.status();
  return token.ok() ? *token : "";
}

std::string ToJson(const google::protobuf::Message& message) {
  std::string json;
  auto st = google::protobuf::util::MessageToJsonString(message, &json, ResponsePrintOptions());
  EXPECT_TRUE(st.ok()) << st;
  return json;
}

}  // namespace ekinerja::gateway::it

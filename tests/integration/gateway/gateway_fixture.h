#pragma once

// The real gateway in-process, per test: the identity service as its fixture runs it (own Postgres
// schema, port 0), the GatewayCore and RestGateway wired as gateway/main.cc wires them, the HTTP
// server on port 0, and a plain socket client speaking HTTP/1.1 to it, so every test goes through
// the gateway as a REST client does.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway_wiring.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/server.h"
#include "http/rest_gateway.h"
#include "integration/common/closed_port.h"
#include "integration/identity/identity_fixture.h"
#include "transcode/transcoder.h"
#include "upstream/gateway_core.h"

namespace ekinerja::gateway::it {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;  // 0: no answer (the connection closed or timed out first)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  // The value of header `name` (lower case), "" when absent.
  std::string Header(const std::string& name) const;
  bool Has(const std::string& name) const { return headers.count(name) > 0; }
};

// HTTP/1.1 over one TCP connection to 127.0.0.1, by hand: what goes on the wire is exactly what the
// test wrote. Reads time out after 15 s so that a hung gateway fails the test instead of hanging.
class HttpClient {
 public:
  explicit HttpClient(int port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  bool connected() const { return fd_ >= 0; }

  // One request on this connection (Host and Content-Length added) and its answer.
  HttpReply Send(const std::string& method, const std::string& target, const std::string& body = "",
                 const Headers& headers = {});
  // Raw bytes; false when the connection refused them.
  bool SendRaw(absl::string_view bytes);
  // The next answer (1xx ones skipped unless `skip_interim` is false).
  HttpReply Read(bool skip_interim = true);
  // True when the server closes the connection (EOF or reset) within `wait`.
  bool ClosedByServer(absl::Duration wait);

 private:
  bool Fill();  // reads more into buffer_; false at EOF/error/timeout
  int fd_ = -1;
  std::string buffer_;
};

// One request on a connection of its own.
HttpReply Request(int port, const std::string& method, const std::string& target,
                  const std::string& body = "", const Headers& headers = {});

// A gRPC upstream that stands in for a service: it records the metadata of every call, then either
// never answers (the call ends when the client gives up) or fails it with `status`.
class FakeUpstream {
 public:
  enum class Mode { kHang, kFail };
  explicit FakeUpstream(Mode mode, grpc::Status status = grpc::Status::OK);
  ~FakeUpstream();

  int port() const { return port_; }
  std::string address() const;
  int calls();
  // The metadata of the last call ("" values when absent).
  std::multimap<std::string, std::string> last_metadata();
  std::string last_method();

  class Service;

 private:
  std::unique_ptr<Service> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

using integration::ClosedPort;

struct GatewayConfig {
  std::string upstreams;  // services not named here go to the test's identity service
  std::string cors_origins = "https://console.example.go.id";
  uint64_t max_body_bytes = 1 << 20;
  size_t max_header_bytes = 16 << 10;
  absl::Duration read_timeout = absl::Seconds(10);
  absl::Duration idle_timeout = absl::Seconds(10);
  absl::Duration upstream_timeout = absl::Seconds(10);
  bool serve_metrics = false;
  ChannelOptions upstream;  // the upstream channels' (TLS)
};

constexpr char kConsoleOrigin[] = "https://console.example.go.id";
constexpr char kIdentity[] = "ekinerja.identity.v1.IdentityService";

class GatewayTest : public identity::it::IdentityTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Stops the gateway and starts it again with `config`.
  void StartGateway(GatewayConfig config);
  void StopGateway();

  int port() const { return gateway_->http_port(); }
  RestGateway& gateway() { return gateway_->rest(); }
  GatewayCore& core() { return gateway_->core(); }
  int metrics_port() const { return gateway_->metrics_port(); }
  std::string identity_address() { return "127.0.0.1:" + std::to_string(host().grpc_port()); }

  // The descriptor set the build wrote, loaded once for the whole binary.
  static const Transcoder& transcoder();

  HttpReply Get(const std::string& target, const std::string& token = "", Headers headers = {});
  HttpReply Post(const std::string& target, const std::string& body, const std::string& token = "",
                 Headers headers = {});

  // An access token signed with identity's current key: the claims identity would issue for
  // `subject` of `tenant` (roles PEGAWAI, ten minutes), changed by the test as it likes.
  auth::Claims ClaimsFor(const std::string& tenant, const std::string& subject);
  std::string SignWithIdentityKey(const auth::Claims& claims);

 private:
  std::unique_ptr<Gateway> gateway_;
};

// The JSON of a proto message as the gateway prints responses (ResponsePrintOptions).
std::string ToJson(const google::protobuf::Message& message);

}  // namespace ekinerja::gateway::it

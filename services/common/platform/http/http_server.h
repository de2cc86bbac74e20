#pragma once

// The HTTP/1.1 server of the gateway's REST port and attendance's ADMS port (Boost.Beast on
// Asio): a few event-loop threads, keep-alive, limits on header (431) and body (413) size, read
// and idle timeouts, and a graceful drain. It knows nothing of gRPC: each complete request goes to
// an HttpHandler, which answers through a Responder, now or later and from any thread, so no
// event-loop thread waits for an upstream or a database.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "boost/beast/http/message.hpp"
#include "boost/beast/http/string_body.hpp"

namespace boost::asio {
class io_context;
}

namespace ekinerja {

using HttpRequestMessage = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

struct HttpRequest {
  HttpRequestMessage message;
  std::string remote_address;  // the client's IP ("127.0.0.1")
  absl::Time received;         // when its first byte arrived
};

// Answers one request. Call it exactly once, from any thread. The server sets the version,
// Content-Length and keep-alive; an answer to a connection that is gone, or that comes after the
// server stopped, is dropped.
using Responder = std::function<void(HttpResponse)>;

class HttpHandler {
 public:
  virtual ~HttpHandler() = default;

  // A complete request. Must not block: answer through `respond`.
  virtual void Handle(HttpRequest request, Responder respond) = 0;

  // The answer to a request refused before it was complete, sent before the connection closes:
  // 431 (header too large), 413 (body too large) or 400 (not HTTP/1.x). `header` is the request
  // header when it was read whole (413), else null.
  virtual HttpResponse Refuse(int http_status, absl::string_view message,
                              const HttpRequestMessage* header,
                              absl::string_view remote_address) = 0;
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  int threads = 2;
  size_t max_header_bytes = 16 << 10;  // request line and fields: 431 beyond
  uint64_t max_body_bytes = 1 << 20;   // 413 beyond (at once when Content-Length says so)
  absl::Duration read_timeout = absl::Seconds(30);   // a whole request, from its first byte
  absl::Duration idle_timeout = absl::Seconds(60);   // a keep-alive connection between requests
  absl::Duration write_timeout = absl::Seconds(30);  // a whole response
};

class HttpServer {
 public:
  // Binds host:port and serves on `options.threads` threads. `handler` (not owned) must outlive
  // the server. UNAVAILABLE when the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(HttpServerOptions options,
                                                           HttpHandler* handler);
  // Shutdown(zero) unless it ran.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }

  // The graceful drain of SIGTERM: stops accepting, closes idle keep-alive connections, lets the
  // requests in flight finish (their answers go out with Connection: close) until `drain` has
  // passed, then closes what is left and stops the threads. Answers that come later are dropped.
  // Returns when the threads have stopped. Idempotent.
  void Shutdown(absl::Duration drain);

  struct State;
  class Session;

 private:
  HttpServer(HttpServerOptions options, HttpHandler* handler);
  void Accept();

  const HttpServerOptions options_;
  HttpHandler* const handler_;
  std::unique_ptr<boost::asio::io_context> io_;
  struct Listener;
  std::unique_ptr<Listener> listener_;
  std::shared_ptr<State> state_;
  std::vector<std::thread> threads_;
  int port_ = 0;
  bool stopped_ = false;
};

}  // namespace ekinerja

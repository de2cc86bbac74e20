#include "http_server.h"

#include <map>
#include <optional>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "boost/asio/dispatch.hpp"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/strand.hpp"
#include "boost/asio/write.hpp"
#include "boost/beast/core/error.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/core/tcp_stream.hpp"
#include "boost/beast/http/error.hpp"
#include "boost/beast/http/parser.hpp"
#include "boost/beast/http/read.hpp"
#include "boost/beast/http/write.hpp"
#include "log.h"

namespace ekinerja {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

std::chrono::steady_clock::duration Chrono(absl::Duration d) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      absl::ToChronoNanoseconds(d));
}

// How long a refused connection may go on sending what we will not read, so that the client
// reads our 413/431 instead of a reset, and how much of it we swallow.
constexpr absl::Duration kLingerTime = absl::Seconds(1);
constexpr size_t kLingerBytes = 4 << 20;

bool IsParseError(const beast::error_code& ec) {
  return &ec.category() == &http::make_error_code(http::error::bad_method).category();
}

}  // namespace

// What the server, its sessions and the responders it handed out share. Responders may outlive the
// server (an upstream answering late): they find `alive` false and drop their answer.
struct HttpServer::State {
  absl::Mutex mu;
  bool alive ABSL_GUARDED_BY(mu) = true;
  bool draining ABSL_GUARDED_BY(mu) = false;
  uint64_t next_id ABSL_GUARDED_BY(mu) = 0;
  std::map<uint64_t, std::weak_ptr<Session>> sessions ABSL_GUARDED_BY(mu);
  // Sessions waiting for their handler's answer: nothing else holds them then.
  std::map<uint64_t, std::shared_ptr<Session>> parked ABSL_GUARDED_BY(mu);
};

struct HttpServer::Listener {
  explicit Listener(net::io_context& io)
      : acceptor(net::make_strand(io)), work(net::make_work_guard(io)) {}
  tcp::acceptor acceptor;
  // Keeps the threads running while every connection waits for its handler's answer (nothing
  // pending in the io_context then, and the acceptor closed during a drain).
  net::executor_work_guard<net::io_context::executor_type> work;
};

// One connection: reads a request, hands it to the handler, writes its answer, and again while
// the client keeps the connection alive. Every step runs on the connection's strand.
class HttpServer::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<State> state, const HttpServerOptions& options,
          HttpHandler* handler)
      : stream_(std::move(socket)), state_(std::move(state)), options_(options), handler_(handler) {
    beast::error_code ec;
    auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = remote.address().to_string();
    absl::MutexLock lock(&state_->mu);
    id_ = state_->next_id++;
  }

  ~Session() {
    absl::MutexLock lock(&state_->mu);
    state_->sessions.erase(id_);
  }

  uint64_t id() const { return id_; }
  // Before Start: a connection accepted while the server drains serves nothing.
  void set_draining(bool draining) { draining_ = draining; }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }

  // From the server's Shutdown: no new request on this connection.
  void Drain() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->draining_ = true;
      if (self->phase_ == Phase::kIdle) self->stream_.cancel();
    });
  }

  // From the server's Shutdown once the drain time is over.
  void ForceClose() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
  }

 private:
  enum class Phase { kIdle, kReading, kHandling, kWriting, kClosing };

  // Between requests: waits for the first byte under the idle timeout.
  void WaitForRequest() {
    phase_ = Phase::kIdle;
    if (draining_) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // pipelined: the next request is here already
    stream_.expires_after(Chrono(options_.idle_timeout));
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              if (ec)
                                return self->Close();  // idle timeout, client gone, or drained
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  // A request from its first byte on, under the read timeout.
  void ReadHeader() {
    phase_ = Phase::kReading;
    received_ = absl::Now();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    stream_.expires_after(Chrono(options_.read_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    const auto& header = parser_->get();
    if (parser_->is_done()) return Dispatch();
    auto expect = header.find(http::field::expect);
    if (expect != header.end() && header.version() >= 11 &&
        absl::EqualsIgnoreCase(absl::string_view(expect->value().data(), expect->value().size()),
                               "100-continue")) {
      static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue, sizeof(kContinue) - 1),
                       [self = shared_from_this()](beast::error_code ec, size_t) {
                         if (ec) return self->Close();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->OnReadError(ec);
                       self->Dispatch();
                     });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return Refuse(
          431, absl::StrCat("request header larger than ", options_.max_header_bytes, " bytes"));
    }
    if (ec == http::error::body_limit) {
      return Refuse(413,
                    absl::StrCat("request body larger than ", options_.max_body_bytes, " bytes"));
    }
    if (IsParseError(ec) && ec != http::error::end_of_stream &&
        ec != http::error::partial_message) {
      return Refuse(400, absl::StrCat("malformed HTTP request: ", ec.message()));
    }
    Close();  // read timeout, client gone, or the connection closed mid-request
  }

  void Dispatch() {
    phase_ = Phase::kHandling;
    stream_.expires_never();
    HttpRequest request;
    request.message = parser_->release();
    request.remote_address = remote_;
    request.received = received_;
    parser_.reset();
    version_ = request.message.version();
    keep_alive_ = request.message.keep_alive();
    head_ = request.message.method() == http::verb::head;
    {
      absl::MutexLock lock(&state_->mu);
      if (!state_->alive) return;
      state_->parked.emplace(id_, shared_from_this());
    }
    std::weak_ptr<State> weak_state = state_;
    const uint64_t id = id_;
    handler_->Handle(std::move(request), [weak_state, id](HttpResponse response) {
      std::shared_ptr<State> state = weak_state.lock();
      if (state == nullptr) return;
      absl::MutexLock lock(&state->mu);  // held while posting: the io_context lives while alive
      if (!state->alive) return;
      auto it = state->parked.find(id);
      if (it == state->parked.end()) return;
      std::shared_ptr<Session> self = std::move(it->second);
      state->parked.erase(it);
      auto executor = self->stream_.get_executor();
      // `self` moves into the handler: no reference may die here, under the lock.
      net::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
        self->Write(std::move(response), /*refused=*/false);
      });
    });
  }

  void Refuse(int status, const std::string& message) {
    const HttpRequestMessage* header = nullptr;
    HttpRequestMessage partial;
    if (status == 413 && parser_.has_value() && parser_->is_header_done()) {
      partial = HttpRequestMessage(parser_->get().base());
      header = &partial;
      version_ = partial.version();
    } else {
      version_ = 11;
    }
    head_ = false;
    keep_alive_ = false;
    Write(handler_->Refuse(status, message, header, remote_), /*refused=*/true);
  }

  void Write(HttpResponse response, bool refused) {
    if (phase_ == Phase::kClosing) return;
    phase_ = Phase::kWriting;
    const bool close = refused || !keep_alive_ || draining_;
    response.version(version_);
    response.keep_alive(!close);
    response.prepare_payload();
    if (head_) response.body().clear();  // Content-Length stays that of the GET
    response_ = std::make_shared<HttpResponse>(std::move(response));
    stream_.expires_after(Chrono(options_.write_timeout));
    http::async_write(stream_, *response_,
                      [self = shared_from_this(), close, refused](beast::error_code ec, size_t) {
                        self->response_.reset();
                        if (ec) return self->Close();
                        if (refused) return self->Linger();
                        if (close) return self->Close();
                        self->WaitForRequest();
                      });
  }

  // After refusing a request whose rest we did not read: stop sending, swallow what the client
  // still sends for a moment, then close, so that it sees our answer rather than a reset.
  void Linger() {
    phase_ = Phase::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.clear();
    stream_.expires_after(Chrono(kLingerTime));
    LingerRead();
  }

  void LingerRead() {
    stream_.async_read_some(buffer_.prepare(64 << 10),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->lingered_ += n;
                              if (ec || self->lingered_ > kLingerBytes) return self->Close();
                              self->LingerRead();
                            });
  }

  void Close() {
    phase_ = Phase::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  const std::shared_ptr<State> state_;
  const HttpServerOptions& options_;
  HttpHandler* const handler_;
  uint64_t id_ = 0;
  std::string remote_;

  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<HttpResponse> response_;  // while it is written
  Phase phase_ = Phase::kIdle;
  bool draining_ = false;
  absl::Time received_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool head_ = false;
  size_t lingered_ = 0;
};

HttpServer::HttpServer(HttpServerOptions options, HttpHandler* handler)
    : options_(std::move(options)),
      handler_(handler),
      io_(std::make_unique<net::io_context>(std::max(1, options_.threads))),
      state_(std::make_shared<State>()) {}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(HttpServerOptions options,
                                                              HttpHandler* handler) {
  std::unique_ptr<HttpServer> server(new HttpServer(std::move(options), handler));
  const HttpServerOptions& o = server->options_;
  beast::error_code ec;
  const auto address = net::ip::make_address(o.host, ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat("--host: not an IP address: ", o.host));
  server->listener_ = std::make_unique<Listener>(*server->io_);
  tcp::acceptor& acceptor = server->listener_->acceptor;
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(o.port));
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", o.host, ":", o.port, ": ", ec.message()));
  }
  server->port_ = acceptor.local_endpoint().port();
  server->Accept();
  for (int i = 0; i < std::max(1, o.threads); ++i) {
    server->threads_.emplace_back([io = server->io_.get()] { io->run(); });
  }
  return server;
}

void HttpServer::Accept() {
  listener_->acceptor.async_accept(
      net::make_strand(*io_), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !listener_->acceptor.is_open()) return;
        if (!ec) {
          socket.set_option(tcp::no_delay(true), ec);
          auto session = std::make_shared<Session>(std::move(socket), state_, options_, handler_);
          {
            // One critical section with Shutdown's "draining = true; drain every session": the
            // session is either drained by it or learns here that the server drains.
            absl::MutexLock lock(&state_->mu);
            session->set_draining(state_->draining);
            state_->sessions.emplace(session->id(), session);
          }
          session->Start();
        } else {
          LogWarn("accept failed", {{"error", ec.message()}});
        }
        Accept();
      });
}

HttpServer::~HttpServer() { Shutdown(absl::ZeroDuration()); }

void HttpServer::Shutdown(absl::Duration drain) {
  if (stopped_) return;
  stopped_ = true;
  const absl::Time deadline = absl::Now() + drain;
  net::post(listener_->acceptor.get_executor(), [this] {
    beast::error_code ec;
    listener_->acceptor.close(ec);
  });

  const auto live_sessions = [this] {
    std::vector<std::shared_ptr<Session>> out;
    absl::MutexLock lock(&state_->mu);
    for (auto& [id, weak] : state_->sessions) {
      if (auto s = weak.lock()) out.push_back(std::move(s));
    }
    return out;
  };
  const auto all_gone = +[](std::map<uint64_t, std::weak_ptr<Session>>* s) { return s->empty(); };
  {
    absl::MutexLock lock(&state_->mu);
    state_->draining = true;
  }
  for (auto& s : live_sessions()) s->Drain();
  bool drained = false;
  {
    absl::MutexLock lock(&state_->mu);
    drained = state_->mu.AwaitWithDeadline(absl::Condition(all_gone, &state_->sessions), deadline);
  }
  if (!drained) {
    if (drain > absl::ZeroDuration()) LogWarn("drain time over; closing the connections left");
    for (auto& s : live_sessions()) s->ForceClose();
    // Closed connections go at once; those waiting for their handler's answer are dropped below.
    const auto only_parked_left = +[](State* s) ABSL_EXCLUSIVE_LOCKS_REQUIRED(s->mu) {
      return s->sessions.size() == s->parked.size();
    };
    absl::MutexLock lock(&state_->mu);
    state_->mu.AwaitWithTimeout(absl::Condition(only_parked_left, state_.get()), absl::Seconds(1));
  }

  std::map<uint64_t, std::shared_ptr<Session>> parked;
  {
    absl::MutexLock lock(&state_->mu);
    state_->alive = false;  // from here on responders drop their answers
    parked.swap(state_->parked);
  }
  io_->stop();
  for (auto& t : threads_) t.join();
  threads_.clear();
  parked.clear();  // sessions whose answer never came
  listener_.reset();
  io_.reset();  // destroys the handlers not run, and the sessions they held
}

}  // namespace ekinerja

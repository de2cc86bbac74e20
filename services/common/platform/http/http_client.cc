#include "http_client.h"

#include <chrono>
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core/error.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/core/tcp_stream.hpp"
#include "boost/beast/http/message.hpp"
#include "boost/beast/http/parser.hpp"
#include "boost/beast/http/read.hpp"
#include "boost/beast/http/string_body.hpp"
#include "boost/beast/http/write.hpp"

namespace ekinerja {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

absl::StatusOr<HttpUrl> ParseHttpUrl(absl::string_view url) {
  constexpr absl::string_view kScheme = "http://";
  const auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("not an http://host:port/path URL (", why,
                                                   "): ", std::string(url.substr(0, 200))));
  };
  if (!absl::StartsWithIgnoreCase(url, kScheme)) {
    return bad(absl::StartsWithIgnoreCase(url, "https://") ? "no TLS: the relay is plain HTTP"
                                                           : "scheme");
  }
  absl::string_view rest = url.substr(kScheme.size());
  const size_t slash = rest.find('/');
  absl::string_view authority = rest.substr(0, slash);
  HttpUrl out;
  out.target = slash == absl::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (authority.empty() || absl::StrContains(authority, '@')) return bad("host");
  if (authority.front() == '[') {  // [::1]:8080
    const size_t close = authority.find(']');
    if (close == absl::string_view::npos) return bad("host");
    out.host = std::string(authority.substr(1, close - 1));
    authority = authority.substr(close + 1);
    if (!authority.empty() && authority.front() != ':') return bad("host");
  } else {
    const size_t colon = authority.find(':');
    out.host = std::string(authority.substr(0, colon));
    authority = colon == absl::string_view::npos ? "" : authority.substr(colon);
  }
  if (out.host.empty()) return bad("host");
  if (!authority.empty()) {  // ":port"
    if (!absl::SimpleAtoi(authority.substr(1), &out.port) || out.port < 1 || out.port > 65535) {
      return bad("port");
    }
  }
  return out;
}

absl::StatusOr<HttpPostResponse> PostHttp(const HttpPostRequest& request) {
  absl::StatusOr<HttpUrl> url = ParseHttpUrl(request.url);
  if (!url.ok()) return url.status();

  http::request<http::string_body> message(http::verb::post, url->target, 11);
  message.set(http::field::host,
              url->port == 80 ? url->host : absl::StrCat(url->host, ":", url->port));
  message.set(http::field::connection, "close");
  for (const auto& [name, value] : request.headers) message.set(name, value);
  message.body() = request.body;
  message.prepare_payload();

  // Asynchronous operations on a private io_context run on this thread, so that one deadline
  // covers them all: the stream's timer covers connect, write and read, and run_for the name
  // resolution, which has no timer of its own.
  net::io_context io;
  tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(request.max_response_body);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            absl::ToChronoNanoseconds(request.timeout));
  std::optional<absl::Status> result;
  const auto fail = [&](absl::string_view step, const beast::error_code& ec) {
    const std::string what = absl::StrCat(step, " ", url->host, ":", url->port, ": ", ec.message());
    result = ec == beast::error::timeout ? absl::DeadlineExceededError(what)
                                         : absl::UnavailableError(what);
  };

  resolver.async_resolve(
      url->host, std::to_string(url->port),
      [&](beast::error_code ec, tcp::resolver::results_type endpoints) {
        if (ec) return fail("resolving", ec);
        stream.expires_at(deadline);
        stream.async_connect(endpoints, [&](beast::error_code ec, const tcp::endpoint&) {
          if (ec) return fail("connecting to", ec);
          http::async_write(stream, message, [&](beast::error_code ec, size_t) {
            if (ec) return fail("writing to", ec);
            http::async_read(stream, buffer, parser, [&](beast::error_code ec, size_t) {
              if (ec) return fail("reading the answer of", ec);
              result = absl::OkStatus();
            });
          });
        });
      });
  io.run_until(deadline);
  if (!result.has_value()) {
    resolver.cancel();
    beast::error_code ignored;
    stream.socket().close(ignored);
    return absl::DeadlineExceededError(absl::StrCat("no answer from ", url->host, ":", url->port,
                                                    " within ",
                                                    absl::FormatDuration(request.timeout)));
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  if (!result->ok()) return *result;
  HttpPostResponse out;
  out.status = static_cast<int>(parser.get().result_int());
  out.body = std::move(parser.get().body());
  return out;
}

}  // namespace ekinerja

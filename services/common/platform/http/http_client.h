#pragma once

// A minimal HTTP/1.1 client for one POST to `http://host:port/path`: connect, write, read the
// status line and body, all under one deadline, on a connection of its own that it closes. Made for
// the warning service's webhooks, which go to the Pemda's relay on its own network: plain HTTP, no
// TLS (an https:// URL is refused, not silently sent in the clear). Synchronous: the caller's
// thread waits, at most until the deadline.

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace ekinerja {

struct HttpUrl {
  std::string host;
  int port = 80;
  std::string target = "/";  // path and query
};

// `http://host[:port][/path]`; INVALID_ARGUMENT for anything else (https, user info, a bad port).
absl::StatusOr<HttpUrl> ParseHttpUrl(absl::string_view url);

struct HttpPostRequest {
  std::string url;
  std::string body;
  // Sent as given, after Host, Content-Length and Connection: close.
  std::vector<std::pair<std::string, std::string>> headers;
  absl::Duration timeout = absl::Seconds(10);  // the whole exchange
  size_t max_response_body = 64 << 10;
};

struct HttpPostResponse {
  int status = 0;
  std::string body;
};

// The answer, whatever its status. INVALID_ARGUMENT for a bad URL; UNAVAILABLE when the host does
// not resolve, the connection is refused or reset, or the answer is not HTTP; DEADLINE_EXCEEDED
// when the timeout passed first.
absl::StatusOr<HttpPostResponse> PostHttp(const HttpPostRequest& request);

}  // namespace ekinerja

#pragma once

// A minimal HTTP/1.0 client on 127.0.0.1, enough to read a service's /metrics or to play a device
// pushing to an HTTP endpoint in a test without an HTTP client library. HTTP/1.0 so that the server
// closes the connection and sends no chunks.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace ekinerja::integration {

struct HttpResponse {
  int status = 0;
  std::string headers;  // the status line and header fields, as received ("HTTP/1.1 200 OK\r\n...")
  std::string body;
};

// `method` `path` with `body` (Content-Length sent unless a GET without body, Content-Type when not
// empty).
inline absl::StatusOr<HttpResponse> HttpRequest(int port, const std::string& method,
                                                const std::string& path, const std::string& body,
                                                const std::string& content_type) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::UnavailableError("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return absl::UnavailableError(absl::StrCat("cannot connect to 127.0.0.1:", port));
  }
  const std::string request = absl::StrCat(
      method, " ", path, " HTTP/1.0\r\nHost: 127.0.0.1\r\n",
      content_type.empty() ? "" : absl::StrCat("Content-Type: ", content_type, "\r\n"),
      body.empty() && method == "GET" ? "" : absl::StrCat("Content-Length: ", body.size(), "\r\n"),
      "\r\n", body);
  for (size_t sent = 0; sent < request.size();) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      close(fd);
      return absl::UnavailableError("send() failed");
    }
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buf[8192];
  for (ssize_t n; (n = recv(fd, buf, sizeof(buf), 0)) > 0;) raw.append(buf, static_cast<size_t>(n));
  close(fd);

  // "HTTP/1.1 200 OK\r\n...headers...\r\n\r\nbody"
  const size_t header_end = raw.find("\r\n\r\n");
  const size_t space = raw.find(' ');
  HttpResponse out;
  if (header_end == std::string::npos || space == std::string::npos ||
      !absl::SimpleAtoi(raw.substr(space + 1, 3), &out.status)) {
    return absl::DataLossError(absl::StrCat("not an HTTP response: ", raw.substr(0, 200)));
  }
  out.headers = raw.substr(0, header_end + 2);
  out.body = raw.substr(header_end + 4);
  return out;
}

inline absl::StatusOr<HttpResponse> HttpGet(int port, const std::string& path) {
  return HttpRequest(port, "GET", path, "", "");
}

inline absl::StatusOr<HttpResponse> HttpPost(int port, const std::string& path,
                                             const std::string& body,
                                             const std::string& content_type = "text/plain") {
  return HttpRequest(port, "POST", path, body, content_type);
}

}  // namespace ekinerja::integration

#pragma once

// CORS for a browser console on another origin, as Envoy's cors filter answers with the policy the
// generated Envoy config carries (deploy/envoy uses the same constants): a preflight from an
// allowed origin is answered at the edge (200, no body, as Envoy) with the allowed methods,
// headers and max age; other answers to an allowed origin echo it in Access-Control-Allow-Origin.
// A preflight from any other origin is not answered as one: it goes on like any request (so it
// meets the routes, and gets no CORS header), as Envoy forwards non-matching preflights.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "http_server.h"

namespace ekinerja::gateway {

inline constexpr char kCorsAllowMethods[] = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
inline constexpr char kCorsAllowHeaders[] =
    "authorization, content-type, x-request-id, grpc-timeout";
inline constexpr char kCorsExposeHeaders[] = "x-request-id";
inline constexpr char kCorsMaxAge[] = "86400";

class CorsPolicy {
 public:
  // From --cors_origins: comma-separated origins, each scheme://host[:port] exactly as browsers
  // send it ("https://console.example.go.id"); "*" allows every origin; "" none.
  // INVALID_ARGUMENT for an entry that is not an origin.
  static absl::StatusOr<CorsPolicy> Parse(absl::string_view origins);
  CorsPolicy() = default;

  bool Allows(absl::string_view origin) const;

  // OPTIONS with an Origin and an Access-Control-Request-Method.
  static bool IsPreflight(const HttpRequestMessage& request);

  // The answer to a preflight from an allowed `origin`.
  HttpResponse PreflightResponse(absl::string_view origin) const;

  // Adds Access-Control-Allow-Origin and -Expose-Headers to an answer to `origin` when it is
  // allowed; leaves it alone otherwise.
  void Decorate(absl::string_view origin, HttpResponse& response) const;

  const std::vector<std::string>& origins() const { return origins_; }

 private:
  bool any_ = false;
  std::vector<std::string> origins_;
};

}  // namespace ekinerja::gateway

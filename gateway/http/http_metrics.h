#pragma once

// The REST side's metrics (DESIGN §4): ekinerja_gateway_http_requests_total{route,method,status}
// and ekinerja_gateway_http_request_duration_seconds{route} (histogram). `route` is the gRPC
// method a request matched ("/ekinerja.identity.v1.IdentityService/GetProfile"), one of the
// gateway's own ("/healthz", "/readyz", "/.well-known/jwks.json", "cors_preflight"), or
// "unmatched", never the raw path; `method` is a known HTTP method or "OTHER": the label sets stay
// bounded whatever clients send.

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace prometheus {
class Counter;
class Histogram;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::gateway {

inline constexpr char kUnmatchedRoute[] = "unmatched";

class HttpMetrics {
 public:
  explicit HttpMetrics(prometheus::Registry& registry);
  HttpMetrics(const HttpMetrics&) = delete;
  HttpMetrics& operator=(const HttpMetrics&) = delete;

  // One answered request. Thread-safe.
  void Observe(absl::string_view route, absl::string_view method, int status,
               absl::Duration elapsed);

 private:
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& duration_;
};

}  // namespace ekinerja::gateway

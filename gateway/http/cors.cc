#include "http/cors.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/beast/http/field.hpp"

namespace ekinerja::gateway {
namespace http = boost::beast::http;

namespace {

absl::string_view Header(const HttpRequestMessage& request, http::field field) {
  auto it = request.find(field);
  if (it == request.end()) return {};
  return absl::string_view(it->value().data(), it->value().size());
}

// scheme "://" host [":" port], nothing after.
bool IsOrigin(absl::string_view origin) {
  const size_t sep = origin.find("://");
  if (sep == absl::string_view::npos || sep == 0) return false;
  const absl::string_view rest = origin.substr(sep + 3);
  return !rest.empty() && rest.find_first_of("/?#@ ") == absl::string_view::npos;
}

}  // namespace

absl::StatusOr<CorsPolicy> CorsPolicy::Parse(absl::string_view origins) {
  CorsPolicy policy;
  for (absl::string_view entry : absl::StrSplit(origins, ',')) {
    entry = absl::StripAsciiWhitespace(entry);
    if (entry.empty()) continue;
    if (entry == "*") {
      policy.any_ = true;
      continue;
    }
    if (!IsOrigin(entry)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--cors_origins: \"", entry, "\" is not an origin (scheme://host[:port])"));
    }
    policy.origins_.emplace_back(entry);
  }
  return policy;
}

bool CorsPolicy::Allows(absl::string_view origin) const {
  if (origin.empty()) return false;
  if (any_) return true;
  return std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

bool CorsPolicy::IsPreflight(const HttpRequestMessage& request) {
  return request.method() == http::verb::options && !Header(request, http::field::origin).empty() &&
         !Header(request, http::field::access_control_request_method).empty();
}

HttpResponse CorsPolicy::PreflightResponse(absl::string_view origin) const {
  HttpResponse r(http::status::ok, 11);
  r.set(http::field::access_control_allow_origin, std::string(origin));
  r.set(http::field::access_control_allow_methods, kCorsAllowMethods);
  r.set(http::field::access_control_allow_headers, kCorsAllowHeaders);
  r.set(http::field::access_control_max_age, kCorsMaxAge);
  r.set(http::field::vary, "Origin");
  return r;
}

void CorsPolicy::Decorate(absl::string_view origin, HttpResponse& response) const {
  if (!Allows(origin)) return;
  response.set(http::field::access_control_allow_origin, std::string(origin));
  response.set(http::field::access_control_expose_headers, kCorsExposeHeaders);
  response.set(http::field::vary, "Origin");
}

}  // namespace ekinerja::gateway

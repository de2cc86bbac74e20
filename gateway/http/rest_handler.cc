#include "http/rest_handler.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "boost/beast/http/field.hpp"
#include "google/api/annotations.pb.h"
#include "google/api/http.pb.h"
#include "http/forwarded_for.h"
#include "http/request_id.h"
#include "http_status.h"
#include "log.h"
#include "public_methods.h"
#include "upstream/upstreams.h"

namespace ekinerja::gateway {

namespace http = boost::beast::http;

namespace {

// Retry-After of a 503 from UNAVAILABLE (a shed call: the services' admission queue was full or
// the call waited its longest; README, "Overload").
constexpr char kRetryAfterSeconds[] = "1";

constexpr char kHealthz[] = "/healthz";
constexpr char kReadyz[] = "/readyz";
constexpr char kJwksPath[] = "/.well-known/jwks.json";
constexpr char kPreflightRoute[] = "cors_preflight";
constexpr char kXRequestId[] = "x-request-id";
constexpr char kGetJwks[] = "/ekinerja.identity.v1.IdentityService/GetJwks";

absl::string_view Sv(boost::beast::string_view s) { return absl::string_view(s.data(), s.size()); }

absl::string_view Header(const HttpRequestMessage& m, http::field f) {
  auto it = m.find(f);
  return it == m.end() ? absl::string_view() : Sv(it->value());
}
absl::string_view Header(const HttpRequestMessage& m, absl::string_view name) {
  auto it = m.find(boost::beast::string_view(name.data(), name.size()));
  return it == m.end() ? absl::string_view() : Sv(it->value());
}

// The HTTP method as a metric label: known methods by name, anything else "OTHER".
std::string MethodLabel(const HttpRequestMessage& m) {
  if (m.method() == http::verb::unknown) return "OTHER";
  return std::string(Sv(http::to_string(m.method())));
}

// The path template of the google.api.http binding of `method` for `verb` (the first when several
// match), for the log line: the raw path may carry personal data (a NIP). "" when not found.
std::string TemplateOf(const google::protobuf::MethodDescriptor* method, absl::string_view verb) {
  if (method == nullptr) return "";
  const auto& rule = method->options().GetExtension(google::api::http);
  const auto pattern_of = [&](const google::api::HttpRule& r) -> std::string {
    switch (r.pattern_case()) {
      case google::api::HttpRule::kGet:
        return verb == "GET" ? r.get() : "";
      case google::api::HttpRule::kPut:
        return verb == "PUT" ? r.put() : "";
      case google::api::HttpRule::kPost:
        return verb == "POST" ? r.post() : "";
      case google::api::HttpRule::kDelete:
        return verb == "DELETE" ? r.delete_() : "";
      case google::api::HttpRule::kPatch:
        return verb == "PATCH" ? r.patch() : "";
      case google::api::HttpRule::kCustom:
        return verb == r.custom().kind() ? r.custom().path() : "";
      default:
        return "";
    }
  };
  if (std::string p = pattern_of(rule); !p.empty()) return p;
  for (const auto& binding : rule.additional_bindings()) {
    if (std::string p = pattern_of(binding); !p.empty()) return p;
  }
  return "";
}

// Request headers that are not passed upstream: hop-by-hop ones, those gRPC sets itself, and
// those the gateway sets (x-request-id, x-forwarded-for) or turns into the deadline.
bool IsForwardedHeader(absl::string_view name) {
  static constexpr absl::string_view kSkipped[] = {
      "connection",      "keep-alive",        "proxy-connection", "te",
      "trailer",         "transfer-encoding", "upgrade",          "host",
      "content-length",  "content-type",      "expect",           "x-request-id",
      "x-forwarded-for", "accept-encoding"};
  if (name.empty() || absl::StartsWith(name, "grpc-") || absl::EndsWith(name, "-bin")) return false;
  for (absl::string_view s : kSkipped) {
    if (name == s) return false;
  }
  // gRPC metadata keys: [0-9a-z_.-]
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool IsPrintableAscii(absl::string_view v) {
  return std::all_of(v.begin(), v.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

HttpResponse JsonResponse(int status, std::string body) {
  HttpResponse r(static_cast<http::status>(status), 11);
  r.set(http::field::content_type, "application/json");
  r.body() = std::move(body);
  return r;
}

}  // namespace

std::optional<absl::Duration> ParseGrpcTimeout(absl::string_view value) {
  if (value.size() < 2 || value.size() > 9) return std::nullopt;
  int64_t n = 0;
  if (!absl::SimpleAtoi(value.substr(0, value.size() - 1), &n) || n < 0) return std::nullopt;
  if (!std::all_of(value.begin(), value.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  switch (value.back()) {
    case 'H':
      return absl::Hours(n);
    case 'M':
      return absl::Minutes(n);
    case 'S':
      return absl::Seconds(n);
    case 'm':
      return absl::Milliseconds(n);
    case 'u':
      return absl::Microseconds(n);
    case 'n':
      return absl::Nanoseconds(n);
    default:
      return std::nullopt;
  }
}

// One request on its way through the gateway.
struct RestHandler::Exchange {
  Responder respond;
  absl::Time start;
  std::string request_id;
  std::string origin;
  std::string http_method;  // the metric label
  std::string route = kUnmatchedRoute;
  std::string path_template;
  std::string tenant;
  std::vector<std::string> authorization;  // every value sent (JwtCheck refuses several)
  std::string realm;                       // of WWW-Authenticate, as Envoy: http://<host><path>
  std::vector<std::pair<std::string, std::string>> metadata;
  absl::Duration timeout;
  bool debug_log = false;  // probes: logged at debug
};

RestHandler::RestHandler(const Transcoder& transcoder, UnaryCaller& caller, JwtCheck& jwt,
                         ReadinessProbe& readiness, CorsPolicy cors, HttpMetrics* metrics,
                         RestOptions options)
    : transcoder_(transcoder),
      caller_(caller),
      jwt_(jwt),
      readiness_(readiness),
      cors_(std::move(cors)),
      metrics_(metrics),
      options_(options) {}

RestHandler::~RestHandler() { WaitIdle(); }

void RestHandler::WaitIdle() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](int* n) { return *n == 0; }, &outstanding_));
}

void RestHandler::Handle(HttpRequest request, Responder respond) {
  {
    absl::MutexLock lock(&mu_);
    ++outstanding_;
  }
  const HttpRequestMessage& m = request.message;
  auto x = std::make_shared<Exchange>();
  x->respond = std::move(respond);
  x->start = request.received == absl::Time() ? absl::Now() : request.received;
  x->request_id = RequestIdFromHeader(Header(m, kXRequestId));
  x->origin = std::string(Header(m, http::field::origin));
  x->http_method = MethodLabel(m);

  const absl::string_view target = Sv(m.target());
  const size_t question = target.find('?');
  const absl::string_view path = target.substr(0, question);
  const absl::string_view query =
      question == absl::string_view::npos ? absl::string_view() : target.substr(question + 1);
  const bool get = m.method() == http::verb::get || m.method() == http::verb::head;

  if (CorsPolicy::IsPreflight(m) && cors_.Allows(x->origin)) {
    x->route = kPreflightRoute;
    x->debug_log = true;
    return Reply(x, cors_.PreflightResponse(x->origin));
  }
  if (get && path == kHealthz) {
    x->route = x->path_template = kHealthz;
    x->debug_log = true;
    return Reply(x, JsonResponse(200, "{\"status\":\"SERVING\"}"));
  }
  if (get && path == kReadyz) {
    x->route = x->path_template = kReadyz;
    x->debug_log = true;
    return ServeReadiness(std::move(x));
  }

  // What goes upstream besides the message: the client's headers, as Envoy passes them.
  std::vector<absl::string_view> forwarded_for;
  for (const auto& field : m) {
    std::string name = absl::AsciiStrToLower(Sv(field.name_string()));
    const absl::string_view value = Sv(field.value());
    if (name == "authorization") x->authorization.emplace_back(value);
    if (name == "x-forwarded-for") forwarded_for.push_back(value);
    if (!IsForwardedHeader(name) || !IsPrintableAscii(value)) continue;
    x->metadata.emplace_back(std::move(name), std::string(value));
  }
  x->metadata.emplace_back("x-request-id", x->request_id);
  if (std::string xff = ForwardedFor(forwarded_for, request.remote_address); !xff.empty()) {
    x->metadata.emplace_back("x-forwarded-for", std::move(xff));
  }
  x->timeout = options_.upstream_timeout;
  if (auto t = ParseGrpcTimeout(Header(m, "grpc-timeout")); t.has_value()) {
    x->timeout = std::min(*t, options_.upstream_timeout);
  }
  x->realm = absl::StrCat("http://", Header(m, http::field::host), target);

  if (get && path == kJwksPath) {
    x->route = x->path_template = kJwksPath;
    return ServeJwks(std::move(x));
  }

  const absl::string_view verb = Sv(m.method_string());
  absl::StatusOr<Transcoder::Call> call = transcoder_.ToGrpc(verb, path, query, m.body());
  // Which method the path names, even when the query or body did not transcode: it decides
  // whether a token is needed, as Envoy's jwt_authn decides by path before the transcoder runs.
  const google::protobuf::MethodDescriptor* matched =
      call.ok() ? call->method : transcoder_.Match(verb, path);
  bool is_public = false;
  if (matched != nullptr) {
    x->route = absl::StrCat("/", matched->service()->full_name(), "/", matched->name());
    x->path_template = TemplateOf(matched, verb);
    is_public = IsPublicMethod(x->route);
  }
  if (is_public) return Transcoded(std::move(x), std::move(call));

  jwt_.CheckAsync(
      std::move(x->authorization), [this, x, call = std::move(call)](JwtVerdict verdict) mutable {
        if (!verdict.ok()) {
          HttpResponse r =
              JsonResponse(HttpStatusFromGrpc(verdict.code),
                           transcoder_.StatusToJson(verdict.code, verdict.message, ""));
          // As Envoy's jwt_authn: the realm, and the error unless the token is missing.
          r.set(http::field::www_authenticate,
                absl::StrCat("Bearer realm=\"", x->realm, "\"",
                             verdict.reason == "missing" ? "" : ", error=\"invalid_token\""));
          return Reply(x, std::move(r));
        }
        x->tenant = verdict.claims.tenant;
        Transcoded(std::move(x), std::move(call));
      });
}

void RestHandler::Transcoded(std::shared_ptr<Exchange> x, absl::StatusOr<Transcoder::Call> call) {
  if (!call.ok()) {
    return ReplyError(x, static_cast<grpc::StatusCode>(call.status().code()),
                      call.status().message());
  }
  CallUpstream(std::move(x), *std::move(call));
}

void RestHandler::CallUpstream(std::shared_ptr<Exchange> x, Transcoder::Call call) {
  UnaryRequest request;
  request.service = std::move(call.service);
  request.method = std::move(call.grpc_path);
  request.message = std::move(call.request);
  request.metadata = std::move(x->metadata);  // one call per exchange
  request.timeout = x->timeout;
  const google::protobuf::MethodDescriptor* method = call.method;
  caller_.Call(std::move(request), [this, x, method](UnaryResult result) {
    if (result.code != grpc::StatusCode::OK)
      return ReplyError(x, result.code, result.message, result.details);
    if (ReturnsHttpBody(*method)) {
      absl::StatusOr<RawResponse> raw = HttpBodyOf(result.response);
      if (!raw.ok()) return ReplyError(x, grpc::StatusCode::INTERNAL, raw.status().message());
      HttpResponse r(http::status::ok, 11);
      r.set(http::field::content_type, raw->content_type);
      r.body() = std::move(raw->body);
      return Reply(x, std::move(r));
    }
    absl::StatusOr<std::string> json = transcoder_.ResponseToJson(*method, result.response);
    if (!json.ok()) {
      LogError("cannot print an upstream response as JSON", {{"method", x->route},
                                                             {"request_id", x->request_id},
                                                             {"error", json.status().message()}});
      return ReplyError(x, grpc::StatusCode::INTERNAL, json.status().message());
    }
    Reply(x, JsonResponse(200, *std::move(json)));
  });
}

void RestHandler::ServeJwks(std::shared_ptr<Exchange> x) {
  UnaryRequest request;
  request.service = kIdentityService;
  request.method = kGetJwks;
  request.metadata = x->metadata;
  request.timeout = x->timeout;
  caller_.Call(std::move(request), [this, x](UnaryResult result) {
    if (result.code != grpc::StatusCode::OK)
      return ReplyError(x, result.code, result.message, result.details);
    absl::StatusOr<std::string> json = JwksJsonOfResponse(result.response);
    if (!json.ok()) return ReplyError(x, grpc::StatusCode::INTERNAL, json.status().message());
    Reply(x, JsonResponse(200, *std::move(json)));
  });
}

void RestHandler::ServeReadiness(std::shared_ptr<Exchange> x) {
  readiness_.Check([this, x](Readiness readiness) {
    Reply(x, JsonResponse(readiness.ready ? 200 : 503, ReadinessToJson(readiness)));
  });
}

void RestHandler::ReplyError(const std::shared_ptr<Exchange>& x, grpc::StatusCode code,
                             absl::string_view message, absl::string_view details) {
  HttpResponse r =
      JsonResponse(HttpStatusFromGrpc(code), transcoder_.StatusToJson(code, message, details));
  // UNAVAILABLE: a service shed the call (overloaded, draining) or is down; nothing ran, so the
  // client may send it again, after a pause.
  if (code == grpc::StatusCode::UNAVAILABLE) r.set(http::field::retry_after, kRetryAfterSeconds);
  Reply(x, std::move(r));
}

void RestHandler::Reply(const std::shared_ptr<Exchange>& x, HttpResponse response) {
  response.set(kXRequestId, x->request_id);
  if (x->route != kPreflightRoute) cors_.Decorate(x->origin, response);
  const int status = static_cast<int>(response.result_int());
  const absl::Duration elapsed = absl::Now() - x->start;
  if (metrics_ != nullptr) metrics_->Observe(x->route, x->http_method, status, elapsed);
  Log(x->debug_log ? LogLevel::kDebug : LogLevel::kInfo, "request",
      {{"method", x->route},
       {"tenant", x->tenant},
       {"request_id", x->request_id},
       {"http_method", x->http_method},
       {"path", x->path_template.empty() ? std::string(kUnmatchedRoute) : x->path_template},
       {"status", std::to_string(status)},
       {"duration_ms", absl::StrFormat("%.3f", absl::ToDoubleMilliseconds(elapsed))}});
  x->respond(std::move(response));
  absl::MutexLock lock(&mu_);
  --outstanding_;  // the last touch of `this`: WaitIdle may return now
}

HttpResponse RestHandler::Refuse(int http_status, absl::string_view message,
                                 const HttpRequestMessage* header,
                                 absl::string_view remote_address) {
  const grpc::StatusCode code = http_status == 400 ? grpc::StatusCode::INVALID_ARGUMENT
                                                   : grpc::StatusCode::RESOURCE_EXHAUSTED;
  HttpResponse r = JsonResponse(http_status, transcoder_.StatusToJson(code, message, ""));
  const std::string request_id =
      RequestIdFromHeader(header != nullptr ? Header(*header, kXRequestId) : "");
  r.set(kXRequestId, request_id);
  const std::string method = header != nullptr ? MethodLabel(*header) : "OTHER";
  if (header != nullptr) cors_.Decorate(Header(*header, http::field::origin), r);
  if (metrics_ != nullptr)
    metrics_->Observe(kUnmatchedRoute, method, http_status, absl::ZeroDuration());
  LogInfo("request refused", {{"request_id", request_id},
                              {"http_method", method},
                              {"status", std::to_string(http_status)},
                              {"remote", remote_address},
                              {"error", message}});
  return r;
}

}  // namespace ekinerja::gateway

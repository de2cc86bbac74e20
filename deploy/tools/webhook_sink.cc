#include "webhook_sink.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <sodium.h>

#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "crypto.h"
#include "text.h"

namespace ekinerja::tools {
namespace {

namespace http = boost::beast::http;

std::string Header(const HttpRequestMessage& m, absl::string_view name) {
  auto it = m.find(boost::beast::string_view(name.data(), name.size()));
  return it == m.end() ? "" : std::string(it->value());
}

// A top-level string field of the JSON `body`, "" when absent or not JSON.
std::string Field(const google::protobuf::Struct& object, const std::string& name) {
  auto it = object.fields().find(name);
  return it == object.fields().end() ? "" : it->second.string_value();
}

bool SignatureVerifies(const HttpRequestMessage& m, const WebhookSinkOptions& options) {
  const std::string timestamp = Header(m, "X-Ekinerja-Timestamp");
  const std::string signature = Header(m, "X-Ekinerja-Signature");
  int64_t unix_seconds = 0;
  if (!absl::SimpleAtoi(timestamp, &unix_seconds)) return false;
  if (options.max_skew > absl::ZeroDuration() &&
      absl::AbsDuration(absl::Now() - absl::FromUnixSeconds(unix_seconds)) > options.max_skew) {
    return false;
  }
  const std::string expected =
      absl::StrCat("sha256=", auth::HmacSha256Hex(options.secret, timestamp + "." + m.body()));
  // Constant time: how much of a forged signature matched must not show in the answer's timing.
  return signature.size() == expected.size() &&
         sodium_memcmp(signature.data(), expected.data(), expected.size()) == 0;
}

HttpResponse Answer(int status, absl::string_view text) {
  HttpResponse r(static_cast<http::status>(status), 11);
  r.set(http::field::content_type, "text/plain");
  r.body() = std::string(text);
  return r;
}

}  // namespace

std::string SinkLogLine(const SinkRequest& r, absl::Time at) {
  return absl::StrCat("{\"time\":\"",
                      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", at, absl::UTCTimeZone()),
                      "\",\"outcome\":\"", r.outcome, "\",\"status\":", r.status, ",\"key\":\"",
                      JsonEscape(r.key), "\",\"tenant\":\"", JsonEscape(r.tenant), "\",\"rule\":\"",
                      JsonEscape(r.rule), "\",\"subject\":\"", JsonEscape(r.subject),
                      "\",\"verified\":", r.verified ? "true" : "false", "}");
}

WebhookSink::WebhookSink(WebhookSinkOptions options, std::ostream* log)
    : options_(std::move(options)), log_(log) {}

void WebhookSink::Handle(HttpRequest request, Responder respond) {
  const HttpRequestMessage& m = request.message;
  SinkRequest r;
  r.key = Header(m, "Idempotency-Key");
  r.tenant = Header(m, "X-Ekinerja-Tenant");
  r.body = m.body();
  google::protobuf::Struct payload;
  if (google::protobuf::util::JsonStringToMessage(m.body(), &payload).ok()) {
    if (r.tenant.empty()) r.tenant = Field(payload, "tenant_id");
    r.rule = Field(payload, "rule");
    r.subject = Field(payload, "subject_nip");
  }
  r.verified = SignatureVerifies(m, options_);
  {
    absl::MutexLock lock(&mu_);
    if (++seen_ <= options_.fail_first) {
      r.outcome = "unavailable";
      r.status = 503;
    } else if (!r.verified) {
      r.outcome = "unsigned";
      r.status = 401;
    } else if (r.key.empty()) {
      r.outcome = "bad_request";
      r.status = 400;
    } else if (delivered_.count(r.key) > 0) {
      r.outcome = "duplicate";  // already delivered: acknowledged again, not delivered again
      r.status = 200;
      ++duplicates_[r.key];
    } else {
      r.outcome = "delivered";
      r.status = 200;
      ++delivered_[r.key];
    }
    requests_.push_back(r);
    // Under the lock, so that lines of concurrent requests never interleave.
    if (log_ != nullptr) *log_ << SinkLogLine(r, absl::Now()) << std::endl;
  }
  respond(Answer(r.status, r.outcome));
}

HttpResponse WebhookSink::Refuse(int http_status, absl::string_view message,
                                 const HttpRequestMessage*, absl::string_view) {
  return Answer(http_status, message);
}

std::vector<SinkRequest> WebhookSink::requests() const {
  absl::MutexLock lock(&mu_);
  return requests_;
}

int WebhookSink::delivered(const std::string& key) const {
  absl::MutexLock lock(&mu_);
  auto it = delivered_.find(key);
  return it == delivered_.end() ? 0 : it->second;
}

int WebhookSink::duplicates(const std::string& key) const {
  absl::MutexLock lock(&mu_);
  auto it = duplicates_.find(key);
  return it == duplicates_.end() ? 0 : it->second;
}

int WebhookSink::delivered_total() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(delivered_.size());
}

}  // namespace ekinerja::tools

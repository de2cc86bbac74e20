#pragma once

// The tiny webhook receiver of local runs and tests (ekinerja-webhook-sink): it stands in for a
// Pemda's e-mail/WhatsApp relay behind the warning service's outbox. Each POST is checked the way
// a relay should check it: the signature X-Ekinerja-Signature = "sha256=" + hex HMAC-SHA256 of
// "<X-Ekinerja-Timestamp>.<body>" under the shared secret (401 when it does not verify), and the
// Idempotency-Key (a key seen before is answered 200 again but not delivered twice: the outbox
// retries whenever it cannot know that a delivery arrived). The first `fail_first` requests are
// answered 503, to exercise the retries. One JSON line per request goes to the log.

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "http_server.h"

namespace ekinerja::tools {

struct WebhookSinkOptions {
  std::string secret;
  int fail_first = 0;
  // A timestamp further than this from the sink's clock is refused (401) like a bad signature, so
  // that a captured request cannot be replayed later; zero checks none (tests with a fake clock).
  absl::Duration max_skew = absl::ZeroDuration();
};

// What the sink made of one request, as logged.
struct SinkRequest {
  // "delivered", "duplicate", "unavailable" (one of the first fail_first), "unsigned" (bad or
  // missing signature, or a stale timestamp), "bad_request" (no Idempotency-Key).
  std::string outcome;
  int status = 0;
  std::string key, tenant, rule, subject;
  bool verified = false;
  std::string body;
};

class WebhookSink : public HttpHandler {
 public:
  // `log` (not owned, may be null) gets one JSON line per request and must outlive the sink.
  WebhookSink(WebhookSinkOptions options, std::ostream* log);

  void Handle(HttpRequest request, Responder respond) override;
  HttpResponse Refuse(int http_status, absl::string_view message, const HttpRequestMessage* header,
                      absl::string_view remote_address) override;

  // Every request so far, in order of arrival.
  std::vector<SinkRequest> requests() const;
  // How many times each key was delivered (only ever 1) and answered as a duplicate.
  int delivered(const std::string& key) const;
  int duplicates(const std::string& key) const;
  int delivered_total() const;

 private:
  const WebhookSinkOptions options_;
  std::ostream* const log_;
  mutable absl::Mutex mu_;
  int seen_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<SinkRequest> requests_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> delivered_ ABSL_GUARDED_BY(mu_), duplicates_ ABSL_GUARDED_BY(mu_);
};

// The JSON line logged for `r` (without the newline).
std::string SinkLogLine(const SinkRequest& r, absl::Time at);

}  // namespace ekinerja::tools

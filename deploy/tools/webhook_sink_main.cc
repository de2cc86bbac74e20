// ekinerja-webhook-sink: a tiny local stand-in for a Pemda's e-mail/WhatsApp relay, for
// deploy/local/up and manual tests of the warning service's outbox (webhook_sink.h).
//
//   ekinerja-webhook-sink --port 9180 --secret_file .data/webhook-secret
//       --log_file .data/webhook-sink.log [--fail_first 3] [--max_skew_seconds 300]
//
// Logs one JSON line per request to --log_file (appended) and serves until SIGINT or SIGTERM.

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/synchronization/notification.h"
#include "http_server.h"
#include "webhook_sink.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "address to listen on");
ABSL_FLAG(int, port, 9180, "port to listen on (0: any free port, printed)");
ABSL_FLAG(std::string, secret_file, "", "file holding the tenant's webhook secret (trimmed)");
ABSL_FLAG(std::string, log_file, "", "where to append one JSON line per request (stdout if empty)");
ABSL_FLAG(int, fail_first, 0, "answer 503 to the first N requests");
ABSL_FLAG(int, max_skew_seconds, 300,
          "refuse a timestamp further than this from our clock (0: no check)");

namespace {

absl::Notification* stop = nullptr;
void OnSignal(int) {
  // Notify is not async-signal-safe in theory; a second signal kills the process outright.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (stop != nullptr && !stop->HasBeenNotified()) stop->Notify();
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("A local webhook receiver that verifies and logs deliveries.");
  absl::ParseCommandLine(argc, argv);
  ekinerja::tools::WebhookSinkOptions options;
  options.fail_first = absl::GetFlag(FLAGS_fail_first);
  options.max_skew = absl::Seconds(absl::GetFlag(FLAGS_max_skew_seconds));
  const std::string secret_file = absl::GetFlag(FLAGS_secret_file);
  if (secret_file.empty()) {
    std::cerr << "--secret_file is required\n";
    return 2;
  }
  std::ifstream in(secret_file);
  std::stringstream secret;
  secret << in.rdbuf();
  if (!in) {
    std::cerr << "cannot read " << secret_file << "\n";
    return 2;
  }
  options.secret = std::string(absl::StripAsciiWhitespace(secret.str()));
  std::ofstream log_file;
  std::ostream* log = &std::cout;
  if (!absl::GetFlag(FLAGS_log_file).empty()) {
    log_file.open(absl::GetFlag(FLAGS_log_file), std::ios::app);
    if (!log_file) {
      std::cerr << "cannot open " << absl::GetFlag(FLAGS_log_file) << "\n";
      return 2;
    }
    log = &log_file;
  }

  ekinerja::tools::WebhookSink sink(options, log);
  ekinerja::HttpServerOptions server_options;
  server_options.host = absl::GetFlag(FLAGS_host);
  server_options.port = absl::GetFlag(FLAGS_port);
  server_options.threads = 1;
  auto server = ekinerja::HttpServer::Start(server_options, &sink);
  if (!server.ok()) {
    std::cerr << server.status().message() << "\n";
    return 1;
  }
  std::cerr << "ekinerja-webhook-sink listening on " << server_options.host << ":"
            << (*server)->port() << "\n";
  absl::Notification done;
  stop = &done;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  done.WaitForNotification();
  (*server)->Shutdown(absl::Seconds(2));
  return 0;
}

#include "channel.h"

#include <algorithm>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "file.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "status.h"

ABSL_FLAG(std::string, tls_ca_file, "",
          "PEM CA bundle: calls to other services verify their certificate against it (and a "
          "server with --tls_cert_file requires client certificates it signed: mutual TLS)");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate of this process: serve gRPC over TLS with it (with --tls_key_file) "
          "and present it to the services it calls");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of --tls_cert_file");
ABSL_FLAG(int, rpc_deadline_seconds, 30,
          "Deadline of a call to another service that sets none (or a later one); at least 5");

namespace ekinerja {
namespace {

// The resolvers gRPC registers (grpc_core's resolver registry); anything else before the first
// ':' is a host name.
constexpr absl::string_view kSchemes[] = {"dns",           "ipv4",  "ipv6", "unix",
                                          "unix-abstract", "vsock", "xds",  "google-c2p"};

int Millis(absl::Duration d) {
  return static_cast<int>(std::min<int64_t>(absl::ToInt64Milliseconds(d), INT32_MAX));
}

}  // namespace

std::string ChannelTarget(absl::string_view target) {
  const size_t colon = target.find(':');
  if (colon != absl::string_view::npos &&
      std::find(std::begin(kSchemes), std::end(kSchemes), target.substr(0, colon)) !=
          std::end(kSchemes)) {
    return std::string(target);
  }
  return absl::StrCat("dns:///", target);
}

std::string ChannelServiceConfig(absl::Duration deadline) {
  // "name": [{}] is the default method config: every method of every service.
  return absl::StrFormat(R"({"loadBalancingConfig":[{"round_robin":{}}],)"
                         R"("methodConfig":[{"name":[{}],"timeout":"%ds"}]})",
                         absl::ToInt64Seconds(deadline));
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(absl::string_view target,
                                                           const ChannelOptions& options) {
  if (target.empty()) return absl::InvalidArgumentError("empty gRPC target");
  if (options.deadline < absl::Seconds(kMinChannelDeadlineSeconds) ||
      options.deadline != absl::Seconds(absl::ToInt64Seconds(options.deadline))) {
    return absl::InvalidArgumentError(
        absl::StrCat("the deadline of a channel is a whole number of seconds, at least ",
                     kMinChannelDeadlineSeconds));
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  const TlsFiles& tls = options.tls;
  if (tls.any()) {
    if (tls.cert_file.empty() != tls.key_file.empty()) {
      return absl::InvalidArgumentError("--tls_cert_file and --tls_key_file go together");
    }
    grpc::SslCredentialsOptions ssl;
    if (!tls.ca_file.empty()) {
      EK_ASSIGN_OR_RETURN(ssl.pem_root_certs, ReadFile(tls.ca_file));
    }
    if (!tls.cert_file.empty()) {
      EK_ASSIGN_OR_RETURN(ssl.pem_cert_chain, ReadFile(tls.cert_file));
      EK_ASSIGN_OR_RETURN(ssl.pem_private_key, ReadFile(tls.key_file));
    }
    credentials = grpc::SslCredentials(ssl);
  }
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(ChannelServiceConfig(options.deadline));
  // Ours is the only service config: none from DNS TXT records.
  args.SetInt(GRPC_ARG_SERVICE_CONFIG_DISABLE_RESOLUTION, 1);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, Millis(options.keepalive_time));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, Millis(options.keepalive_timeout));
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);  // keepalive pings on an idle connection
  args.SetMaxReceiveMessageSize(options.max_message_bytes);
  args.SetMaxSendMessageSize(options.max_message_bytes);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, Millis(options.max_reconnect_backoff));
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS,
              Millis(std::min(absl::Seconds(1), options.max_reconnect_backoff)));
  if (!options.name.empty()) args.SetString("ekinerja.channel", options.name);
  return grpc::CreateCustomChannel(ChannelTarget(target), credentials, args);
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& tls) {
  if (tls.cert_file.empty() && tls.key_file.empty()) return grpc::InsecureServerCredentials();
  if (tls.cert_file.empty() || tls.key_file.empty()) {
    return absl::InvalidArgumentError("--tls_cert_file and --tls_key_file go together");
  }
  grpc::SslServerCredentialsOptions ssl;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  EK_ASSIGN_OR_RETURN(pair.cert_chain, ReadFile(tls.cert_file));
  EK_ASSIGN_OR_RETURN(pair.private_key, ReadFile(tls.key_file));
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  if (!tls.ca_file.empty()) {
    EK_ASSIGN_OR_RETURN(ssl.pem_root_certs, ReadFile(tls.ca_file));
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

void AcceptClientKeepalive(grpc::ServerBuilder& builder) {
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                             Millis(kMinClientPingInterval));
}

TlsFiles TlsFilesFromFlags() {
  TlsFiles tls;
  tls.ca_file = absl::GetFlag(FLAGS_tls_ca_file);
  tls.cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  tls.key_file = absl::GetFlag(FLAGS_tls_key_file);
  return tls;
}

ChannelOptions ChannelOptionsFromFlags() {
  ChannelOptions options;
  options.tls = TlsFilesFromFlags();
  options.deadline = absl::Seconds(absl::GetFlag(FLAGS_rpc_deadline_seconds));
  return options;
}

}  // namespace ekinerja

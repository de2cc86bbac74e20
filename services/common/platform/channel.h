#pragma once

// The one way a process of the suite calls another (issue 9, item 6): every channel between
// services, from the gateway to its upstreams and from the operator tools comes from MakeChannel.
//
// - Targets: a bare "host:port" becomes "dns:///host:port"; a target with a scheme gRPC knows
//   ("dns:", "ipv4:", "ipv6:", "unix:", ...) is kept as it is.
// - Load balancing: round_robin over every address the name resolves to. A Kubernetes headless
//   Service (clusterIP: None) resolves to every ready pod, so calls spread over all replicas;
//   gRPC's default (pick_first) would pin each client to one pod for the life of its connection.
//   Re-resolution follows pods that come and go.
// - Deadlines: every call ends at most `deadline` (whole seconds, at least
//   kMinChannelDeadlineSeconds) after it starts, the service config's default method timeout: a
//   call that sets no deadline gets this one, a call that sets an earlier one keeps its own; per
//   gRPC's service config the earlier of the two always wins, so a caller that needs longer passes
//   a longer ChannelOptions::deadline. The client enforces it (DEADLINE_EXCEEDED, the call
//   cancelled); gRPC applies it after the call's headers are built, so the server is not told (no
//   grpc-timeout) and learns of it by the cancellation. A caller that wants the server to stop
//   waiting sooner (admission.h) sets its own deadline. gRPC counts this timeout from a clock that
//   runs 1-2 s behind (grpc/grpc#34547, open; with 1.51 here a 1 s timeout ends calls at once, a
//   5 s one after 3.2 s), hence the minimum; a caller's own deadline is exact.
// - Keepalive: an HTTP/2 PING every `keepalive_time` (also without calls in flight), the
//   connection dropped when none is answered within `keepalive_timeout`, so a peer that vanished
//   (a pod deleted, a NAT entry expired) is noticed before a call waits on it. Servers accept
//   these pings (AcceptClientKeepalive) rather than ending the connection with GOAWAY
//   "too_many_pings".
// - TLS: with any of ca/cert/key the channel speaks TLS, verifying the peer against `ca_file`
//   (the system roots when empty) and presenting cert/key as its client certificate (mutual TLS)
//   when given; otherwise plaintext, as inside a trusted cluster network.
//
// Flags (defined once here, so every binary that dials or serves has them; EKINERJA_<FLAG> in
// the environment): --tls_ca_file, --tls_cert_file, --tls_key_file, --rpc_deadline_seconds.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace ekinerja {

// PEM files. A server speaks TLS when cert and key are given, and then requires and verifies
// client certificates against `ca_file` when that is given too (mutual TLS). A client speaks TLS
// when any is given.
struct TlsFiles {
  std::string ca_file;    // CA bundle that signs the peers' certificates
  std::string cert_file;  // this process's certificate (chain)
  std::string key_file;   // its private key
  bool any() const { return !ca_file.empty() || !cert_file.empty() || !key_file.empty(); }
};

struct ChannelOptions {
  TlsFiles tls;
  absl::Duration deadline = absl::Seconds(30);
  absl::Duration keepalive_time = absl::Seconds(30);
  absl::Duration keepalive_timeout = absl::Seconds(10);
  int max_message_bytes = 16 << 20;
  // A restarted peer is found again within this (gRPC's default backs off up to 120 s).
  absl::Duration max_reconnect_backoff = absl::Seconds(5);
  // Channels of different names never share a connection (gRPC shares subchannels of channels
  // with equal arguments); empty: may share.
  std::string name;
};

inline constexpr int kMinChannelDeadlineSeconds = 5;

// The server side of keepalive: pings from clients as often as every kMinClientPingInterval, also
// without calls, are accepted.
inline constexpr absl::Duration kMinClientPingInterval = absl::Seconds(10);

// The target gRPC resolves: "dns:///" + target unless it starts with a scheme gRPC resolves.
std::string ChannelTarget(absl::string_view target);

// The default service config of every channel: round_robin and the default deadline.
std::string ChannelServiceConfig(absl::Duration deadline);

// A channel to `target` as above. INVALID_ARGUMENT for an empty target, a cert without a key (or
// the reverse) or a deadline that is not a whole number of seconds >= kMinChannelDeadlineSeconds;
// the file's error when a
// PEM file cannot be read.
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(absl::string_view target,
                                                           const ChannelOptions& options);

// Insecure without cert and key; TLS with them, mutual when `tls.ca_file` is given.
// INVALID_ARGUMENT for only one of cert and key; the file's error when one cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(const TlsFiles& tls);

// Lets the clients of `builder`'s server ping as MakeChannel's channels do.
void AcceptClientKeepalive(grpc::ServerBuilder& builder);

// --tls_ca_file, --tls_cert_file, --tls_key_file.
TlsFiles TlsFilesFromFlags();
// TlsFilesFromFlags() and --rpc_deadline_seconds; the other fields keep their defaults.
ChannelOptions ChannelOptionsFromFlags();

}  // namespace ekinerja

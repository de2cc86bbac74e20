#pragma once

// The services behind the gateway: one gRPC channel per routed service (DESIGN §8), from
// --upstreams ("ekinerja.identity.v1.IdentityService=127.0.0.1:50051,..."), each made by the
// platform's MakeChannel (channel.h: dns:/// round-robin over every replica, keepalive, TLS). The
// REST side (http/) and the native gRPC pass-through (passthrough/) share one Upstreams.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "channel.h"
#include "grpcpp/channel.h"

namespace ekinerja::gateway {

// The identity service: the gateway fetches the JWKS there, so it always has an upstream.
inline constexpr char kIdentityService[] = "ekinerja.identity.v1.IdentityService";
inline constexpr char kDefaultIdentityAddress[] = "127.0.0.1:50051";

class Upstreams {
 public:
  // `spec`: comma-separated `<package.Service>=<target>` (blanks around entries ignored), a
  // target being host:port or any gRPC target (ChannelTarget). The identity service defaults to
  // kDefaultIdentityAddress. INVALID_ARGUMENT for an entry that is not service=address, a service
  // named twice, or a service of `routed` without an upstream (the gateway refuses to start
  // rather than answer 503 for a whole service); MakeChannel's errors (TLS files).
  static absl::StatusOr<std::unique_ptr<Upstreams>> Create(absl::string_view spec,
                                                           const std::vector<std::string>& routed,
                                                           const ChannelOptions& options = {});

  // The channel of `service` (full name), or nullptr when it has none. Thread-safe.
  std::shared_ptr<grpc::Channel> ChannelFor(absl::string_view service) const;
  // "host:port" of `service`, "" when it has none.
  std::string AddressOf(absl::string_view service) const;
  // Every service with an upstream, sorted.
  std::vector<std::string> Services() const;

  // "ekinerja.identity.v1.IdentityService" of "/ekinerja.identity.v1.IdentityService/GetProfile";
  // "" when `grpc_path` is not of that form.
  static absl::string_view ServiceOfPath(absl::string_view grpc_path);

 private:
  struct Upstream {
    std::string address;
    std::shared_ptr<grpc::Channel> channel;
  };
  explicit Upstreams(std::map<std::string, Upstream, std::less<>> upstreams)
      : upstreams_(std::move(upstreams)) {}

  const std::map<std::string, Upstream, std::less<>> upstreams_;  // immutable after Create
};

}  // namespace ekinerja::gateway

#include "passthrough/passthrough_router.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/descriptor.pb.h"
#include "http/request_id.h"
#include "public_methods.h"
#include "upstream/upstreams.h"

namespace ekinerja::gateway {
namespace {

absl::string_view View(grpc::string_ref s) { return absl::string_view(s.data(), s.size()); }

const char* KindOf(const google::protobuf::MethodDescriptorProto& m) {
  if (m.client_streaming() && m.server_streaming()) return "bidi_stream";
  if (m.client_streaming()) return "client_stream";
  if (m.server_streaming()) return "server_stream";
  return "unary";
}

}  // namespace

absl::StatusOr<std::unique_ptr<PassthroughRouter>> PassthroughRouter::Create(
    const GrpcPassthrough::Options& options) {
  if (options.upstreams == nullptr || options.jwt == nullptr) {
    return absl::InvalidArgumentError("the gRPC pass-through needs the upstreams and a JWT check");
  }
  absl::flat_hash_set<std::string> public_methods = options.public_methods;
  if (public_methods.empty()) public_methods = PublicMethodSet();
  std::unique_ptr<PassthroughRouter> router(
      new PassthroughRouter(options.jwt, std::move(public_methods), options.registry));
  router->upstream_timeout_ = options.upstream_timeout;
  for (const std::string& service : options.upstreams->Services()) {
    UpstreamRoute& route = router->routes_[service];
    route.service = service;
    route.stub = std::make_unique<grpc::GenericStub>(options.upstreams->ChannelFor(service));
    route.metrics = options.upstream_metrics;
  }
  if (!options.descriptor_set.empty()) {
    google::protobuf::FileDescriptorSet set;
    if (!set.ParseFromString(options.descriptor_set)) {
      return absl::InvalidArgumentError("the descriptor set does not parse");
    }
    for (const auto& file : set.file()) {
      for (const auto& service : file.service()) {
        const std::string prefix =
            absl::StrCat("/", file.package().empty() ? "" : absl::StrCat(file.package(), "."),
                         service.name(), "/");
        for (const auto& method : service.method()) {
          router->kinds_.emplace(absl::StrCat(prefix, method.name()), KindOf(method));
        }
      }
    }
  }
  return router;
}

bool PassthroughRouter::NeedsToken(absl::string_view full_method) const {
  return !IsInfrastructureMethod(full_method) && !public_methods_.contains(full_method);
}

grpc::ServerGenericBidiReactor* PassthroughRouter::CreateReactor(
    grpc::GenericCallbackServerContext* ctx) {
  const std::string& full_method = ctx->method();
  const absl::string_view service_name = Upstreams::ServiceOfPath(full_method);
  auto route = routes_.find(service_name);
  const bool routed = !service_name.empty() && route != routes_.end();

  // Labels only from what the gateway knows, so a client cannot mint label values at will.
  absl::string_view service = routed ? service_name : "unknown";
  absl::string_view method =
      routed ? absl::string_view(full_method).substr(service_name.size() + 2) : "unknown";
  absl::string_view kind = "unknown";
  if (!kinds_.empty()) {
    auto k = kinds_.find(full_method);
    if (k == kinds_.end()) {
      method = "unknown";
    } else {
      kind = k->second;
    }
  }

  const auto& metadata = ctx->client_metadata();
  auto rid = metadata.find("x-request-id");
  std::string request_id =
      RequestIdFromHeader(rid == metadata.end() ? absl::string_view() : View(rid->second));
  std::vector<std::string> authorization;  // every entry: JwtCheck refuses several
  for (auto [a, end] = metadata.equal_range("authorization"); a != end; ++a) {
    authorization.emplace_back(View(a->second));
  }
  // As Envoy: the token first (jwt_authn), then the route (router), so an unknown service
  // answers UNIMPLEMENTED only to a caller with a valid token.
  // As Envoy's route timeout and grpc_timeout_header_max: the client's deadline, but no later
  // than upstream_timeout from now.
  const auto deadline =
      std::min(ctx->deadline(), absl::ToChronoTime(absl::Now() + upstream_timeout_));
  return ProxyCall::Start(ctx, routed ? &route->second : nullptr,
                          NeedsToken(full_method) ? jwt_ : nullptr, std::move(authorization),
                          std::move(request_id), deadline, metrics_.Start(service, method, kind));
}

}  // namespace ekinerja::gateway

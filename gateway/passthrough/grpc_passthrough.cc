#include "passthrough/grpc_passthrough.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "channel.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "log.h"
#include "passthrough/passthrough_router.h"

namespace ekinerja::gateway {

absl::StatusOr<std::unique_ptr<GrpcPassthrough>> GrpcPassthrough::Start(Options options) {
  const std::string address = absl::StrCat(options.host, ":", options.port);
  std::shared_ptr<grpc::ServerCredentials> credentials =
      options.credentials != nullptr ? options.credentials : grpc::InsecureServerCredentials();
  const int max_message_bytes = options.max_message_bytes;
  auto router = PassthroughRouter::Create(options);
  if (!router.ok()) return router.status();

  std::unique_ptr<GrpcPassthrough> self(new GrpcPassthrough());
  self->router_ = std::move(*router);
  // The gateway's own health service (grpc.health.v1, service ""), served beside the relay: a
  // registered service takes its methods before the generic one sees them.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(address, credentials, &self->port_);
  AcceptClientKeepalive(builder);
  builder.SetMaxReceiveMessageSize(max_message_bytes);
  builder.SetMaxSendMessageSize(max_message_bytes);
  builder.RegisterCallbackGenericService(self->router_.get());
  self->server_ = builder.BuildAndStart();
  if (self->server_ == nullptr || self->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("gRPC pass-through: cannot listen on ", address));
  }
  self->SetServing(true);
  LogInfo("gRPC pass-through serving", {{"grpc", absl::StrCat(options.host, ":", self->port_)}});
  return self;
}

GrpcPassthrough::~GrpcPassthrough() { Shutdown(absl::Now()); }

void GrpcPassthrough::SetServing(bool serving) {
  if (server_ != nullptr && !shut_down_.load()) {
    server_->GetHealthCheckService()->SetServingStatus(serving);
  }
}

void GrpcPassthrough::Shutdown(absl::Time deadline) {
  if (server_ == nullptr || shut_down_.exchange(true)) return;
  server_->GetHealthCheckService()->SetServingStatus(false);
  server_->Shutdown(absl::ToChronoTime(deadline));
  server_->Wait();
}

}  // namespace ekinerja::gateway

#include "clients/call.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "grpc_status.h"

namespace ekinerja::clients {

std::unique_ptr<grpc::ClientContext> BearerContext(const std::string& bearer,
                                                   absl::Duration timeout) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(timeout));
  if (!bearer.empty()) ctx->AddMetadata("authorization", "Bearer " + bearer);
  return ctx;
}

absl::Status FromPeer(const grpc::Status& st, absl::string_view peer, absl::string_view rpc) {
  switch (st.error_code()) {
    case grpc::StatusCode::OK:
      return absl::OkStatus();
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      return FromGrpcStatus(st);
    default:
      return absl::UnavailableError(absl::StrCat(
          peer, ": ", rpc, ": ", st.error_message(), " (",
          absl::StatusCodeToString(static_cast<absl::StatusCode>(st.error_code())), ")"));
  }
}

}  // namespace ekinerja::clients

#pragma once

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace ekinerja {

// absl::Status -> grpc::Status, same code and message. Field violations an INVALID_ARGUMENT
// carries (status.h) travel as google.rpc.Status details with one google.rpc.BadRequest, in the
// grpc-status-details-bin trailer, as Envoy's transcoder and Google's clients expect.
grpc::Status ToGrpcStatus(const absl::Status& status);

// grpc::Status -> absl::Status, keeping BadRequest field violations (for clients of other
// services).
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace ekinerja

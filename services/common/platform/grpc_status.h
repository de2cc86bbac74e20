#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace ekinerja {

// What a status may carry to a client. Its message and details travel in trailers, which gRPC
// caps at 8 KiB in all (base64 for the details): a request with many or long bad values must still
// get its INVALID_ARGUMENT, not RESOURCE_EXHAUSTED. Anything longer belongs in a response body
// (the imports' per-line reports).
// Each violation is short already (status.h).
inline constexpr size_t kMaxStatusMessageBytes = 256;
inline constexpr size_t kMaxFieldViolations = 10;

// absl::Status -> grpc::Status, same code and message. Field violations an INVALID_ARGUMENT
// carries (status.h) travel as google.rpc.Status details with one google.rpc.BadRequest, in the
// grpc-status-details-bin trailer, as Envoy's transcoder and Google's clients expect. The message
// is cut to kMaxStatusMessageBytes (SafePrefix); past kMaxFieldViolations one last violation
// without a field counts the rest.
grpc::Status ToGrpcStatus(const absl::Status& status);

// grpc::Status -> absl::Status, keeping BadRequest field violations (for clients of other
// services).
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace ekinerja

#pragma once

#include "absl/strings/string_view.h"
#include "grpcpp/support/status_code_enum.h"

namespace ekinerja {

// The HTTP status of a gRPC status code, exactly as Envoy's grpc_json_transcoder maps it
// (DESIGN §8; Envoy's source/common/grpc/status.cc): the one table, used by the gateway and by
// every HTTP endpoint of the services.
int HttpStatusFromGrpc(grpc::StatusCode code);

// The reason phrase of an HTTP status ("Not Found"); "Unknown" for codes not used here.
absl::string_view HttpReason(int http_status);

}  // namespace ekinerja

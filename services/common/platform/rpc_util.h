#pragma once

// Small pieces every gRPC handler uses.

#include <functional>
#include <initializer_list>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "auth.h"
#include "google/protobuf/field_mask.pb.h"
#include "grpcpp/server_context.h"

namespace ekinerja {

// The one way an RPC's handler runs, in every service: for the caller the auth interceptor
// verified (CallerOf: a missing or refused token, a shed call or bad request text end the call
// before the handler), under the request's log context (tenant, x-request-id), its status mapped
// to gRPC with its field violations (ToGrpcStatus) and logged when it is the server's fault.
grpc::Status Serve(grpc::ServerContext* ctx,
                   const std::function<absl::Status(const Principal&)>& handler);
// The same for a public method (public_methods.h): no caller, the request's text still checked.
grpc::Status ServePublic(grpc::ServerContext* ctx, const std::function<absl::Status()>& handler);

// The x-request-id the gateway passes on ("" if none).
std::string RequestIdOf(const grpc::ServerContext* ctx);

// The client's address without the port ("ipv4:127.0.0.1:5555" -> "127.0.0.1").
std::string PeerAddress(const grpc::ServerContextBase* ctx);

// The client's address: the peer, or, when the peer is one of `trusted_proxies` (the gateway,
// Envoy), the last address of the x-forwarded-for it appended.
std::string ClientAddress(const grpc::ServerContext* ctx,
                          const absl::flat_hash_set<std::string>& trusted_proxies);

// Logs statuses that are the server's fault (INTERNAL, UNKNOWN, DATA_LOSS, UNAVAILABLE); client
// errors are counted by the metrics, not logged.
void LogIfServerError(const absl::Status& status);

// The paths of an update mask, each checked against `allowed` (INVALID_ARGUMENT on update_mask
// otherwise). An empty mask means every allowed path when `empty_means_all`, else is an error.
absl::StatusOr<absl::flat_hash_set<std::string>> MaskPaths(
    const google::protobuf::FieldMask& mask, std::initializer_list<const char*> allowed,
    bool empty_means_all = true);

}  // namespace ekinerja

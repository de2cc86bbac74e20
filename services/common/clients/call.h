#pragma once

// What every client of another service does on each call: carry a bearer token and a deadline,
// and say what the peer answered in the caller's terms.

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace ekinerja::clients {

// A context with `bearer` as the authorization (none when empty) and a deadline `timeout` away.
std::unique_ptr<grpc::ClientContext> BearerContext(const std::string& bearer,
                                                   absl::Duration timeout);

// The peer's answer as the calling service passes it on: rights and lookup answers
// (PERMISSION_DENIED, NOT_FOUND, UNAUTHENTICATED for a token the peer no longer accepts,
// INVALID_ARGUMENT and OUT_OF_RANGE for a request it finds malformed) keep the peer's code,
// message and field violations; anything else means the peer could not answer: UNAVAILABLE
// "<peer>: <rpc>: <message> (<code>)".
absl::Status FromPeer(const grpc::Status& st, absl::string_view peer, absl::string_view rpc);

}  // namespace ekinerja::clients

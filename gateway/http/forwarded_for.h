#pragma once

// x-forwarded-for as both front doors (REST and the gRPC pass-through) pass it upstream, as
// Envoy's use_remote_address does: the client's own values, then the address its connection came
// from, last. A service trusts only that last address, and only from a proxy it is configured to
// trust (ClientAddress in services/common/platform/rpc_util.h), so a client may write anything
// before it but can never be the last.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace ekinerja::gateway {

// "<client values, comma-joined>, <peer>", or `peer` alone when the client sent none. Client
// values that are not printable ASCII are left out (they cannot be gRPC metadata). "" when `peer`
// is unknown: then nothing is forwarded, since the client's last value would pass for the peer.
std::string ForwardedFor(const std::vector<absl::string_view>& client_values,
                         absl::string_view peer);

}  // namespace ekinerja::gateway

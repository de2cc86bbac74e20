#pragma once

// The methods that need no token (DESIGN §8): login, refresh, logout, the JWKS, and setting a
// password with an activation or reset code (its caller has no password yet). The one list: the
// gateway's REST and gRPC edges, the generated Envoy config (jwt_authn rules) and the identity
// service's own auth interceptor all read it (tests/integration/identity/platform_test.cc calls
// every identity method without a token to prove the service honours exactly this list).

#include <array>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace ekinerja {

inline constexpr std::array<const char*, 5> kPublicMethods = {
    "/ekinerja.identity.v1.IdentityService/Login",
    "/ekinerja.identity.v1.IdentityService/RefreshToken",
    "/ekinerja.identity.v1.IdentityService/Logout",
    "/ekinerja.identity.v1.IdentityService/GetJwks",
    "/ekinerja.identity.v1.IdentityService/SetPasswordWithCode",
};

inline absl::flat_hash_set<std::string> PublicMethodSet() {
  return {kPublicMethods.begin(), kPublicMethods.end()};
}

inline bool IsPublicMethod(absl::string_view full_method) {
  for (const char* m : kPublicMethods) {
    if (full_method == m) return true;
  }
  return false;
}

// gRPC's own services on every server, health checking and reflection: open to every caller
// without a token, and never queued or shed by admission (a kubelet's probe must be answered).
inline bool IsInfrastructureMethod(absl::string_view full_method) {
  return absl::StartsWith(full_method, "/grpc.health.v1.") ||
         absl::StartsWith(full_method, "/grpc.reflection.");
}

// Long-lived watch streams ("/ekinerja.warning.v1.WarningService/WatchInbox": a method named
// Watch*): they mostly wait for something to happen, holding no database connection while they
// wait, so admission (which bounds the calls that run at once to the database pool) does not
// count them; otherwise a few open consoles would hold every slot.
inline bool IsWatchMethod(absl::string_view full_method) {
  const size_t slash = full_method.rfind('/');
  return slash != absl::string_view::npos &&
         absl::StartsWith(full_method.substr(slash + 1), "Watch");
}

}  // namespace ekinerja

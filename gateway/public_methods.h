#pragma once

// The routes that need no token (DESIGN §8): login, refresh, logout and the JWKS. The gateway and
// the generated Envoy config (jwt_authn rules) both read this list, so the two cannot drift.

#include <array>

namespace ekinerja::gateway {

inline constexpr std::array<const char*, 4> kPublicMethods = {
    "/ekinerja.identity.v1.IdentityService/Login",
    "/ekinerja.identity.v1.IdentityService/RefreshToken",
    "/ekinerja.identity.v1.IdentityService/Logout",
    "/ekinerja.identity.v1.IdentityService/GetJwks",
};

}  // namespace ekinerja::gateway

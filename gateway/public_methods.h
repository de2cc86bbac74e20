#pragma once

// The routes that need no token (DESIGN §8): login, refresh, logout, the JWKS, and setting a
// password with an activation or reset code (its caller has no password yet). The gateway and the
// generated Envoy config (jwt_authn rules) both read this list, so the two cannot drift; the
// identity service keeps the same list (IdentityServiceImpl::PublicMethods).

#include <array>

namespace ekinerja::gateway {

inline constexpr std::array<const char*, 5> kPublicMethods = {
    "/ekinerja.identity.v1.IdentityService/Login",
    "/ekinerja.identity.v1.IdentityService/RefreshToken",
    "/ekinerja.identity.v1.IdentityService/Logout",
    "/ekinerja.identity.v1.IdentityService/GetJwks",
    "/ekinerja.identity.v1.IdentityService/SetPasswordWithCode",
};

}  // namespace ekinerja::gateway

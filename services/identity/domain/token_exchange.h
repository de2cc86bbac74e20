#pragma once

// Token exchange (RFC 8693, OAuth 2.0 Token Exchange): a deployment-wide service account trades
// its own access token for a short-lived one scoped to one tenant, so that a new tenant needs no
// account of its own in every service (issue 9).

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "role.h"

namespace ekinerja::identity {

// RFC 8693 §2.1 grant_type, and §3 the token type of an access token (what is exchanged and
// what is issued).
inline constexpr char kTokenExchangeGrant[] = "urn:ietf:params:oauth:grant-type:token-exchange";
inline constexpr char kAccessTokenType[] = "urn:ietf:params:oauth:token-type:access_token";

// The tenant of the deployment's own accounts (the platform admin, the services' accounts).
inline constexpr char kPlatformTenant[] = "platform";

// INVALID_ARGUMENT with one violation per bad field: grant_type must be kTokenExchangeGrant,
// subject_token_type kAccessTokenType, and audience a tenant code (ValidateTenantCode: not
// "platform").
absl::Status ValidateTokenExchange(std::string_view grant_type, std::string_view subject_token_type,
                                   std::string_view audience);

// PERMISSION_DENIED unless the holder of a token of `tenant` with `roles` and actor `actor` may
// exchange it: a SERVICE account of the platform tenant, acting for itself. Refused: every other
// role (a person's token is never turned into a tenant's SERVICE token); a tenant's own service
// account (its admin made it, and must not reach other tenants through it); a token that already
// carries an actor (an exchanged token: no chains, RFC 8693 §4.1 allows them, we issue none).
absl::Status CheckMayExchange(const std::string& tenant, const std::vector<Role>& roles,
                              const std::string& actor);

}  // namespace ekinerja::identity

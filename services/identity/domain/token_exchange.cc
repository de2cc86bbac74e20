#include "domain/token_exchange.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "domain/validation.h"
#include "status.h"

namespace ekinerja::identity {

absl::Status ValidateTokenExchange(std::string_view grant_type, std::string_view subject_token_type,
                                   std::string_view audience) {
  Violations v;
  if (grant_type != kTokenExchangeGrant) {
    v.Add("grant_type", absl::StrCat("must be ", kTokenExchangeGrant));
  }
  if (subject_token_type != kAccessTokenType) {
    v.Add("subject_token_type", absl::StrCat("must be ", kAccessTokenType,
                                             " (the subject token is this call's bearer token)"));
  }
  v.Merge(ValidateTenantCode(audience, "audience"));
  return v.ToStatus();
}

absl::Status CheckMayExchange(const std::string& tenant, const std::vector<Role>& roles,
                              const std::string& actor) {
  if (std::find(roles.begin(), roles.end(), Role::kService) == roles.end()) {
    return absl::PermissionDeniedError("only service accounts exchange tokens");
  }
  if (!actor.empty()) {
    return absl::PermissionDeniedError(
        "an exchanged token is not exchanged again (no chains of actors)");
  }
  if (tenant != kPlatformTenant) {
    return absl::PermissionDeniedError(
        "only the deployment's service accounts (tenant platform) exchange tokens; a tenant's own "
        "service account stays in its tenant");
  }
  return absl::OkStatus();
}

}  // namespace ekinerja::identity

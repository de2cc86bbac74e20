#include "test_tokens.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "crypto.h"

namespace ekinerja::mocks {

TestTokenIssuer::TestTokenIssuer() : key_(auth::SigningKey::Generate("test-key").value()) {}

auth::JwksCache::Fetch TestTokenIssuer::PublicKeys() const {
  std::vector<auth::PublicJwk> keys = {key_.ToJwk()};
  return [keys]() -> absl::StatusOr<std::vector<auth::PublicJwk>> { return keys; };
}

std::string TestTokenIssuer::Mint(const Principal& principal, absl::Duration ttl) const {
  auth::Claims c;
  c.iss = kIssuer;
  c.aud = kAudience;
  c.sub = principal.subject;
  c.tenant = principal.tenant;
  c.org_unit = principal.org_unit;
  c.act_sub = principal.actor;
  for (Role r : principal.roles) c.roles.emplace_back(RoleName(r));
  const absl::Time now = absl::Now();
  c.iat = c.nbf = absl::ToUnixSeconds(now);
  c.exp = absl::ToUnixSeconds(now + ttl);
  c.jti = auth::RandomToken(12);
  return key_.Sign(c).value();
}

}  // namespace ekinerja::mocks

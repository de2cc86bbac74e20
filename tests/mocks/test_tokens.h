#pragma once

// Access tokens a service accepts without identity: one ES256 key made per issuer, the JWK Set
// that publishes it (a JwksCache fetch to give the service as its public keys), and tokens signed
// with it as identity's would be (iss ekinerja-identity, aud ekinerja, iat = nbf = now, a jti).

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "auth.h"
#include "jwks_cache.h"
#include "jwt.h"
#include "role.h"

namespace ekinerja::mocks {

class TestTokenIssuer {
 public:
  static constexpr char kIssuer[] = "ekinerja-identity";
  static constexpr char kAudience[] = "ekinerja";

  TestTokenIssuer();

  // The published keys, as identity's GetJwks would answer them.
  auth::JwksCache::Fetch PublicKeys() const;

  // A token for `principal` (tenant, subject, roles, org_unit, actor), valid for `ttl`.
  std::string Mint(const Principal& principal, absl::Duration ttl = absl::Minutes(15)) const;

 private:
  auth::SigningKey key_;
};

}  // namespace ekinerja::mocks

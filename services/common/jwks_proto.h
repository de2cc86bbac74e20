#pragma once

// The JWK Set of ekinerja.identity.v1.GetJwks <-> the keys jwt.h verifies with: identity serves
// it, the services, the gateway and the tests read it.

#include <vector>

#include "ekinerja/identity/v1/identity.pb.h"
#include "jwt.h"

namespace ekinerja::auth {

std::vector<PublicJwk> KeysOf(const ekinerja::identity::v1::Jwks& jwks);
void ToProto(const std::vector<PublicJwk>& keys, ekinerja::identity::v1::Jwks* out);

}  // namespace ekinerja::auth

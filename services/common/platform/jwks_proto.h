#pragma once

// The JWK Set of ekinerja.identity.v1.GetJwks <-> the keys jwt.h verifies with: identity serves
// it, the services, the gateway and the tests read it.

#include <memory>
#include <vector>

#include "absl/time/time.h"
#include "ekinerja/identity/v1/identity.pb.h"
#include "jwks_cache.h"
#include "jwt.h"

namespace grpc {
class Channel;
}

namespace ekinerja::auth {

std::vector<PublicJwk> KeysOf(const ekinerja::identity::v1::Jwks& jwks);
void ToProto(const std::vector<PublicJwk>& keys, ekinerja::identity::v1::Jwks* out);

// A JwksCache fetch that calls identity's GetJwks on `channel`, waiting at most `timeout`: how
// the gateway and every service but identity learn the keys.
JwksCache::Fetch FetchJwksFromIdentity(std::shared_ptr<grpc::Channel> channel,
                                       absl::Duration timeout);

}  // namespace ekinerja::auth

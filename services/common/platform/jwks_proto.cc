#include "jwks_proto.h"

#include <chrono>

#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace ekinerja::auth {

std::vector<PublicJwk> KeysOf(const ekinerja::identity::v1::Jwks& jwks) {
  std::vector<PublicJwk> keys;
  keys.reserve(jwks.keys_size());
  for (const auto& k : jwks.keys()) {
    PublicJwk jwk;
    jwk.kty = k.kty();
    jwk.crv = k.crv();
    jwk.x = k.x();
    jwk.y = k.y();
    jwk.kid = k.kid();
    jwk.use = k.use();
    jwk.alg = k.alg();
    keys.push_back(std::move(jwk));
  }
  return keys;
}

void ToProto(const std::vector<PublicJwk>& keys, ekinerja::identity::v1::Jwks* out) {
  for (const auto& k : keys) {
    auto* j = out->add_keys();
    j->set_kty(k.kty);
    j->set_crv(k.crv);
    j->set_x(k.x);
    j->set_y(k.y);
    j->set_kid(k.kid);
    j->set_use(k.use);
    j->set_alg(k.alg);
  }
}

JwksCache::Fetch FetchJwksFromIdentity(std::shared_ptr<grpc::Channel> channel,
                                       absl::Duration timeout) {
  std::shared_ptr<ekinerja::identity::v1::IdentityService::Stub> stub =
      ekinerja::identity::v1::IdentityService::NewStub(channel);
  return [stub, timeout]() -> absl::StatusOr<std::vector<PublicJwk>> {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(timeout));
    ekinerja::identity::v1::Jwks jwks;
    grpc::Status st = stub->GetJwks(&ctx, ekinerja::identity::v1::GetJwksRequest(), &jwks);
    if (!st.ok()) {
      return absl::UnavailableError("GetJwks: " + st.error_message());
    }
    return KeysOf(jwks);
  };
}

}  // namespace ekinerja::auth

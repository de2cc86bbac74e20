#include "identity_wiring.h"

#include "public_methods.h"
#include "status.h"

namespace ekinerja::identity {

absl::StatusOr<Identity> BuildIdentity(ServiceHost& host, const IdentityOptions& options) {
  const IdentityConfig& config = options.config;
  if (!options.platform_admin_password.empty()) {
    EK_RETURN_IF_ERROR(
        BootstrapPlatformAdmin(host.pool(), options.platform_admin_password, config.hash_params));
  }
  EK_RETURN_IF_ERROR(
      EnsureServiceAccounts(host.pool(), options.service_accounts, config.hash_params));
  Identity out;
  out.keys =
      std::make_shared<KeyRing>(host.pool(), config.access_ttl, options.kek, options.previous_kek);
  EK_RETURN_IF_ERROR(out.keys->EnsureKey());
  out.metrics = std::make_shared<IdentityMetrics>(host.metrics().registry());
  out.service = std::make_shared<IdentityServiceImpl>(host.pool(), *out.keys, *out.metrics, config,
                                                      &host.metrics().registry());
  std::shared_ptr<KeyRing> keys = out.keys;
  auto jwks = std::make_shared<auth::JwksCache>([keys] { return keys->PublicKeys(); },
                                                absl::Seconds(30), absl::Seconds(1));
  out.setup.services = {out.service.get()};
  out.setup.verifier = std::make_shared<JwtTokenVerifier>(jwks, config.issuer, config.audience,
                                                          options.jwt_cache_size);
  out.setup.public_methods = PublicMethodSet();
  out.setup.keep_alive = {out.keys, out.metrics, out.service, jwks};
  return out;
}

}  // namespace ekinerja::identity

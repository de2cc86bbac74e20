// ekinerja-identity: tenants, the OPD tree, employees and supervisors, logins and tokens.

#include "absl/flags/flag.h"
#include "api/identity_service.h"
#include "embedded.h"
#include "flags.h"
#include "log.h"
#include "public_methods.h"
#include "server_flags.h"
#include "status.h"
#include "verified_token_cache.h"

namespace ekinerja::embedded {
absl::Span<const EmbeddedFile> identity_sql();
}

EKINERJA_SERVER_FLAGS(50051, 9101);
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` of the access tokens");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` of the access tokens");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(int, access_token_ttl_seconds, 900, "Lifetime of access tokens");
ABSL_FLAG(int, refresh_token_ttl_seconds, 30 * 24 * 3600, "Lifetime of refresh tokens");
ABSL_FLAG(int, lock_after_failures, 5,
          "Failed logins of one account from one address after which that address is held back "
          "(1 minute, doubling with each further failure)");
ABSL_FLAG(int, lock_minutes, 15, "The longest hold on logins of an account from one address");
ABSL_FLAG(int, password_code_ttl_hours, 72,
          "How long an activation or reset code (IssuePasswordCodes) stays valid");
ABSL_FLAG(std::vector<std::string>, trusted_proxies, {},
          "Addresses of proxies (the gateway, Envoy) whose x-forwarded-for names the client, for "
          "login throttling and the audit log");
ABSL_FLAG(uint32_t, org_cache_entries, ekinerja::identity::OrgCache::kDefaultEntries,
          "Org indexes (a tenant's supervisor tree on one day) kept in memory, least recently used "
          "dropped first; each is checked against the tenant's org version on every use (0: load "
          "the org on every call that needs it)");
ABSL_FLAG(std::string, platform_admin_password, "",
          "Password of the platform operator (tenant 'platform', user 'admin'), set at first "
          "start only; pass it as EKINERJA_PLATFORM_ADMIN_PASSWORD from a secret");

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-identity: the identity service of e-Kinerja");
  using namespace ekinerja;
  identity::IdentityConfig config;
  config.issuer = absl::GetFlag(FLAGS_jwt_issuer);
  config.audience = absl::GetFlag(FLAGS_jwt_audience);
  config.access_ttl = absl::Seconds(absl::GetFlag(FLAGS_access_token_ttl_seconds));
  config.refresh_ttl = absl::Seconds(absl::GetFlag(FLAGS_refresh_token_ttl_seconds));
  config.lock_after_failures = absl::GetFlag(FLAGS_lock_after_failures);
  config.lock_for = absl::Minutes(absl::GetFlag(FLAGS_lock_minutes));
  config.password_code_ttl = absl::Hours(absl::GetFlag(FLAGS_password_code_ttl_hours));
  if (config.password_code_ttl <= absl::ZeroDuration()) {
    LogError("--password_code_ttl_hours must be positive");
    return 2;
  }
  for (const auto& p : absl::GetFlag(FLAGS_trusted_proxies)) config.trusted_proxies.insert(p);
  config.org_cache_entries = absl::GetFlag(FLAGS_org_cache_entries);
  const std::string platform_password = absl::GetFlag(FLAGS_platform_admin_password);

  return RunService(
      ServerOptionsFromFlags("identity"), embedded::identity_sql(),
      absl::GetFlag(FLAGS_migrate_only), [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
        if (!platform_password.empty()) {
          EK_RETURN_IF_ERROR(
              identity::BootstrapPlatformAdmin(host.pool(), platform_password, config.hash_params));
        }
        auto keys = std::make_shared<identity::KeyRing>(host.pool(), config.access_ttl);
        EK_RETURN_IF_ERROR(keys->EnsureKey());
        auto metrics = std::make_shared<identity::IdentityMetrics>(host.metrics().registry());
        auto service = std::make_shared<identity::IdentityServiceImpl>(
            host.pool(), *keys, *metrics, config, &host.metrics().registry());
        auto jwks = std::make_shared<auth::JwksCache>([keys] { return keys->PublicKeys(); },
                                                      absl::Seconds(30), absl::Seconds(1));
        ServiceSetup setup;
        setup.services = {service.get()};
        setup.verifier = std::make_shared<JwtTokenVerifier>(jwks, config.issuer, config.audience,
                                                            absl::GetFlag(FLAGS_jwt_cache_size));
        setup.public_methods = PublicMethodSet();
        setup.keep_alive = {keys, metrics, service, jwks};
        return setup;
      });
}

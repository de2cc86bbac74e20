// ekinerja-identity: tenants, the OPD tree, employees and supervisors, logins and tokens.

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "crypto.h"
#include "file.h"
#include "flags.h"
#include "identity_sql.h"
#include "identity_wiring.h"
#include "log.h"
#include "server_flags.h"
#include "status.h"
#include "verified_token_cache.h"

EKINERJA_SERVER_FLAGS(50051, 9101);
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` of the access tokens");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` of the access tokens");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(int, access_token_ttl_seconds, 900, "Lifetime of access tokens");
ABSL_FLAG(int, exchanged_token_ttl_seconds, 300,
          "Lifetime of the tenant tokens ExchangeToken issues to service accounts (RFC 8693)");
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

ABSL_FLAG(std::string, service_accounts_file, "",
          "The deployment's service accounts (one per service, e.g. ekinerja-attendance), one line "
          "'<client_id> <client_secret>' each: made SERVICE accounts of tenant 'platform' at every "
          "start (created, or their secret set again when it changed); each exchanges its token "
          "for a tenant's with ExchangeToken");

ABSL_FLAG(std::string, signing_kek_file, "",
          "File holding the key-encryption key that seals the signing keys at rest: standard "
          "base64 of 32 random bytes (openssl rand -base64 32); required, here or as "
          "EKINERJA_SIGNING_KEK");
ABSL_FLAG(std::string, signing_kek, "",
          "The key-encryption key itself, instead of --signing_kek_file: pass it only as "
          "EKINERJA_SIGNING_KEK from a secret, never on the command line");
ABSL_FLAG(std::string, signing_kek_previous_file, "",
          "When rotating the key-encryption key: the file of the previous one; keys sealed under "
          "it are sealed again under the new one at start");
ABSL_FLAG(std::string, signing_kek_previous, "",
          "The previous key-encryption key itself (EKINERJA_SIGNING_KEK_PREVIOUS), instead of "
          "--signing_kek_previous_file");

namespace {

// A key-encryption key from its value or its file (not both); nullopt when neither is given.
absl::StatusOr<std::optional<ekinerja::auth::Aes256Key>> KekFrom(const std::string& value,
                                                                 const std::string& file,
                                                                 const std::string& name) {
  if (!value.empty() && !file.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("give --", name, " (EKINERJA_",
                                                   absl::AsciiStrToUpper(name), ") or --", name,
                                                   "_file, not both"));
  }
  std::string text = value;
  if (!file.empty()) {
    absl::StatusOr<std::string> read = ekinerja::ReadFile(file);
    if (!read.ok()) return read.status();
    text = *std::move(read);
  }
  if (text.empty()) return std::nullopt;
  auto key = ekinerja::auth::ParseAes256Key(text);
  if (!key.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--", name, ": ", key.status().message()));
  }
  return *std::move(key);
}

}  // namespace

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-identity: the identity service of e-Kinerja");
  using namespace ekinerja;
  identity::IdentityOptions options;
  identity::IdentityConfig& config = options.config;
  config.issuer = absl::GetFlag(FLAGS_jwt_issuer);
  config.audience = absl::GetFlag(FLAGS_jwt_audience);
  config.access_ttl = absl::Seconds(absl::GetFlag(FLAGS_access_token_ttl_seconds));
  config.refresh_ttl = absl::Seconds(absl::GetFlag(FLAGS_refresh_token_ttl_seconds));
  config.exchanged_ttl = absl::Seconds(absl::GetFlag(FLAGS_exchanged_token_ttl_seconds));
  if (config.exchanged_ttl <= absl::ZeroDuration()) {
    LogError("--exchanged_token_ttl_seconds must be positive");
    return 2;
  }
  config.lock_after_failures = absl::GetFlag(FLAGS_lock_after_failures);
  config.lock_for = absl::Minutes(absl::GetFlag(FLAGS_lock_minutes));
  config.password_code_ttl = absl::Hours(absl::GetFlag(FLAGS_password_code_ttl_hours));
  if (config.password_code_ttl <= absl::ZeroDuration()) {
    LogError("--password_code_ttl_hours must be positive");
    return 2;
  }
  for (const auto& p : absl::GetFlag(FLAGS_trusted_proxies)) config.trusted_proxies.insert(p);
  config.org_cache_entries = absl::GetFlag(FLAGS_org_cache_entries);
  options.jwt_cache_size = absl::GetFlag(FLAGS_jwt_cache_size);
  options.platform_admin_password = absl::GetFlag(FLAGS_platform_admin_password);
  auto kek = KekFrom(absl::GetFlag(FLAGS_signing_kek), absl::GetFlag(FLAGS_signing_kek_file),
                     "signing_kek");
  auto previous_kek =
      KekFrom(absl::GetFlag(FLAGS_signing_kek_previous),
              absl::GetFlag(FLAGS_signing_kek_previous_file), "signing_kek_previous");
  if (!kek.ok() || !previous_kek.ok()) {
    LogError((kek.ok() ? previous_kek.status() : kek.status()).ToString());
    return 2;
  }
  if (!kek->has_value() && !absl::GetFlag(FLAGS_migrate_only)) {
    // Signing keys are never stored in the clear: without a KEK there is nothing to start with.
    LogError(
        "no key-encryption key for the signing keys: give --signing_kek_file or "
        "EKINERJA_SIGNING_KEK (openssl rand -base64 32)");
    return 2;
  }
  if (kek->has_value()) options.kek = **kek;
  options.previous_kek = *previous_kek;
  if (const std::string path = absl::GetFlag(FLAGS_service_accounts_file); !path.empty()) {
    absl::StatusOr<std::string> text = ReadFile(path);
    auto parsed = text.ok() ? identity::ParseServiceAccounts(*text) : text.status();
    if (!parsed.ok()) {
      LogError(absl::StrCat("--service_accounts_file ", path, ": ", parsed.status().ToString()));
      return 2;
    }
    options.service_accounts = *std::move(parsed);
  }

  return RunService(
      ServerOptionsFromFlags("identity"), embedded::identity_sql(),
      absl::GetFlag(FLAGS_migrate_only), [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
        EK_ASSIGN_OR_RETURN(identity::Identity built, identity::BuildIdentity(host, options));
        return std::move(built.setup);
      });
}

#pragma once

// The one place the identity service is put together from its options (issue 9, item 3): main.cc
// parses flags into IdentityOptions and calls BuildIdentity; the integration fixture calls it with
// test options (fast password hashing, a fixed KEK). Nothing else wires the service.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "api/identity_metrics.h"
#include "api/identity_service.h"
#include "crypto.h"
#include "domain/service_accounts.h"
#include "jwks_cache.h"
#include "keys/key_ring.h"
#include "server.h"
#include "verified_token_cache.h"

namespace ekinerja::identity {

struct IdentityOptions {
  IdentityConfig config;
  // The key-encryption key sealing the signing keys at rest, and the one being rotated out.
  auth::Aes256Key kek;
  std::optional<auth::Aes256Key> previous_kek;
  // Set as the platform admin's password at first start ("": no bootstrap).
  std::string platform_admin_password;
  // The deployment's SERVICE accounts (tenant platform), made or updated at every start.
  std::vector<ServiceAccount> service_accounts;
  // Access tokens remembered as verified (0: verify on every call).
  size_t jwt_cache_size = auth::VerifiedTokenCache::kDefaultCapacity;
};

// The service built on a host: what the host starts (`setup`, which also keeps every part alive)
// and the parts tests reach.
struct Identity {
  ServiceSetup setup;
  std::shared_ptr<KeyRing> keys;
  std::shared_ptr<IdentityMetrics> metrics;
  std::shared_ptr<IdentityServiceImpl> service;
};

// Bootstraps the platform admin and the service accounts, opens (or makes) the signing keys, and
// builds the service, its JWKS and its token verifier. Starts nothing: the caller passes `setup`
// to the host (RunService does).
absl::StatusOr<Identity> BuildIdentity(ServiceHost& host, const IdentityOptions& options);

}  // namespace ekinerja::identity

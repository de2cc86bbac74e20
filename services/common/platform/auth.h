#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_interceptor.h"
#include "jwks_cache.h"
#include "role.h"
#include "verified_token_cache.h"

namespace ekinerja {

// Who is calling, from a verified access token.
struct Principal {
  std::string tenant;
  // The token's `sub`: the NIP of an employee, else the username (admins, service accounts).
  std::string subject;
  std::vector<Role> roles;
  // The caller's org unit (employees), "" otherwise.
  std::string org_unit;
  // For a token issued by token exchange (RFC 8693 `act`): the service acting in `tenant`, which
  // audit events and logs name; "" otherwise.
  std::string actor;

  bool Has(Role role) const;
  bool HasAny(std::initializer_list<Role> roles) const;
};

class TokenVerifier {
 public:
  virtual ~TokenVerifier() = default;
  // UNAUTHENTICATED for anything but a valid token.
  virtual absl::StatusOr<Principal> Verify(absl::string_view token) = 0;
};

// Verifies ES256 access tokens against a JWKS (cached; refetched on an unknown kid). A token it
// accepted is remembered until its exp (auth::VerifiedTokenCache, `cache_capacity` tokens, 0:
// none), so each token's signature is checked once per process, not once per call.
class JwtTokenVerifier : public TokenVerifier {
 public:
  using Clock = std::function<absl::Time()>;

  JwtTokenVerifier(std::shared_ptr<auth::JwksCache> keys, std::string issuer, std::string audience,
                   size_t cache_capacity = auth::VerifiedTokenCache::kDefaultCapacity,
                   Clock clock = &absl::Now);
  absl::StatusOr<Principal> Verify(absl::string_view token) override;

  const auth::VerifiedTokenCache& cache() const { return cache_; }

 private:
  std::shared_ptr<auth::JwksCache> keys_;
  std::string issuer_;
  std::string audience_;
  Clock clock_;
  auth::VerifiedTokenCache cache_;
};

// The auth interceptor: for every method not in `public_methods` ("/pkg.Service/Method"), reads
// `authorization: Bearer <jwt>` from the metadata and verifies it before the handler runs (a call
// with more than one `authorization` entry is UNAUTHENTICATED); the handler takes the outcome
// with CallerOf. Health and reflection are always open.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> MakeAuthInterceptorFactory(
    std::shared_ptr<TokenVerifier> verifier, absl::flat_hash_set<std::string> public_methods);

// The verified caller of the current RPC, or the UNAVAILABLE admission shed it with (admission.h;
// every handler calls this or RequestTextOf before any work), or UNAUTHENTICATED (missing,
// malformed, expired token), or, for a verified caller, INVALID_ARGUMENT when a string field of the
// request is not text (CheckRequestText: invalid UTF-8, NUL, control characters).
absl::StatusOr<Principal> CallerOf(const grpc::ServerContextBase* context);

// For public methods, which call no CallerOf: OK, or UNAVAILABLE or INVALID_ARGUMENT as above.
absl::Status RequestTextOf(const grpc::ServerContextBase* context);

// The bearer token of a metadata value "Bearer <token>" (scheme case-insensitive); "" if none.
absl::string_view BearerToken(absl::string_view authorization);

}  // namespace ekinerja

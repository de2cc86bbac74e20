#pragma once

// The gateway's JWT check (DESIGN §8), as Envoy's jwt_authn does it in front of the transcoder:
// the bearer token of `authorization` verified (ES256 only, iss, aud, exp, nbf) against identity's
// JWKS, cached and refetched on an unknown kid (auth::JwksCache), before any upstream call. The
// REST side and the gRPC pass-through share one JwtCheck. A token it accepted is remembered until
// its exp (auth::VerifiedTokenCache, as jwt_authn's jwt_cache_config), so its signature is checked
// once, not on every request.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "jwks_cache.h"
#include "jwt.h"
#include "verified_token_cache.h"

namespace boost::asio {
class thread_pool;
}
namespace prometheus {
class Counter;
template <typename T>
class Family;
class Registry;
}  // namespace prometheus

namespace ekinerja::gateway {

// What the check made of a token. A refusal carries the gRPC code and the text Envoy's jwt_authn
// answers with ("Jwt is expired", ...): UNAUTHENTICATED (HTTP 401) for every reason but a wrong
// audience, which Envoy answers 403, so PERMISSION_DENIED.
struct JwtVerdict {
  grpc::StatusCode code = grpc::StatusCode::OK;  // OK, UNAUTHENTICATED or PERMISSION_DENIED
  std::string message;                           // Envoy's reason text; "" when OK
  std::string reason;   // the metric label: "missing", "expired", ... (bounded set); "" when OK
  auth::Claims claims;  // when OK

  bool ok() const { return code == grpc::StatusCode::OK; }
};

struct JwtCheckOptions {
  std::string issuer = "ekinerja-identity";
  std::string audience = "ekinerja";
  absl::Duration leeway = absl::Seconds(30);  // clock skew allowed on exp and nbf
  int threads = 2;                            // of CheckAsync
  // Verified tokens remembered (--jwt_cache_size); 0: every request is verified.
  size_t cache_capacity = auth::VerifiedTokenCache::kDefaultCapacity;
  std::function<absl::Time()> clock = &absl::Now;  // tests move time by hand
};

class JwtCheck {
 public:
  // `registry` (may be null) gets ekinerja_gateway_jwt_rejections_total{reason} and
  // ekinerja_gateway_jwt_cache_lookups_total{result="hit"|"miss"}.
  JwtCheck(std::shared_ptr<auth::JwksCache> keys, JwtCheckOptions options,
           prometheus::Registry* registry);
  // Waits for the checks running; callbacks of checks not started yet are dropped.
  ~JwtCheck();
  JwtCheck(const JwtCheck&) = delete;
  JwtCheck& operator=(const JwtCheck&) = delete;

  // The verdict on the values of a request's `authorization` headers ("Bearer <jwt>"; none when
  // absent). More than one is refused ("multiple"): the gateway and the service behind it could
  // otherwise each judge a different one. Blocks while the JWKS is fetched (first use, max age,
  // unknown kid): call it where blocking is fine, or use CheckAsync. Counts refusals.
  // Thread-safe.
  JwtVerdict Check(const std::vector<std::string>& authorization);

  // Check without blocking the caller: a verdict that needs no verification (a refused header, a
  // token in the cache) calls `done` at once on the caller's thread; a verification runs on the
  // check's own threads, so that an event loop never waits for a JWKS fetch, and `done` runs there.
  void CheckAsync(std::vector<std::string> authorization, std::function<void(JwtVerdict)> done);

  const JwtCheckOptions& options() const { return options_; }
  const auth::VerifiedTokenCache& cache() const { return cache_; }

 private:
  // The verdict when it needs no verification (more than one header, no bearer token, a token in
  // the cache); nullopt when the single token must be verified. Counts as Check does.
  std::optional<JwtVerdict> Quick(const std::vector<std::string>& authorization);
  // Verifies `token` (blocks while the JWKS is fetched) and caches it when valid.
  JwtVerdict Verify(absl::string_view token);
  // `verdict`, counted among the refusals when it is one.
  JwtVerdict Counted(JwtVerdict verdict);

  std::shared_ptr<auth::JwksCache> keys_;
  const JwtCheckOptions options_;
  auth::VerifiedTokenCache cache_;
  prometheus::Family<prometheus::Counter>* rejections_ = nullptr;
  prometheus::Counter* cache_hits_ = nullptr;
  prometheus::Counter* cache_misses_ = nullptr;
  std::unique_ptr<boost::asio::thread_pool> pool_;
};

// The verdict for a KeySet/JwksCache verification error (its message names the reason; see
// auth::KeySet::Verify). Exposed for tests.
JwtVerdict VerdictOfError(const absl::Status& status);

// The RFC 7517 JWK Set JSON ({"keys":[...]}) of a serialized ekinerja.identity.v1.Jwks (what
// GetJwks answers): GET /.well-known/jwks.json. INTERNAL when the bytes do not parse.
absl::StatusOr<std::string> JwksJsonOfResponse(absl::string_view serialized_jwks);

}  // namespace ekinerja::gateway

#include "upstream/jwt_check.h"

#include <chrono>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "auth.h"
#include "boost/asio/post.hpp"
#include "boost/asio/thread_pool.hpp"
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "jwks_proto.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/registry.h"

namespace ekinerja::gateway {
namespace {

namespace v1 = ::ekinerja::identity::v1;

// Envoy's texts (jwt_verify_lib getStatusString), so that clients see the same reasons.
JwtVerdict Refuse(absl::string_view reason, absl::string_view envoy_text,
                  grpc::StatusCode code = grpc::StatusCode::UNAUTHENTICATED) {
  JwtVerdict v;
  v.code = code;
  v.reason = std::string(reason);
  v.message = std::string(envoy_text);
  return v;
}

}  // namespace

JwtVerdict VerdictOfError(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kUnauthenticated) {
    // No keys could be fetched yet (identity down): Envoy refuses with 401 too.
    return Refuse("jwks_unavailable", "Jwks remote fetch is failed");
  }
  const absl::string_view m = status.message();
  if (absl::StartsWith(m, "unsupported alg")) {
    return Refuse("unsupported_alg", "Jwt header [alg] is not supported");
  }
  if (absl::StartsWith(m, "unknown kid")) {
    return Refuse("unknown_kid", "Jwks doesn't have key to match kid or alg from Jwt");
  }
  if (absl::StartsWith(m, "bad signature"))
    return Refuse("bad_signature", "Jwt verification fails");
  if (absl::StartsWith(m, "wrong issuer")) {
    return Refuse("wrong_issuer", "Jwt issuer is not configured");
  }
  if (absl::StartsWith(m, "wrong audience")) {
    return Refuse("wrong_audience", "Audiences in Jwt are not allowed",
                  grpc::StatusCode::PERMISSION_DENIED);
  }
  if (absl::StartsWith(m, "token expired")) return Refuse("expired", "Jwt is expired");
  if (absl::StartsWith(m, "token not yet valid"))
    return Refuse("not_yet_valid", "Jwt not yet valid");
  if (absl::StartsWith(m, "missing exp")) return Refuse("missing_exp", "Jwt verification fails");
  return Refuse("malformed",
                "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections");
}

JwtCheck::JwtCheck(std::shared_ptr<auth::JwksCache> keys, JwtCheckOptions options,
                   prometheus::Registry* registry)
    : keys_(std::move(keys)),
      options_(std::move(options)),
      cache_(options_.cache_capacity),
      pool_(std::make_unique<boost::asio::thread_pool>(std::max(1, options_.threads))) {
  if (registry != nullptr) {
    rejections_ = &prometheus::BuildCounter()
                       .Name("ekinerja_gateway_jwt_rejections_total")
                       .Help("Requests the gateway refused for their bearer token, by reason.")
                       .Register(*registry);
    auto& lookups = prometheus::BuildCounter()
                        .Name("ekinerja_gateway_jwt_cache_lookups_total")
                        .Help("Bearer tokens looked up among those already verified, by result.")
                        .Register(*registry);
    cache_hits_ = &lookups.Add({{"result", "hit"}});
    cache_misses_ = &lookups.Add({{"result", "miss"}});
  }
}

JwtCheck::~JwtCheck() {
  pool_->stop();
  pool_->join();
}

std::optional<JwtVerdict> JwtCheck::Quick(const std::vector<std::string>& authorization) {
  const absl::string_view token =
      authorization.size() == 1 ? BearerToken(authorization.front()) : absl::string_view();
  if (authorization.size() > 1) {
    return Counted(Refuse("multiple", "Jwt is ambiguous: more than one authorization header"));
  }
  if (token.empty()) return Counted(Refuse("missing", "Jwt is missing"));
  std::shared_ptr<const auth::Claims> cached =
      cache_.Find(std::string_view(token.data(), token.size()), options_.clock());
  if (cache_hits_ != nullptr) (cached ? cache_hits_ : cache_misses_)->Increment();
  if (!cached) return std::nullopt;
  JwtVerdict verdict;
  verdict.claims = *cached;
  return verdict;
}

JwtVerdict JwtCheck::Verify(absl::string_view token) {
  const std::string_view text(token.data(), token.size());
  const absl::Time now = options_.clock();
  auth::VerifyOptions verify;
  verify.issuer = options_.issuer;
  verify.audience = options_.audience;
  verify.now = now;
  verify.leeway = options_.leeway;
  absl::StatusOr<auth::Claims> claims = keys_->Verify(text, verify);
  if (!claims.ok()) return Counted(VerdictOfError(claims.status()));
  JwtVerdict verdict;
  verdict.claims = *cache_.Insert(text, *std::move(claims), now);
  return verdict;
}

JwtVerdict JwtCheck::Counted(JwtVerdict verdict) {
  if (!verdict.ok() && rejections_ != nullptr) {
    rejections_->Add({{"reason", verdict.reason}}).Increment();
  }
  return verdict;
}

JwtVerdict JwtCheck::Check(const std::vector<std::string>& authorization) {
  if (std::optional<JwtVerdict> verdict = Quick(authorization)) return *std::move(verdict);
  return Verify(BearerToken(authorization.front()));
}

void JwtCheck::CheckAsync(std::vector<std::string> authorization,
                          std::function<void(JwtVerdict)> done) {
  // A verdict that needs neither the key set nor a signature check (a refused header, a token in
  // the cache: most calls) is given here, on the caller's thread; only a verification, which may
  // wait for a JWKS fetch, goes to the check's own threads.
  if (std::optional<JwtVerdict> verdict = Quick(authorization)) return done(*std::move(verdict));
  boost::asio::post(*pool_,
                    [this, authorization = std::move(authorization), done = std::move(done)]() {
                      done(Verify(BearerToken(authorization.front())));
                    });
}

absl::StatusOr<std::string> JwksJsonOfResponse(absl::string_view serialized_jwks) {
  v1::Jwks jwks;
  if (!jwks.ParseFromArray(serialized_jwks.data(), static_cast<int>(serialized_jwks.size()))) {
    return absl::InternalError("GetJwks answered bytes that are not a Jwks");
  }
  return auth::JwksToJson(auth::KeysOf(jwks));
}

}  // namespace ekinerja::gateway

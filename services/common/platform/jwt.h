#pragma once

#include <openssl/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

// ES256 JWT access tokens (RFC 7519, signed per RFC 7515/7518 with ECDSA P-256 + SHA-256) and the
// JWK Set that publishes the verification keys, DESIGN.md §5. Identity signs with a SigningKey;
// every other service verifies with a KeySet built from identity's JWKS (see jwks_cache.h).

namespace ekinerja::auth {

struct Claims {
  std::string iss, aud, sub, tenant, org_unit, jti;
  std::vector<std::string> roles;
  int64_t iat = 0, nbf = 0, exp = 0;  // seconds since epoch; iat/nbf 0 = absent; exp required
  // The actor of a token issued by token exchange (RFC 8693 §4.1): written as "act":{"sub":...},
  // "" = no act claim. A nested act (a chain of actors) is not issued, and is refused on reading.
  std::string act_sub;

  bool operator==(const Claims& o) const {
    return iss == o.iss && aud == o.aud && sub == o.sub && tenant == o.tenant &&
           org_unit == o.org_unit && jti == o.jti && roles == o.roles && iat == o.iat &&
           nbf == o.nbf && exp == o.exp && act_sub == o.act_sub;
  }
};

// One public key as a JWK (RFC 7517/7518 §6.2). x and y are base64url of the 32-byte big-endian
// affine coordinates.
struct PublicJwk {
  std::string kty = "EC", crv = "P-256", x, y, kid, use = "sig", alg = "ES256";

  bool operator==(const PublicJwk& o) const {
    return kty == o.kty && crv == o.crv && x == o.x && y == o.y && kid == o.kid && use == o.use &&
           alg == o.alg;
  }
};

namespace internal {
struct EvpPkeyDeleter {
  void operator()(EVP_PKEY* key) const;
};
}  // namespace internal

// A P-256 private key with its kid. Movable, not copyable.
class SigningKey {
 public:
  static absl::StatusOr<SigningKey> Generate(std::string kid);
  // PKCS#8 (or traditional EC) PEM, unencrypted. INVALID_ARGUMENT unless it is a P-256 private key.
  static absl::StatusOr<SigningKey> FromPem(std::string kid, std::string_view private_key_pem);

  SigningKey(SigningKey&&) noexcept = default;
  SigningKey& operator=(SigningKey&&) noexcept = default;
  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;
  ~SigningKey() = default;

  // Unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), to store in the database.
  std::string PrivateKeyPem() const;
  const std::string& kid() const { return kid_; }
  PublicJwk ToJwk() const { return jwk_; }
  // Compact JWS with header {"alg":"ES256","typ":"JWT","kid":kid()}. Empty string claims are
  // omitted, roles is always written (as an array), iat/nbf only when non-zero. INVALID_ARGUMENT
  // when exp is not set: a token that never expires is never issued.
  absl::StatusOr<std::string> Sign(const Claims& claims) const;

 private:
  SigningKey(std::string kid, std::unique_ptr<EVP_PKEY, internal::EvpPkeyDeleter> key,
             PublicJwk jwk);
  static absl::StatusOr<SigningKey> FromKey(
      std::string kid, std::unique_ptr<EVP_PKEY, internal::EvpPkeyDeleter> key);

  std::string kid_;
  std::unique_ptr<EVP_PKEY, internal::EvpPkeyDeleter> key_;
  PublicJwk jwk_;  // computed once; the key never changes
};

struct VerifyOptions {
  std::string issuer;    // iss must equal this
  std::string audience;  // aud (a string or an array of strings) must contain this
  absl::Time now;
  absl::Duration leeway = absl::Seconds(30);  // clock skew allowed on exp and nbf
};

// Header fields, read without verifying anything. Absent fields are empty.
struct JwtHeader {
  std::string alg, kid, typ;
};
// UNAUTHENTICATED unless the token is three base64url parts whose first is a JSON object with
// string (or absent) alg/kid/typ.
absl::StatusOr<JwtHeader> PeekHeader(std::string_view token);

// Verification keys by kid. Copies share the underlying keys (immutable, safe across threads).
class KeySet {
 public:
  // INVALID_ARGUMENT for a key that is not kty EC / crv P-256 / alg ES256 (alg and use may be
  // absent, use must otherwise be "sig"), has no kid or a duplicate one, or whose coordinates are
  // not 32 bytes each or not a point on the curve.
  static absl::StatusOr<KeySet> FromJwks(const std::vector<PublicJwk>& keys);

  bool Has(std::string_view kid) const;
  size_t size() const { return keys_.size(); }

  // The token's claims when its signature verifies with the key its kid names and iss, aud, exp
  // and nbf hold at options.now. UNAUTHENTICATED otherwise, with a message naming the reason
  // ("malformed token", "unsupported alg", "unknown kid", "bad signature", "wrong issuer",
  // "wrong audience", "token expired", "token not yet valid", "missing exp"). When aud is an
  // array, the returned Claims::aud is options.audience. FAILED_PRECONDITION when options has no
  // issuer or no audience (a configuration error, not the caller's).
  absl::StatusOr<Claims> Verify(std::string_view token, const VerifyOptions& options) const;

 private:
  absl::flat_hash_map<std::string, std::shared_ptr<EVP_PKEY>> keys_;
};

// {"keys":[{...},...]}; empty members are left out.
std::string JwksToJson(const std::vector<PublicJwk>& keys);
// The keys of a JWK Set document. Unknown members are ignored, absent ones are empty strings
// (so e.g. a key without "alg" has alg ""); KeySet::FromJwks judges whether they are usable.
// INVALID_ARGUMENT when the text is not a JSON object with a "keys" array of objects whose known
// members are strings.
absl::StatusOr<std::vector<PublicJwk>> JwksFromJson(std::string_view json);

}  // namespace ekinerja::auth

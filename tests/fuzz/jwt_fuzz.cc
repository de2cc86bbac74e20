// libFuzzer: the JWT parser and verifier (services/common/platform/jwt.cc), what an unauthenticated
// caller reaches first at the gateway and at every service. The first byte picks what the rest is:
//   't' (or anything else): an `authorization` value, verified as the gateway and the services do
//       (BearerToken, PeekHeader, KeySet::Verify against the fuzzer's key);
//   'p': a token payload, signed here with the fuzzer's key, so that the claim parsing behind the
//       signature check is reached too; a payload that verifies carries our iss and aud and an
//       exp, and its claims sign and verify again to the same claims;
//   'k': a JWK Set document (JwksFromJson, KeySet::FromJwks); keys that load print and parse
//       back to themselves.
// Nothing may crash, and no token verifies unless its signature is the fuzzer key's.

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "auth.h"
#include "jwt.h"

namespace {

namespace auth = ::ekinerja::auth;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

// A fixed test key (never used anywhere else), so that seed tokens signed with it verify.
constexpr char kKeyPem[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg4yZQKJxBUyqReSb5
4r3I+dXwLSnlO8mfdN04Nf6OrfqhRANCAARmq43LMyc3KWTGMTqlrkl8yj8pUdYZ
TjzRGOtm+06RQa2MozanF8GGecWemxNhtoH4pwcJaGxzMbEnGf0+Lm2L
-----END PRIVATE KEY-----
)";

struct Fixture {
  auth::SigningKey key = *auth::SigningKey::FromPem("k1", kKeyPem);
  auth::KeySet keys = *auth::KeySet::FromJwks({key.ToJwk()});
  auth::VerifyOptions options;
  Fixture() {
    options.issuer = "ekinerja-identity";
    options.audience = "ekinerja";
    options.now = absl::FromUnixSeconds(1767225600);  // 2026-01-01, so seeds stay valid
  }
};

const Fixture& F() {
  static const Fixture* const f = new Fixture();
  return *f;
}

std::string B64(absl::string_view s) { return absl::WebSafeBase64Escape(s); }

void VerifiedClaimsHold(const auth::Claims& claims) {
  Check(claims.iss == F().options.issuer && claims.aud == F().options.audience);
  Check(claims.exp != 0);
  // Signing the claims again gives a token that verifies to the same claims.
  auto again = F().key.Sign(claims);
  Check(again.ok());
  auto back = F().keys.Verify(*again, F().options);
  Check(back.ok() && *back == claims);
}

void FuzzAuthorization(absl::string_view authorization) {
  const absl::string_view token = ekinerja::BearerToken(authorization);
  Check(token.size() <= authorization.size());
  (void)auth::PeekHeader(std::string_view(token.data(), token.size()));
  auto claims = F().keys.Verify(std::string_view(token.data(), token.size()), F().options);
  if (claims.ok()) VerifiedClaimsHold(*claims);
}

// ES256 over `input` with the fixture's key, as JWS wants it: r and s, 32 bytes each.
std::string SignEs256(absl::string_view input) {
  static EVP_PKEY* const pkey = [] {
    BIO* bio = BIO_new_mem_buf(kKeyPem, -1);
    EVP_PKEY* k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return k;
  }();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  size_t der_len = 0;
  Check(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, pkey) == 1 &&
        EVP_DigestSign(ctx, nullptr, &der_len, reinterpret_cast<const unsigned char*>(input.data()),
                       input.size()) == 1);
  std::string der(der_len, '\0');
  auto* out = reinterpret_cast<unsigned char*>(der.data());
  Check(EVP_DigestSign(ctx, out, &der_len, reinterpret_cast<const unsigned char*>(input.data()),
                       input.size()) == 1);
  EVP_MD_CTX_free(ctx);
  const unsigned char* p = out;
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der_len));
  Check(sig != nullptr);
  std::string raw(64, '\0');
  auto* r = reinterpret_cast<unsigned char*>(raw.data());
  Check(BN_bn2binpad(ECDSA_SIG_get0_r(sig), r, 32) == 32 &&
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), r + 32, 32) == 32);
  ECDSA_SIG_free(sig);
  return raw;
}

void FuzzPayload(absl::string_view payload) {
  const std::string input =
      absl::StrCat(B64(R"({"alg":"ES256","typ":"JWT","kid":"k1"})"), ".", B64(payload));
  const std::string token = absl::StrCat(input, ".", B64(SignEs256(input)));
  auto claims = F().keys.Verify(token, F().options);
  if (claims.ok()) VerifiedClaimsHold(*claims);
}

void FuzzJwks(absl::string_view json) {
  auto keys = auth::JwksFromJson(std::string_view(json.data(), json.size()));
  if (!keys.ok()) return;
  auto again = auth::JwksFromJson(auth::JwksToJson(*keys));
  Check(again.ok() && *again == *keys);
  (void)auth::KeySet::FromJwks(*keys);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0]) {
    case 'p':
      FuzzPayload(rest);
      break;
    case 'k':
      FuzzJwks(rest);
      break;
    default:
      FuzzAuthorization(rest);
  }
  return 0;
}

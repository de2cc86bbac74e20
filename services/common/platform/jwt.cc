#include "jwt.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/params.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "crypto.h"
#include "status.h"
#include "text.h"

namespace ekinerja::auth {

namespace internal {
void EvpPkeyDeleter::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
}  // namespace internal

namespace {

using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using PkeyPtr = std::unique_ptr<EVP_PKEY, internal::EvpPkeyDeleter>;

constexpr size_t kCoordinateBytes = 32;  // P-256
constexpr size_t kSignatureBytes = 2 * kCoordinateBytes;
// Far above any token we issue; bounds the work an unauthenticated caller can ask for.
constexpr size_t kMaxTokenBytes = 16 * 1024;

struct EvpPkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct EvpMdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct BnFree {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct EcdsaSigFree {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, EvpPkeyCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

// OpenSSL keeps a per-thread error queue; a failure we report as a Status must not stay queued
// where it would confuse the next OpenSSL user on this thread (e.g. gRPC's TLS).
absl::Status OpenSslError(absl::StatusCode code, std::string_view what) {
  const unsigned long err = ERR_peek_last_error();
  char buf[256] = "";
  if (err != 0) ERR_error_string_n(err, buf, sizeof buf);
  ERR_clear_error();
  const std::string message(what);
  return absl::Status(code, err != 0 ? absl::StrCat(message, ": ", buf) : message);
}

absl::Status Unauthenticated(const std::string& reason) {
  return absl::UnauthenticatedError(reason);
}

// ---- JSON ----

void AppendJsonString(std::string* out, std::string_view s) {
  absl::StrAppend(out, "\"", JsonEscape(absl::string_view(s.data(), s.size())), "\"");
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

absl::StatusOr<Struct> ParseJsonObject(std::string_view json) {
  Struct object;
  if (!google::protobuf::util::JsonStringToMessage(std::string(json), &object).ok()) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  return object;
}

// Absent members read as empty; present ones must be strings.
absl::Status ReadString(const Struct& object, const std::string& name, std::string* out) {
  const auto it = object.fields().find(name);
  if (it == object.fields().end()) {
    out->clear();
    return absl::OkStatus();
  }
  if (it->second.kind_case() != Value::kStringValue) {
    return absl::InvalidArgumentError(absl::StrCat("\"", name, "\" is not a string"));
  }
  *out = it->second.string_value();
  return absl::OkStatus();
}

// JSON numbers arrive as doubles; a NumericDate must be a whole number, and every second of this
// era is exactly representable (|t| < 2^53).
absl::Status ReadSeconds(const Struct& object, const std::string& name, int64_t* out,
                         bool* present) {
  const auto it = object.fields().find(name);
  *present = it != object.fields().end();
  *out = 0;
  if (!*present) return absl::OkStatus();
  const double d = it->second.number_value();
  if (it->second.kind_case() != Value::kNumberValue || !std::isfinite(d) || d != std::trunc(d) ||
      std::fabs(d) > 9007199254740992.0) {
    return absl::InvalidArgumentError(absl::StrCat("\"", name, "\" is not an integer"));
  }
  *out = static_cast<int64_t>(d);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ReadStringList(const Value& value,
                                                        const std::string& name) {
  if (value.kind_case() != Value::kListValue) {
    return absl::InvalidArgumentError(absl::StrCat("\"", name, "\" is not an array"));
  }
  std::vector<std::string> out;
  for (const Value& v : value.list_value().values()) {
    if (v.kind_case() != Value::kStringValue) {
      return absl::InvalidArgumentError(absl::StrCat("\"", name, "\" has a non-string element"));
    }
    out.push_back(v.string_value());
  }
  return out;
}

// RFC 8693 §4.1: "act" is an object whose "sub" names the actor; absent reads as "". Its other
// members are ignored, but a nested "act" (an actor acting for another) is refused: we issue no
// such chain, so one is a forgery or another issuer's.
absl::Status ReadActor(const Struct& object, std::string* out) {
  out->clear();
  const auto it = object.fields().find("act");
  if (it == object.fields().end()) return absl::OkStatus();
  if (it->second.kind_case() != Value::kStructValue) {
    return absl::InvalidArgumentError("\"act\" is not an object");
  }
  const Struct& act = it->second.struct_value();
  if (act.fields().contains("act")) return absl::InvalidArgumentError("\"act\" is nested");
  EK_RETURN_IF_ERROR(ReadString(act, "sub", out));
  if (out->empty()) return absl::InvalidArgumentError("\"act\" has no \"sub\"");
  return absl::OkStatus();
}

std::string ClaimsToJson(const Claims& c) {
  std::string out = "{";
  const auto add_string = [&out](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (out.size() > 1) out.push_back(',');
    AppendJsonString(&out, name);
    out.push_back(':');
    AppendJsonString(&out, value);
  };
  const auto add_int = [&out](std::string_view name, int64_t value) {
    if (out.size() > 1) out.push_back(',');
    AppendJsonString(&out, name);
    absl::StrAppend(&out, ":", value);  // integer text, never 1.7e+09
  };
  add_string("iss", c.iss);
  add_string("sub", c.sub);
  add_string("aud", c.aud);
  add_string("tenant", c.tenant);
  add_string("org_unit", c.org_unit);
  if (out.size() > 1) out.push_back(',');
  out.append("\"roles\":[");
  for (size_t i = 0; i < c.roles.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(&out, c.roles[i]);
  }
  out.push_back(']');
  add_string("jti", c.jti);
  if (!c.act_sub.empty()) {
    out.append(",\"act\":{\"sub\":");
    AppendJsonString(&out, c.act_sub);
    out.push_back('}');
  }
  if (c.iat != 0) add_int("iat", c.iat);
  if (c.nbf != 0) add_int("nbf", c.nbf);
  add_int("exp", c.exp);
  out.push_back('}');
  return out;
}

// ---- keys and signatures ----

bool IsP256(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "EC") != 1) return false;
  char name[64] = "";
  size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len) !=
      1) {
    ERR_clear_error();
    return false;
  }
  return OBJ_sn2nid(name) == NID_X9_62_prime256v1 ||
         EC_curve_nist2nid(name) == NID_X9_62_prime256v1;
}

absl::StatusOr<std::string> Coordinate(EVP_PKEY* key, const char* param) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, param, &raw) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "reading the public key");
  }
  BnPtr bn(raw);
  std::string out(kCoordinateBytes, '\0');
  if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()),
                   static_cast<int>(out.size())) != static_cast<int>(out.size())) {
    return OpenSslError(absl::StatusCode::kInternal, "public key coordinate too large");
  }
  return out;
}

// P-256 public key from its affine coordinates; fails unless the point is on the curve.
absl::StatusOr<std::shared_ptr<EVP_PKEY>> PublicKeyFromCoordinates(const std::string& x,
                                                                   const std::string& y) {
  std::string point = "\x04";  // SEC 1 uncompressed point
  point.append(x).append(y);
  char group[] = "P-256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
      OSSL_PARAM_construct_end()};
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    return OpenSslError(absl::StatusCode::kInvalidArgument, "not a P-256 point");
  }
  std::shared_ptr<EVP_PKEY> key(raw, EVP_PKEY_free);
  // fromdata already refuses points off the curve; the explicit check also covers the point at
  // infinity and the subgroup, and does not depend on that detail of the provider.
  PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    return OpenSslError(absl::StatusCode::kInvalidArgument, "point is not on P-256");
  }
  return key;
}

// ECDSA-SHA256 over `data`, as the raw r||s JWS uses (RFC 7518 §3.4), not OpenSSL's DER.
absl::StatusOr<std::string> SignEs256(EVP_PKEY* key, std::string_view data) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::string der(static_cast<size_t>(EVP_PKEY_get_size(key)), '\0');
  size_t der_len = der.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &der_len,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "ECDSA signing failed");
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der_len)));
  if (!sig) return OpenSslError(absl::StatusCode::kInternal, "ECDSA signature not DER");
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  std::string raw(kSignatureBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(r, out, kCoordinateBytes) != kCoordinateBytes ||
      BN_bn2binpad(s, out + kCoordinateBytes, kCoordinateBytes) != kCoordinateBytes) {
    return OpenSslError(absl::StatusCode::kInternal, "ECDSA signature too large");
  }
  return raw;
}

bool VerifyEs256(EVP_PKEY* key, std::string_view data, std::string_view raw) {
  if (raw.size() != kSignatureBytes) return false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  EcdsaSigPtr sig(ECDSA_SIG_new());
  BnPtr r(BN_bin2bn(bytes, kCoordinateBytes, nullptr));
  BnPtr s(BN_bin2bn(bytes + kCoordinateBytes, kCoordinateBytes, nullptr));
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
    ERR_clear_error();
    return false;
  }
  r.release();  // now owned by sig
  s.release();
  unsigned char* der = nullptr;
  const int der_len = i2d_ECDSA_SIG(sig.get(), &der);
  if (der_len <= 0) {
    ERR_clear_error();
    return false;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  const bool ok =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestVerify(ctx.get(), der, static_cast<size_t>(der_len),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  OPENSSL_free(der);
  ERR_clear_error();
  return ok;
}

// ---- token structure ----

struct ParsedToken {
  JwtHeader header;
  std::string_view signing_input;  // "<header>.<payload>", what the signature covers
  std::string payload_json;
  std::string signature;
};

absl::StatusOr<ParsedToken> ParseToken(std::string_view token) {
  if (token.size() > kMaxTokenBytes) return Unauthenticated("malformed token: too long");
  const size_t dot1 = token.find('.');
  const size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return Unauthenticated("malformed token: not three dot-separated parts");
  }
  const std::string_view parts[3] = {token.substr(0, dot1), token.substr(dot1 + 1, dot2 - dot1 - 1),
                                     token.substr(dot2 + 1)};
  ParsedToken parsed;
  parsed.signing_input = token.substr(0, dot2);
  absl::StatusOr<std::string> header_json = Base64UrlDecode(parts[0]);
  absl::StatusOr<std::string> payload_json = Base64UrlDecode(parts[1]);
  absl::StatusOr<std::string> signature = Base64UrlDecode(parts[2]);
  if (!header_json.ok() || !payload_json.ok() || !signature.ok()) {
    return Unauthenticated("malformed token: a part is not base64url");
  }
  absl::StatusOr<Struct> header = ParseJsonObject(*header_json);
  if (!header.ok()) return Unauthenticated("malformed token: header is not a JSON object");
  if (!ReadString(*header, "alg", &parsed.header.alg).ok() ||
      !ReadString(*header, "kid", &parsed.header.kid).ok() ||
      !ReadString(*header, "typ", &parsed.header.typ).ok()) {
    return Unauthenticated("malformed token: alg, kid and typ must be strings");
  }
  // RFC 7515 §4.1.11: extensions marked critical must be understood; we understand none.
  if (header->fields().contains("crit")) {
    return Unauthenticated("malformed token: unsupported critical header");
  }
  parsed.payload_json = *std::move(payload_json);
  parsed.signature = *std::move(signature);
  return parsed;
}

}  // namespace

// ---- SigningKey ----

SigningKey::SigningKey(std::string kid, PkeyPtr key, PublicJwk jwk)
    : kid_(std::move(kid)), key_(std::move(key)), jwk_(std::move(jwk)) {}

absl::StatusOr<SigningKey> SigningKey::FromKey(std::string kid, PkeyPtr key) {
  if (kid.empty()) return absl::InvalidArgumentError("signing key needs a kid");
  if (!IsP256(key.get())) return absl::InvalidArgumentError("signing key is not EC P-256");
  PublicJwk jwk;
  jwk.kid = kid;
  EK_ASSIGN_OR_RETURN(const std::string x, Coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_X));
  EK_ASSIGN_OR_RETURN(const std::string y, Coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y));
  jwk.x = Base64UrlEncode(x);
  jwk.y = Base64UrlEncode(y);
  return SigningKey(std::move(kid), std::move(key), std::move(jwk));
}

absl::StatusOr<SigningKey> SigningKey::Generate(std::string kid) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") != 1 ||
      EVP_PKEY_generate(ctx.get(), &raw) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "generating a P-256 key");
  }
  return FromKey(std::move(kid), PkeyPtr(raw));
}

absl::StatusOr<SigningKey> SigningKey::FromPem(std::string kid, std::string_view private_key_pem) {
  BioPtr bio(BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())));
  if (!bio) return OpenSslError(absl::StatusCode::kInternal, "BIO_new_mem_buf");
  // A passphrase callback that has none: without it OpenSSL would prompt on the terminal for an
  // encrypted key.
  const auto no_passphrase = [](char*, int, int, void*) -> int { return -1; };
  EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr);
  if (raw == nullptr) {
    return OpenSslError(absl::StatusCode::kInvalidArgument, "not an unencrypted private key PEM");
  }
  return FromKey(std::move(kid), PkeyPtr(raw));
}

std::string SigningKey::PrivateKeyPem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    ERR_clear_error();
    return "";  // Only on allocation failure.
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

absl::StatusOr<std::string> SigningKey::Sign(const Claims& claims) const {
  if (claims.exp == 0) return absl::InvalidArgumentError("claims need exp");
  const std::string header =
      absl::StrCat(R"({"alg":"ES256","typ":"JWT","kid":)", JsonString(kid_), "}");
  std::string token =
      absl::StrCat(Base64UrlEncode(header), ".", Base64UrlEncode(ClaimsToJson(claims)));
  EK_ASSIGN_OR_RETURN(const std::string signature, SignEs256(key_.get(), token));
  absl::StrAppend(&token, ".", Base64UrlEncode(signature));
  return token;
}

// ---- verification ----

absl::StatusOr<JwtHeader> PeekHeader(std::string_view token) {
  EK_ASSIGN_OR_RETURN(ParsedToken parsed, ParseToken(token));
  return std::move(parsed.header);
}

absl::StatusOr<KeySet> KeySet::FromJwks(const std::vector<PublicJwk>& keys) {
  KeySet set;
  for (const PublicJwk& jwk : keys) {
    const auto bad = [&jwk](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat("JWK \"", jwk.kid, "\": ", why));
    };
    if (jwk.kid.empty()) return bad("no kid");
    if (jwk.kty != "EC" || jwk.crv != "P-256") return bad("not an EC P-256 key");
    if (!jwk.alg.empty() && jwk.alg != "ES256") return bad("alg is not ES256");
    if (!jwk.use.empty() && jwk.use != "sig") return bad("use is not sig");
    if (set.keys_.contains(jwk.kid)) return bad("duplicate kid");
    absl::StatusOr<std::string> x = Base64UrlDecode(jwk.x);
    absl::StatusOr<std::string> y = Base64UrlDecode(jwk.y);
    if (!x.ok() || !y.ok() || x->size() != kCoordinateBytes || y->size() != kCoordinateBytes) {
      return bad("x and y must be base64url of 32 bytes");
    }
    absl::StatusOr<std::shared_ptr<EVP_PKEY>> key = PublicKeyFromCoordinates(*x, *y);
    if (!key.ok()) return bad(key.status().message());
    set.keys_.emplace(jwk.kid, *std::move(key));
  }
  return set;
}

bool KeySet::Has(std::string_view kid) const {
  return keys_.contains(absl::string_view(kid.data(), kid.size()));
}

absl::StatusOr<Claims> KeySet::Verify(std::string_view token, const VerifyOptions& options) const {
  if (options.issuer.empty() || options.audience.empty()) {
    // A misconfigured verifier must not quietly accept tokens that carry no iss or aud.
    return absl::FailedPreconditionError("VerifyOptions need an issuer and an audience");
  }
  EK_ASSIGN_OR_RETURN(const ParsedToken parsed, ParseToken(token));
  // The alg is fixed by the key type, never chosen by the token (no "none", no HS256 with the
  // public key as the secret).
  if (parsed.header.alg != "ES256") {
    return Unauthenticated(absl::StrCat("unsupported alg \"", parsed.header.alg, "\""));
  }
  const auto key = keys_.find(parsed.header.kid);
  if (key == keys_.end()) {
    return Unauthenticated(absl::StrCat("unknown kid \"", parsed.header.kid, "\""));
  }
  if (!VerifyEs256(key->second.get(), parsed.signing_input, parsed.signature)) {
    return Unauthenticated("bad signature");
  }

  absl::StatusOr<Struct> payload = ParseJsonObject(parsed.payload_json);
  if (!payload.ok()) return Unauthenticated("malformed token: payload is not a JSON object");
  Claims claims;
  bool has_iat = false, has_nbf = false, has_exp = false;
  absl::Status read = ReadString(*payload, "iss", &claims.iss);
  if (read.ok()) read = ReadString(*payload, "sub", &claims.sub);
  if (read.ok()) read = ReadString(*payload, "tenant", &claims.tenant);
  if (read.ok()) read = ReadString(*payload, "org_unit", &claims.org_unit);
  if (read.ok()) read = ReadString(*payload, "jti", &claims.jti);
  if (read.ok()) read = ReadSeconds(*payload, "iat", &claims.iat, &has_iat);
  if (read.ok()) read = ReadSeconds(*payload, "nbf", &claims.nbf, &has_nbf);
  if (read.ok()) read = ReadSeconds(*payload, "exp", &claims.exp, &has_exp);
  if (read.ok()) {
    if (const auto roles = payload->fields().find("roles"); roles != payload->fields().end()) {
      absl::StatusOr<std::vector<std::string>> list = ReadStringList(roles->second, "roles");
      if (list.ok()) claims.roles = *std::move(list);
      read = list.status();
    }
  }
  if (read.ok()) read = ReadActor(*payload, &claims.act_sub);
  if (!read.ok()) return Unauthenticated(absl::StrCat("malformed token: ", read.message()));

  if (claims.iss != options.issuer) {
    return Unauthenticated(absl::StrCat("wrong issuer \"", claims.iss, "\""));
  }
  // RFC 7519 §4.1.3: aud is one string or an array of them; ours must be among them.
  std::vector<std::string> audiences;
  if (const auto aud = payload->fields().find("aud"); aud != payload->fields().end()) {
    if (aud->second.kind_case() == Value::kStringValue) {
      audiences.push_back(aud->second.string_value());
    } else {
      absl::StatusOr<std::vector<std::string>> list = ReadStringList(aud->second, "aud");
      if (!list.ok()) {
        return Unauthenticated(absl::StrCat("malformed token: ", list.status().message()));
      }
      audiences = *std::move(list);
    }
  }
  if (std::find(audiences.begin(), audiences.end(), options.audience) == audiences.end()) {
    return Unauthenticated(absl::StrCat("wrong audience (want \"", options.audience, "\")"));
  }
  claims.aud = options.audience;

  if (!has_exp) return Unauthenticated("missing exp");
  if (absl::FromUnixSeconds(claims.exp) + options.leeway < options.now) {
    return Unauthenticated("token expired");
  }
  if (has_nbf && absl::FromUnixSeconds(claims.nbf) - options.leeway > options.now) {
    return Unauthenticated("token not yet valid");
  }
  return claims;
}

// ---- JWK Set JSON ----

std::string JwksToJson(const std::vector<PublicJwk>& keys) {
  std::string out = R"({"keys":[)";
  for (size_t i = 0; i < keys.size(); ++i) {
    const PublicJwk& k = keys[i];
    if (i > 0) out.push_back(',');
    out.push_back('{');
    bool first = true;
    for (const auto& [name, value] : {std::pair<std::string_view, const std::string&>{"kty", k.kty},
                                      {"crv", k.crv},
                                      {"x", k.x},
                                      {"y", k.y},
                                      {"kid", k.kid},
                                      {"use", k.use},
                                      {"alg", k.alg}}) {
      if (value.empty()) continue;
      if (!first) out.push_back(',');
      first = false;
      AppendJsonString(&out, name);
      out.push_back(':');
      AppendJsonString(&out, value);
    }
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

absl::StatusOr<std::vector<PublicJwk>> JwksFromJson(std::string_view json) {
  absl::StatusOr<Struct> doc = ParseJsonObject(json);
  if (!doc.ok()) return absl::InvalidArgumentError("JWKS: not a JSON object");
  const auto keys = doc->fields().find("keys");
  if (keys == doc->fields().end() || keys->second.kind_case() != Value::kListValue) {
    return absl::InvalidArgumentError("JWKS: no \"keys\" array");
  }
  std::vector<PublicJwk> out;
  for (const Value& v : keys->second.list_value().values()) {
    if (v.kind_case() != Value::kStructValue) {
      return absl::InvalidArgumentError("JWKS: a key is not an object");
    }
    const Struct& o = v.struct_value();
    PublicJwk jwk;
    for (const auto& [name, field] : {std::pair<std::string, std::string*>{"kty", &jwk.kty},
                                      {"crv", &jwk.crv},
                                      {"x", &jwk.x},
                                      {"y", &jwk.y},
                                      {"kid", &jwk.kid},
                                      {"use", &jwk.use},
                                      {"alg", &jwk.alg}}) {
      if (absl::Status s = ReadString(o, name, field); !s.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("JWKS: ", s.message()));
      }
    }
    out.push_back(std::move(jwk));
  }
  return out;
}

}  // namespace ekinerja::auth

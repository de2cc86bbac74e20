#include "jwt.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "crypto.h"
#include "gtest/gtest.h"

namespace ekinerja::auth {
namespace {

constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
constexpr char kIssuer[] = "https://identity.ekinerja.example";
constexpr char kAudience[] = "ekinerja";

// Signs "<header>.<payload>" with `key` through OpenSSL directly, independently of
// SigningKey::Sign, to build tokens Sign never writes (aud arrays, no exp) and to check that a
// second implementation's ES256 tokens verify.
std::string SignRaw(const SigningKey& key, const std::string& header_json,
                    const std::string& payload_json) {
  const std::string input =
      absl::StrCat(Base64UrlEncode(header_json), ".", Base64UrlEncode(payload_json));
  const std::string pem = key.PrivateKeyPem();
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char der[128];
  size_t der_len = sizeof der;
  EXPECT_EQ(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, pkey), 1);
  EXPECT_EQ(EVP_DigestSign(ctx, der, &der_len, reinterpret_cast<const unsigned char*>(input.data()),
                           input.size()),
            1);
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(pkey);
  const unsigned char* p = der;
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der_len));
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig, &r, &s);
  unsigned char raw[64];
  BN_bn2binpad(r, raw, 32);
  BN_bn2binpad(s, raw + 32, 32);
  ECDSA_SIG_free(sig);
  return absl::StrCat(input, ".",
                      Base64UrlEncode(std::string(reinterpret_cast<const char*>(raw), sizeof raw)));
}

std::vector<std::string> Parts(const std::string& token) { return absl::StrSplit(token, '.'); }

std::string DecodedPart(const std::string& token, int index) {
  return Base64UrlDecode(Parts(token)[index]).value();
}

// `token` with part `index` replaced by the base64url of `decoded`.
std::string WithPart(const std::string& token, int index, const std::string& decoded) {
  std::vector<std::string> parts = Parts(token);
  parts[index] = Base64UrlEncode(decoded);
  return absl::StrJoin(parts, ".");
}

class JwtTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_.emplace(SigningKey::Generate("k1").value());
    keys_ = KeySet::FromJwks({key_->ToJwk()}).value();
  }

  static Claims SampleClaims() {
    Claims c;
    c.iss = kIssuer;
    c.aud = kAudience;
    c.sub = "198503302010012001";
    c.tenant = "pemda-sleman";
    c.org_unit = "dinas-pendidikan";
    c.jti = "3q2-7w";
    c.roles = {"PEGAWAI", "ATASAN"};
    c.iat = kNow - 60;
    c.nbf = kNow - 60;
    c.exp = kNow + 840;
    return c;
  }

  static VerifyOptions Options() {
    VerifyOptions o;
    o.issuer = kIssuer;
    o.audience = kAudience;
    o.now = absl::FromUnixSeconds(kNow);
    return o;
  }

  std::string SignSample() { return key_->Sign(SampleClaims()).value(); }
  std::string Header() const {
    return absl::StrCat(R"({"alg":"ES256","typ":"JWT","kid":")", key_->kid(), R"("})");
  }

  std::optional<SigningKey> key_;
  KeySet keys_;
};

TEST_F(JwtTest, SignThenVerifyReturnsEveryClaim) {
  absl::StatusOr<Claims> claims = keys_.Verify(SignSample(), Options());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(*claims, SampleClaims());
}

TEST_F(JwtTest, StringsNeedingJsonEscapesRoundTrip) {
  Claims c = SampleClaims();
  c.org_unit = "Dinas \"Pendidikan\" \\ Bidang\nSMP\t\x01 – Sleman";
  c.roles = {"A\"B", ""};
  absl::StatusOr<Claims> claims = keys_.Verify(key_->Sign(c).value(), Options());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(*claims, c);
}

TEST_F(JwtTest, HeaderAndPayloadAreExactJsonWithIntegerTimes) {
  const std::string token = SignSample();
  EXPECT_EQ(DecodedPart(token, 0), R"({"alg":"ES256","typ":"JWT","kid":"k1"})");
  EXPECT_EQ(DecodedPart(token, 1),
            R"({"iss":"https://identity.ekinerja.example","sub":"198503302010012001",)"
            R"("aud":"ekinerja","tenant":"pemda-sleman","org_unit":"dinas-pendidikan",)"
            R"("roles":["PEGAWAI","ATASAN"],"jti":"3q2-7w","iat":1767225540,"nbf":1767225540,)"
            R"("exp":1767226440})");
  EXPECT_EQ(Base64UrlDecode(Parts(token)[2]).value().size(), 64u);  // raw r||s, not DER
}

TEST_F(JwtTest, AbsentNbfAndIatAreLeftOutAndReadBackAsZero) {
  Claims c = SampleClaims();
  c.nbf = 0;
  c.iat = 0;
  c.org_unit = "";
  c.roles = {};
  const std::string token = key_->Sign(c).value();
  EXPECT_EQ(DecodedPart(token, 1),
            R"({"iss":"https://identity.ekinerja.example","sub":"198503302010012001",)"
            R"("aud":"ekinerja","tenant":"pemda-sleman","roles":[],"jti":"3q2-7w",)"
            R"("exp":1767226440})");
  EXPECT_EQ(keys_.Verify(token, Options()).value(), c);
}

TEST_F(JwtTest, ActorIsWrittenAsAnRfc8693ActObjectAndReadBack) {
  Claims c = SampleClaims();
  c.sub = "ekinerja-attendance";
  c.org_unit = "";
  c.roles = {"SERVICE"};
  c.act_sub = "ekinerja-attendance";
  const std::string token = key_->Sign(c).value();
  EXPECT_EQ(DecodedPart(token, 1),
            R"({"iss":"https://identity.ekinerja.example","sub":"ekinerja-attendance",)"
            R"("aud":"ekinerja","tenant":"pemda-sleman","roles":["SERVICE"],"jti":"3q2-7w",)"
            R"("act":{"sub":"ekinerja-attendance"},"iat":1767225540,"nbf":1767225540,)"
            R"("exp":1767226440})");
  EXPECT_EQ(keys_.Verify(token, Options()).value(), c);
}

TEST_F(JwtTest, RejectsAnActThatIsNotOneActorWithASubject) {
  const std::string base =
      R"("iss":"https://identity.ekinerja.example","aud":"ekinerja","exp":1767226440)";
  const auto verify = [&](const std::string& act) {
    return keys_
        .Verify(SignRaw(*key_, Header(), absl::StrCat("{", base, R"(,"act":)", act, "}")),
                Options())
        .status();
  };
  EXPECT_EQ(verify(R"("svc")"),
            absl::UnauthenticatedError("malformed token: \"act\" is not an object"));
  EXPECT_EQ(verify(R"({})"), absl::UnauthenticatedError("malformed token: \"act\" has no \"sub\""));
  EXPECT_EQ(verify(R"({"sub":7})"),
            absl::UnauthenticatedError("malformed token: \"sub\" is not a string"));
  EXPECT_EQ(verify(R"({"sub":"a","act":{"sub":"b"}})"),
            absl::UnauthenticatedError("malformed token: \"act\" is nested"));
  // Other members of act are another issuer's business.
  auto claims = keys_.Verify(
      SignRaw(*key_, Header(), absl::StrCat("{", base, R"(,"act":{"sub":"svc","iss":"x"}})")),
      Options());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->act_sub, "svc");
}

TEST_F(JwtTest, SignRefusesClaimsWithoutExp) {
  Claims c = SampleClaims();
  c.exp = 0;
  EXPECT_EQ(key_->Sign(c).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(JwtTest, PeekHeaderReadsAlgKidTypWithoutVerifying) {
  absl::StatusOr<JwtHeader> header = PeekHeader(SignSample());
  ASSERT_TRUE(header.ok()) << header.status();
  EXPECT_EQ(header->alg, "ES256");
  EXPECT_EQ(header->kid, "k1");
  EXPECT_EQ(header->typ, "JWT");
  EXPECT_EQ(PeekHeader("a.b").status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(PeekHeader(absl::StrCat(Base64UrlEncode("[1]"), ".e30.")).status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(JwtTest, VerifiesWithJwkAfterJwksJsonRoundTrip) {
  const std::string json = JwksToJson({key_->ToJwk()});
  absl::StatusOr<std::vector<PublicJwk>> jwks = JwksFromJson(json);
  ASSERT_TRUE(jwks.ok()) << jwks.status();
  ASSERT_EQ(jwks->size(), 1u);
  EXPECT_EQ((*jwks)[0], key_->ToJwk());
  absl::StatusOr<KeySet> keys = KeySet::FromJwks(*jwks);
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_TRUE(keys->Has("k1"));
  EXPECT_EQ(keys->Verify(SignSample(), Options()).value(), SampleClaims());
}

TEST_F(JwtTest, JwkHoldsThe32ByteCoordinates) {
  const PublicJwk jwk = key_->ToJwk();
  EXPECT_EQ(jwk.kty, "EC");
  EXPECT_EQ(jwk.crv, "P-256");
  EXPECT_EQ(jwk.kid, "k1");
  EXPECT_EQ(jwk.use, "sig");
  EXPECT_EQ(jwk.alg, "ES256");
  EXPECT_EQ(Base64UrlDecode(jwk.x).value().size(), 32u);
  EXPECT_EQ(Base64UrlDecode(jwk.y).value().size(), 32u);
}

TEST(JwksJson, WritesTheExactDocument) {
  PublicJwk a;
  a.x = "xA";
  a.y = "yA";
  a.kid = "2026-01";
  PublicJwk b = a;
  b.kid = "2026-\"02\"";
  b.use = "";
  EXPECT_EQ(JwksToJson({a, b}),
            R"({"keys":[{"kty":"EC","crv":"P-256","x":"xA","y":"yA","kid":"2026-01","use":"sig",)"
            R"("alg":"ES256"},{"kty":"EC","crv":"P-256","x":"xA","y":"yA","kid":"2026-\"02\"",)"
            R"("alg":"ES256"}]})");
  EXPECT_EQ(JwksToJson({}), R"({"keys":[]})");
}

TEST(JwksJson, ReadIgnoresUnknownMembersAndLeavesAbsentOnesEmpty) {
  absl::StatusOr<std::vector<PublicJwk>> keys = JwksFromJson(
      R"({"keys":[{"kty":"EC","crv":"P-256","x":"xA","y":"yA","kid":"k","key_ops":["verify"],)"
      R"("x5c":[]},{"kty":"RSA","n":"AQAB","e":"AQAB","kid":"r","alg":"RS256"}],"extra":1})");
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].kid, "k");
  EXPECT_EQ((*keys)[0].x, "xA");
  EXPECT_EQ((*keys)[0].alg, "");
  EXPECT_EQ((*keys)[0].use, "");
  EXPECT_EQ((*keys)[1].kty, "RSA");
  EXPECT_EQ((*keys)[1].x, "");
  EXPECT_EQ((*keys)[1].alg, "RS256");
}

TEST(JwksJson, ReadRejectsDocumentsThatAreNotAJwkSet) {
  for (const char* bad : {"", "[]", "{}", "not json", R"({"keys":{}})", R"({"keys":[1]})",
                          R"({"keys":[{"kid":7}]})", R"({"keys":[]} trailing)"}) {
    EXPECT_EQ(JwksFromJson(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST_F(JwtTest, PemRoundTripSignsVerifiableTokens) {
  const std::string pem = key_->PrivateKeyPem();
  EXPECT_EQ(pem.substr(0, 28), "-----BEGIN PRIVATE KEY-----\n");
  absl::StatusOr<SigningKey> loaded = SigningKey::FromPem("k1", pem);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->kid(), "k1");
  EXPECT_EQ(loaded->ToJwk(), key_->ToJwk());
  EXPECT_EQ(loaded->PrivateKeyPem(), pem);
  EXPECT_EQ(keys_.Verify(loaded->Sign(SampleClaims()).value(), Options()).value(), SampleClaims());
}

TEST(JwtSigningKeyFromPem, RejectsWhatIsNotAnUnencryptedP256PrivateKey) {
  const auto pem_of = [](EVP_PKEY* key, const EVP_CIPHER* cipher) {
    BIO* bio = BIO_new(BIO_s_mem());
    char passphrase[] = "rahasia";
    EXPECT_EQ(PEM_write_bio_PKCS8PrivateKey(bio, key, cipher, cipher ? passphrase : nullptr,
                                            cipher ? 7 : 0, nullptr, nullptr),
              1);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<size_t>(len));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
  };
  for (const std::string& pem :
       {pem_of(EVP_EC_gen("P-384"), nullptr),
        pem_of(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), nullptr),
        // Encrypted: refused without prompting for a passphrase on the terminal.
        pem_of(EVP_EC_gen("P-256"), EVP_aes_256_cbc())}) {
    EXPECT_EQ(SigningKey::FromPem("k", pem).status().code(), absl::StatusCode::kInvalidArgument)
        << pem;
  }
  EXPECT_EQ(
      SigningKey::FromPem("k", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
          .status()
          .code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SigningKey::FromPem("k", "").status().code(), absl::StatusCode::kInvalidArgument);
  const std::string good = SigningKey::Generate("k").value().PrivateKeyPem();
  EXPECT_EQ(SigningKey::FromPem("", good).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(JwtTest, TokenFromAnotherImplementationVerifies) {
  const std::string payload = R"({"iss":"https://identity.ekinerja.example","aud":"ekinerja",)"
                              R"("sub":"198503302010012001","exp":1767226440})";
  absl::StatusOr<Claims> claims = keys_.Verify(SignRaw(*key_, Header(), payload), Options());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->sub, "198503302010012001");
  EXPECT_EQ(claims->exp, 1767226440);
}

// ---- rejections ----

TEST_F(JwtTest, RejectsExpiredBeyondLeeway) {
  Claims c = SampleClaims();
  c.exp = kNow - 31;
  EXPECT_EQ(keys_.Verify(key_->Sign(c).value(), Options()).status(),
            absl::UnauthenticatedError("token expired"));
  c.exp = kNow - 30;  // within the 30 s leeway
  EXPECT_TRUE(keys_.Verify(key_->Sign(c).value(), Options()).ok());
}

TEST_F(JwtTest, RejectsNotBeforeInTheFutureBeyondLeeway) {
  Claims c = SampleClaims();
  c.nbf = kNow + 31;
  EXPECT_EQ(keys_.Verify(key_->Sign(c).value(), Options()).status(),
            absl::UnauthenticatedError("token not yet valid"));
  c.nbf = kNow + 30;
  EXPECT_TRUE(keys_.Verify(key_->Sign(c).value(), Options()).ok());
}

TEST_F(JwtTest, RejectsMissingExp) {
  const std::string payload = R"({"iss":"https://identity.ekinerja.example","aud":"ekinerja",)"
                              R"("sub":"198503302010012001"})";
  EXPECT_EQ(keys_.Verify(SignRaw(*key_, Header(), payload), Options()).status(),
            absl::UnauthenticatedError("missing exp"));
}

TEST_F(JwtTest, RejectsWrongAudience) {
  Claims c = SampleClaims();
  c.aud = "other-suite";
  EXPECT_EQ(keys_.Verify(key_->Sign(c).value(), Options()).status(),
            absl::UnauthenticatedError("wrong audience (want \"ekinerja\")"));
}

TEST_F(JwtTest, AcceptsAudienceArrayContainingTheAudience) {
  const std::string payload = R"({"iss":"https://identity.ekinerja.example",)"
                              R"("aud":["gateway","ekinerja"],"exp":1767226440})";
  absl::StatusOr<Claims> claims = keys_.Verify(SignRaw(*key_, Header(), payload), Options());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->aud, "ekinerja");
}

TEST_F(JwtTest, RejectsAudienceArrayWithoutTheAudienceAndMissingAud) {
  for (const char* payload : {R"({"iss":"https://identity.ekinerja.example",)"
                              R"("aud":["gateway","reports"],"exp":1767226440})",
                              R"({"iss":"https://identity.ekinerja.example","aud":[],)"
                              R"("exp":1767226440})",
                              R"({"iss":"https://identity.ekinerja.example","exp":1767226440})"}) {
    EXPECT_EQ(keys_.Verify(SignRaw(*key_, Header(), payload), Options()).status(),
              absl::UnauthenticatedError("wrong audience (want \"ekinerja\")"))
        << payload;
  }
}

TEST_F(JwtTest, RejectsWrongIssuer) {
  Claims c = SampleClaims();
  c.iss = "https://evil.example";
  EXPECT_EQ(keys_.Verify(key_->Sign(c).value(), Options()).status(),
            absl::UnauthenticatedError("wrong issuer \"https://evil.example\""));
}

TEST_F(JwtTest, RejectsUnknownKid) {
  const SigningKey other = SigningKey::Generate("k9").value();
  EXPECT_EQ(keys_.Verify(other.Sign(SampleClaims()).value(), Options()).status(),
            absl::UnauthenticatedError("unknown kid \"k9\""));
}

TEST_F(JwtTest, RejectsTamperedPayload) {
  const std::string token = SignSample();
  std::string payload = DecodedPart(token, 1);
  payload.replace(payload.find("PEGAWAI"), 7, "ADMIN_INSTANSI");
  EXPECT_EQ(keys_.Verify(WithPart(token, 1, payload), Options()).status(),
            absl::UnauthenticatedError("bad signature"));
}

TEST_F(JwtTest, RejectsTamperedSignature) {
  const std::string token = SignSample();
  std::string signature = DecodedPart(token, 2);
  signature[10] ^= 0x01;
  EXPECT_EQ(keys_.Verify(WithPart(token, 2, signature), Options()).status(),
            absl::UnauthenticatedError("bad signature"));
  // A JWS ES256 signature is exactly 64 bytes.
  EXPECT_EQ(keys_.Verify(WithPart(token, 2, DecodedPart(token, 2) + "x"), Options()).status(),
            absl::UnauthenticatedError("bad signature"));
}

TEST_F(JwtTest, RejectsSignatureByAnotherKeyWithTheSameKid) {
  const SigningKey impostor = SigningKey::Generate("k1").value();
  EXPECT_EQ(keys_.Verify(impostor.Sign(SampleClaims()).value(), Options()).status(),
            absl::UnauthenticatedError("bad signature"));
}

TEST_F(JwtTest, RejectsAlgNoneWithEmptySignature) {
  const std::string token = SignSample();
  const std::string unsigned_token = absl::StrCat(
      Base64UrlEncode(R"({"alg":"none","typ":"JWT","kid":"k1"})"), ".", Parts(token)[1], ".");
  EXPECT_EQ(keys_.Verify(unsigned_token, Options()).status(),
            absl::UnauthenticatedError("unsupported alg \"none\""));
}

TEST_F(JwtTest, RejectsHs256Header) {
  // The classic confusion attack: HMAC "signed" with the public key as the secret.
  const std::string token = WithPart(SignSample(), 0, R"({"alg":"HS256","typ":"JWT","kid":"k1"})");
  EXPECT_EQ(keys_.Verify(token, Options()).status(),
            absl::UnauthenticatedError("unsupported alg \"HS256\""));
}

TEST_F(JwtTest, RejectsGarbage) {
  EXPECT_EQ(keys_.Verify("", Options()).status(),
            absl::UnauthenticatedError("malformed token: not three dot-separated parts"));
  EXPECT_EQ(keys_.Verify("not a token", Options()).status(),
            absl::UnauthenticatedError("malformed token: not three dot-separated parts"));
  EXPECT_EQ(keys_.Verify("a.b.c.d", Options()).status(),
            absl::UnauthenticatedError("malformed token: not three dot-separated parts"));
  EXPECT_EQ(keys_.Verify("!!.??.**", Options()).status(),
            absl::UnauthenticatedError("malformed token: a part is not base64url"));
  EXPECT_EQ(keys_.Verify(absl::StrCat(Base64UrlEncode("not json"), ".e30.AA"), Options()).status(),
            absl::UnauthenticatedError("malformed token: header is not a JSON object"));
  EXPECT_EQ(keys_.Verify(SignSample() + "=", Options()).status(),
            absl::UnauthenticatedError("malformed token: a part is not base64url"));
  EXPECT_EQ(keys_.Verify(std::string(20000, 'a'), Options()).status(),
            absl::UnauthenticatedError("malformed token: too long"));
}

TEST_F(JwtTest, RejectsTwoPartToken) {
  const std::vector<std::string> parts = Parts(SignSample());
  EXPECT_EQ(keys_.Verify(absl::StrCat(parts[0], ".", parts[1]), Options()).status(),
            absl::UnauthenticatedError("malformed token: not three dot-separated parts"));
}

TEST_F(JwtTest, RejectsHeaderFieldsOfTheWrongTypeAndCriticalExtensions) {
  const std::string token = SignSample();
  EXPECT_EQ(keys_.Verify(WithPart(token, 0, R"({"alg":"ES256","kid":1})"), Options()).status(),
            absl::UnauthenticatedError("malformed token: alg, kid and typ must be strings"));
  EXPECT_EQ(
      keys_.Verify(WithPart(token, 0, R"({"alg":"ES256","kid":"k1","crit":["exp"]})"), Options())
          .status(),
      absl::UnauthenticatedError("malformed token: unsupported critical header"));
}

TEST_F(JwtTest, RejectsSignedClaimsOfTheWrongType) {
  const std::string base = R"("iss":"https://identity.ekinerja.example","aud":"ekinerja")";
  EXPECT_EQ(
      keys_
          .Verify(SignRaw(*key_, Header(), absl::StrCat("{", base, R"(,"exp":"soon"})")), Options())
          .status(),
      absl::UnauthenticatedError("malformed token: \"exp\" is not an integer"));
  EXPECT_EQ(
      keys_.Verify(SignRaw(*key_, Header(), absl::StrCat("{", base, R"(,"exp":1.5e9})")), Options())
          .status(),
      absl::UnauthenticatedError("token expired"));  // 1.5e9 is a whole number, long past
  EXPECT_EQ(
      keys_
          .Verify(SignRaw(*key_, Header(), absl::StrCat("{", base, R"(,"exp":1767226440.5})")),
                  Options())
          .status(),
      absl::UnauthenticatedError("malformed token: \"exp\" is not an integer"));
  EXPECT_EQ(keys_
                .Verify(SignRaw(*key_, Header(),
                                absl::StrCat("{", base, R"(,"sub":1,"exp":1767226440})")),
                        Options())
                .status(),
            absl::UnauthenticatedError("malformed token: \"sub\" is not a string"));
  EXPECT_EQ(keys_
                .Verify(SignRaw(*key_, Header(),
                                absl::StrCat("{", base, R"(,"roles":"ADMIN","exp":1767226440})")),
                        Options())
                .status(),
            absl::UnauthenticatedError("malformed token: \"roles\" is not an array"));
}

TEST_F(JwtTest, VerifyNeedsIssuerAndAudienceConfigured) {
  VerifyOptions options = Options();
  options.audience = "";
  EXPECT_EQ(keys_.Verify(SignSample(), options).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

// ---- key sets ----

TEST_F(JwtTest, KeySetRejectsKeysThatAreNotEs256OnTheCurve) {
  const PublicJwk good = key_->ToJwk();
  std::vector<std::pair<std::string, PublicJwk>> bad;
  PublicJwk k = good;
  std::string y = Base64UrlDecode(good.y).value();
  y[31] ^= 0x01;
  k.y = Base64UrlEncode(y);
  bad.push_back({"point off the curve", k});
  k = good;
  k.crv = "P-384";
  bad.push_back({"P-384", k});
  k = good;
  k.kty = "RSA";
  bad.push_back({"RSA", k});
  k = good;
  k.alg = "RS256";
  bad.push_back({"alg RS256", k});
  k = good;
  k.alg = "none";
  bad.push_back({"alg none", k});
  k = good;
  k.use = "enc";
  bad.push_back({"use enc", k});
  k = good;
  k.x = Base64UrlEncode(Base64UrlDecode(good.x).value().substr(1));
  bad.push_back({"31-byte x", k});
  k = good;
  k.x = good.x + "=";
  bad.push_back({"padded x", k});
  k = good;
  k.kid = "";
  bad.push_back({"no kid", k});
  for (const auto& [what, jwk] : bad) {
    EXPECT_EQ(KeySet::FromJwks({jwk}).status().code(), absl::StatusCode::kInvalidArgument) << what;
  }
  EXPECT_EQ(KeySet::FromJwks({good, good}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(JwtTest, KeySetAcceptsJwkWithoutAlgOrUse) {
  PublicJwk jwk = key_->ToJwk();
  jwk.alg = "";
  jwk.use = "";
  absl::StatusOr<KeySet> keys = KeySet::FromJwks({jwk});
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_EQ(keys->Verify(SignSample(), Options()).value(), SampleClaims());
}

TEST_F(JwtTest, KeySetHoldsSeveralKidsForRotation) {
  const SigningKey next = SigningKey::Generate("k2").value();
  absl::StatusOr<KeySet> keys = KeySet::FromJwks({key_->ToJwk(), next.ToJwk()});
  ASSERT_TRUE(keys.ok()) << keys.status();
  EXPECT_EQ(keys->size(), 2u);
  EXPECT_TRUE(keys->Has("k1"));
  EXPECT_TRUE(keys->Has("k2"));
  EXPECT_FALSE(keys->Has("k3"));
  EXPECT_TRUE(keys->Verify(SignSample(), Options()).ok());
  EXPECT_TRUE(keys->Verify(next.Sign(SampleClaims()).value(), Options()).ok());
}

}  // namespace
}  // namespace ekinerja::auth

#include "crypto.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ekinerja::auth {
namespace {

TEST(CryptoSha256Hex, MatchesKnownDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CryptoBase64Url, EncodesWithUrlAlphabetAndNoPadding) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(CryptoBase64Url, DecodeInvertsEncodeForEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (size_t len = 0; len <= all.size(); len += 37) {
    const std::string data = all.substr(0, len);
    absl::StatusOr<std::string> decoded = Base64UrlDecode(Base64UrlEncode(data));
    ASSERT_TRUE(decoded.ok()) << decoded.status();
    EXPECT_EQ(*decoded, data);
  }
  EXPECT_EQ(Base64UrlDecode("-_8").value(), "\xfb\xff");
  EXPECT_EQ(Base64UrlDecode("").value(), "");
}

TEST(CryptoBase64Url, DecodeRejectsAnythingButCanonicalUnpaddedForm) {
  for (const char* bad : {"Zg==",    // padding
                          "Zm8=",    // padding
                          "Z",       // impossible length
                          "+/8",     // standard alphabet
                          "Zm 9v",   // whitespace
                          "Zm9v\n",  // trailing newline
                          "Zh",      // non-zero unused bits (decodes like "Zg")
                          "Zm9*"}) {
    EXPECT_EQ(Base64UrlDecode(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(CryptoRandomToken, IsBase64UrlOfRequestedLength) {
  const std::string token = RandomToken(32);
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  EXPECT_EQ(Base64UrlDecode(token).value().size(), 32u);
  EXPECT_EQ(RandomToken(16).size(), 22u);
  EXPECT_EQ(RandomToken(0), "");
}

TEST(CryptoRandomToken, TwoTokensDiffer) { EXPECT_NE(RandomToken(32), RandomToken(32)); }

// Two keys as `openssl rand -base64 32` writes them.
constexpr char kKeyA[] = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
constexpr char kKeyB[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

TEST(CryptoAes256Key, ParsesBase64Of32BytesWithAStableId) {
  auto a = ParseAes256Key(absl::StrCat("  ", kKeyA, "\n"));
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->bytes.size(), 32u);
  EXPECT_EQ(a->id.size(), 16u);
  EXPECT_EQ(a->id, ParseAes256Key(kKeyA)->id);
  EXPECT_NE(a->id, ParseAes256Key(kKeyB)->id);
  EXPECT_EQ(ParseAes256Key(kKeyB)->bytes[31], '\x1f');
}

TEST(CryptoAes256Key, RefusesWhatIsNot32Bytes) {
  for (const char* bad :
       {"", "c2hvcnQ=", "not base64 at all!", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJCrze8=",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}) {
    const absl::Status st = ParseAes256Key(bad).status();
    EXPECT_EQ(st, absl::InvalidArgumentError(
                      "a key is the base64 of 32 random bytes (openssl rand -base64 32)"))
        << bad;
  }
}

class CryptoAesGcmTest : public ::testing::Test {
 protected:
  Aes256Key a_ = ParseAes256Key(kKeyA).value();
  Aes256Key b_ = ParseAes256Key(kKeyB).value();
  const std::string secret_ = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\n";
};

TEST_F(CryptoAesGcmTest, OpensWhatItSealedWithAFreshNonceEachTime) {
  const Sealed one = SealAes256Gcm(a_, secret_, "kid-1");
  const Sealed two = SealAes256Gcm(a_, secret_, "kid-1");
  EXPECT_EQ(one.nonce.size(), 12u);
  EXPECT_EQ(one.ciphertext.size(), secret_.size() + 16);
  EXPECT_NE(one.nonce, two.nonce);
  EXPECT_NE(one.ciphertext, two.ciphertext);
  EXPECT_EQ(one.ciphertext.find("BEGIN"), std::string::npos);
  EXPECT_EQ(OpenAes256Gcm(a_, one, "kid-1").value(), secret_);
  EXPECT_EQ(OpenAes256Gcm(a_, two, "kid-1").value(), secret_);
  EXPECT_EQ(OpenAes256Gcm(a_, SealAes256Gcm(a_, "", "x"), "x").value(), "");
}

TEST_F(CryptoAesGcmTest, AWrongKeyDoesNotOpen) {
  const Sealed sealed = SealAes256Gcm(a_, secret_, "kid-1");
  EXPECT_EQ(OpenAes256Gcm(b_, sealed, "kid-1").status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_F(CryptoAesGcmTest, AnyChangedByteOrAnotherAadDoesNotOpen) {
  const Sealed sealed = SealAes256Gcm(a_, secret_, "kid-1");
  EXPECT_EQ(OpenAes256Gcm(a_, sealed, "kid-2").status().code(),
            absl::StatusCode::kPermissionDenied);
  for (size_t i = 0; i < sealed.ciphertext.size(); ++i) {  // the text and the tag
    Sealed tampered = sealed;
    tampered.ciphertext[i] ^= 0x01;
    EXPECT_EQ(OpenAes256Gcm(a_, tampered, "kid-1").status().code(),
              absl::StatusCode::kPermissionDenied)
        << "byte " << i;
  }
  Sealed nonce = sealed;
  nonce.nonce[0] ^= 0x80;
  EXPECT_EQ(OpenAes256Gcm(a_, nonce, "kid-1").status().code(), absl::StatusCode::kPermissionDenied);
  Sealed cut = sealed;
  cut.ciphertext.pop_back();
  EXPECT_EQ(OpenAes256Gcm(a_, cut, "kid-1").status().code(), absl::StatusCode::kPermissionDenied);
}

TEST_F(CryptoAesGcmTest, MalformedSealedValuesAreInvalid) {
  Sealed sealed = SealAes256Gcm(a_, secret_, "kid-1");
  sealed.nonce.pop_back();
  EXPECT_EQ(OpenAes256Gcm(a_, sealed, "kid-1").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(OpenAes256Gcm(a_, Sealed{std::string(12, 'n'), "short"}, "kid-1").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ekinerja::auth

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

TEST(CryptoHmacSha256Hex, MatchesRfc4231TestVectors) {
  // RFC 4231 §4.2-4.8: short keys, a key shorter than the output, keys and data with every byte
  // the same, and keys longer than SHA-256's 64-byte block (hashed first).
  EXPECT_EQ(HmacSha256Hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(HmacSha256Hex(std::string(20, '\xaa'), std::string(50, '\xdd')),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (char c = 0x01; c <= 0x19; ++c) key4.push_back(c);
  EXPECT_EQ(HmacSha256Hex(key4, std::string(50, '\xcd')),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // §4.6 gives only the first 128 bits (truncation is the caller's business).
  EXPECT_EQ(HmacSha256Hex(std::string(20, '\x0c'), "Test With Truncation").substr(0, 32),
            "a3b6167473100ee06e0c796c2955552b");
  EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'),
                          "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'),
                          "This is a test using a larger than block-size key and a larger than "
                          "block-size data. The key needs to be hashed before being used by the "
                          "HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
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

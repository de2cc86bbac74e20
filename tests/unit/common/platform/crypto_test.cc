#include "crypto.h"

#include <string>

#include "absl/status/status.h"
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

}  // namespace
}  // namespace ekinerja::auth

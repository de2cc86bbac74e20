#include "page_token.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja {
namespace {

constexpr char kQuery[] = "tenant=pemda-x|parent=opd/12|filter=status=ACTIVE|order_by=nip";

void ExpectPageTokenViolation(const absl::StatusOr<std::string>& got, const std::string& why) {
  EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(got.status()), (std::vector<FieldViolation>{{"page_token", why}}));
}

TEST(PageTokenDecode, EmptyTokenMeansFirstPage) {
  auto key = DecodePageToken("", kQuery);
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(*key, "");
}

TEST(PageTokenDecode, ReturnsTheLastKeyOfTheSameQuery) {
  const std::string token = EncodePageToken("199001012015031001", kQuery);
  auto key = DecodePageToken(token, kQuery);
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(*key, "199001012015031001");
}

TEST(PageTokenDecode, RoundTripsBinaryAndEmptyKeys) {
  for (const std::string& k : {std::string(), std::string("a\0b\xff\x01", 5),
                               std::string(1000, 'z'), std::string("Ĳ/ü|=")}) {
    auto key = DecodePageToken(EncodePageToken(k, kQuery), kQuery);
    ASSERT_TRUE(key.ok()) << key.status();
    EXPECT_EQ(*key, k);
  }
}

TEST(PageTokenEncode, IsUrlSafeAndUnpadded) {
  const std::string token = EncodePageToken("key/with+chars?", kQuery);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos)
      << token;
}

TEST(PageTokenEncode, IsStableAcrossProcesses) {
  // Pinned bytes: replicas of one service must accept each other's tokens, so the format and the
  // fingerprint hash (FNV-1a 64, not absl::Hash) must never depend on the process.
  EXPECT_EQ(EncodePageToken("k", "q"), "Aa9j7EyGAge8awGse3Q");
}

TEST(PageTokenDecode, RejectsTokenFromAnotherQuery) {
  const std::string token = EncodePageToken("199001012015031001", kQuery);
  ExpectPageTokenViolation(
      DecodePageToken(token, "tenant=pemda-x|parent=opd/12|filter=status=RETIRED|order_by=nip"),
      "was issued for a different query; repeat the request's other fields unchanged or start "
      "again without a token");
}

TEST(PageTokenDecode, RejectsTokenFromAnotherTenant) {
  const std::string token = EncodePageToken("x", "tenant=a|filter=");
  EXPECT_EQ(DecodePageToken(token, "tenant=b|filter=").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PageTokenDecode, RejectsGarbage) {
  for (const char* token : {"garbage!", "%%%", "AAAA", "a", "not a token", "AQ"}) {
    ExpectPageTokenViolation(DecodePageToken(token, kQuery),
                             "is not a page token issued by this service");
  }
}

TEST(PageTokenDecode, RejectsUnknownVersion) {
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(EncodePageToken("k", kQuery), &raw));
  raw[0] = 2;
  ExpectPageTokenViolation(DecodePageToken(absl::WebSafeBase64Escape(raw), kQuery),
                           "is not a page token issued by this service");
}

TEST(PageTokenDecode, RejectsAlteredKey) {
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(EncodePageToken("199001012015031001", kQuery), &raw));
  raw[12] = '9';  // A digit of the key.
  ExpectPageTokenViolation(DecodePageToken(absl::WebSafeBase64Escape(raw), kQuery), "is damaged");
}

TEST(PageTokenDecode, RejectsTruncatedToken) {
  const std::string token = EncodePageToken("199001012015031001", kQuery);
  EXPECT_EQ(DecodePageToken(token.substr(0, token.size() - 4), kQuery).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PageTokenPageSize, ZeroGivesDefault) {
  EXPECT_EQ(PageSize(0).value(), 50);
  EXPECT_EQ(PageSize(0, 20, 100).value(), 20);
}

TEST(PageTokenPageSize, KeepsSizeWithinLimit) {
  EXPECT_EQ(PageSize(1).value(), 1);
  EXPECT_EQ(PageSize(73).value(), 73);
  EXPECT_EQ(PageSize(1000).value(), 1000);
}

TEST(PageTokenPageSize, LowersSizeAboveMaxToMax) {
  EXPECT_EQ(PageSize(1001).value(), 1000);
  EXPECT_EQ(PageSize(2147483647).value(), 1000);
  EXPECT_EQ(PageSize(500, 20, 100).value(), 100);
}

TEST(PageTokenPageSize, RejectsNegativeSize) {
  auto size = PageSize(-1);
  EXPECT_EQ(size.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(size.status()),
            (std::vector<FieldViolation>{{"page_size", "must not be negative"}}));
  EXPECT_FALSE(PageSize(-2147483647 - 1).ok());
}

}  // namespace
}  // namespace ekinerja

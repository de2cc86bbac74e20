#include "verified_token_cache.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "jwt.h"

namespace ekinerja::auth {
namespace {

constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z
const absl::Time kNow = absl::FromUnixSeconds(kStart);

// The cache never parses a token: any text stands for one.
std::string TokenText(int i) { return absl::StrCat("eyJhbGciOiJFUzI1NiJ9.payload-", i, ".sig"); }

Claims ClaimsFor(int i, int64_t exp = kStart + 900) {
  Claims c;
  c.iss = "ekinerja-identity";
  c.aud = "ekinerja";
  c.sub = absl::StrCat("user-", i);
  c.tenant = "pemda-sleman";
  c.roles = {"pegawai"};
  c.exp = exp;
  return c;
}

TEST(VerifiedTokenCacheTest, FindsTheClaimsInsertedForThatToken) {
  VerifiedTokenCache cache(10);
  EXPECT_EQ(cache.Find(TokenText(1), kNow), nullptr);
  auto inserted = cache.Insert(TokenText(1), ClaimsFor(1), kNow);
  ASSERT_NE(inserted, nullptr);
  EXPECT_EQ(*inserted, ClaimsFor(1));

  auto found = cache.Find(TokenText(1), kNow + absl::Seconds(10));
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found.get(), inserted.get());  // the same entry, not a copy made again
  EXPECT_EQ(found->sub, "user-1");
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
}

TEST(VerifiedTokenCacheTest, AnotherTokenMisses) {
  VerifiedTokenCache cache(10);
  cache.Insert(TokenText(1), ClaimsFor(1), kNow);
  EXPECT_EQ(cache.Find(TokenText(2), kNow), nullptr);
  EXPECT_EQ(cache.Find("", kNow), nullptr);
}

TEST(VerifiedTokenCacheTest, ATokenWithOneByteChangedMisses) {
  VerifiedTokenCache cache(10);
  const std::string token = TokenText(1);
  cache.Insert(token, ClaimsFor(1), kNow);
  for (size_t i = 0; i < token.size(); ++i) {
    std::string tampered = token;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    EXPECT_EQ(cache.Find(tampered, kNow), nullptr) << "byte " << i;
  }
  EXPECT_EQ(cache.Find(token + "x", kNow), nullptr);
  EXPECT_EQ(cache.Find(token.substr(0, token.size() - 1), kNow), nullptr);
  EXPECT_NE(cache.Find(token, kNow), nullptr);
}

TEST(VerifiedTokenCacheTest, ServesUntilExpAndNeverAfter) {
  VerifiedTokenCache cache(10);
  const absl::Time exp = absl::FromUnixSeconds(kStart + 900);
  cache.Insert(TokenText(1), ClaimsFor(1, kStart + 900), kNow);

  EXPECT_NE(cache.Find(TokenText(1), exp - absl::Seconds(1)), nullptr);
  EXPECT_EQ(cache.Find(TokenText(1), exp), nullptr);
  EXPECT_EQ(cache.size(), 0u);  // dropped once found expired
  // Even a clock that went back does not find it again: the entry is gone.
  EXPECT_EQ(cache.Find(TokenText(1), exp - absl::Seconds(1)), nullptr);
}

TEST(VerifiedTokenCacheTest, KeepsNothingForATokenAlreadyExpired) {
  VerifiedTokenCache cache(10);
  const absl::Time exp = absl::FromUnixSeconds(kStart + 900);
  // Verified inside the verifier's leeway, after exp: usable now, never remembered.
  auto claims = cache.Insert(TokenText(1), ClaimsFor(1, kStart + 900), exp + absl::Seconds(5));
  ASSERT_NE(claims, nullptr);
  EXPECT_EQ(claims->sub, "user-1");
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find(TokenText(1), exp - absl::Seconds(1)), nullptr);
}

TEST(VerifiedTokenCacheTest, EvictsTheLeastRecentlyUsed) {
  VerifiedTokenCache cache(2);
  cache.Insert(TokenText(1), ClaimsFor(1), kNow);
  cache.Insert(TokenText(2), ClaimsFor(2), kNow);
  ASSERT_NE(cache.Find(TokenText(1), kNow), nullptr);  // 2 is now the least recently used
  cache.Insert(TokenText(3), ClaimsFor(3), kNow);

  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.Find(TokenText(2), kNow), nullptr);
  ASSERT_NE(cache.Find(TokenText(1), kNow), nullptr);
  EXPECT_EQ(cache.Find(TokenText(1), kNow)->sub, "user-1");
  ASSERT_NE(cache.Find(TokenText(3), kNow), nullptr);
  EXPECT_EQ(cache.Find(TokenText(3), kNow)->sub, "user-3");

  // 1 was used before 3: 4 evicts it.
  cache.Insert(TokenText(4), ClaimsFor(4), kNow);
  EXPECT_EQ(cache.Find(TokenText(1), kNow), nullptr);
  EXPECT_NE(cache.Find(TokenText(3), kNow), nullptr);
  EXPECT_NE(cache.Find(TokenText(4), kNow), nullptr);
}

TEST(VerifiedTokenCacheTest, InsertingATokenAgainKeepsOneEntry) {
  VerifiedTokenCache cache(2);
  cache.Insert(TokenText(1), ClaimsFor(1), kNow);
  cache.Insert(TokenText(2), ClaimsFor(2), kNow);
  cache.Insert(TokenText(1), ClaimsFor(1), kNow);  // two calls verified it at once
  EXPECT_EQ(cache.size(), 2u);
  // And it became the most recently used: 3 evicts 2.
  cache.Insert(TokenText(3), ClaimsFor(3), kNow);
  EXPECT_NE(cache.Find(TokenText(1), kNow), nullptr);
  EXPECT_EQ(cache.Find(TokenText(2), kNow), nullptr);
}

TEST(VerifiedTokenCacheTest, CapacityZeroRemembersNothing) {
  VerifiedTokenCache cache(0);
  auto claims = cache.Insert(TokenText(1), ClaimsFor(1), kNow);
  ASSERT_NE(claims, nullptr);
  EXPECT_EQ(claims->sub, "user-1");
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find(TokenText(1), kNow), nullptr);
  EXPECT_EQ(cache.misses(), 1u);
}

TEST(VerifiedTokenCacheTest, ManyThreadsFindAndInsertSafely) {
  constexpr int kThreads = 4;
  constexpr int kTokens = 64;  // more than the capacity: evictions race with hits
  constexpr int kRounds = 2000;
  VerifiedTokenCache cache(16);
  std::vector<std::string> tokens;
  for (int i = 0; i < kTokens; ++i) tokens.push_back(TokenText(i));

  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < kRounds; ++r) {
        const int i = (r * 7 + t * 13) % kTokens;
        auto found = cache.Find(tokens[i], kNow);
        if (found == nullptr) found = cache.Insert(tokens[i], ClaimsFor(i), kNow);
        if (found->sub != absl::StrCat("user-", i)) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();

  EXPECT_EQ(wrong.load(), 0);
  EXPECT_LE(cache.size(), 16u);
  EXPECT_EQ(cache.hits() + cache.misses(), uint64_t{kThreads} * kRounds);
}

}  // namespace
}  // namespace ekinerja::auth

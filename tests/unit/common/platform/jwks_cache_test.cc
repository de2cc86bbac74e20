#include "jwks_cache.h"

#include <atomic>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "jwt.h"

namespace ekinerja::auth {
namespace {

constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z

// A JWKS endpoint that counts its calls and serves whatever the test sets, and a clock the test
// moves by hand.
class JwksCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    k1_.emplace(SigningKey::Generate("k1").value());
    k2_.emplace(SigningKey::Generate("k2").value());
    Serve({k1_->ToJwk()});
  }

  void Serve(std::vector<PublicJwk> keys) {
    absl::MutexLock lock(&mu_);
    served_ = std::move(keys);
  }
  void Fail(absl::Status status) {
    absl::MutexLock lock(&mu_);
    served_ = std::move(status);
  }
  int fetches() const { return fetches_.load(); }
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }

  JwksCache MakeCache() {
    return JwksCache(
        [this]() -> absl::StatusOr<std::vector<PublicJwk>> {
          ++fetches_;
          absl::MutexLock lock(&mu_);
          return served_;
        },
        absl::Minutes(5), absl::Seconds(10),
        [this] {
          absl::MutexLock lock(&mu_);
          return now_;
        });
  }

  VerifyOptions Options() {
    VerifyOptions o;
    o.issuer = "https://identity.ekinerja.example";
    o.audience = "ekinerja";
    absl::MutexLock lock(&mu_);
    o.now = now_;
    return o;
  }

  std::string Token(const SigningKey& key) {
    Claims c;
    c.iss = "https://identity.ekinerja.example";
    c.aud = "ekinerja";
    c.sub = "198503302010012001";
    c.tenant = "pemda-sleman";
    c.exp = kStart + 3600;
    return key.Sign(c).value();
  }

  std::optional<SigningKey> k1_, k2_;
  std::atomic<int> fetches_{0};
  absl::Mutex mu_;
  absl::StatusOr<std::vector<PublicJwk>> served_ ABSL_GUARDED_BY(mu_);
  absl::Time now_ ABSL_GUARDED_BY(mu_) = absl::FromUnixSeconds(kStart);
};

TEST_F(JwksCacheTest, FetchesOnFirstUseAndThenReusesTheKeys) {
  JwksCache cache = MakeCache();
  EXPECT_EQ(fetches(), 0);
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<Claims> claims = cache.Verify(Token(*k1_), Options());
    ASSERT_TRUE(claims.ok()) << claims.status();
    EXPECT_EQ(claims->sub, "198503302010012001");
    Advance(absl::Minutes(1));
  }
  EXPECT_EQ(fetches(), 1);
}

TEST_F(JwksCacheTest, RefetchesOnUnknownKidAndAcceptsTheRotatedKey) {
  JwksCache cache = MakeCache();
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  Serve({k1_->ToJwk(), k2_->ToJwk()});
  Advance(absl::Seconds(10));
  absl::StatusOr<Claims> claims = cache.Verify(Token(*k2_), Options());
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(fetches(), 2);
  EXPECT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 2);
}

TEST_F(JwksCacheTest, RefetchesForUnknownKidsAtMostOncePerGap) {
  JwksCache cache = MakeCache();
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 1);

  // Right after a fetch an unknown kid does not fetch again.
  EXPECT_EQ(cache.Verify(Token(*k2_), Options()).status(),
            absl::UnauthenticatedError("unknown kid \"k2\""));
  EXPECT_EQ(fetches(), 1);

  Advance(absl::Seconds(11));
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(cache.Verify(Token(*k2_), Options()).status(),
              absl::UnauthenticatedError("unknown kid \"k2\""));
    Advance(absl::Seconds(1));
  }
  EXPECT_EQ(fetches(), 2);  // once for five tokens within the 10 s gap

  Advance(absl::Seconds(5));  // 10 s since that fetch
  EXPECT_EQ(cache.Verify(Token(*k2_), Options()).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(fetches(), 3);
}

TEST_F(JwksCacheTest, RefetchesAfterMaxAge) {
  JwksCache cache = MakeCache();
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  Advance(absl::Minutes(5) - absl::Seconds(1));
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 1);
  Advance(absl::Seconds(1));
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 2);
}

TEST_F(JwksCacheTest, RevokedKeyStopsVerifyingAfterMaxAge) {
  JwksCache cache = MakeCache();
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  Serve({k2_->ToJwk()});
  Advance(absl::Minutes(5));
  EXPECT_EQ(cache.Verify(Token(*k1_), Options()).status(),
            absl::UnauthenticatedError("unknown kid \"k1\""));
  EXPECT_EQ(fetches(), 2);
}

TEST_F(JwksCacheTest, UnavailableWhenFetchFailsWithNothingCached) {
  Fail(absl::UnavailableError("identity down"));
  JwksCache cache = MakeCache();
  EXPECT_EQ(cache.Verify(Token(*k1_), Options()).status(),
            absl::UnavailableError("no token verification keys: JWKS fetch failed: identity down"));
  EXPECT_EQ(fetches(), 1);

  // Backoff: no new attempt within the gap.
  Advance(absl::Seconds(5));
  EXPECT_EQ(cache.Verify(Token(*k1_), Options()).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(fetches(), 1);

  Serve({k1_->ToJwk()});
  Advance(absl::Seconds(5));
  EXPECT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 2);
}

TEST_F(JwksCacheTest, UnusableKeySetCountsAsAFailedFetch) {
  PublicJwk rsa = k1_->ToJwk();
  rsa.kty = "RSA";
  Serve({rsa});
  JwksCache cache = MakeCache();
  EXPECT_EQ(cache.Verify(Token(*k1_), Options()).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(fetches(), 1);
}

TEST_F(JwksCacheTest, KeepsCachedKeysWhenARefreshFails) {
  JwksCache cache = MakeCache();
  ASSERT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  Fail(absl::UnavailableError("identity down"));
  Advance(absl::Minutes(6));
  EXPECT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 2);
  Advance(absl::Seconds(1));  // stale, but a retry waits for the gap
  EXPECT_TRUE(cache.Verify(Token(*k1_), Options()).ok());
  EXPECT_EQ(fetches(), 2);
}

TEST_F(JwksCacheTest, MalformedTokenNeverFetches) {
  JwksCache cache = MakeCache();
  EXPECT_EQ(cache.Verify("garbage", Options()).status(),
            absl::UnauthenticatedError("malformed token: not three dot-separated parts"));
  EXPECT_EQ(fetches(), 0);
}

TEST_F(JwksCacheTest, ConcurrentFirstUseFetchesOnce) {
  JwksCache cache(
      [this]() -> absl::StatusOr<std::vector<PublicJwk>> {
        ++fetches_;
        absl::SleepFor(absl::Milliseconds(50));  // let the other threads pile up
        return std::vector<PublicJwk>{k1_->ToJwk()};
      },
      absl::Minutes(5), absl::Seconds(10), [] { return absl::FromUnixSeconds(kStart); });
  const std::string token = Token(*k1_);
  const VerifyOptions options = Options();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (cache.Verify(token, options).ok()) ++ok;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(fetches(), 1);
}

}  // namespace
}  // namespace ekinerja::auth

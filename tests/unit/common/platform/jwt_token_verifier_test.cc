// JwtTokenVerifier (auth.h) with its cache of verified tokens. The honest witness that a hit is not
// verified again: once the JWKS has dropped the key that signed a token, only the cache can still
// accept it, and a fresh token signed by that key is refused.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "auth.h"
#include "gtest/gtest.h"
#include "jwks_cache.h"
#include "jwt.h"

namespace ekinerja {
namespace {

constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kExp = kStart + 900;
constexpr char kIssuer[] = "ekinerja-identity";
constexpr char kAudience[] = "ekinerja";

class JwtTokenVerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    k1_.emplace(auth::SigningKey::Generate("k1").value());
    k2_.emplace(auth::SigningKey::Generate("k2").value());
    Serve({k1_->ToJwk()});
    // No gap between refetches: a token naming k2 makes the cache fetch the JWKS at once.
    jwks_ = std::make_shared<auth::JwksCache>(
        [this]() -> absl::StatusOr<std::vector<auth::PublicJwk>> {
          absl::MutexLock lock(&mu_);
          return served_;
        },
        absl::Minutes(5), absl::ZeroDuration(), [this] { return Now(); });
  }

  void Serve(std::vector<auth::PublicJwk> keys) {
    absl::MutexLock lock(&mu_);
    served_ = std::move(keys);
  }
  absl::Time Now() {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  void SetNow(absl::Time t) {
    absl::MutexLock lock(&mu_);
    now_ = t;
  }

  std::unique_ptr<JwtTokenVerifier> MakeVerifier(size_t capacity = 100) {
    return std::make_unique<JwtTokenVerifier>(jwks_, kIssuer, kAudience, capacity,
                                              [this] { return Now(); });
  }

  static std::string Token(const auth::SigningKey& key, std::string sub = "198503302010012001",
                           std::string tenant = "pemda-sleman") {
    auth::Claims c;
    c.iss = kIssuer;
    c.aud = kAudience;
    c.sub = std::move(sub);
    c.tenant = std::move(tenant);
    c.org_unit = "DISKOMINFO";
    c.roles = {"PEGAWAI", "ATASAN"};
    c.iat = kStart;
    c.exp = kExp;
    return key.Sign(c).value();
  }

  // Identity withdraws k1 and publishes k2; a token naming k2 makes the verifier's JWKS cache
  // learn it. Afterwards the keys accept nothing signed by k1.
  void WithdrawK1(JwtTokenVerifier& verifier) {
    Serve({k2_->ToJwk()});
    ASSERT_TRUE(verifier.Verify(Token(*k2_, "someone-else")).ok());
    absl::StatusOr<Principal> fresh = verifier.Verify(Token(*k1_, "a-third-one"));
    ASSERT_EQ(fresh.status().code(), absl::StatusCode::kUnauthenticated);
    ASSERT_EQ(fresh.status().message(), "unknown kid \"k1\"");
  }

  std::optional<auth::SigningKey> k1_, k2_;
  std::shared_ptr<auth::JwksCache> jwks_;
  absl::Mutex mu_;
  absl::StatusOr<std::vector<auth::PublicJwk>> served_ ABSL_GUARDED_BY(mu_);
  absl::Time now_ ABSL_GUARDED_BY(mu_) = absl::FromUnixSeconds(kStart + 10);
};

TEST_F(JwtTokenVerifierTest, ACachedTokenIsAcceptedWithoutVerifyingItAgain) {
  auto verifier = MakeVerifier();
  const std::string token = Token(*k1_);
  absl::StatusOr<Principal> first = verifier->Verify(token);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->tenant, "pemda-sleman");
  EXPECT_EQ(first->subject, "198503302010012001");
  EXPECT_EQ(first->org_unit, "DISKOMINFO");
  EXPECT_EQ(first->roles, (std::vector<Role>{Role::kPegawai, Role::kAtasan}));
  EXPECT_EQ(first->actor, "");

  WithdrawK1(*verifier);

  const uint64_t hits = verifier->cache().hits();
  absl::StatusOr<Principal> again = verifier->Verify(token);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->tenant, first->tenant);
  EXPECT_EQ(again->subject, first->subject);
  EXPECT_EQ(again->org_unit, first->org_unit);
  EXPECT_EQ(again->roles, first->roles);
  EXPECT_EQ(verifier->cache().hits(), hits + 1);
}

TEST_F(JwtTokenVerifierTest, AnExchangedTokenNamesItsActorFreshAndCached) {
  auth::Claims c;
  c.iss = kIssuer;
  c.aud = kAudience;
  c.sub = c.act_sub = "ekinerja-attendance";
  c.tenant = "pemda-sleman";
  c.roles = {"SERVICE"};
  c.iat = kStart;
  c.exp = kExp;
  const std::string token = k1_->Sign(c).value();
  auto verifier = MakeVerifier();
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<Principal> p = verifier->Verify(token);
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->actor, "ekinerja-attendance");
    EXPECT_EQ(p->roles, std::vector<Role>{Role::kService});
  }
  EXPECT_EQ(verifier->cache().hits(), 1u);
}

TEST_F(JwtTokenVerifierTest, WithoutTheCacheEveryCallIsVerified) {
  auto verifier = MakeVerifier(/*capacity=*/0);
  const std::string token = Token(*k1_);
  ASSERT_TRUE(verifier->Verify(token).ok());
  WithdrawK1(*verifier);
  EXPECT_EQ(verifier->Verify(token).status().message(), "unknown kid \"k1\"");
}

TEST_F(JwtTokenVerifierTest, TheCacheVouchesForATokenOnlyUntilItsExp) {
  auto verifier = MakeVerifier();
  const std::string token = Token(*k1_);
  ASSERT_TRUE(verifier->Verify(token).ok());
  WithdrawK1(*verifier);

  SetNow(absl::FromUnixSeconds(kExp) - absl::Seconds(1));
  EXPECT_TRUE(verifier->Verify(token).ok());
  // From exp on the cache misses, and verification (with k1 gone) refuses it.
  SetNow(absl::FromUnixSeconds(kExp));
  EXPECT_EQ(verifier->Verify(token).status().message(), "unknown kid \"k1\"");
}

TEST_F(JwtTokenVerifierTest, AnExpiredTokenIsRefusedOnceItsLeewayHasPassed) {
  auto verifier = MakeVerifier();
  const std::string token = Token(*k1_);
  ASSERT_TRUE(verifier->Verify(token).ok());
  ASSERT_EQ(verifier->cache().size(), 1u);

  // Inside the 30 s leeway the verifier still accepts it, but the cache no longer keeps it.
  SetNow(absl::FromUnixSeconds(kExp) + absl::Seconds(5));
  EXPECT_TRUE(verifier->Verify(token).ok());
  EXPECT_EQ(verifier->cache().size(), 0u);

  SetNow(absl::FromUnixSeconds(kExp) + absl::Seconds(31));
  absl::StatusOr<Principal> late = verifier->Verify(token);
  EXPECT_EQ(late.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(late.status().message(), "token expired");
}

TEST_F(JwtTokenVerifierTest, ATamperedTokenIsNotAHit) {
  auto verifier = MakeVerifier();
  const std::string token = Token(*k1_);
  ASSERT_TRUE(verifier->Verify(token).ok());
  // One byte of the signature changed (its first character, so no unused base64 bits).
  std::string tampered = token;
  const size_t sig = tampered.rfind('.') + 1;
  tampered[sig] = tampered[sig] == 'A' ? 'B' : 'A';
  const uint64_t misses = verifier->cache().misses();
  absl::StatusOr<Principal> outcome = verifier->Verify(tampered);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(outcome.status().message(), "bad signature");
  EXPECT_EQ(verifier->cache().misses(), misses + 1);
}

TEST_F(JwtTokenVerifierTest, RefusedTokensAreNeverCached) {
  auto verifier = MakeVerifier();
  EXPECT_EQ(verifier->Verify("not.a.jwt").status().code(), absl::StatusCode::kUnauthenticated);
  // Signed, but naming no tenant: verified by the keys, refused by the verifier.
  const std::string no_tenant = Token(*k1_, "198503302010012001", "");
  EXPECT_EQ(verifier->Verify(no_tenant).status().message(), "token has no tenant or subject");
  EXPECT_EQ(verifier->Verify(no_tenant).status().message(), "token has no tenant or subject");
  EXPECT_EQ(verifier->cache().size(), 0u);
  EXPECT_EQ(verifier->cache().hits(), 0u);
}

}  // namespace
}  // namespace ekinerja

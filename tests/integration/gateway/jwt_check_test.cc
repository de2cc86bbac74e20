// The gateway's JwtCheck with its cache of verified tokens (auth::VerifiedTokenCache), on real
// ES256 tokens and a JwksCache the test serves, with a clock the test moves. No network, no
// database. The witness that a hit is not verified again: once the JWKS has dropped the key that
// signed a token, only the cache can still accept it.

#include "upstream/jwt_check.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "jwks_cache.h"
#include "jwt.h"
#include "prometheus/registry.h"

namespace ekinerja::gateway {
namespace {

constexpr int64_t kStart = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kExp = kStart + 900;
constexpr char kIssuer[] = "ekinerja-identity";
constexpr char kAudience[] = "ekinerja";

class JwtCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    k1_.emplace(auth::SigningKey::Generate("k1").value());
    k2_.emplace(auth::SigningKey::Generate("k2").value());
    Serve({k1_->ToJwk()});
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

  std::unique_ptr<JwtCheck> MakeCheck(size_t capacity = 100) {
    JwtCheckOptions options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    options.threads = 1;
    options.cache_capacity = capacity;
    options.clock = [this] { return Now(); };
    return std::make_unique<JwtCheck>(jwks_, options, &registry_);
  }

  static std::string Bearer(const auth::SigningKey& key, std::string sub = "admin") {
    auth::Claims c;
    c.iss = kIssuer;
    c.aud = kAudience;
    c.sub = std::move(sub);
    c.tenant = "kota-sleman";
    c.roles = {"ADMIN_INSTANSI"};
    c.exp = kExp;
    return "Bearer " + key.Sign(c).value();
  }

  // Identity withdraws k1 and publishes k2; a request naming k2 makes the JWKS cache learn it.
  void WithdrawK1(JwtCheck& check) {
    Serve({k2_->ToJwk()});
    ASSERT_TRUE(check.Check({Bearer(*k2_, "other")}).ok());
    ASSERT_EQ(check.Check({Bearer(*k1_, "third")}).reason, "unknown_kid");
  }

  double Counter(const std::string& name, const std::map<std::string, std::string>& labels) {
    for (const auto& family : registry_.Collect()) {
      if (family.name != name) continue;
      for (const auto& metric : family.metric) {
        std::map<std::string, std::string> got;
        for (const auto& l : metric.label) got[l.name] = l.value;
        if (got == labels) return metric.counter.value;
      }
    }
    return -1;
  }

  std::optional<auth::SigningKey> k1_, k2_;
  std::shared_ptr<auth::JwksCache> jwks_;
  prometheus::Registry registry_;
  absl::Mutex mu_;
  absl::StatusOr<std::vector<auth::PublicJwk>> served_ ABSL_GUARDED_BY(mu_);
  absl::Time now_ ABSL_GUARDED_BY(mu_) = absl::FromUnixSeconds(kStart + 10);
};

TEST_F(JwtCheckTest, ARememberedTokenPassesWithoutBeingVerifiedAgain) {
  auto check = MakeCheck();
  const std::string bearer = Bearer(*k1_);
  JwtVerdict first = check->Check({bearer});
  ASSERT_TRUE(first.ok()) << first.message;
  EXPECT_EQ(first.claims.sub, "admin");
  EXPECT_EQ(first.claims.tenant, "kota-sleman");
  EXPECT_EQ(first.claims.roles, std::vector<std::string>{"ADMIN_INSTANSI"});

  WithdrawK1(*check);

  JwtVerdict again = check->Check({bearer});
  ASSERT_TRUE(again.ok()) << again.message;
  EXPECT_EQ(again.claims, first.claims);
  // Misses: bearer, k2's token, k1's fresh one; hits: bearer again.
  EXPECT_EQ(Counter("ekinerja_gateway_jwt_cache_lookups_total", {{"result", "miss"}}), 3);
  EXPECT_EQ(Counter("ekinerja_gateway_jwt_cache_lookups_total", {{"result", "hit"}}), 1);
}

TEST_F(JwtCheckTest, WithoutTheCacheEveryRequestIsVerified) {
  auto check = MakeCheck(/*capacity=*/0);
  const std::string bearer = Bearer(*k1_);
  ASSERT_TRUE(check->Check({bearer}).ok());
  WithdrawK1(*check);
  EXPECT_EQ(check->Check({bearer}).reason, "unknown_kid");
}

TEST_F(JwtCheckTest, ARememberedTokenIsRefusedOnceExpired) {
  auto check = MakeCheck();
  const std::string bearer = Bearer(*k1_);
  ASSERT_TRUE(check->Check({bearer}).ok());

  SetNow(absl::FromUnixSeconds(kExp) - absl::Seconds(1));
  EXPECT_TRUE(check->Check({bearer}).ok());
  SetNow(absl::FromUnixSeconds(kExp) + absl::Seconds(31));  // past exp and the 30 s leeway
  JwtVerdict late = check->Check({bearer});
  EXPECT_EQ(late.code, 16);
  EXPECT_EQ(late.reason, "expired");
  EXPECT_EQ(late.message, "Jwt is expired");
  EXPECT_EQ(check->cache().size(), 0u);
}

TEST_F(JwtCheckTest, RefusalsAreNeverRemembered) {
  auto check = MakeCheck();
  std::string tampered = Bearer(*k1_);
  const size_t sig = tampered.rfind('.') + 1;
  tampered[sig] = tampered[sig] == 'A' ? 'B' : 'A';
  EXPECT_EQ(check->Check({tampered}).reason, "bad_signature");
  EXPECT_EQ(check->Check({tampered}).reason, "bad_signature");
  EXPECT_EQ(check->Check({"Bearer not.a.jwt"}).reason, "malformed");
  EXPECT_EQ(check->cache().size(), 0u);
  EXPECT_EQ(Counter("ekinerja_gateway_jwt_cache_lookups_total", {{"result", "hit"}}), 0);
}

// CheckAsync gives what needs no verification (a remembered token, a missing one) at once on the
// caller's thread, the HTTP event loop's, and sends only a verification to the check's thread.
TEST_F(JwtCheckTest, AsyncAnswersARememberedTokenOnTheCallersThread) {
  auto check = MakeCheck();
  const std::string bearer = Bearer(*k1_);
  const std::thread::id caller = std::this_thread::get_id();

  struct Seen {
    absl::Notification done;
    std::thread::id thread;
    JwtVerdict verdict;
  };
  auto run = [&](std::vector<std::string> authorization, Seen& seen) {
    check->CheckAsync(std::move(authorization), [&seen](JwtVerdict v) {
      seen.thread = std::this_thread::get_id();
      seen.verdict = std::move(v);
      seen.done.Notify();
    });
  };

  Seen miss;
  run({bearer}, miss);
  miss.done.WaitForNotification();
  ASSERT_TRUE(miss.verdict.ok()) << miss.verdict.message;
  EXPECT_NE(miss.thread, caller);

  Seen hit;
  run({bearer}, hit);
  ASSERT_TRUE(hit.done.HasBeenNotified());  // before CheckAsync returned
  EXPECT_EQ(hit.thread, caller);
  EXPECT_EQ(hit.verdict.claims, miss.verdict.claims);

  Seen missing;
  run({}, missing);
  ASSERT_TRUE(missing.done.HasBeenNotified());
  EXPECT_EQ(missing.thread, caller);
  EXPECT_EQ(missing.verdict.reason, "missing");
  EXPECT_EQ(Counter("ekinerja_gateway_jwt_rejections_total", {{"reason", "missing"}}), 1);
  EXPECT_EQ(Counter("ekinerja_gateway_jwt_cache_lookups_total", {{"result", "miss"}}), 1);
  EXPECT_EQ(Counter("ekinerja_gateway_jwt_cache_lookups_total", {{"result", "hit"}}), 1);
}

}  // namespace
}  // namespace ekinerja::gateway

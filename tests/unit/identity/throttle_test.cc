#include "domain/throttle.h"

#include "gtest/gtest.h"

namespace ekinerja::identity {
namespace {

// Issue 8.7 (DESIGN §5): failed logins of one account from one address hold that address back,
// from the 5th failure, for 1 minute doubling each time, at most 15 minutes.
TEST(LoginBackoff, NoneBeforeTheFifthFailureThenDoublingUpToTheMaximum) {
  const auto backoff = [](int failures) {
    return LoginBackoff(failures, 5, absl::Minutes(1), absl::Minutes(15));
  };
  EXPECT_EQ(backoff(0), absl::ZeroDuration());
  EXPECT_EQ(backoff(4), absl::ZeroDuration());
  EXPECT_EQ(backoff(5), absl::Minutes(1));
  EXPECT_EQ(backoff(6), absl::Minutes(2));
  EXPECT_EQ(backoff(7), absl::Minutes(4));
  EXPECT_EQ(backoff(8), absl::Minutes(8));
  EXPECT_EQ(backoff(9), absl::Minutes(15));
  EXPECT_EQ(backoff(1000000), absl::Minutes(15));  // no overflow however long it goes on
}

TEST(SourceThrottle, RefusesASourceOverItsLimitUntilTheWindowPasses) {
  SourceThrottle throttle(3, absl::Minutes(5));
  const absl::Time t0 = absl::FromUnixSeconds(1700000000);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(throttle.Allowed("203.0.113.7", t0));
    throttle.RecordFailure("203.0.113.7", t0);
  }
  EXPECT_FALSE(throttle.Allowed("203.0.113.7", t0 + absl::Minutes(4)));
  EXPECT_TRUE(throttle.Allowed("198.51.100.9", t0));
  EXPECT_TRUE(throttle.Allowed("203.0.113.7", t0 + absl::Minutes(5)));
}

}  // namespace
}  // namespace ekinerja::identity

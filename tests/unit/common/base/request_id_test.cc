// The AIP-155 request-id rule every service's creates decide with (request_id.h).

#include "request_id.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

struct Made {
  std::string nip;
  int days = 0;
};

bool SameAs(const Made& a, const Made& b) { return a.nip == b.nip && a.days == b.days; }

TEST(CheckRequestId, NothingRecordedIsANewCreate) {
  const Made now{"198001012006041001", 2};
  auto use = CheckRequestId(
      std::optional<Made>(), [&](const Made& e) { return SameAs(e, now); }, "another absence");
  ASSERT_TRUE(use.ok()) << use.status();
  EXPECT_EQ(*use, RequestIdUse::kNew);
}

TEST(CheckRequestId, TheSameInputIsAReplay) {
  const Made now{"198001012006041001", 2};
  auto use = CheckRequestId(
      std::optional<Made>(now), [&](const Made& e) { return SameAs(e, now); }, "another absence");
  ASSERT_TRUE(use.ok()) << use.status();
  EXPECT_EQ(*use, RequestIdUse::kReplay);
}

TEST(CheckRequestId, OtherInputIsOneViolationOnRequestId) {
  const Made earlier{"198001012006041001", 2};
  const Made now{"198001012006041001", 3};
  auto use = CheckRequestId(
      std::optional<Made>(earlier), [&](const Made& e) { return SameAs(e, now); },
      "another absence");
  ASSERT_EQ(use.status().code(), absl::StatusCode::kInvalidArgument);
  const std::vector<FieldViolation> want = {{"request_id", "already used for another absence"}};
  EXPECT_EQ(FieldViolationsOf(use.status()), want);
}

TEST(CheckRequestIdText, OneLineOfAtMost128Characters) {
  Violations ok;
  EXPECT_TRUE(CheckRequestIdText(ok, ""));
  EXPECT_TRUE(CheckRequestIdText(ok, std::string(128, 'a')));
  EXPECT_TRUE(ok.empty());

  Violations bad;
  EXPECT_FALSE(CheckRequestIdText(bad, std::string(129, 'a')));
  EXPECT_FALSE(CheckRequestIdText(bad, "a\nb"));
  ASSERT_EQ(bad.list().size(), 2u);
  EXPECT_EQ(bad.list()[0], (FieldViolation{"request_id", "at most 128 characters"}));
  EXPECT_EQ(bad.list()[1], (FieldViolation{"request_id", "contains a line break or tab"}));
}

TEST(RequestIdRace, IsAbortedSoTheClientRetries) {
  EXPECT_EQ(RequestIdRace().code(), absl::StatusCode::kAborted);
}

}  // namespace
}  // namespace ekinerja

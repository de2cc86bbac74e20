#include "domain/entry_month.h"

#include <map>
#include <vector>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::CivilDay Nov(int d) { return absl::CivilDay(2026, 11, d); }

TEST(MinuteCapaian, BelowAtAndAboveTheTarget) {
  EXPECT_EQ(MinuteCapaian(6749, 6750).ToString(), "6749/6750");
  EXPECT_EQ(MinuteCapaian(6750, 6750).ToString(), "1");
  EXPECT_EQ(MinuteCapaian(7000, 6750).ToString(), "1");
  EXPECT_EQ(MinuteCapaian(3000, 6000).ToString(), "1/2");
  EXPECT_EQ(MinuteCapaian(0, 6750).ToString(), "0");
}

TEST(MinuteCapaian, ATargetOfZeroIsInvalid) {
  EXPECT_FALSE(MinuteCapaian(100, 0).valid());
  EXPECT_FALSE(MinuteCapaian(100, -1).valid());
}

TEST(ApprovalRatio, ApprovedOverSubmittedZeroWhenNone) {
  EXPECT_EQ(ApprovalRatio(3, 4).ToString(), "3/4");
  EXPECT_EQ(ApprovalRatio(4, 4).ToString(), "1");
  EXPECT_EQ(ApprovalRatio(0, 0).ToString(), "0");
}

TEST(Summarize, CountsTheMonth) {
  const std::vector<DayFacts> days = {
      {Nov(2), true, true},   // submitted and approved
      {Nov(3), true, true},   // submitted, not approved
      {Nov(4), true, true},   // only a draft
      {Nov(5), true, false},  // absent: not counted as missing
      {Nov(7), false, true},  // Saturday: not a workday
      {Nov(6), true, true},   // nothing at all
  };
  const std::vector<EntryFacts> entries = {
      {Nov(2), EntryStatus::kApproved, 240},  {Nov(2), EntryStatus::kRejected, 60},
      {Nov(3), EntryStatus::kSubmitted, 300}, {Nov(3), EntryStatus::kReturned, 30},
      {Nov(4), EntryStatus::kDraft, 120},     {Nov(4), EntryStatus::kWithdrawn, 45},
      {Nov(7), EntryStatus::kApproved, 100},  // a Saturday's approved minutes still count
  };
  const MonthSummary s = Summarize(days, entries, 6750);
  EXPECT_EQ(s.workdays, 5);
  EXPECT_EQ(s.workdays_present, 4);
  EXPECT_THAT(s.present_without_submitted, ElementsAre(Nov(4), Nov(6)));
  EXPECT_THAT(s.present_without_approved, ElementsAre(Nov(3), Nov(4), Nov(6)));
  EXPECT_EQ(s.approved_minutes, 340);
  EXPECT_EQ(s.target_minutes, 6750);
  EXPECT_EQ(s.capaian.ToString(), "34/675");
  // 2 approved of 5 submitted (approved x2, rejected, submitted, returned).
  EXPECT_EQ(s.approval_ratio.ToString(), "2/5");
  const std::map<EntryStatus, int> by_status = {
      {EntryStatus::kDraft, 1},    {EntryStatus::kSubmitted, 1}, {EntryStatus::kApproved, 2},
      {EntryStatus::kRejected, 1}, {EntryStatus::kReturned, 1},  {EntryStatus::kWithdrawn, 1}};
  EXPECT_EQ(s.entries_by_status, by_status);
}

TEST(Summarize, AnEmptyMonth) {
  const MonthSummary s = Summarize({{Nov(2), true, false}}, {}, 6750);
  EXPECT_EQ(s.workdays, 1);
  EXPECT_EQ(s.workdays_present, 0);
  EXPECT_THAT(s.present_without_submitted, IsEmpty());
  EXPECT_EQ(s.approved_minutes, 0);
  EXPECT_EQ(s.capaian.ToString(), "0");
  EXPECT_EQ(s.approval_ratio.ToString(), "0");
  EXPECT_THAT(s.entries_by_status, IsEmpty());
}

TEST(Summarize, CapaianCappedAtOne) {
  const MonthSummary s = Summarize(
      {}, {{Nov(2), EntryStatus::kApproved, 4000}, {Nov(3), EntryStatus::kApproved, 3000}}, 6750);
  EXPECT_EQ(s.approved_minutes, 7000);
  EXPECT_EQ(s.capaian.ToString(), "1");
}

}  // namespace
}  // namespace ekinerja::activity

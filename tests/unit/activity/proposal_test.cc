#include "domain/proposal.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

// "first..last" of a period, or the error's message.
std::string Days(absl::string_view text) {
  absl::StatusOr<ProposalPeriod> p = ParseProposalPeriod(text);
  if (!p.ok()) return std::string(p.status().message());
  return absl::StrCat(absl::FormatCivilTime(p->first), "..", absl::FormatCivilTime(p->last));
}

TEST(ParseProposalPeriod, MonthsAndQuartersAsSkpWritesThem) {
  EXPECT_EQ(Days("2026-M03"), "2026-03-01..2026-03-31");
  EXPECT_EQ(Days("2024-M02"), "2024-02-01..2024-02-29");
  EXPECT_EQ(Days("2026-M12"), "2026-12-01..2026-12-31");
  EXPECT_EQ(Days("2026-Q1"), "2026-01-01..2026-03-31");
  EXPECT_EQ(Days("2026-Q4"), "2026-10-01..2026-12-31");
  EXPECT_EQ(Days("2000-M01"), "2000-01-01..2000-01-31");
  EXPECT_EQ(Days("2100-Q4"), "2100-10-01..2100-12-31");
}

TEST(ParseProposalPeriod, RefusesAnythingElseNamingTheField) {
  for (const char* bad :
       {"", "2026", "2026-M3", "2026-M00", "2026-M13", "2026-Q0", "2026-Q5", "2026-Q01", "1999-M12",
        "2101-M01", "2026-m03", "2026-M+3", " 2026-Q1", "2026-H1", "20a6-M03"}) {
    absl::StatusOr<ProposalPeriod> p = ParseProposalPeriod(bad, "period");
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(SumProposals, ApprovedEntriesNamingAnRhkSummedPerRhk) {
  const std::vector<RhkProposal> got = SumProposals({
      {12, true, 2, 90},
      {11, true, 1, 120},
      {12, true, 3, 60},
      {12, false, 5, 300},  // not approved
      {0, true, 1, 45},     // tugas tambahan
      {11, true, 0, 30},
  });
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rhk_id, 11);
  EXPECT_EQ(got[0].output_quantity, 1);
  EXPECT_EQ(got[0].earned_minutes, 150);
  EXPECT_EQ(got[0].entries, 2);
  EXPECT_EQ(got[1].rhk_id, 12);
  EXPECT_EQ(got[1].output_quantity, 5);
  EXPECT_EQ(got[1].earned_minutes, 150);
  EXPECT_EQ(got[1].entries, 2);
}

TEST(SumProposals, NothingApprovedProposesNothing) {
  EXPECT_TRUE(SumProposals({{12, false, 1, 60}, {0, true, 1, 60}}).empty());
  EXPECT_TRUE(SumProposals({}).empty());
}

}  // namespace
}  // namespace ekinerja::activity

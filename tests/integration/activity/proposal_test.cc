// Realisation proposals for the SKP service (issue 11 item 6), against FakeSkpPlans.

#include "absl/strings/str_cat.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// What SKP got: "nip rhk period quantity minutes".
MATCHER_P5(Sent, nip, rhk, period, quantity, minutes, "") {
  return arg.nip == nip && arg.rhk_id == rhk && arg.period == period && arg.quantity == quantity &&
         arg.minutes == minutes;
}
// What the caller is answered.
MATCHER_P4(Proposed, rhk, quantity, minutes, entries, "") {
  return arg.rhk_id() == rhk && arg.output_quantity() == quantity &&
         arg.earned_minutes() == minutes && arg.entries() == entries;
}

class ProposalTest : public ActivityTest {
 protected:
  // staf_s1_a's entries around February 2026: RHK `rhk_` twice in February (approved), once
  // submitted, once on Jan 31 and once on Mar 2 (approved); RHK 77 once; a tugas tambahan.
  void SetUp() override {
    ActivityTest::SetUp();
    ASSERT_FALSE(HasFatalFailure());
    nip_ = seeded_.staf_s1_a;
    rhk_ = RhkOf(nip_);
    StoreEntry(nip_, absl::CivilDay(2026, 2, 2), 90, rhk_, 2);
    StoreEntry(nip_, absl::CivilDay(2026, 2, 27), 60, rhk_, 3);
    StoreEntry(nip_, absl::CivilDay(2026, 2, 3), 45, rhk_, 9, "SUBMITTED");
    StoreEntry(nip_, absl::CivilDay(2026, 2, 4), 120, 77, 1);
    StoreEntry(nip_, absl::CivilDay(2026, 2, 5), 30, 0, 1);
    StoreEntry(nip_, absl::CivilDay(2026, 1, 31), 200, rhk_, 4);
    StoreEntry(nip_, absl::CivilDay(2026, 3, 2), 15, rhk_, 1);
    // Another employee's approved entry for the same RHK id counts only for them.
    StoreEntry(seeded_.staf_s1_b, absl::CivilDay(2026, 2, 2), 100, rhk_, 1);
  }

  grpc::Status Propose(const std::string& token, const std::string& nip, const std::string& period,
                       av1::ProposeRealisationsResponse* resp) {
    av1::ProposeRealisationsRequest req;
    req.set_nip(nip);
    req.set_period(period);
    return activity().ProposeRealisations(Ctx(token).get(), req, resp);
  }

  std::string nip_;
  int64_t rhk_ = 0;
};

TEST_F(ProposalTest, TheMonthsApprovedEntriesSummedPerRhkGoToSkp) {
  av1::ProposeRealisationsResponse resp;
  ASSERT_TRUE(Ok(Propose(Token(nip_), nip_, "2026-M02", &resp)));
  EXPECT_EQ(resp.nip(), nip_);
  EXPECT_EQ(resp.period(), "2026-M02");
  EXPECT_THAT(resp.proposals(), ElementsAre(Proposed(77, 1, 120, 1), Proposed(rhk_, 5, 150, 2)));
  EXPECT_THAT(plans().proposals(), ElementsAre(Sent(nip_, 77, "2026-M02", 1, 120),
                                               Sent(nip_, rhk_, "2026-M02", 5, 150)));
  EXPECT_EQ(plans().CallCount("Propose"), 1);
}

TEST_F(ProposalTest, AQuarterTakesItsThreeMonths) {
  av1::ProposeRealisationsResponse resp;
  ASSERT_TRUE(Ok(Propose(Token(nip_), nip_, "2026-Q1", &resp)));
  // Jan 31 (4, 200) + February (5, 150) + Mar 2 (1, 15).
  EXPECT_THAT(resp.proposals(), ElementsAre(Proposed(77, 1, 120, 1), Proposed(rhk_, 10, 365, 4)));
  EXPECT_THAT(plans().proposals(),
              ElementsAre(Sent(nip_, 77, "2026-Q1", 1, 120), Sent(nip_, rhk_, "2026-Q1", 10, 365)));
}

TEST_F(ProposalTest, AskedAgainProposesTheSameForSkpToReplace) {
  av1::ProposeRealisationsResponse first, second;
  ASSERT_TRUE(Ok(Propose(Token(nip_), nip_, "2026-M02", &first)));
  ASSERT_TRUE(Ok(Propose(Token(nip_), nip_, "2026-M02", &second)));
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_THAT(
      plans().proposals(),
      ElementsAre(Sent(nip_, 77, "2026-M02", 1, 120), Sent(nip_, rhk_, "2026-M02", 5, 150),
                  Sent(nip_, 77, "2026-M02", 1, 120), Sent(nip_, rhk_, "2026-M02", 5, 150)));
}

TEST_F(ProposalTest, NothingApprovedProposesNothing) {
  av1::ProposeRealisationsResponse resp;
  ASSERT_TRUE(Ok(Propose(Token(nip_), nip_, "2026-M04", &resp)));
  EXPECT_THAT(resp.proposals(), IsEmpty());
  EXPECT_EQ(plans().CallCount("Propose"), 0);
}

TEST_F(ProposalTest, TheTenantAdminProposesForAnyone) {
  av1::ProposeRealisationsResponse resp;
  ASSERT_TRUE(Ok(Propose(Token(integration::kTenantAdmin), nip_, "2026-M02", &resp)));
  EXPECT_THAT(plans().proposals(), ElementsAre(Sent(nip_, 77, "2026-M02", 1, 120),
                                               Sent(nip_, rhk_, "2026-M02", 5, 150)));
}

TEST_F(ProposalTest, AColleagueTheSupervisorAndAnotherTenantAreRefused) {
  av1::ProposeRealisationsResponse resp;
  EXPECT_TRUE(HasCode(Propose(Token(seeded_.staf_s1_b), nip_, "2026-M02", &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  // Only the employee accepts their realisation: their atasan does not propose it for them.
  EXPECT_TRUE(HasCode(Propose(Token(seeded_.staf_p2p), nip_, "2026-M02", &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Propose(Token(integration::kAuditor), nip_, "2026-M02", &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Propose(OtherSupervisor(), nip_, "2026-M02", &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  // Another tenant's admin: their tenant has no such employee.
  EXPECT_TRUE(HasCode(Propose(OtherAdmin(), nip_, "2026-M02", &resp), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(plans().CallCount("Propose"), 0);
}

TEST_F(ProposalTest, BadInputOneViolationPerFieldAndNothingSent) {
  av1::ProposeRealisationsResponse resp;
  grpc::Status st = Propose(Token(nip_), "12345", "2026-M13", &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "period"));
  // The year is the final evaluation's, not a period activity proposes for.
  for (const char* period : {"2026", "2026-Q5", "2026-M2", ""}) {
    st = Propose(Token(nip_), nip_, period, &resp);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT)) << period;
    EXPECT_THAT(ViolatedFields(st), ElementsAre("period")) << period;
  }
  EXPECT_EQ(plans().CallCount("Propose"), 0);
}

}  // namespace
}  // namespace ekinerja::activity::it

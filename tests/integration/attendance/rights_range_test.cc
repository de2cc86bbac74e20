// Reads over a range are checked on every day of it (issue 8, item 4): a supervisor reads an
// employee's attendance only for the days the org tree gave them that employee. Here staf_s1_a
// moves from S1 (whose Plt Kasi is staf_p2p) to YANKES on kMoved; staf_p2p stays ATASAN (of
// staf_s1_b), so only the day of each read decides.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_identity_fixture.h"

namespace ekinerja::attendance::it {
namespace {

const absl::CivilDay kMoved(2025, 7, 1);
const absl::CivilDay kJune(2025, 6, 2), kJuneEnd(2025, 6, 30), kJuly(2025, 7, 31);

class RightsRangeTest : public AttendanceIdentityTest {
 protected:
  void SetUp() override {
    AttendanceIdentityTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    MoveEmployee(seeded_.staf_s1_a, "DINKES.YANKES.STAF", kMoved);
    if (HasFatalFailure()) return;
    plt_ = Token(seeded_, seeded_.staf_p2p);
  }

  grpc::StatusCode ListAbsences(absl::CivilDay first, absl::CivilDay last) {
    av1::ListAbsencesRequest req;
    req.set_nip(seeded_.staf_s1_a);
    *req.mutable_start_date() = Date(first);
    *req.mutable_end_date() = Date(last);
    av1::ListAbsencesResponse resp;
    return att().ListAbsences(Ctx(plt_).get(), req, &resp).error_code();
  }

  grpc::StatusCode ListCorrections(absl::CivilDay first, absl::CivilDay last) {
    av1::ListCorrectionsRequest req;
    req.set_nip(seeded_.staf_s1_a);
    *req.mutable_start_date() = Date(first);
    *req.mutable_end_date() = Date(last);
    av1::ListCorrectionsResponse resp;
    return att().ListCorrections(Ctx(plt_).get(), req, &resp).error_code();
  }

  grpc::StatusCode ListDays(absl::CivilDay first, absl::CivilDay last) {
    av1::ListAttendanceDaysRequest req;
    req.set_nip(seeded_.staf_s1_a);
    *req.mutable_start_date() = Date(first);
    *req.mutable_end_date() = Date(last);
    av1::ListAttendanceDaysResponse resp;
    return att().ListAttendanceDays(Ctx(plt_).get(), req, &resp).error_code();
  }

  grpc::StatusCode ListRoster(absl::CivilDay first, absl::CivilDay last) {
    av1::ListRosterDaysRequest req;
    req.set_nip(seeded_.staf_s1_a);
    *req.mutable_start_date() = Date(first);
    *req.mutable_end_date() = Date(last);
    av1::ListRosterDaysResponse resp;
    return att().ListRosterDays(Ctx(plt_).get(), req, &resp).error_code();
  }

  grpc::StatusCode Month(int month) {
    av1::GetMonthlySummaryRequest req;
    req.set_nip(seeded_.staf_s1_a);
    req.set_year(2025);
    req.set_month(month);
    av1::MonthlySummary resp;
    return att().GetMonthlySummary(Ctx(plt_).get(), req, &resp).error_code();
  }

  std::string plt_;
};

TEST_F(RightsRangeTest, ASupervisorListsRequestsOnlyOfTheDaysTheySupervised) {
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(ListAbsences(kJune, kJuneEnd), grpc::StatusCode::OK);
  EXPECT_EQ(ListAbsences(kJune, kJuly), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListAbsences(kMoved, kJuly), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListCorrections(kJune, kJuneEnd), grpc::StatusCode::OK);
  EXPECT_EQ(ListCorrections(kJune, kJuly), grpc::StatusCode::PERMISSION_DENIED);
  // A range of decades is not checked day by day: it is refused as a range.
  EXPECT_EQ(ListAbsences(kJune, absl::CivilDay(2099, 12, 31)), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ListCorrections(kJune, absl::CivilDay(2099, 12, 31)),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(RightsRangeTest, ASupervisorReadsDaysMonthsAndRostersOnlyOfTheDaysTheySupervised) {
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(ListDays(kJune, kJuneEnd), grpc::StatusCode::OK);
  EXPECT_EQ(ListDays(kJune, kJuly), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ListRoster(kJune, kJuneEnd), grpc::StatusCode::OK);
  EXPECT_EQ(ListRoster(kJune, kJuly), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Month(6), grpc::StatusCode::OK);
  EXPECT_EQ(Month(7), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(RightsRangeTest, TenantWideReadersAndTheEmployeeReadTheWholeRange) {
  ASSERT_FALSE(HasFatalFailure());
  for (const std::string& token :
       {admin_token_, Token(seeded_, identity::it::kAuditor), Token(seeded_, seeded_.staf_s1_a)}) {
    plt_ = token;
    EXPECT_EQ(ListAbsences(kJune, kJuly), grpc::StatusCode::OK);
    EXPECT_EQ(ListDays(kJune, kJuly), grpc::StatusCode::OK);
    EXPECT_EQ(Month(7), grpc::StatusCode::OK);
  }
}

}  // namespace
}  // namespace ekinerja::attendance::it

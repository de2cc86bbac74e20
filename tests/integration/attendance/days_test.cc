// The reads of daily summaries: who may read whose days (identity's rights, as the fake directory
// answers them: self, supervisors incl. a Plt, the OPD admin in scope, tenant-wide roles; never
// another tenant), streaming an org unit's range, a month's counts, bad input, and the admin's
// recompute.

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

class DaysTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    // staf_p2p (PIN 3) on kWednesday: in 08:01 (31 minutes late), out 15:10 (50 minutes early).
    av1::IngestReport report;
    ASSERT_TRUE(Ok(Push(service_token_,
                        {Punch("3", absl::CivilSecond(2025, 3, 12, 8, 1, 0)),
                         Punch("3", absl::CivilSecond(2025, 3, 12, 15, 10, 0))},
                        &report)));
  }

  grpc::Status Get(const std::string& token, const std::string& nip, av1::AttendanceDay* out,
                   absl::CivilDay day = kWednesday) {
    av1::GetAttendanceDayRequest req;
    req.set_nip(nip);
    *req.mutable_date() = Date(day);
    return att().GetAttendanceDay(Ctx(token).get(), req, out);
  }
};

TEST_F(DaysTest, TheDayCarriesTimesMinutesAndTiers) {
  ASSERT_FALSE(HasFatalFailure());
  const av1::AttendanceDay day =
      Day(Token(seeded_, seeded_.staf_p2p), seeded_.staf_p2p, kWednesday);
  EXPECT_EQ(day.nip(), seeded_.staf_p2p);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_TERLAMBAT_DAN_PULANG_CEPAT);
  EXPECT_EQ(day.first_in_local(), "08:01:00");
  EXPECT_EQ(day.last_out_local(), "15:10:00");
  EXPECT_EQ(day.minutes_late(), 31);
  EXPECT_EQ(day.minutes_early(), 50);
  EXPECT_EQ(day.tl_tier(), 2);
  EXPECT_EQ(day.psw_tier(), 2);
  EXPECT_TRUE(day.checked_in());
  // Nobody else punched: a workday without punch or absence; the weekend is LIBUR.
  const av1::AttendanceDay absent = Day(admin_token_, seeded_.staf_s1_a, kWednesday);
  EXPECT_EQ(absent.status(), av1::DAY_STATUS_TANPA_KETERANGAN);
  EXPECT_FALSE(absent.checked_in());
  EXPECT_EQ(absent.tl_tier(), 0);
  EXPECT_EQ(Day(admin_token_, seeded_.staf_s1_a, absl::CivilDay(2025, 3, 15)).status(),
            av1::DAY_STATUS_LIBUR);
}

TEST_F(DaysTest, EachCallerReadsOnlyWhomIdentityLetsThemRead) {
  ASSERT_FALSE(HasFatalFailure());
  av1::AttendanceDay out;
  const std::string& target = seeded_.staf_p2p;
  // Themselves, their supervisor and the head above, tenant-wide roles, the OPD admin of P2P.
  EXPECT_TRUE(Ok(Get(Token(seeded_, target), target, &out)));
  EXPECT_TRUE(Ok(Get(Token(seeded_, seeded_.kabid_p2p), target, &out)));
  EXPECT_TRUE(Ok(Get(Token(seeded_, seeded_.kadis), target, &out)));
  EXPECT_TRUE(Ok(Get(admin_token_, target, &out)));
  EXPECT_TRUE(Ok(Get(Token(seeded_, integration::kAuditor), target, &out)));
  EXPECT_TRUE(Ok(Get(service_token_, target, &out)));
  EXPECT_TRUE(Ok(Get(Token(seeded_, integration::kOpdAdmin), target, &out)));
  // A Plt supervises the unit they act for: staf_p2p is Plt head of DINKES.P2P.S1.
  EXPECT_TRUE(Ok(Get(Token(seeded_, target), seeded_.staf_s1_a, &out)));
  // Peers, subordinates reading up, another bidang, the OPD admin outside P2P.
  EXPECT_TRUE(HasCode(Get(Token(seeded_, seeded_.staf_s1_a), seeded_.staf_s1_b, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get(Token(seeded_, seeded_.staf_s1_a), target, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get(Token(seeded_, seeded_.staf_yankes), target, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get(Token(seeded_, integration::kOpdAdmin), seeded_.staf_yankes, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  // Another tenant's admin and employee (the tenant has no such employee), and the platform
  // operator.
  const SeededTenant other = SeedTenant("kota-lain");
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_TRUE(HasCode(Get(other.admin_token, target, &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(
      HasCode(Get(Token(other, other.kadis), target, &out), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get(PlatformToken(), target, &out), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get("", target, &out), grpc::StatusCode::UNAUTHENTICATED));
  // Nothing of another tenant's is computed for a caller who may not read it.
  EXPECT_EQ(Count("SELECT count(*) FROM day_summaries WHERE tenant_id <> 'dinkes'"), 0);
}

TEST_F(DaysTest, BadInputIsNamedByField) {
  ASSERT_FALSE(HasFatalFailure());
  av1::AttendanceDay out;
  av1::GetAttendanceDayRequest get;
  get.set_nip("123");
  grpc::Status st = att().GetAttendanceDay(Ctx(admin_token_).get(), get, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "date"));
  // A day that has not happened yet.
  EXPECT_TRUE(HasCode(Get(admin_token_, seeded_.staf_p2p, &out, absl::CivilDay(2099, 1, 5)),
                      grpc::StatusCode::OUT_OF_RANGE));

  av1::ListAttendanceDaysRequest list;
  list.set_nip(seeded_.staf_p2p);
  *list.mutable_start_date() = Date(absl::CivilDay(2025, 1, 1));
  *list.mutable_end_date() = Date(absl::CivilDay(2025, 6, 1));
  av1::ListAttendanceDaysResponse days;
  st = att().ListAttendanceDays(Ctx(admin_token_).get(), list, &days);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("end_date"));

  av1::GetMonthlySummaryRequest month;
  month.set_nip(seeded_.staf_p2p);
  month.set_year(2025);
  month.set_month(13);
  av1::MonthlySummary summary;
  st = att().GetMonthlySummary(Ctx(admin_token_).get(), month, &summary);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("month"));
  EXPECT_EQ(Count("SELECT count(*) FROM day_summaries WHERE nip = '" + seeded_.staf_p2p +
                  "' AND day <> '2025-03-11' AND day <> '2025-03-12' AND day <> '2025-03-13'"),
            0);
}

TEST_F(DaysTest, ListAttendanceDaysGivesEveryDayOfTheRange) {
  ASSERT_FALSE(HasFatalFailure());
  av1::ListAttendanceDaysRequest req;
  req.set_nip(seeded_.staf_p2p);
  *req.mutable_start_date() = Date(absl::CivilDay(2025, 3, 10));
  *req.mutable_end_date() = Date(absl::CivilDay(2025, 3, 16));
  av1::ListAttendanceDaysResponse resp;
  ASSERT_TRUE(
      Ok(att().ListAttendanceDays(Ctx(Token(seeded_, seeded_.staf_p2p)).get(), req, &resp)));
  std::vector<int> statuses;
  for (const auto& d : resp.days()) statuses.push_back(d.status());
  EXPECT_THAT(
      statuses,
      ElementsAre(av1::DAY_STATUS_TANPA_KETERANGAN, av1::DAY_STATUS_TANPA_KETERANGAN,
                  av1::DAY_STATUS_TERLAMBAT_DAN_PULANG_CEPAT, av1::DAY_STATUS_TANPA_KETERANGAN,
                  av1::DAY_STATUS_TANPA_KETERANGAN, av1::DAY_STATUS_LIBUR, av1::DAY_STATUS_LIBUR));
  req.set_nip(seeded_.staf_s1_b);
  EXPECT_TRUE(
      HasCode(att().ListAttendanceDays(Ctx(Token(seeded_, seeded_.staf_yankes)).get(), req, &resp),
              grpc::StatusCode::PERMISSION_DENIED));
}

// What attendance asks identity for a range (the fake records it): one question for the whole
// range of a supervisor, one for a role reading the whole tenant, none for oneself.
TEST_F(DaysTest, ARangeIsAskedOfIdentityOnce) {
  ASSERT_FALSE(HasFatalFailure());
  const absl::CivilDay first(2025, 3, 10), last(2025, 3, 16);
  av1::ListAttendanceDaysRequest req;
  req.set_nip(seeded_.staf_s1_b);
  *req.mutable_start_date() = Date(first);
  *req.mutable_end_date() = Date(last);
  av1::ListAttendanceDaysResponse resp;
  const std::string kabid = Token(seeded_, seeded_.kabid_p2p);
  directory().ClearCalls();
  ASSERT_TRUE(Ok(att().ListAttendanceDays(Ctx(kabid).get(), req, &resp)));
  EXPECT_EQ(resp.days_size(), 7);
  auto calls = directory().calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "CheckReadsEmployeeDuring");
  EXPECT_EQ(calls[0].bearer, kabid);
  EXPECT_EQ(calls[0].subject, seeded_.staf_s1_b);
  EXPECT_EQ(calls[0].first, first);
  EXPECT_EQ(calls[0].last, last);

  directory().ClearCalls();
  ASSERT_TRUE(Ok(att().ListAttendanceDays(Ctx(admin_token_).get(), req, &resp)));
  calls = directory().calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "CheckReadsEmployee");
  EXPECT_EQ(calls[0].first, first);

  directory().ClearCalls();
  ASSERT_TRUE(
      Ok(att().ListAttendanceDays(Ctx(Token(seeded_, seeded_.staf_s1_b)).get(), req, &resp)));
  EXPECT_EQ(directory().calls().size(), 0u);
}

TEST_F(DaysTest, MonthlySummaryCountsWorkdaysStatusesAndTiers) {
  ASSERT_FALSE(HasFatalFailure());
  av1::GetMonthlySummaryRequest req;
  req.set_nip(seeded_.staf_p2p);
  req.set_year(2025);
  req.set_month(3);
  av1::MonthlySummary m;
  ASSERT_TRUE(Ok(att().GetMonthlySummary(Ctx(service_token_).get(), req, &m)));
  // March 2025: 21 weekdays, 10 weekend days; one day late and early, 20 without a punch.
  EXPECT_EQ(m.workdays(), 21);
  std::vector<std::pair<int, int>> by_status;
  for (const auto& c : m.by_status()) by_status.push_back({c.status(), c.days()});
  EXPECT_THAT(by_status,
              ElementsAre(std::pair<int, int>(av1::DAY_STATUS_TERLAMBAT_DAN_PULANG_CEPAT, 1),
                          std::pair<int, int>(av1::DAY_STATUS_TANPA_KETERANGAN, 20),
                          std::pair<int, int>(av1::DAY_STATUS_LIBUR, 10)));
  EXPECT_THAT(m.tl_tier_days(), ElementsAre(0, 0, 1, 0, 0));
  EXPECT_THAT(m.psw_tier_days(), ElementsAre(0, 0, 1, 0, 0));
  EXPECT_EQ(m.minutes_late(), 31);
  EXPECT_EQ(m.minutes_early(), 50);
  // A colleague in another bidang may not ask.
  EXPECT_TRUE(
      HasCode(att().GetMonthlySummary(Ctx(Token(seeded_, seeded_.staf_yankes)).get(), req, &m),
              grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(DaysTest, StreamsAnOrgUnitsDaysInNipAndDateOrder) {
  ASSERT_FALSE(HasFatalFailure());
  av1::StreamDaySummariesRequest req;
  req.set_org_unit_code("DINKES.P2P");
  *req.mutable_start_date() = Date(kWednesday);
  *req.mutable_end_date() = Date(kWednesday + 1);
  auto ctx = Ctx(admin_token_);
  auto reader = att().StreamDaySummaries(ctx.get(), req);
  std::vector<std::string> keys;
  av1::AttendanceDay day;
  while (reader->Read(&day)) {
    keys.push_back(day.nip() + "/" + std::to_string(day.date().day()) + "/" +
                   av1::DayStatus_Name(day.status()));
  }
  ASSERT_TRUE(Ok(reader->Finish()));
  std::vector<std::string> nips = {seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a,
                                   seeded_.staf_s1_b};
  std::sort(nips.begin(), nips.end());
  std::vector<std::string> want;
  for (const auto& nip : nips) {
    want.push_back(nip + "/12/" +
                   (nip == seeded_.staf_p2p ? "DAY_STATUS_TERLAMBAT_DAN_PULANG_CEPAT"
                                            : "DAY_STATUS_TANPA_KETERANGAN"));
    want.push_back(nip + "/13/DAY_STATUS_TANPA_KETERANGAN");
  }
  EXPECT_THAT(keys, ElementsAreArray(want));

  // The whole tenant needs a tenant-wide role; a unit outside the OPD admin's scope is refused.
  req.clear_org_unit_code();
  auto denied_ctx = Ctx(Token(seeded_, seeded_.kadis));
  auto denied = att().StreamDaySummaries(denied_ctx.get(), req);
  while (denied->Read(&day)) {
  }
  EXPECT_TRUE(HasCode(denied->Finish(), grpc::StatusCode::PERMISSION_DENIED));
  req.set_org_unit_code("DINKES.YANKES");
  auto opd_ctx = Ctx(Token(seeded_, integration::kOpdAdmin));
  auto opd = att().StreamDaySummaries(opd_ctx.get(), req);
  while (opd->Read(&day)) {
  }
  EXPECT_TRUE(HasCode(opd->Finish(), grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(DaysTest, RecomputeDaysIsTheAdminsAndRewritesTheRange) {
  ASSERT_FALSE(HasFatalFailure());
  av1::RecomputeDaysRequest req;
  req.add_nips(seeded_.staf_p2p);
  *req.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
  *req.mutable_end_date() = Date(absl::CivilDay(2025, 3, 31));
  av1::RecomputeDaysResponse resp;
  ASSERT_TRUE(Ok(att().RecomputeDays(Ctx(admin_token_).get(), req, &resp)));
  EXPECT_EQ(resp.days_recomputed(), 31);
  EXPECT_EQ(Count("SELECT count(*) FROM day_summaries WHERE nip = '" + seeded_.staf_p2p + "'"), 31);
  EXPECT_EQ(Count("SELECT count(*) FROM dirty_days"), 0);
  EXPECT_TRUE(HasCode(att().RecomputeDays(Ctx(Token(seeded_, seeded_.kadis)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  req.add_nips("12");
  const grpc::Status st = att().RecomputeDays(Ctx(admin_token_).get(), req, &resp);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nips[1]"));
}

}  // namespace
}  // namespace ekinerja::attendance::it

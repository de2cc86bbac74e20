// Beban kerja per position and unit (issue 11 item 7; DOMAIN §5), against the fakes of identity
// and attendance (FakeAttendance: Monday to Friday are workdays unless a test sets a day).

#include "absl/strings/str_cat.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;

// A row: "unit position holders workdays workload available ej(n/d fixed) grade staffing(n/d
// fixed)".
std::string Row(const av1::WorkloadRow& r) {
  return absl::StrCat(r.org_unit_code(), " ", r.position_code(), " ", r.holders(), " ",
                      r.workdays(), " ", r.workload_minutes(), " ", r.available_minutes(), " ",
                      r.ej_numerator(), "/", r.ej_denominator(), "=", r.ej(), " ", r.grade(), " ",
                      r.staffing_numerator(), "/", r.staffing_denominator(), "=",
                      r.implied_staffing());
}
template <typename Repeated>
std::vector<std::string> Rows(const Repeated& rows) {
  std::vector<std::string> out;
  for (const av1::WorkloadRow& r : rows) out.push_back(Row(r));
  return out;
}

class WorkloadTest : public ActivityTest {
 protected:
  // `nip`'s approved entries on the workdays of January 2026 from the 5th: `minutes` in all, 600
  // a day.
  void ApprovedInJanuary(const std::string& nip, int64_t minutes) {
    for (absl::CivilDay d(2026, 1, 5); minutes > 0; ++d) {
      if (absl::GetWeekday(d) == absl::Weekday::saturday ||
          absl::GetWeekday(d) == absl::Weekday::sunday) {
        continue;
      }
      const int m = static_cast<int>(std::min<int64_t>(600, minutes));
      StoreEntry(nip, d, m, RhkOf(nip), 1);
      minutes -= m;
    }
  }

  grpc::Status Get(const std::string& token, const std::string& unit, int year, int month,
                   av1::Workload* resp) {
    av1::GetWorkloadRequest req;
    req.set_org_unit_code(unit);
    req.set_year(year);
    req.set_month(month);
    return activity().GetWorkload(Ctx(token).get(), req, resp);
  }
};

TEST_F(WorkloadTest, AMonthPerPositionAndUnitOfASubtree) {
  // January 2026 has 22 workdays: 22 x 300 = 6600 available minutes per holder.
  ApprovedInJanuary(seeded_.staf_s1_a, 6000);
  ApprovedInJanuary(seeded_.staf_s1_b, 5880);
  ApprovedInJanuary(seeded_.kabid_p2p, 6601);
  // Not approved, outside the month, or outside the subtree: none of it counts.
  StoreEntry(seeded_.staf_p2p, absl::CivilDay(2026, 1, 6), 300, RhkOf(seeded_.staf_p2p), 1,
             "SUBMITTED");
  StoreEntry(seeded_.staf_p2p, absl::CivilDay(2026, 2, 2), 300, RhkOf(seeded_.staf_p2p), 1);
  StoreEntry(seeded_.staf_yankes, absl::CivilDay(2026, 1, 6), 300, RhkOf(seeded_.staf_yankes), 1);

  av1::Workload w;
  ASSERT_TRUE(Ok(Get(Token(integration::kTenantAdmin), "DINKES.P2P", 2026, 1, &w)));
  EXPECT_EQ(w.start_date().day(), 1);
  EXPECT_EQ(w.end_date().day(), 31);
  EXPECT_EQ(w.effective_minutes_per_workday(), 300);
  EXPECT_THAT(Rows(w.positions()),
              ElementsAre(
                  // 6601 of 6600: above 1.00 is A.
                  "DINKES.P2P DINKES.P2P.KABID 1 22 6601 6600 6601/6600=1.00 A 6601/6600=1.00",
                  "DINKES.P2P DINKES.P2P.STAF 1 22 0 6600 0/1=0.00 E 0/1=0.00",
                  // 11880 of 13200: exactly 0.90 is B; 1.8 holders would do.
                  "DINKES.P2P.S1 DINKES.P2P.S1.STAF 2 22 11880 13200 9/10=0.90 B 9/5=1.80"));
  EXPECT_THAT(Rows(w.units()),
              ElementsAre("DINKES.P2P  2 22 6601 13200 6601/13200=0.50 D 6601/6600=1.00",
                          "DINKES.P2P.S1  2 22 11880 13200 9/10=0.90 B 9/5=1.80"));
  // The month's days of the whole subtree in one stream, not one per employee.
  EXPECT_EQ(attendance().CallCount("StreamDays"), 1);
  EXPECT_EQ(attendance().CallCount("DaysOf"), 0);
}

TEST_F(WorkloadTest, AWorkdayOfOneHolderIsAWorkdayOfTheirGroup) {
  // staf_s1_b is rostered on Saturday, January 3: their position and unit have 23 workdays,
  // 2 x 23 x 300 = 13800; 11880 of it is 0.86 (C).
  ApprovedInJanuary(seeded_.staf_s1_a, 6000);
  ApprovedInJanuary(seeded_.staf_s1_b, 5880);
  clients::AttendanceDay saturday;
  saturday.nip = seeded_.staf_s1_b;
  saturday.date = absl::CivilDay(2026, 1, 3);
  saturday.workday = true;
  saturday.status = "TANPA_KETERANGAN";
  attendance().SetDay(saturday);
  av1::Workload w;
  ASSERT_TRUE(Ok(Get(Token(integration::kOpdAdmin), "DINKES.P2P.S1", 2026, 1, &w)));
  EXPECT_THAT(Rows(w.positions()),
              ElementsAre("DINKES.P2P.S1 DINKES.P2P.S1.STAF 2 23 11880 13800 99/115=0.86 C "
                          "198/115=1.72"));
}

TEST_F(WorkloadTest, AYearOfTheTenantInFourStreams) {
  // 2025 (a past year): 261 workdays Monday to Friday, 78300 available minutes per holder.
  StoreEntry(seeded_.staf_yankes, absl::CivilDay(2025, 3, 3), 900, RhkOf(seeded_.staf_yankes), 1);
  StoreEntry(seeded_.staf_yankes, absl::CivilDay(2026, 1, 5), 900, RhkOf(seeded_.staf_yankes), 1);
  av1::Workload w;
  ASSERT_TRUE(Ok(Get(ServiceToken(), "", 2025, 0, &w)));
  EXPECT_EQ(w.start_date().month(), 1);
  EXPECT_EQ(w.end_date().month(), 12);
  EXPECT_EQ(w.end_date().day(), 31);
  ASSERT_EQ(w.positions_size(), 7);  // every position held (the S1 head is vacant)
  EXPECT_EQ(Row(w.positions(6)),
            "DINKES.YANKES DINKES.YANKES.STAF 1 261 900 78300 1/87=0.01 E 1/87=0.01");
  EXPECT_THAT(Rows(w.units()),
              ElementsAre("DINKES  2 261 0 156600 0/1=0.00 E 0/1=0.00",
                          "DINKES.P2P  2 261 0 156600 0/1=0.00 E 0/1=0.00",
                          "DINKES.P2P.S1  2 261 0 156600 0/1=0.00 E 0/1=0.00",
                          "DINKES.YANKES  2 261 900 156600 1/174=0.01 E 1/87=0.01"));
  // 365 days in streams of at most 92 days.
  EXPECT_EQ(attendance().CallCount("StreamDays"), 4);
}

TEST_F(WorkloadTest, TheCurrentYearCountsUpToToday) {
  av1::Workload w;
  ASSERT_TRUE(Ok(Get(Token(integration::kAuditor), "DINKES.YANKES", 2026, 0, &w)));
  EXPECT_EQ(w.end_date().month(), 2);
  EXPECT_EQ(w.end_date().day(), 10);  // kToday
  ASSERT_EQ(w.units_size(), 1);
  EXPECT_EQ(w.units(0).workdays(), 29);  // Jan 1 to Feb 10, Monday to Friday
}

TEST_F(WorkloadTest, OnlyTenantWideRolesServiceAndTheOpdAdminOfTheSubtree) {
  ApprovedInJanuary(seeded_.staf_s1_a, 600);
  av1::Workload w;
  for (const std::string& who : {seeded_.kabid_p2p, seeded_.staf_s1_a}) {
    EXPECT_TRUE(
        HasCode(Get(Token(who), "DINKES.P2P", 2026, 1, &w), grpc::StatusCode::PERMISSION_DENIED))
        << who;
  }
  EXPECT_TRUE(HasCode(Get(Token(integration::kOpdAdmin), "DINKES.YANKES", 2026, 1, &w),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get(Token(integration::kOpdAdmin), "", 2026, 1, &w),
                      grpc::StatusCode::PERMISSION_DENIED));
  // Another tenant's admin sees their own tenant: none of these minutes.
  w.Clear();
  ASSERT_TRUE(Ok(Get(OtherAdmin(), "", 2026, 1, &w)));
  for (const av1::WorkloadRow& r : w.units()) EXPECT_EQ(r.workload_minutes(), 0) << Row(r);
}

TEST_F(WorkloadTest, BadInputOneViolationPerField) {
  av1::Workload w;
  grpc::Status st = Get(Token(integration::kTenantAdmin), "DINKES\nP2P", 1999, 13, &w);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("org_unit_code", "year", "month"));
  st = Get(Token(integration::kTenantAdmin), "", 2026, 3, &w);  // not begun on kToday
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("month"));
  EXPECT_EQ(attendance().CallCount("StreamDays"), 0);
}

}  // namespace
}  // namespace ekinerja::activity::it

// The shared Attendance client's HolidaysIn (services/common/clients/attendance.h) against the real
// attendance service over gRPC (ListHolidays, a year per call), and the fake of tests/mocks held
// to the same answers (the contract the warning service's tests rely on).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "civil.h"
#include "clients/attendance.h"
#include "fake_attendance.h"
#include "integration/attendance/attendance_fixture.h"
#include "status.h"

namespace ekinerja::attendance::it {
namespace {

// "date kind name" of each holiday, or the error as "CODE field,field".
std::string Holidays(clients::Attendance& att, const std::string& token, absl::CivilDay first,
                     absl::CivilDay last) {
  absl::StatusOr<std::vector<clients::Holiday>> got = att.HolidaysIn(token, first, last);
  if (!got.ok()) {
    std::vector<std::string> fields;
    for (const FieldViolation& v : FieldViolationsOf(got.status())) fields.push_back(v.field);
    return absl::StrCat(absl::StatusCodeToString(got.status().code()), " ",
                        absl::StrJoin(fields, ","));
  }
  std::vector<std::string> out;
  for (const clients::Holiday& h : *got) {
    out.push_back(absl::StrCat(FormatDate(h.date), " ", h.kind, " ", h.name));
  }
  return absl::StrJoin(out, "; ");
}

// Holidays on both sides of a new year: Nyepi 2025, Christmas, cuti bersama the day after, and
// new year's day 2026.
class HolidaysClientTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    for (const clients::Holiday& h : kHolidays) {
      av1::CreateHolidayRequest req;
      *req.mutable_holiday()->mutable_date() = Date(h.date);
      req.mutable_holiday()->set_name(h.name);
      av1::HolidayKind kind;
      ASSERT_TRUE(av1::HolidayKind_Parse("HOLIDAY_KIND_" + h.kind, &kind)) << h.kind;
      req.mutable_holiday()->set_kind(kind);
      av1::Holiday out;
      ASSERT_TRUE(Ok(att().CreateHoliday(Ctx(admin_token_).get(), req, &out)));
    }
    client_ = clients::MakeAttendanceClient(Channel(), absl::Seconds(5), absl::ZeroDuration());
  }

  const std::vector<clients::Holiday> kHolidays = {
      {absl::CivilDay(2025, 3, 29), "Hari Suci Nyepi", "LIBUR_NASIONAL"},
      {absl::CivilDay(2025, 12, 25), "Hari Raya Natal", "LIBUR_NASIONAL"},
      {absl::CivilDay(2025, 12, 26), "Cuti bersama Natal", "CUTI_BERSAMA"},
      {absl::CivilDay(2026, 1, 1), "Tahun Baru 2026 Masehi", "LIBUR_NASIONAL"},
  };
  std::unique_ptr<clients::Attendance> client_;
};

TEST_F(HolidaysClientTest, TheClientReadsTheHolidaysOfARangeAcrossYears) {
  EXPECT_EQ(
      Holidays(*client_, service_token_, absl::CivilDay(2025, 12, 1), absl::CivilDay(2026, 1, 31)),
      "2025-12-25 LIBUR_NASIONAL Hari Raya Natal; "
      "2025-12-26 CUTI_BERSAMA Cuti bersama Natal; "
      "2026-01-01 LIBUR_NASIONAL Tahun Baru 2026 Masehi");
  // The range's ends are in it; a range without any is empty.
  EXPECT_EQ(
      Holidays(*client_, service_token_, absl::CivilDay(2025, 3, 29), absl::CivilDay(2025, 12, 25)),
      "2025-03-29 LIBUR_NASIONAL Hari Suci Nyepi; "
      "2025-12-25 LIBUR_NASIONAL Hari Raya Natal");
  EXPECT_EQ(Holidays(*client_, service_token_, absl::CivilDay(2025, 12, 27),
                     absl::CivilDay(2025, 12, 31)),
            "");
  // Any caller of the tenant reads them; another tenant has its own (none).
  EXPECT_EQ(Holidays(*client_, Token(seeded_, seeded_.staf_s1_a), absl::CivilDay(2026, 1, 1),
                     absl::CivilDay(2026, 1, 1)),
            "2026-01-01 LIBUR_NASIONAL Tahun Baru 2026 Masehi");
  EXPECT_EQ(
      Holidays(*client_, OtherAdmin(), absl::CivilDay(2025, 1, 1), absl::CivilDay(2026, 12, 31)),
      "");
}

TEST_F(HolidaysClientTest, RefusalsPassThroughTheClient) {
  EXPECT_EQ(Holidays(*client_, "", absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 1, 1)),
            "UNAUTHENTICATED ");
  EXPECT_EQ(
      Holidays(*client_, service_token_, absl::CivilDay(1990, 1, 1), absl::CivilDay(1990, 1, 31)),
      "INVALID_ARGUMENT year");
  EXPECT_EQ(
      Holidays(*client_, service_token_, absl::CivilDay(2026, 1, 2), absl::CivilDay(2026, 1, 1)),
      "INVALID_ARGUMENT last");
}

// The fake answers as attendance does, told the same holidays; and its days follow them.
TEST_F(HolidaysClientTest, TheFakeAnswersAsTheRealService) {
  mocks::FakeAttendance fake(directory());
  for (const clients::Holiday& h : kHolidays) fake.SetHoliday(h);
  for (const std::string& token : {service_token_, admin_token_, Token(seeded_, seeded_.kadis)}) {
    for (const auto& [first, last] : std::vector<std::pair<absl::CivilDay, absl::CivilDay>>{
             {absl::CivilDay(2025, 1, 1), absl::CivilDay(2026, 12, 31)},
             {absl::CivilDay(2025, 12, 26), absl::CivilDay(2026, 1, 1)},
             {absl::CivilDay(2026, 1, 2), absl::CivilDay(2026, 3, 1)},
             {absl::CivilDay(2026, 1, 2), absl::CivilDay(2026, 1, 1)}}) {
      SCOPED_TRACE(absl::StrCat(FormatDate(first), " ", FormatDate(last)));
      EXPECT_EQ(Holidays(*client_, token, first, last), Holidays(fake, token, first, last));
    }
  }
  // A holiday nobody punched on is LIBUR, not a workday, in the fake as in attendance.
  auto days = fake.DaysOf(admin_token_, seeded_.staf_s1_a, absl::CivilDay(2025, 12, 25),
                          absl::CivilDay(2025, 12, 25));
  ASSERT_TRUE(days.ok()) << days.status();
  EXPECT_FALSE((*days)[0].workday);
  EXPECT_EQ((*days)[0].status, "LIBUR");
  av1::AttendanceDay real = Day(admin_token_, seeded_.staf_s1_a, absl::CivilDay(2025, 12, 25));
  EXPECT_EQ(real.status(), av1::DAY_STATUS_LIBUR);
}

}  // namespace
}  // namespace ekinerja::attendance::it

// Which template an employee works (precedence of assignments), how a koreksi presensi turns into
// punches and changes the tier, how absence kinds read, and a month's counts.

#include "domain/calendar.h"

#include <vector>

#include "civil.h"
#include "domain/month_summary.h"
#include "gtest/gtest.h"

namespace ekinerja::attendance {
namespace {

const absl::CivilDay kMonday(2026, 3, 2);
const std::vector<std::string> kPath = {"DINKES", "DINKES.P2P", "DINKES.P2P.S1"};
constexpr char kNip[] = "198507122010011001";

ScheduleAssignment Assign(int64_t id, std::string code, std::string nip, std::string unit,
                          absl::CivilDay start, std::optional<absl::CivilDay> end = std::nullopt) {
  return {id, std::move(code), std::move(nip), std::move(unit), start, end};
}

TEST(TemplateCodeOn, WithoutAssignmentsTheTenantWorksTheDefaultWeek) {
  EXPECT_EQ(TemplateCodeOn(kMonday, kNip, kPath, {}), "5HK");
}

TEST(TemplateCodeOn, OwnBeatsNearestUnitBeatsAncestorBeatsTenant) {
  const absl::CivilDay from(2026, 1, 1);
  std::vector<ScheduleAssignment> a = {Assign(1, "TENANT", "", "", from),
                                       Assign(2, "OPD", "", "DINKES", from)};
  EXPECT_EQ(TemplateCodeOn(kMonday, kNip, kPath, a), "OPD");
  a.push_back(Assign(3, "SEKSI", "", "DINKES.P2P.S1", from));
  EXPECT_EQ(TemplateCodeOn(kMonday, kNip, kPath, a), "SEKSI");
  a.push_back(Assign(4, "OWN", kNip, "", from));
  EXPECT_EQ(TemplateCodeOn(kMonday, kNip, kPath, a), "OWN");
  // Someone else's own assignment and an unrelated unit do not apply.
  EXPECT_EQ(TemplateCodeOn(kMonday, "199001012015011002", {"DINKES", "DINKES.YANKES"}, a), "OPD");
  EXPECT_EQ(TemplateCodeOn(kMonday, "199001012015011002", {"DISDIK"}, a), "TENANT");
}

TEST(TemplateCodeOn, ARangeAppliesInsideItOnlyAndTheLatestStartWins) {
  std::vector<ScheduleAssignment> a = {
      Assign(1, "5HK", "", "", absl::CivilDay(2020, 1, 1)),
      Assign(2, "RAMADAN", "", "", absl::CivilDay(2026, 2, 18), absl::CivilDay(2026, 3, 19))};
  EXPECT_EQ(TemplateCodeOn(absl::CivilDay(2026, 2, 17), kNip, kPath, a), "5HK");
  EXPECT_EQ(TemplateCodeOn(absl::CivilDay(2026, 2, 18), kNip, kPath, a), "RAMADAN");
  EXPECT_EQ(TemplateCodeOn(absl::CivilDay(2026, 3, 19), kNip, kPath, a), "RAMADAN");
  EXPECT_EQ(TemplateCodeOn(absl::CivilDay(2026, 3, 20), kNip, kPath, a), "5HK");
  // Same target and start: the later id.
  a.push_back(Assign(3, "6HK", "", "", absl::CivilDay(2026, 2, 18), absl::CivilDay(2026, 3, 19)));
  EXPECT_EQ(TemplateCodeOn(absl::CivilDay(2026, 3, 2), kNip, kPath, a), "6HK");
}

TEST(AbsenceCategory, EveryCutiIsCutiAndUnknownIsNone) {
  EXPECT_EQ(AbsenceCategory("IZIN"), AbsenceKind::kIzin);
  EXPECT_EQ(AbsenceCategory("SAKIT"), AbsenceKind::kSakit);
  EXPECT_EQ(AbsenceCategory("CUTI_TAHUNAN"), AbsenceKind::kCuti);
  EXPECT_EQ(AbsenceCategory("CUTI_MELAHIRKAN"), AbsenceKind::kCuti);
  EXPECT_EQ(AbsenceCategory("DINAS_LUAR"), AbsenceKind::kDinasLuar);
  EXPECT_EQ(AbsenceCategory("TUGAS_BELAJAR"), AbsenceKind::kTugasBelajar);
  EXPECT_EQ(AbsenceCategory("LIBUR"), AbsenceKind::kNone);
}

TEST(CorrectionPunches, ACorrectedCheckInChangesTheTier) {
  const absl::TimeZone wib = *LoadZone("Asia/Jakarta");
  DayInputs in;
  in.date = kMonday;
  in.hours = DefaultFiveDayWeek().HoursOn(kMonday);
  // In at 08:15 (45 minutes late: TL 2), out at 16:02.
  in.punches = {{absl::FromCivil(absl::CivilSecond(2026, 3, 2, 8, 15, 0), wib), wib},
                {absl::FromCivil(absl::CivilSecond(2026, 3, 2, 16, 2, 0), wib), wib}};
  DaySummary before = ClassifyDay(in);
  EXPECT_EQ(before.status, DayStatus::kTerlambat);
  EXPECT_EQ(before.minutes_late, 45);
  EXPECT_EQ(before.tl_tier, 2);
  // The device missed the 07:25 check-in; the approved correction restores it.
  for (const Punch& p : CorrectionPunches(kMonday, in.hours, 7 * 60 + 25, std::nullopt, wib)) {
    in.punches.push_back(p);
  }
  DaySummary after = ClassifyDay(in);
  EXPECT_EQ(after.status, DayStatus::kHadir);
  EXPECT_EQ(after.minutes_late, 0);
  EXPECT_EQ(after.tl_tier, 0);
  EXPECT_EQ(after.first_in->local, absl::CivilSecond(2026, 3, 2, 7, 25, 0));
}

TEST(CorrectionPunches, ACheckOutBeforeANightShiftStartsIsTheNextMorning) {
  const absl::TimeZone wib = *LoadZone("Asia/Jakarta");
  const std::optional<WorkHours> night = NightShift(kMonday).hours;  // 22:00–06:00
  const auto punches = CorrectionPunches(kMonday, night, 22 * 60, 6 * 60, wib);
  ASSERT_EQ(punches.size(), 2u);
  EXPECT_EQ(absl::ToCivilSecond(punches[0].at, wib), absl::CivilSecond(2026, 3, 2, 22, 0, 0));
  EXPECT_EQ(absl::ToCivilSecond(punches[1].at, wib), absl::CivilSecond(2026, 3, 3, 6, 0, 0));
  // On a day shift the same minute stays on the day.
  const auto day =
      CorrectionPunches(kMonday, DefaultFiveDayWeek().HoursOn(kMonday), std::nullopt, 6 * 60, wib);
  EXPECT_EQ(absl::ToCivilSecond(day[0].at, wib), absl::CivilSecond(2026, 3, 2, 6, 0, 0));
}

TEST(SummarizeMonth, CountsWorkdaysStatusesTiersAndMinutes) {
  const WorkHours hours{450, 960};
  auto day = [&](DayStatus status, int late = 0, int tl = 0, int early = 0, int psw = 0,
                 bool scheduled = true) {
    DayOfMonth d;
    if (scheduled) d.scheduled = hours;
    d.summary.status = status;
    d.summary.minutes_late = late;
    d.summary.tl_tier = tl;
    d.summary.minutes_early = early;
    d.summary.psw_tier = psw;
    return d;
  };
  const MonthSummary m = SummarizeMonth({
      day(DayStatus::kHadir), day(DayStatus::kTerlambat, 31, 2),
      day(DayStatus::kPulangCepat, 0, 0, 95, 4), day(DayStatus::kTanpaKeterangan),
      day(DayStatus::kSakit), day(DayStatus::kLibur, 0, 0, 0, 0, false),
      day(DayStatus::kLibur),  // a holiday on a scheduled weekday
  });
  EXPECT_EQ(m.workdays, 5);
  EXPECT_EQ(m.by_status.at(DayStatus::kLibur), 2);
  EXPECT_EQ(m.by_status.at(DayStatus::kSakit), 1);
  EXPECT_EQ(m.by_status.at(DayStatus::kTanpaKeterangan), 1);
  EXPECT_EQ(m.tl_tier_days, (std::array<int, 5>{2, 0, 1, 0, 0}));
  EXPECT_EQ(m.psw_tier_days, (std::array<int, 5>{2, 0, 0, 0, 1}));
  EXPECT_EQ(m.minutes_late, 31);
  EXPECT_EQ(m.minutes_early, 95);
}

}  // namespace
}  // namespace ekinerja::attendance

#include "domain/day_classifier.h"

#include <optional>
#include <string>
#include <vector>

#include "civil.h"
#include "domain/schedule.h"
#include "gtest/gtest.h"

namespace ekinerja::attendance {
namespace {

const absl::CivilDay kMonday(2026, 3, 2);
const absl::CivilDay kTuesday(2026, 3, 3);
const absl::CivilDay kFriday(2026, 3, 6);
const absl::CivilDay kSaturday(2026, 3, 7);

absl::TimeZone Zone(const char* name) { return *LoadZone(name); }
absl::TimeZone Wib() { return Zone("Asia/Jakarta"); }

// A punch at the wall-clock time `hh:mm:ss` of `day` on a device in `zone`.
Punch At(absl::CivilDay day, int hh, int mm, int ss = 0, absl::TimeZone zone = Wib()) {
  return Punch{
      absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), hh, mm, ss), zone),
      zone};
}

absl::CivilSecond Local(absl::CivilDay day, int hh, int mm, int ss = 0) {
  return absl::CivilSecond(day.year(), day.month(), day.day(), hh, mm, ss);
}

// A Monday of the default 5-day week (07:30–16:00) with `punches`.
DayInputs Monday(std::vector<Punch> punches) {
  DayInputs in;
  in.date = kMonday;
  in.hours = DefaultFiveDayWeek().HoursOn(kMonday);
  in.punches = std::move(punches);
  return in;
}

TEST(TierOf, FollowsTheDefaultTableEdges) {
  const TierThresholds tiers = DefaultTierThresholds();
  EXPECT_EQ(tiers.max_minutes, (std::array<int, 3>{30, 60, 90}));
  EXPECT_EQ(TierOf(-5, tiers), 0);
  EXPECT_EQ(TierOf(0, tiers), 0);
  EXPECT_EQ(TierOf(1, tiers), 1);
  EXPECT_EQ(TierOf(30, tiers), 1);
  EXPECT_EQ(TierOf(31, tiers), 2);
  EXPECT_EQ(TierOf(60, tiers), 2);
  EXPECT_EQ(TierOf(61, tiers), 3);
  EXPECT_EQ(TierOf(90, tiers), 3);
  EXPECT_EQ(TierOf(91, tiers), 4);
  EXPECT_EQ(TierOf(600, tiers), 4);
}

TEST(TierOf, UsesATenantsOwnThresholds) {
  const TierThresholds tiers{{15, 45, 75}};
  EXPECT_EQ(TierOf(15, tiers), 1);
  EXPECT_EQ(TierOf(16, tiers), 2);
  EXPECT_EQ(TierOf(46, tiers), 3);
  EXPECT_EQ(TierOf(76, tiers), 4);
}

TEST(DayStatusName, NamesEveryStatus) {
  EXPECT_EQ(DayStatusName(DayStatus::kHadir), "HADIR");
  EXPECT_EQ(DayStatusName(DayStatus::kTerlambat), "TERLAMBAT");
  EXPECT_EQ(DayStatusName(DayStatus::kPulangCepat), "PULANG_CEPAT");
  EXPECT_EQ(DayStatusName(DayStatus::kTerlambatDanPulangCepat), "TERLAMBAT_DAN_PULANG_CEPAT");
  EXPECT_EQ(DayStatusName(DayStatus::kTanpaKeterangan), "TANPA_KETERANGAN");
  EXPECT_EQ(DayStatusName(DayStatus::kIzin), "IZIN");
  EXPECT_EQ(DayStatusName(DayStatus::kSakit), "SAKIT");
  EXPECT_EQ(DayStatusName(DayStatus::kCuti), "CUTI");
  EXPECT_EQ(DayStatusName(DayStatus::kDinasLuar), "DINAS_LUAR");
  EXPECT_EQ(DayStatusName(DayStatus::kTugasBelajar), "TUGAS_BELAJAR");
  EXPECT_EQ(DayStatusName(DayStatus::kLibur), "LIBUR");
}

TEST(ClassifyDay, OnTimeIsHadir) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 7, 25, 13), At(kMonday, 16, 3, 40)}));
  EXPECT_EQ(s.status, DayStatus::kHadir);
  ASSERT_TRUE(s.first_in.has_value());
  ASSERT_TRUE(s.last_out.has_value());
  EXPECT_EQ(s.first_in->local, Local(kMonday, 7, 25, 13));
  EXPECT_EQ(s.first_in->at, At(kMonday, 7, 25, 13).at);
  EXPECT_EQ(s.last_out->local, Local(kMonday, 16, 3, 40));
  EXPECT_EQ(s.minutes_late, 0);
  EXPECT_EQ(s.minutes_early, 0);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, ExactlyAtStartAndEndIsHadir) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 7, 30), At(kMonday, 16, 0)}));
  EXPECT_EQ(s.status, DayStatus::kHadir);
  EXPECT_EQ(s.minutes_late, 0);
  EXPECT_EQ(s.minutes_early, 0);
}

TEST(ClassifyDay, IgnoresTheOrderOfPunchesAndTakesFirstAndLast) {
  const DaySummary s = ClassifyDay(
      Monday({At(kMonday, 12, 5), At(kMonday, 16, 10), At(kMonday, 7, 20), At(kMonday, 13, 0)}));
  EXPECT_EQ(s.status, DayStatus::kHadir);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 7, 20));
  EXPECT_EQ(s.last_out->local, Local(kMonday, 16, 10));
}

struct EdgeCase {
  int hh, mm, ss;
  int minutes;
  int tier;
};

TEST(ClassifyDay, LateMinutesAreFlooredAndTieredAtTheEdges) {
  const EdgeCase cases[] = {
      {7, 30, 59, 0, 0}, {7, 31, 0, 1, 1},  {8, 0, 0, 30, 1}, {8, 0, 59, 30, 1}, {8, 1, 0, 31, 2},
      {8, 30, 0, 60, 2}, {8, 31, 0, 61, 3}, {9, 0, 0, 90, 3}, {9, 1, 0, 91, 4},  {11, 0, 0, 210, 4},
  };
  for (const EdgeCase& c : cases) {
    SCOPED_TRACE(std::to_string(c.hh) + ":" + std::to_string(c.mm) + ":" + std::to_string(c.ss));
    const DaySummary s = ClassifyDay(Monday({At(kMonday, c.hh, c.mm, c.ss), At(kMonday, 16, 0)}));
    EXPECT_EQ(s.minutes_late, c.minutes);
    EXPECT_EQ(s.tl_tier, c.tier);
    EXPECT_EQ(s.minutes_early, 0);
    EXPECT_EQ(s.psw_tier, 0);
    EXPECT_EQ(s.status, c.tier == 0 ? DayStatus::kHadir : DayStatus::kTerlambat);
  }
}

TEST(ClassifyDay, EarlyMinutesAreFlooredAndTieredAtTheEdges) {
  const EdgeCase cases[] = {
      {15, 59, 1, 0, 0},  {15, 59, 0, 1, 1},  {15, 30, 0, 30, 1}, {15, 29, 1, 30, 1},
      {15, 29, 0, 31, 2}, {15, 0, 0, 60, 2},  {14, 59, 0, 61, 3}, {14, 30, 0, 90, 3},
      {14, 29, 0, 91, 4}, {12, 0, 0, 240, 4},
  };
  for (const EdgeCase& c : cases) {
    SCOPED_TRACE(std::to_string(c.hh) + ":" + std::to_string(c.mm) + ":" + std::to_string(c.ss));
    const DaySummary s = ClassifyDay(Monday({At(kMonday, 7, 15), At(kMonday, c.hh, c.mm, c.ss)}));
    EXPECT_EQ(s.minutes_early, c.minutes);
    EXPECT_EQ(s.psw_tier, c.tier);
    EXPECT_EQ(s.minutes_late, 0);
    EXPECT_EQ(s.tl_tier, 0);
    EXPECT_EQ(s.status, c.tier == 0 ? DayStatus::kHadir : DayStatus::kPulangCepat);
  }
}

TEST(ClassifyDay, FridayEndsAt1630) {
  DayInputs in;
  in.date = kFriday;
  in.hours = DefaultFiveDayWeek().HoursOn(kFriday);
  in.punches = {At(kFriday, 7, 29), At(kFriday, 16, 0)};
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.status, DayStatus::kPulangCepat);
  EXPECT_EQ(s.minutes_early, 30);
  EXPECT_EQ(s.psw_tier, 1);
}

TEST(ClassifyDay, LateAndEarlyIsBoth) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 8, 15), At(kMonday, 15, 0)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambatDanPulangCepat);
  EXPECT_EQ(s.minutes_late, 45);
  EXPECT_EQ(s.tl_tier, 2);
  EXPECT_EQ(s.minutes_early, 60);
  EXPECT_EQ(s.psw_tier, 2);
}

TEST(ClassifyDay, CheckInWithoutCheckOutIsPswTier4) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 7, 25)}));
  EXPECT_EQ(s.status, DayStatus::kPulangCepat);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 7, 25));
  EXPECT_EQ(s.last_out, std::nullopt);
  EXPECT_EQ(s.minutes_late, 0);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.minutes_early, 0);
  EXPECT_EQ(s.psw_tier, 4);
}

TEST(ClassifyDay, LateCheckInWithoutCheckOutKeepsItsLateTier) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 8, 10)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambatDanPulangCepat);
  EXPECT_EQ(s.minutes_late, 40);
  EXPECT_EQ(s.tl_tier, 2);
  EXPECT_EQ(s.psw_tier, 4);
}

TEST(ClassifyDay, SinglePunchAfterTheMidpointIsACheckOutWithoutCheckIn) {
  // 07:30–16:00 has its midpoint at 11:45.
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 16, 5)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambat);
  EXPECT_EQ(s.first_in, std::nullopt);
  EXPECT_EQ(s.last_out->local, Local(kMonday, 16, 5));
  EXPECT_EQ(s.minutes_late, 0);
  EXPECT_EQ(s.tl_tier, 4);
  EXPECT_EQ(s.minutes_early, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, SinglePunchExactlyAtTheMidpointIsACheckOut) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 11, 45)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambatDanPulangCepat);
  EXPECT_EQ(s.first_in, std::nullopt);
  EXPECT_EQ(s.last_out->local, Local(kMonday, 11, 45));
  EXPECT_EQ(s.tl_tier, 4);
  EXPECT_EQ(s.minutes_early, 255);
  EXPECT_EQ(s.psw_tier, 4);
}

TEST(ClassifyDay, SinglePunchJustBeforeTheMidpointIsACheckIn) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 11, 44, 59)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambatDanPulangCepat);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 11, 44, 59));
  EXPECT_EQ(s.last_out, std::nullopt);
  EXPECT_EQ(s.minutes_late, 254);
  EXPECT_EQ(s.tl_tier, 4);
  EXPECT_EQ(s.psw_tier, 4);
}

TEST(ClassifyDay, ACorrectionAddingTheForgottenCheckOutChangesThePswTier) {
  DayInputs in = Monday({At(kMonday, 7, 20)});
  EXPECT_EQ(ClassifyDay(in).psw_tier, 4);
  in.punches.push_back(At(kMonday, 16, 2));  // koreksi presensi, approved
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.status, DayStatus::kHadir);
  EXPECT_EQ(s.psw_tier, 0);
  EXPECT_EQ(s.last_out->local, Local(kMonday, 16, 2));
}

TEST(ClassifyDay, NoPunchAndNoAbsenceIsTanpaKeteranganWithoutTiers) {
  const DaySummary s = ClassifyDay(Monday({}));
  EXPECT_EQ(s.status, DayStatus::kTanpaKeterangan);
  EXPECT_EQ(s.first_in, std::nullopt);
  EXPECT_EQ(s.last_out, std::nullopt);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, PunchesOnlyOutsideTheWindowAreTanpaKeterangan) {
  // The window of 07:30–16:00 is 03:30 (inclusive) to 20:00 (exclusive).
  const DaySummary s = ClassifyDay(Monday(
      {At(kMonday, 3, 29, 59), At(kMonday, 20, 0), At(kMonday, 23, 10), At(kTuesday, 7, 25)}));
  EXPECT_EQ(s.status, DayStatus::kTanpaKeterangan);
  EXPECT_EQ(s.first_in, std::nullopt);
  EXPECT_EQ(s.last_out, std::nullopt);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, WindowEdgesCountInclusiveAtTheStart) {
  const DaySummary s = ClassifyDay(Monday({At(kMonday, 3, 30), At(kMonday, 19, 59, 59)}));
  EXPECT_EQ(s.status, DayStatus::kHadir);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 3, 30));
  EXPECT_EQ(s.last_out->local, Local(kMonday, 19, 59, 59));
}

TEST(ClassifyDay, WindowMarginIsData) {
  DayInputs in = Monday({At(kMonday, 6, 29), At(kMonday, 16, 0)});
  in.window_margin_minutes = 60;
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.status, DayStatus::kTerlambat);  // the 06:29 punch is outside 06:30–17:00
  EXPECT_EQ(s.tl_tier, 4);
  EXPECT_EQ(s.first_in, std::nullopt);
  EXPECT_EQ(s.last_out->local, Local(kMonday, 16, 0));
}

TEST(ClassifyDay, UsesTheTenantsTierThresholds) {
  DayInputs in = Monday({At(kMonday, 7, 50), At(kMonday, 16, 0)});
  in.tiers = TierThresholds{{15, 45, 75}};
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.minutes_late, 20);
  EXPECT_EQ(s.tl_tier, 2);
}

TEST(ClassifyDay, HolidayIsLiburEvenWithPunches) {
  DayInputs in = Monday({At(kMonday, 9, 0), At(kMonday, 11, 0)});
  in.holiday = true;
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.status, DayStatus::kLibur);
  EXPECT_EQ(s.minutes_late, 0);
  EXPECT_EQ(s.minutes_early, 0);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, HolidayWinsOverAnAbsence) {
  DayInputs in = Monday({});
  in.holiday = true;
  in.absence = AbsenceKind::kCuti;
  EXPECT_EQ(ClassifyDay(in).status, DayStatus::kLibur);
}

TEST(ClassifyDay, WeekendOfTheFiveDayWeekIsLibur) {
  DayInputs in;
  in.date = kSaturday;
  in.hours = DefaultFiveDayWeek().HoursOn(kSaturday);
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.status, DayStatus::kLibur);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, ApprovedAbsenceOverAPunchlessDayIsTheAbsence) {
  const std::pair<AbsenceKind, DayStatus> cases[] = {
      {AbsenceKind::kIzin, DayStatus::kIzin},
      {AbsenceKind::kSakit, DayStatus::kSakit},
      {AbsenceKind::kCuti, DayStatus::kCuti},
      {AbsenceKind::kDinasLuar, DayStatus::kDinasLuar},
      {AbsenceKind::kTugasBelajar, DayStatus::kTugasBelajar},
  };
  for (const auto& [kind, status] : cases) {
    SCOPED_TRACE(std::string(DayStatusName(status)));
    DayInputs in = Monday({});
    in.absence = kind;
    const DaySummary s = ClassifyDay(in);
    EXPECT_EQ(s.status, status);
    EXPECT_EQ(s.first_in, std::nullopt);
    EXPECT_EQ(s.last_out, std::nullopt);
    EXPECT_EQ(s.tl_tier, 0);
    EXPECT_EQ(s.psw_tier, 0);
  }
}

TEST(ClassifyDay, ApprovedAbsenceWinsOverALateSinglePunchButReportsIt) {
  DayInputs in = Monday({At(kMonday, 10, 0)});
  in.absence = AbsenceKind::kDinasLuar;
  const DaySummary s = ClassifyDay(in);
  EXPECT_EQ(s.status, DayStatus::kDinasLuar);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 10, 0));
  EXPECT_EQ(s.last_out, std::nullopt);
  EXPECT_EQ(s.minutes_late, 0);
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

DayInputs NightShiftMonday(std::vector<Punch> punches) {
  DayInputs in;
  in.date = kMonday;
  in.hours = HoursFor(kMonday, DefaultFiveDayWeek(), {NightShift(kMonday)});
  in.punches = std::move(punches);
  return in;
}

TEST(ClassifyDay, NightShiftCrossingMidnightTakesTheNextMorningsCheckOut) {
  const DaySummary s = ClassifyDay(NightShiftMonday({At(kMonday, 21, 55), At(kTuesday, 6, 2)}));
  EXPECT_EQ(s.status, DayStatus::kHadir);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 21, 55));
  EXPECT_EQ(s.last_out->local, Local(kTuesday, 6, 2));
  EXPECT_EQ(s.tl_tier, 0);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, NightShiftLateAndEarlyAcrossMidnight) {
  const DaySummary s = ClassifyDay(NightShiftMonday({At(kMonday, 22, 45), At(kTuesday, 5, 0)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambatDanPulangCepat);
  EXPECT_EQ(s.minutes_late, 45);
  EXPECT_EQ(s.tl_tier, 2);
  EXPECT_EQ(s.minutes_early, 60);
  EXPECT_EQ(s.psw_tier, 2);
}

TEST(ClassifyDay, NightShiftWindowRunsFrom1800To1000NextMorning) {
  const DaySummary s =
      ClassifyDay(NightShiftMonday({At(kMonday, 7, 30), At(kMonday, 17, 59, 59), At(kMonday, 18, 0),
                                    At(kTuesday, 9, 59, 59), At(kTuesday, 10, 0)}));
  EXPECT_EQ(s.first_in->local, Local(kMonday, 18, 0));
  EXPECT_EQ(s.last_out->local, Local(kTuesday, 9, 59, 59));
  EXPECT_EQ(s.status, DayStatus::kHadir);
}

TEST(ClassifyDay, NightShiftSinglePunchAfterMidnightIsACheckOut) {
  // 22:00–06:00 has its midpoint at 02:00 the next morning.
  const DaySummary s = ClassifyDay(NightShiftMonday({At(kTuesday, 6, 10)}));
  EXPECT_EQ(s.status, DayStatus::kTerlambat);
  EXPECT_EQ(s.first_in, std::nullopt);
  EXPECT_EQ(s.last_out->local, Local(kTuesday, 6, 10));
  EXPECT_EQ(s.tl_tier, 4);
  EXPECT_EQ(s.psw_tier, 0);
}

TEST(ClassifyDay, TheSameInstantIsLaterOnAWitDeviceThanOnAWitaDevice) {
  // 00:00 UTC is 08:00 in WITA (UTC+8) and 09:00 in WIT (UTC+9).
  const absl::Time instant =
      absl::FromCivil(absl::CivilSecond(2026, 3, 2, 0, 0, 0), absl::UTCTimeZone());
  const DaySummary wita = ClassifyDay(Monday(
      {Punch{instant, Zone("Asia/Makassar")}, At(kMonday, 16, 0, 0, Zone("Asia/Makassar"))}));
  const DaySummary wit = ClassifyDay(Monday(
      {Punch{instant, Zone("Asia/Jayapura")}, At(kMonday, 16, 0, 0, Zone("Asia/Jayapura"))}));
  EXPECT_EQ(wita.first_in->at, instant);
  EXPECT_EQ(wita.first_in->local, Local(kMonday, 8, 0));
  EXPECT_EQ(wita.minutes_late, 30);
  EXPECT_EQ(wita.tl_tier, 1);
  EXPECT_EQ(wit.first_in->at, instant);
  EXPECT_EQ(wit.first_in->local, Local(kMonday, 9, 0));
  EXPECT_EQ(wit.minutes_late, 90);
  EXPECT_EQ(wit.tl_tier, 3);
}

TEST(ClassifyDay, WitaAndWitDevicesForOneEmployeeAreOrderedByTheirOwnWallClocks) {
  const absl::TimeZone wita = Zone("Asia/Makassar");
  const absl::TimeZone wit = Zone("Asia/Jayapura");
  // The WIT punch is the earlier instant (23:50 UTC) but reads 08:50 on its device; the WITA punch
  // (23:55 UTC) reads 07:55, so it is the check-in.
  const Punch wit_punch = At(kMonday, 8, 50, 0, wit);
  const Punch wita_punch = At(kMonday, 7, 55, 0, wita);
  ASSERT_LT(wit_punch.at, wita_punch.at);
  const DaySummary s = ClassifyDay(Monday({wit_punch, wita_punch, At(kMonday, 16, 20, 0, wit)}));
  EXPECT_EQ(s.first_in->at, wita_punch.at);
  EXPECT_EQ(s.first_in->local, Local(kMonday, 7, 55));
  EXPECT_EQ(s.minutes_late, 25);
  EXPECT_EQ(s.tl_tier, 1);
  EXPECT_EQ(s.last_out->local, Local(kMonday, 16, 20));
  EXPECT_EQ(s.psw_tier, 0);
  EXPECT_EQ(s.status, DayStatus::kTerlambat);
}

TEST(ClassifyDay, AWibDeviceReadsAPunchOnItsOwnDate) {
  // 23:30 UTC on Sunday is 06:30 on Monday in WIB: it belongs to Monday's window.
  const absl::Time instant =
      absl::FromCivil(absl::CivilSecond(2026, 3, 1, 23, 30, 0), absl::UTCTimeZone());
  const DaySummary s = ClassifyDay(Monday({Punch{instant, Wib()}, At(kMonday, 16, 0)}));
  EXPECT_EQ(s.first_in->local, Local(kMonday, 6, 30));
  EXPECT_EQ(s.status, DayStatus::kHadir);
}

}  // namespace
}  // namespace ekinerja::attendance

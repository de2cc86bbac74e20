#include "domain/warning_checks.h"

#include <set>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "civil.h"
#include "gtest/gtest.h"

namespace ekinerja::warning {
namespace {

absl::TimeZone Zone(const char* iana) {
  absl::StatusOr<absl::TimeZone> tz = LoadZone(iana);
  EXPECT_TRUE(tz.ok()) << tz.status();
  return tz.ok() ? *tz : absl::UTCTimeZone();
}

// An instant given on the wall clock of `tz`.
absl::Time At(absl::TimeZone tz, int y, int mo, int d, int h, int mi, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), tz);
}

absl::Time Utc(int y, int mo, int d, int h, int mi, int s = 0) {
  return At(absl::UTCTimeZone(), y, mo, d, h, mi, s);
}

const absl::CivilDay kMonday(2026, 10, 5);

// DOMAIN §5/§8: the report for Monday 5 October is due by Tuesday 23:59 local; 23:59:59 is in
// time, 00:00:00 on Wednesday is not.
TEST(WarningReportDeadline, TheCutoffMinuteInWib) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  EXPECT_EQ(ReportDeadline(kMonday, rules, wib), Utc(2026, 10, 6, 17, 0));
  EXPECT_FALSE(DailySweepDue(kMonday, At(wib, 2026, 10, 6, 23, 59, 0), rules, wib));
  EXPECT_FALSE(DailySweepDue(kMonday, At(wib, 2026, 10, 6, 23, 59, 59), rules, wib));
  EXPECT_FALSE(
      DailySweepDue(kMonday, At(wib, 2026, 10, 7, 0, 0, 0) - absl::Nanoseconds(1), rules, wib));
  EXPECT_TRUE(DailySweepDue(kMonday, At(wib, 2026, 10, 7, 0, 0, 0), rules, wib));
}

TEST(WarningReportDeadline, TheCutoffMinuteInWit) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wit = Zone("Asia/Jayapura");
  EXPECT_EQ(ReportDeadline(kMonday, rules, wit), Utc(2026, 10, 6, 15, 0));
  EXPECT_FALSE(DailySweepDue(kMonday, At(wit, 2026, 10, 6, 23, 59, 59), rules, wit));
  EXPECT_TRUE(DailySweepDue(kMonday, At(wit, 2026, 10, 7, 0, 0, 0), rules, wit));
}

// The cutoff is the tenant's local time: at 16:00 UTC on 6 October it is 01:00 on the 7th in
// Jayapura (due) and 23:00 on the 6th in Jakarta (not yet).
TEST(WarningReportDeadline, TheSameInstantIsDueInWitAndNotInWib) {
  const WarningRules rules = DefaultWarningRules();
  const absl::Time now = Utc(2026, 10, 6, 16, 0);
  EXPECT_TRUE(DailySweepDue(kMonday, now, rules, Zone("Asia/Jayapura")));
  EXPECT_FALSE(DailySweepDue(kMonday, now, rules, Zone("Asia/Jakarta")));
}

// A tenant's own cutoff: the same day at 17:00 makes 17:00:59 the last second in time.
TEST(WarningReportDeadline, ATenantCutoffOnTheDayItself) {
  WarningRules rules = DefaultWarningRules();
  rules.cutoff_days = 0;
  rules.cutoff_minute = 17 * 60;
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  EXPECT_EQ(ReportDeadline(kMonday, rules, wib), At(wib, 2026, 10, 5, 17, 1));
  EXPECT_FALSE(DailySweepDue(kMonday, At(wib, 2026, 10, 5, 17, 0, 59), rules, wib));
  EXPECT_TRUE(DailySweepDue(kMonday, At(wib, 2026, 10, 5, 17, 1, 0), rules, wib));
}

TEST(WarningEarlyReminderFrom, TheTenantHourOnTheDayItself) {
  WarningRules rules = DefaultWarningRules();
  EXPECT_EQ(EarlyReminderFrom(kMonday, rules, Zone("Asia/Jakarta")), Utc(2026, 10, 5, 8, 0));
  EXPECT_EQ(EarlyReminderFrom(kMonday, rules, Zone("Asia/Makassar")), Utc(2026, 10, 5, 7, 0));
  rules.early_reminder_minute = 13 * 60 + 30;
  EXPECT_EQ(EarlyReminderFrom(kMonday, rules, Zone("Asia/Jayapura")), Utc(2026, 10, 5, 4, 30));
}

// A present workday with nothing filed.
EmployeeDay Present() {
  EmployeeDay d;
  d.nip = "196702271998032003";
  d.workday = true;
  d.checked_in = true;
  d.has_first_in = true;
  d.has_last_out = true;
  return d;
}

TEST(WarningMissingReport, PresentWithNothingSubmitted) {
  EmployeeDay d = Present();
  EXPECT_TRUE(ReportOwed(d));
  EXPECT_TRUE(MissingReport(d));
  d.entries = 2;  // saved, never submitted: the supervisor never saw them
  EXPECT_TRUE(MissingReport(d));
  d.submitted = 1;
  EXPECT_FALSE(MissingReport(d));
}

// DOMAIN §8 "present (or had no absence)": tanpa keterangan owes a report too.
TEST(WarningMissingReport, NoCheckInAndNoAbsenceStillOwes) {
  EmployeeDay d = Present();
  d.checked_in = false;
  d.has_first_in = false;
  d.has_last_out = false;
  EXPECT_TRUE(MissingReport(d));
}

TEST(WarningMissingReport, AnApprovedAbsenceOwesNothing) {
  EmployeeDay d = Present();
  d.checked_in = false;
  d.absence_kind = "CUTI_TAHUNAN";
  EXPECT_FALSE(ReportOwed(d));
  EXPECT_FALSE(MissingReport(d));
  d.absence_kind = "SAKIT";
  EXPECT_FALSE(MissingReport(d));
}

// Dinas luar counts as checked in (activity accepts entries for it), so the report is owed.
TEST(WarningMissingReport, DinasLuarOwes) {
  EmployeeDay d = Present();
  d.has_first_in = false;
  d.has_last_out = false;
  d.absence_kind = "DINAS_LUAR";
  EXPECT_TRUE(MissingReport(d));
}

// A holiday or a weekend owes nothing, even with a punch.
TEST(WarningMissingReport, ADayOffOwesNothing) {
  EmployeeDay d = Present();
  d.workday = false;
  EXPECT_FALSE(ReportOwed(d));
  EXPECT_FALSE(MissingReport(d));
}

TEST(WarningEarlyReminder, PresentAndNothingSubmittedYet) {
  EmployeeDay d = Present();
  d.has_last_out = false;
  EXPECT_TRUE(EarlyReminder(d));
  d.entries = 1;
  EXPECT_TRUE(EarlyReminder(d));
  d.submitted = 1;
  EXPECT_FALSE(EarlyReminder(d));
  d = Present();
  d.checked_in = false;  // not present: no reminder (they cannot file yet)
  EXPECT_FALSE(EarlyReminder(d));
  d = Present();
  d.workday = false;
  EXPECT_FALSE(EarlyReminder(d));
}

TEST(WarningNoCheckout, ACheckInWithoutACheckOut) {
  EmployeeDay d = Present();
  EXPECT_FALSE(NoCheckout(d));
  d.has_last_out = false;
  EXPECT_TRUE(NoCheckout(d));
  d.workday = false;
  EXPECT_FALSE(NoCheckout(d));
  d = Present();
  d.has_first_in = false;
  d.has_last_out = false;
  EXPECT_FALSE(NoCheckout(d));  // no punch at all: tanpa keterangan, not a forgotten check-out
  d.has_last_out = true;
  EXPECT_FALSE(NoCheckout(d));
}

TEST(WarningLate, AnyTierAboveZeroOnAWorkday) {
  EmployeeDay d = Present();
  EXPECT_FALSE(Late(d));
  d.tl_tier = 1;
  EXPECT_TRUE(Late(d));
  d.tl_tier = 4;
  EXPECT_TRUE(Late(d));
  d.workday = false;
  EXPECT_FALSE(Late(d));
}

// Default N = 3 judged for Friday 9 October 2026: Tuesday's start is the threshold (a Monday
// submission waited Tue, Wed, Thu, Fri); with Wednesday a holiday, Monday's start (a Friday
// submission of the week before waited Mon, Tue, Thu, Fri).
TEST(WarningPendingSubmittedBefore, AWeekWithAndWithoutAHoliday) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::CivilDay friday(2026, 10, 9);
  EXPECT_EQ(PendingSubmittedBefore(friday, rules, {}, wib), At(wib, 2026, 10, 6, 0, 0));
  const std::set<absl::CivilDay> holiday = {absl::CivilDay(2026, 10, 7)};
  EXPECT_EQ(PendingSubmittedBefore(friday, rules, holiday, wib), At(wib, 2026, 10, 5, 0, 0));
}

// Judged for Monday 12 October the weekend does not count: Mon, Fri, Thu, then Wednesday 7;
// with Wednesday a holiday, Tuesday 6.
TEST(WarningPendingSubmittedBefore, AcrossAWeekend) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::CivilDay monday(2026, 10, 12);
  EXPECT_EQ(PendingSubmittedBefore(monday, rules, {}, wib), At(wib, 2026, 10, 7, 0, 0));
  EXPECT_EQ(PendingSubmittedBefore(monday, rules, {absl::CivilDay(2026, 10, 7)}, wib),
            At(wib, 2026, 10, 6, 0, 0));
  // Judged on Saturday the 10th, Saturday itself does not count.
  EXPECT_EQ(PendingSubmittedBefore(absl::CivilDay(2026, 10, 10), rules, {}, wib),
            At(wib, 2026, 10, 6, 0, 0));
}

TEST(WarningPendingSubmittedBefore, TheThresholdIsLocalMidnight) {
  WarningRules rules = DefaultWarningRules();
  rules.pending_workdays = 1;
  const absl::CivilDay friday(2026, 10, 9);
  EXPECT_EQ(PendingSubmittedBefore(friday, rules, {}, Zone("Asia/Jakarta")),
            Utc(2026, 10, 7, 17, 0));
  EXPECT_EQ(PendingSubmittedBefore(friday, rules, {}, Zone("Asia/Jayapura")),
            Utc(2026, 10, 7, 15, 0));
}

TEST(WarningSkpSubmitCheckDay, IsThirtyFirstJanuaryNotFirstFebruary) {
  const WarningRules rules = DefaultWarningRules();
  EXPECT_TRUE(SkpSubmitCheckDay(absl::CivilDay(2026, 1, 31), rules));
  EXPECT_TRUE(SkpSubmitCheckDay(absl::CivilDay(2027, 1, 31), rules));
  EXPECT_FALSE(SkpSubmitCheckDay(absl::CivilDay(2026, 2, 1), rules));
  EXPECT_FALSE(SkpSubmitCheckDay(absl::CivilDay(2026, 1, 30), rules));
  EXPECT_FALSE(SkpSubmitCheckDay(absl::CivilDay(2026, 3, 31), rules));
}

TEST(WarningSkpNotSubmitted, ThirtyFirstJanuaryVersusFirstFebruaryInWib) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  EXPECT_TRUE(SkpNotSubmitted(std::nullopt, 2026, rules, wib));
  EXPECT_FALSE(SkpNotSubmitted(At(wib, 2026, 1, 5, 9, 0), 2026, rules, wib));
  EXPECT_FALSE(SkpNotSubmitted(At(wib, 2026, 1, 31, 23, 59), 2026, rules, wib));
  EXPECT_FALSE(SkpNotSubmitted(At(wib, 2026, 1, 31, 23, 59, 59), 2026, rules, wib));
  EXPECT_TRUE(SkpNotSubmitted(At(wib, 2026, 2, 1, 0, 0), 2026, rules, wib));
}

// 16:30 UTC on 31 January is 23:30 in Jakarta (in time) and 01:30 on 1 February in Jayapura.
TEST(WarningSkpNotSubmitted, TheDeadlineIsTheTenantsLocalDay) {
  const WarningRules rules = DefaultWarningRules();
  const absl::Time t = Utc(2026, 1, 31, 16, 30);
  EXPECT_FALSE(SkpNotSubmitted(t, 2026, rules, Zone("Asia/Jakarta")));
  EXPECT_TRUE(SkpNotSubmitted(t, 2026, rules, Zone("Asia/Jayapura")));
}

TEST(WarningSkpApproveCheckDay, IsFifteenthFebruary) {
  const WarningRules rules = DefaultWarningRules();
  EXPECT_TRUE(SkpApproveCheckDay(absl::CivilDay(2026, 2, 15), rules));
  EXPECT_FALSE(SkpApproveCheckDay(absl::CivilDay(2026, 2, 16), rules));
  EXPECT_FALSE(SkpApproveCheckDay(absl::CivilDay(2026, 1, 15), rules));
}

TEST(WarningSkpNotApproved, FifteenthFebruaryVersusSixteenth) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  const absl::Time submitted = At(wib, 2026, 1, 20, 10, 0);
  EXPECT_TRUE(SkpNotApproved(submitted, std::nullopt, 2026, rules, wib));
  EXPECT_FALSE(SkpNotApproved(submitted, At(wib, 2026, 2, 15, 23, 59, 59), 2026, rules, wib));
  EXPECT_TRUE(SkpNotApproved(submitted, At(wib, 2026, 2, 16, 0, 0), 2026, rules, wib));
  // Submitted at the last minute and not approved: it waited on the supervisor.
  EXPECT_TRUE(SkpNotApproved(At(wib, 2026, 2, 15, 23, 0), std::nullopt, 2026, rules, wib));
}

// Nothing waited on the supervisor: never submitted, or submitted after the deadline.
TEST(WarningSkpNotApproved, NotTheSupervisorsWhenNothingWasSubmittedInTime) {
  const WarningRules rules = DefaultWarningRules();
  const absl::TimeZone wib = Zone("Asia/Jakarta");
  EXPECT_FALSE(SkpNotApproved(std::nullopt, std::nullopt, 2026, rules, wib));
  EXPECT_FALSE(SkpNotApproved(At(wib, 2026, 2, 16, 0, 0), std::nullopt, 2026, rules, wib));
}

TEST(WarningLowKotak, TheBoxesWithALowBand) {
  WarningRules rules = DefaultWarningRules();
  for (int box : {1, 2, 3, 4, 7}) EXPECT_TRUE(LowKotak(box, rules)) << box;
  for (int box : {0, 5, 6, 8, 9, 10}) EXPECT_FALSE(LowKotak(box, rules)) << box;
  rules.low_kotak_boxes = {1};
  EXPECT_TRUE(LowKotak(1, rules));
  EXPECT_FALSE(LowKotak(2, rules));
}

}  // namespace
}  // namespace ekinerja::warning

// Sweeps: what a day owes, exactly once, whatever happens to the sweep.

#include "integration/warning/warning_fixture.h"

namespace ekinerja::warning::it {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class SweepTest : public WarningTest {};

// Monday 12 October: everyone filed but staf_s1_a (present, only a draft), staf_s1_b (filed, no
// check-out) and kabid_p2p (on leave, nothing owed).
TEST_F(SweepTest, DailySweepWarnsWhoOwesAndOnlyThem) {
  AllFiled(kMon, {seeded_.staf_s1_a, seeded_.staf_s1_b, seeded_.kabid_p2p});
  Present(seeded_.staf_s1_a, kMon);
  Entry(seeded_.staf_s1_a, kMon, "DRAFT");
  Present(seeded_.staf_s1_b, kMon, /*out=*/"");
  Entry(seeded_.staf_s1_b, kMon, "SUBMITTED", seeded_.staf_p2p);
  OnLeave(seeded_.kabid_p2p, kMon);

  const wv1::Sweep sweep = Sweep(kMon);
  EXPECT_EQ(sweep.state(), wv1::SWEEP_STATE_DONE);
  EXPECT_EQ(sweep.employees(), 8);
  EXPECT_EQ(sweep.warnings_created(), 2);
  EXPECT_EQ(sweep.started_by(), integration::kTenantAdmin);
  EXPECT_EQ(sweep.rules_version(), 0);
  EXPECT_THAT(
      AllWarnings(),
      ElementsAre("MISSING_REPORT " + seeded_.staf_s1_a + " " + seeded_.staf_s1_a + " 2026-10-12",
                  "NO_CHECKOUT " + seeded_.staf_s1_b + " " + seeded_.staf_s1_b + " 2026-10-12"));

  const std::vector<wv1::Warning> inbox = Inbox(seeded_.staf_s1_a);
  ASSERT_EQ(inbox.size(), 1u);
  const wv1::Warning& w = inbox[0];
  EXPECT_EQ(w.rule(), wv1::RULE_MISSING_REPORT);
  EXPECT_EQ(w.audience(), wv1::AUDIENCE_EMPLOYEE);
  EXPECT_EQ(w.subject_nip(), seeded_.staf_s1_a);
  EXPECT_EQ(w.org_unit_code(), "DINKES.P2P.S1");
  EXPECT_EQ(w.opd_code(), "DINKES");
  EXPECT_EQ(w.date().day(), 12);
  EXPECT_EQ(w.title(), "Laporan harian belum dikirim");
  EXPECT_EQ(w.message(),
            "Tidak ada laporan kegiatan terkirim untuk Senin, 12 Oktober 2026 sampai batasnya, "
            "Selasa, 13 Oktober 2026 pukul 23.59 WIB.");
  EXPECT_EQ(w.action(), "Kirim laporan kegiatan setiap hari kerja sebelum batasnya.");
  EXPECT_EQ(w.at_stake(), "Potongan 2% dari bagian produktivitas TPP per hari");
  EXPECT_FALSE(w.acknowledged());
  EXPECT_EQ(Counter("ekinerja_warning_warnings_total", {{"rule", "MISSING_REPORT"}}), 1);
  EXPECT_EQ(Counter("ekinerja_warning_sweeps_total", {{"kind", "DAILY"}, {"outcome", "done"}}), 1);
}

// Nobody punched and nobody filed: a day without an absence still owes a report (DOMAIN §8).
TEST_F(SweepTest, ADayWithoutCheckInOrAbsenceOwesAReport) {
  const wv1::Sweep sweep = Sweep(kMon);
  EXPECT_EQ(sweep.warnings_created(), 8);
  EXPECT_EQ(Count("warnings WHERE rule = 'MISSING_REPORT'"), 8);
}

TEST_F(SweepTest, ARunTwiceCreatesNothingTwice) {
  AllFiled(kMon, {seeded_.staf_s1_a});
  EXPECT_EQ(Sweep(kMon).warnings_created(), 1);
  const wv1::Sweep again = Sweep(kMon);
  EXPECT_EQ(again.warnings_created(), 0);
  EXPECT_EQ(Count("warnings"), 1);
  EXPECT_EQ(Count("sweeps WHERE state = 'DONE'"), 2);
  EXPECT_EQ(Count("staged_warnings"), 0);
}

// A sweep killed after it wrote everything, before its commit, leaves nothing behind; run again it
// writes each warning and streak once.
TEST_F(SweepTest, AKilledSweepLeavesNothingAndTheRerunWritesOnce) {
  AllFiled(kMon, {seeded_.staf_s1_a, seeded_.staf_s1_b});
  wv1::UpdateWebhookRequest hook;
  hook.mutable_webhook()->set_url("http://127.0.0.1:9/relay");
  hook.mutable_webhook()->set_secret("s3cret");
  wv1::Webhook set;
  ASSERT_TRUE(Ok(warning().UpdateWebhook(Ctx(Admin()).get(), hook, &set)));
  FailNextCommit();
  wv1::Sweep out;
  EXPECT_TRUE(HasCode(TrySweep(kMon, wv1::SWEEP_KIND_DAILY, &out), grpc::StatusCode::INTERNAL));
  EXPECT_EQ(Count("warnings"), 0);
  EXPECT_EQ(Count("streaks"), 0);
  EXPECT_EQ(Count("outbox"), 0);
  EXPECT_EQ(Count("sweeps WHERE state = 'DONE'"), 0);
  EXPECT_EQ(Count("sweeps WHERE state = 'FAILED'"), 1);

  EXPECT_EQ(Sweep(kMon).warnings_created(), 2);
  EXPECT_EQ(Count("warnings"), 2);
  EXPECT_EQ(Count("streaks WHERE kind = 'MISSING' AND count = 1"), 2);
  EXPECT_EQ(Count("outbox"), 2);
  EXPECT_EQ(Count("outbox WHERE idempotency_key = 'dinkes:MISSING_REPORT:" + seeded_.staf_s1_a +
                  ":2026-10-12'"),
            1);
}

// The report of Monday is due until Tuesday 23:59 WIB: the day is swept from Wednesday 00:00.
TEST_F(SweepTest, ADayIsSweptOnlyAfterItsCutoffMinute) {
  SetNow(Wib(kTue, 23, 59, 59));
  wv1::Sweep out;
  const grpc::Status early = TrySweep(kMon, wv1::SWEEP_KIND_DAILY, &out);
  EXPECT_TRUE(HasCode(early, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(Count("sweeps"), 0);
  SetNow(Wib(kToday, 0, 0, 0));
  EXPECT_EQ(Sweep(kMon).state(), wv1::SWEEP_STATE_DONE);
}

// In WIT (UTC+9) the same instant is two hours later: Monday's cutoff has passed there at
// 22:00 WIB on Tuesday.
TEST_F(SweepTest, TheCutoffIsTheTenantsLocalTime) {
  directory().AddTenant(seeded_.code, "Asia/Jayapura");
  SetNow(Wib(kTue, 22, 0, 0));
  EXPECT_EQ(Sweep(kMon).state(), wv1::SWEEP_STATE_DONE);
  SetNow(Wib(kTue, 21, 59, 59));
  wv1::Sweep out;
  EXPECT_TRUE(
      HasCode(TrySweep(kTue, wv1::SWEEP_KIND_DAILY, &out), grpc::StatusCode::FAILED_PRECONDITION));
}

// staf_s1_a files nothing on Thursday, Friday and Monday (the weekend between is no workday):
// their supervisor (staf_p2p, Plt of the KASI) is told on Monday, once.
TEST_F(SweepTest, ThreeMissingWorkdaysAcrossAWeekendEscalateOnce) {
  for (absl::CivilDay d : {kThu, kFri, kMon}) {
    AllFiled(d, {seeded_.staf_s1_a});
    Present(seeded_.staf_s1_a, d);
  }
  for (absl::CivilDay d = kThu; d <= kMon; ++d) Sweep(d);
  EXPECT_EQ(Count("warnings WHERE rule = 'ESCALATION'"), 1);
  const std::vector<wv1::Warning> inbox = Inbox(seeded_.staf_p2p);
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(inbox[0].rule(), wv1::RULE_ESCALATION);
  EXPECT_EQ(inbox[0].audience(), wv1::AUDIENCE_SUPERVISOR);
  EXPECT_EQ(inbox[0].subject_nip(), seeded_.staf_s1_a);
  EXPECT_EQ(inbox[0].date().day(), 12);
  EXPECT_EQ(inbox[0].title(), "Bawahan tidak melapor 3 hari");
  // Swept again, Monday counts nothing twice.
  EXPECT_EQ(Sweep(kMon).warnings_created(), 0);
  EXPECT_EQ(Count("streaks WHERE kind = 'MISSING' AND count = 3"), 1);
}

TEST_F(SweepTest, TwoMissingWorkdaysThenAFiledOneDoNotEscalate) {
  AllFiled(kThu, {seeded_.staf_s1_a});
  Present(seeded_.staf_s1_a, kThu);
  AllFiled(kFri, {seeded_.staf_s1_a});
  Present(seeded_.staf_s1_a, kFri);
  AllFiled(kMon);
  for (absl::CivilDay d = kThu; d <= kMon; ++d) Sweep(d);
  EXPECT_EQ(Count("warnings WHERE rule = 'MISSING_REPORT'"), 2);
  EXPECT_EQ(Count("warnings WHERE rule = 'ESCALATION'"), 0);
  // Back to 0 on Monday, kept as of Monday: a backfill of Friday must not count it again.
  EXPECT_EQ(Count("streaks WHERE count = 0 AND last_day = '2026-10-12'"), 1);
}

// kabid_p2p has entries waiting: one submitted Tuesday 6 October, one Thursday 8. On Monday 12
// the first has waited Wed, Thu, Fri, Mon (more than 3 workdays), the second Fri, Mon.
TEST_F(SweepTest, SubmissionsWaitingMoreThanThreeWorkdaysWarnTheirVerifier) {
  AllFiled(kMon);
  Entry(seeded_.staf_p2p, absl::CivilDay(2026, 10, 6), "SUBMITTED", seeded_.kabid_p2p,
        Wib(absl::CivilDay(2026, 10, 6), 16, 0));
  Entry(seeded_.staf_p2p, kThu, "SUBMITTED", seeded_.kabid_p2p, Wib(kThu, 16, 0));
  Sweep(kMon);
  EXPECT_THAT(AllWarnings(), ElementsAre("PENDING_APPROVALS " + seeded_.kabid_p2p + " " +
                                         seeded_.kabid_p2p + " 2026-10-12"));
  EXPECT_EQ(Inbox(seeded_.kabid_p2p)[0].title(), "Laporan bawahan menunggu persetujuan");
}

// Wednesday 7 October a holiday: Tuesday's submission has waited Thu, Fri, Mon only.
TEST_F(SweepTest, AHolidayIsNoWorkdayOfWaiting) {
  AllFiled(kMon);
  attendance().SetHoliday({absl::CivilDay(2026, 10, 7), "Libur daerah", "LIBUR_DAERAH"});
  Entry(seeded_.staf_p2p, absl::CivilDay(2026, 10, 6), "SUBMITTED", seeded_.kabid_p2p,
        Wib(absl::CivilDay(2026, 10, 6), 16, 0));
  Sweep(kMon);
  EXPECT_THAT(AllWarnings(), IsEmpty());
}

// The third late day of October warns; the second does not.
TEST_F(SweepTest, TheThirdLateDayOfTheMonthWarns) {
  const std::vector<absl::CivilDay> days = {kThu, kFri, kMon};
  for (absl::CivilDay d : days) {
    AllFiled(d);
    clients::AttendanceDay late;
    late.nip = seeded_.staf_yankes;
    late.date = d;
    late.workday = true;
    late.checked_in = true;
    late.status = "TERLAMBAT";
    late.tl_tier = 1;
    late.first_in = Wib(d, 7, 45);
    late.last_out = Wib(d, 16, 0);
    attendance().SetDay(late);
  }
  Sweep(kThu);
  Sweep(kFri);
  EXPECT_EQ(Count("warnings"), 0);
  Sweep(kMon);
  EXPECT_THAT(AllWarnings(), ElementsAre("LATE_REPEATED " + seeded_.staf_yankes + " " +
                                         seeded_.staf_yankes + " 2026-10-12"));
}

// The SKPs of 2026 were due by 31 January 23:59 WIB: staf_s1_a's came at 23:59, staf_s1_b's at
// 00:00 on 1 February; everyone else had submitted in time. The sweep of 31 January judges them.
TEST_F(SweepTest, AnSkpSubmittedAfterThirtyFirstJanuaryWarns) {
  const absl::CivilDay jan31(2026, 1, 31);
  SetNow(Wib(absl::CivilDay(2026, 2, 2), 10, 0));
  for (const std::string& nip : seeded_.all_nips) {
    clients::SkpYearStatus s;
    s.nip = nip;
    s.status = "APPROVED";
    s.approved_revision = 1;
    s.first_submit_time = Wib(absl::CivilDay(2026, 1, 10), 9, 0);
    s.first_approve_time = Wib(absl::CivilDay(2026, 1, 12), 9, 0);
    if (nip == seeded_.staf_s1_a) s.first_submit_time = Wib(jan31, 23, 59);
    if (nip == seeded_.staf_s1_b) s.first_submit_time = Wib(absl::CivilDay(2026, 2, 1), 0, 0);
    skp().SetStatus(2026, s);
  }
  Sweep(jan31);  // a Saturday: no report owed
  EXPECT_THAT(AllWarnings(), ElementsAre("SKP_NOT_SUBMITTED " + seeded_.staf_s1_b + " " +
                                         seeded_.staf_s1_b + " 2026-01-31"));
  // 1 February is no check day.
  SetNow(Wib(absl::CivilDay(2026, 2, 3), 10, 0));
  Sweep(absl::CivilDay(2026, 2, 1));
  EXPECT_EQ(Count("warnings"), 1);
}

// September's run placed staf_s1_a in box 1 and staf_p2p in box 9: BKPSDM hears of staf_s1_a,
// once, and the month's kotak is not read again.
TEST_F(SweepTest, ALowMonthlyKotakWarnsBkpsdmOnce) {
  AllFiled(kMon);
  AllFiled(kFri);
  scoring().Place(2026, 9, {seeded_.staf_s1_a, "DINKES.P2P.S1", "DINKES", 1, 0, 7});
  scoring().Place(2026, 9, {seeded_.staf_p2p, "DINKES.P2P", "DINKES", 9, 0, 7});
  Sweep(kFri);
  Sweep(kMon);
  EXPECT_THAT(AllWarnings(), ElementsAre("LOW_KOTAK " + seeded_.staf_s1_a + "  2026-09-01"));
  EXPECT_EQ(scoring().CallCount("StreamKotak"), 1);
  wv1::ListTenantWarningsRequest req;
  *req.mutable_start_date() = Date(absl::CivilDay(2026, 9, 1));
  *req.mutable_end_date() = Date(absl::CivilDay(2026, 9, 30));
  wv1::ListWarningsResponse resp;
  ASSERT_TRUE(Ok(warning().ListTenantWarnings(Ctx(Admin()).get(), req, &resp)));
  ASSERT_EQ(resp.warnings_size(), 1);
  EXPECT_EQ(resp.warnings(0).audience(), wv1::AUDIENCE_BKPSDM);
  EXPECT_EQ(resp.warnings(0).title(), "Kotak kinerja rendah: kotak 1");
}

// On the day itself from 15:00 WIB: present and nothing submitted yet.
TEST_F(SweepTest, TheEarlyReminderComesOnTheDayFromTheTenantsHour) {
  AllFiled(kToday, {seeded_.staf_s1_a});
  Present(seeded_.staf_s1_a, kToday);
  SetNow(Wib(kToday, 14, 59, 59));
  wv1::Sweep out;
  EXPECT_TRUE(HasCode(TrySweep(kToday, wv1::SWEEP_KIND_EARLY, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
  SetNow(Wib(kToday, 15, 0));
  EXPECT_EQ(Sweep(kToday, wv1::SWEEP_KIND_EARLY).warnings_created(), 1);
  EXPECT_THAT(AllWarnings(), ElementsAre("EARLY_REMINDER " + seeded_.staf_s1_a + " " +
                                         seeded_.staf_s1_a + " 2026-10-14"));
}

TEST_F(SweepTest, ADisabledRuleWarnsNobody) {
  wv1::CreateWarningRulesRequest req;
  wv1::GetWarningRulesRequest get;
  ASSERT_TRUE(Ok(warning().GetWarningRules(Ctx(Admin()).get(), get, req.mutable_rules())));
  req.mutable_rules()->add_disabled_rules(wv1::RULE_MISSING_REPORT);
  req.set_request_id(NextRequestId());
  wv1::WarningRules created;
  ASSERT_TRUE(Ok(warning().CreateWarningRules(Ctx(Admin()).get(), req, &created)));
  const wv1::Sweep sweep = Sweep(kMon);
  EXPECT_EQ(sweep.rules_version(), 1);
  EXPECT_EQ(Count("warnings WHERE rule = 'MISSING_REPORT'"), 0);
}

TEST_F(SweepTest, BadInputIsRefusedAndWritesNothing) {
  wv1::RunSweepRequest req;
  req.set_kind(static_cast<wv1::SweepKind>(7));
  wv1::Sweep out;
  const grpc::Status st = warning().RunSweep(Ctx(Admin()).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("date", "kind"));
  EXPECT_EQ(Count("sweeps"), 0);
}

TEST_F(SweepTest, OnlyTheTenantAdminSweeps) {
  wv1::Sweep out;
  EXPECT_TRUE(HasCode(TrySweep(kMon, wv1::SWEEP_KIND_DAILY, &out, Token(seeded_.kabid_p2p)),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(TrySweep(kMon, wv1::SWEEP_KIND_DAILY, &out, Token(integration::kAuditor)),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("sweeps"), 0);
  // Another tenant's admin sweeps their own tenant, never this one's.
  EXPECT_TRUE(Ok(TrySweep(kMon, wv1::SWEEP_KIND_DAILY, &out, Other().admin_token)));
  EXPECT_EQ(Count("warnings WHERE tenant_id = 'dinkes'"), 0);
  EXPECT_EQ(Count("warnings WHERE tenant_id = 'lain'"), 8);
}

// The scheduler sweeps the days due in the tenant's zone, oldest first, each once.
TEST_F(SweepTest, TheSchedulerSweepsEachDueDayOnce) {
  wv1::CreateWarningRulesRequest req;
  ASSERT_TRUE(Ok(warning().GetWarningRules(Ctx(Admin()).get(), wv1::GetWarningRulesRequest(),
                                           req.mutable_rules())));
  req.mutable_rules()->set_scheduled(true);
  req.set_request_id(NextRequestId());
  wv1::WarningRules created;
  ASSERT_TRUE(Ok(warning().CreateWarningRules(Ctx(Admin()).get(), req, &created)));
  // 7 to 12 October are due at 10:00 on the 14th (13 is not; the 7 days back start on the 7th).
  EXPECT_EQ(parts().scheduler->Tick(), 6);
  EXPECT_EQ(Count("sweeps WHERE state = 'DONE' AND started_by = 'scheduler'"), 6);
  EXPECT_EQ(parts().scheduler->Tick(), 0);
  // 15:00: today's early reminder.
  SetNow(Wib(kToday, 15, 30));
  EXPECT_EQ(parts().scheduler->Tick(), 1);
  EXPECT_EQ(Count("sweeps WHERE kind = 'EARLY'"), 1);
}

}  // namespace
}  // namespace ekinerja::warning::it

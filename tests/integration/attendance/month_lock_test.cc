// Month locks (DOMAIN §6: a LOCKED TPP run locks its month in attendance): who locks and reads
// them, and the gates: while October 2025 is locked, every change of one of its day summaries is
// FAILED_PRECONDITION MONTH_LOCKED (absences and corrections created or approved, RecomputeDays),
// the last day of September stays open, punches are stored but leave the locked days' summaries
// as they were until the month is unlocked.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using integration::PreconditionOf;

const absl::CivilDay kSeptLast(2025, 9, 30), kOctFirst(2025, 10, 1), kOctDay(2025, 10, 8);

class MonthLockTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    nip_ = seeded_.staf_s1_a;
  }

  grpc::Status Lock(const std::string& token, bool lock, av1::MonthLock* out,
                    const std::string& reference = "tpp-runs/42") {
    if (lock) {
      av1::LockMonthRequest req;
      req.set_year(2025);
      req.set_month(10);
      req.set_reference(reference);
      return att().LockMonth(Ctx(token).get(), req, out);
    }
    av1::UnlockMonthRequest req;
    req.set_year(2025);
    req.set_month(10);
    req.set_reference(reference);
    return att().UnlockMonth(Ctx(token).get(), req, out);
  }
  void SetLocked(bool lock) {
    av1::MonthLock out;
    ASSERT_TRUE(Ok(Lock(service_token_, lock, &out)));
    ASSERT_EQ(out.locked(), lock);
  }

  // An absence of nip_ over [first, last]: entered approved by the admin, or filed PENDING by the
  // employee.
  grpc::Status Absence(const std::string& token, absl::CivilDay first, absl::CivilDay last,
                       av1::Absence* out) {
    av1::CreateAbsenceRequest req;
    req.mutable_absence()->set_nip(nip_);
    req.mutable_absence()->set_kind(av1::ABSENCE_KIND_IZIN);
    *req.mutable_absence()->mutable_start_date() = Date(first);
    *req.mutable_absence()->mutable_end_date() = Date(last);
    req.set_request_id(absl::StrCat("absence-", ++requests_));
    return att().CreateAbsence(Ctx(token).get(), req, out);
  }
  grpc::Status Correction(const std::string& token, absl::CivilDay day, av1::Correction* out) {
    av1::CreateCorrectionRequest req;
    req.mutable_correction()->set_nip(nip_);
    *req.mutable_correction()->mutable_date() = Date(day);
    req.mutable_correction()->set_check_in("07:30");
    req.mutable_correction()->set_check_out("16:00");
    req.mutable_correction()->set_reason("mesin rusak");
    req.set_request_id(absl::StrCat("correction-", ++requests_));
    return att().CreateCorrection(Ctx(token).get(), req, out);
  }
  grpc::Status Recompute(absl::CivilDay first, absl::CivilDay last) {
    av1::RecomputeDaysRequest req;
    req.add_nips(nip_);
    *req.mutable_start_date() = Date(first);
    *req.mutable_end_date() = Date(last);
    av1::RecomputeDaysResponse out;
    return att().RecomputeDays(Ctx(admin_token_).get(), req, &out);
  }
  // MONTH_LOCKED on `day` of nip_, as the precondition failure names it.
  std::string LockedOn(absl::CivilDay day) {
    return absl::StrCat("MONTH_LOCKED attendanceDays/", nip_, "/", FormatDate(day));
  }

  std::string nip_;
  int requests_ = 0;
};

TEST_F(MonthLockTest, TheServiceAndTheAdminLockAndUnlockOnceAndTenantReadersReadIt) {
  ASSERT_FALSE(HasFatalFailure());
  const int64_t audits = Count("SELECT count(*) FROM audit_log");
  av1::MonthLock out;
  ASSERT_TRUE(Ok(Lock(service_token_, true, &out)));
  EXPECT_TRUE(out.locked());
  EXPECT_EQ(out.year(), 2025);
  EXPECT_EQ(out.month(), 10);
  EXPECT_EQ(out.reference(), "tpp-runs/42");
  EXPECT_TRUE(out.has_update_time());
  const std::string service_subject = out.locked_by();
  EXPECT_NE(service_subject, "");
  // Again: nothing written, nothing audited.
  ASSERT_TRUE(Ok(Lock(admin_token_, true, &out, "tpp-runs/43")));
  EXPECT_EQ(out.reference(), "tpp-runs/42");
  EXPECT_EQ(out.locked_by(), service_subject);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log") - audits, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'MONTH_LOCK' AND target = "
                  "'monthLocks/2025-10' AND detail = 'reference=tpp-runs/42'"),
            1);

  for (const std::string& who : {std::string(integration::kAuditor), seeded_.staf_s1_a,
                                 std::string(integration::kOpdAdmin)}) {
    SCOPED_TRACE(who);
    EXPECT_TRUE(
        HasCode(Lock(Token(seeded_, who), false, &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  av1::GetMonthLockRequest get;
  get.set_year(2025);
  get.set_month(10);
  av1::MonthLock read;
  ASSERT_TRUE(Ok(att().GetMonthLock(Ctx(Token(seeded_, integration::kAuditor)).get(), get, &read)));
  EXPECT_TRUE(read.locked());
  EXPECT_EQ(read.reference(), "tpp-runs/42");
  EXPECT_TRUE(HasCode(att().GetMonthLock(Ctx(Token(seeded_, nip_)).get(), get, &read),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(
      HasCode(att().GetMonthLock(Ctx().get(), get, &read), grpc::StatusCode::UNAUTHENTICATED));
  // Another tenant's month of the same number is its own.
  ASSERT_TRUE(Ok(att().GetMonthLock(Ctx(OtherAdmin()).get(), get, &read)));
  EXPECT_FALSE(read.locked());
  EXPECT_FALSE(read.has_update_time());

  ASSERT_TRUE(Ok(Lock(admin_token_, false, &out, "tpp-runs/42-correction")));
  EXPECT_FALSE(out.locked());
  EXPECT_EQ(out.reference(), "tpp-runs/42-correction");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'MONTH_UNLOCK'"), 1);
}

TEST_F(MonthLockTest, BadInputIsOneViolationPerBadField) {
  ASSERT_FALSE(HasFatalFailure());
  av1::LockMonthRequest req;
  req.set_year(1999);
  req.set_month(13);
  av1::MonthLock out;
  grpc::Status st = att().LockMonth(Ctx(service_token_).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(st), (std::vector<std::string>{"year", "month", "reference"}));
  av1::UnlockMonthRequest unlock;
  unlock.set_year(2101);
  unlock.set_month(0);
  unlock.set_reference(std::string(201, 'r'));
  st = att().UnlockMonth(Ctx(service_token_).get(), unlock, &out);
  EXPECT_EQ(ViolatedFields(st), (std::vector<std::string>{"year", "month", "reference"}));
  av1::GetMonthLockRequest get;
  get.set_year(2100);
  get.set_month(0);
  st = att().GetMonthLock(Ctx(service_token_).get(), get, &out);
  EXPECT_EQ(ViolatedFields(st), std::vector<std::string>{"month"});
  EXPECT_EQ(Count("SELECT count(*) FROM month_locks"), 0);
}

TEST_F(MonthLockTest, AbsencesCoveringALockedDayAreRefusedUntilItIsUnlocked) {
  ASSERT_FALSE(HasFatalFailure());
  // Filed before the lock, decided after it.
  av1::Absence pending, out;
  ASSERT_TRUE(Ok(Absence(Token(seeded_, nip_), kOctDay, kOctDay, &pending)));
  ASSERT_EQ(pending.state(), av1::REQUEST_STATE_PENDING);
  SetLocked(true);
  ASSERT_FALSE(HasFatalFailure());

  grpc::Status st = Absence(admin_token_, kSeptLast, kOctFirst, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctFirst));
  st = Absence(Token(seeded_, nip_), kOctFirst + 20, kOctFirst + 20, &out);
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctFirst + 20));
  av1::ApproveAbsenceRequest approve;
  approve.set_id(pending.id());
  st = att().ApproveAbsence(Ctx(admin_token_).get(), approve, &out);
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctDay));
  EXPECT_EQ(Count("SELECT count(*) FROM absences"), 1);
  // The last day of September is open.
  ASSERT_TRUE(Ok(Absence(admin_token_, kSeptLast, kSeptLast, &out)));
  EXPECT_EQ(Day(admin_token_, nip_, kSeptLast).absence_id(), out.id());
  // An import with a row in October is refused by row, nothing imported.
  av1::ImportAbsencesRequest import;
  import.set_csv(
      absl::StrCat("nip,kind,start_date,end_date\n", nip_, ",IZIN,2025-10-20,2025-10-20\n"));
  import.set_request_id("import-1");
  av1::ImportAbsencesResponse report;
  ASSERT_TRUE(Ok(att().ImportAbsences(Ctx(admin_token_).get(), import, &report)));
  EXPECT_FALSE(report.applied());
  ASSERT_EQ(report.problems_size(), 1);
  EXPECT_EQ(report.problems(0).field(), "rows[2].start_date");
  EXPECT_EQ(report.problems(0).code(), google::rpc::FAILED_PRECONDITION);

  SetLocked(false);
  ASSERT_FALSE(HasFatalFailure());
  ASSERT_TRUE(Ok(att().ApproveAbsence(Ctx(admin_token_).get(), approve, &out)));
  EXPECT_EQ(Day(admin_token_, nip_, kOctDay).absence_id(), pending.id());
}

TEST_F(MonthLockTest, CorrectionsAndRecomputesOfALockedDayAreRefused) {
  ASSERT_FALSE(HasFatalFailure());
  av1::Correction pending, out;
  ASSERT_TRUE(Ok(Correction(Token(seeded_, nip_), kOctDay, &pending)));
  SetLocked(true);
  ASSERT_FALSE(HasFatalFailure());

  grpc::Status st = Correction(Token(seeded_, nip_), kOctFirst, &out);
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctFirst));
  st = Correction(admin_token_, kOctFirst, &out);
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctFirst));
  av1::ApproveCorrectionRequest approve;
  approve.set_id(pending.id());
  st = att().ApproveCorrection(Ctx(admin_token_).get(), approve, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctDay));
  // Rejecting changes no day: allowed.
  ASSERT_TRUE(Ok(Correction(Token(seeded_, nip_), kSeptLast, &out)));
  av1::RejectCorrectionRequest reject;
  reject.set_id(out.id());
  reject.set_reason("bukan hari itu");
  ASSERT_TRUE(Ok(att().RejectCorrection(Ctx(admin_token_).get(), reject, &out)));
  // The last day of September is open.
  ASSERT_TRUE(Ok(Correction(admin_token_, kSeptLast, &out)));
  EXPECT_EQ(out.state(), av1::REQUEST_STATE_APPROVED);

  EXPECT_TRUE(Ok(Recompute(kSeptLast - 3, kSeptLast)));
  st = Recompute(kSeptLast, kOctFirst);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), LockedOn(kOctFirst));

  SetLocked(false);
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_TRUE(Ok(Recompute(kSeptLast, kOctFirst)));
  ASSERT_TRUE(Ok(att().ApproveCorrection(Ctx(admin_token_).get(), approve, &out)));
  EXPECT_EQ(Day(admin_token_, nip_, kOctDay).correction_id(), pending.id());
}

TEST_F(MonthLockTest, PunchesAreStoredButLeaveALockedDayAsItWasUntilUnlocked) {
  ASSERT_FALSE(HasFatalFailure());
  const av1::AttendanceDay before = Day(admin_token_, nip_, kOctDay);
  ASSERT_FALSE(before.checked_in());
  ASSERT_EQ(before.status(), av1::DAY_STATUS_TANPA_KETERANGAN);
  Day(admin_token_, nip_, kSeptLast);
  SetLocked(true);
  ASSERT_FALSE(HasFatalFailure());

  av1::IngestReport report;
  ASSERT_TRUE(Ok(Push(service_token_,
                      {Punch("4", absl::CivilSecond(2025, 10, 8, 7, 28, 0)),
                       Punch("4", absl::CivilSecond(2025, 10, 8, 16, 5, 0)),
                       Punch("4", absl::CivilSecond(2025, 9, 30, 7, 29, 0))},
                      &report)));
  EXPECT_EQ(report.accepted(), 3);
  // Each punch's day and the days either side: all but the stored (frozen) October 8th; the
  // October days never stored are computed, as a read would.
  EXPECT_EQ(report.days_recomputed(), 5);
  EXPECT_EQ(Count("SELECT count(*) FROM punches"), 3);
  const av1::AttendanceDay locked = Day(admin_token_, nip_, kOctDay);
  EXPECT_FALSE(locked.checked_in());
  EXPECT_EQ(locked.status(), av1::DAY_STATUS_TANPA_KETERANGAN);
  EXPECT_EQ(locked.compute_time().seconds(), before.compute_time().seconds());
  EXPECT_TRUE(Day(admin_token_, nip_, kSeptLast).checked_in());

  SetLocked(false);
  ASSERT_FALSE(HasFatalFailure());
  const av1::AttendanceDay after = Day(admin_token_, nip_, kOctDay);
  EXPECT_TRUE(after.checked_in());
  EXPECT_EQ(after.first_in_local(), "07:28:00");
  EXPECT_EQ(after.last_out_local(), "16:05:00");
}

}  // namespace
}  // namespace ekinerja::attendance::it

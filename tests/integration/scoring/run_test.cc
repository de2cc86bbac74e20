// Runs: DRAFT -> VERIFIED -> LOCKED with the rights of each step, the month locked in the peers,
// corrections and their differences, one employee in one run, one computation of a month at a
// time, a peer failing, request ids and the metrics.

#include "integration/scoring/scoring_fixture.h"
#include "pqxx/pqxx"

namespace ekinerja::scoring::it {
namespace {

using ::testing::ElementsAre;

class RunTest : public ScoringTest {
 protected:
  void SetUp() override {
    ScoringTest::SetUp();
    if (HasFatalFailure()) return;
    SeedApril();
  }
  // The advisory-lock key the service's run_try_lock takes for dinkes' April 2026 (its schema
  // is in the key).
  std::string AprilLockKey() {
    return "hashtextextended('scoring.run/" + schema().name() + "/dinkes/2026/4', 0)";
  }
  template <typename Req>
  Req WithId(int64_t id) {
    Req req;
    req.set_id(id);
    return req;
  }
  grpc::Status Verify(const std::string& token, int64_t id, sv1::TppRun* out) {
    return scoring().VerifyTppRun(Ctx(token).get(), WithId<sv1::VerifyTppRunRequest>(id), out);
  }
  grpc::Status Return(const std::string& token, int64_t id, const std::string& reason,
                      sv1::TppRun* out) {
    auto req = WithId<sv1::ReturnTppRunRequest>(id);
    req.set_reason(reason);
    return scoring().ReturnTppRun(Ctx(token).get(), req, out);
  }
  grpc::Status Lock(const std::string& token, int64_t id, sv1::TppRun* out) {
    return scoring().LockTppRun(Ctx(token).get(), WithId<sv1::LockTppRunRequest>(id), out);
  }
  grpc::Status Recompute(int64_t id, sv1::TppRun* out) {
    return scoring().RecomputeTppRun(Ctx(Admin()).get(), WithId<sv1::RecomputeTppRunRequest>(id),
                                     out);
  }
  grpc::Status Correct(int64_t id, const std::string& reason, sv1::TppRun* out) {
    auto req = WithId<sv1::CorrectTppRunRequest>(id);
    req.set_reason(reason);
    req.set_request_id(NextRequestId());
    return scoring().CorrectTppRun(Ctx(Admin()).get(), req, out);
  }
  sv1::TppRun Get(int64_t id) {
    sv1::TppRun out;
    EXPECT_TRUE(
        Ok(scoring().GetTppRun(Ctx(Admin()).get(), WithId<sv1::GetTppRunRequest>(id), &out)));
    return out;
  }
  // The month's lock in activity and in attendance, "<activity> | <attendance>" ("" unlocked).
  std::string PeerLocks(int month = kApril) {
    return activity().LockOf(kYear, month) + " | " + attendance().LockOf(kYear, month).value_or("");
  }
  static std::string LockedBy(int64_t id) {
    const std::string ref = "tppRuns/" + std::to_string(id);
    return ref + " | " + ref;
  }
  static std::string RunStatus(int64_t id) { return "RUN_STATUS tppRuns/" + std::to_string(id); }
  // staf_s1_b on izin on Tue 21 April (present before).
  void IzinOnThe21st() { SetDay(seeded_.staf_s1_b, absl::CivilDay(2026, 4, 21), "IZIN", "IZIN"); }
};

TEST_F(RunTest, AVerifierVerifiesAndReturnsAndTheAdminLocksTheMonthInThePeers) {
  const sv1::TppRun run = CreateRun(kYear, kApril);
  sv1::TppRun out;
  // A DRAFT is neither returned nor locked; the admin does not verify.
  EXPECT_TRUE(HasCode(Verify(Admin(), run.id(), &out), grpc::StatusCode::PERMISSION_DENIED));
  grpc::Status st = Return(Token(kVerifier), run.id(), "cek izin", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), RunStatus(run.id()));
  st = Lock(Admin(), run.id(), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), RunStatus(run.id()));

  ASSERT_TRUE(Ok(Verify(Token(kVerifier), run.id(), &out)));
  EXPECT_EQ(out.status(), sv1::RUN_STATUS_VERIFIED);
  EXPECT_EQ(out.verified_by(), kVerifier);
  EXPECT_TRUE(out.has_verify_time());
  st = Recompute(run.id(), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), RunStatus(run.id()));

  st = Return(Token(kVerifier), run.id(), "", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("reason"));
  ASSERT_TRUE(Ok(Return(Token(kVerifier), run.id(), "Izin tanggal 9 belum ada suratnya", &out)));
  EXPECT_EQ(out.status(), sv1::RUN_STATUS_DRAFT);
  EXPECT_EQ(out.return_reason(), "Izin tanggal 9 belum ada suratnya");
  EXPECT_EQ(out.verified_by(), "");

  ASSERT_TRUE(Ok(Verify(Token(kVerifier), run.id(), &out)));
  EXPECT_TRUE(HasCode(Lock(Token(kVerifier), run.id(), &out), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(PeerLocks(), " | ");
  ASSERT_TRUE(Ok(Lock(Admin(), run.id(), &out)));
  EXPECT_EQ(out.status(), sv1::RUN_STATUS_LOCKED);
  EXPECT_EQ(out.locked_by(), integration::kTenantAdmin);
  EXPECT_TRUE(out.has_lock_time());
  EXPECT_TRUE(SameMessage(out.totals(), AprilTotals()));
  EXPECT_EQ(PeerLocks(), LockedBy(run.id()));
  EXPECT_EQ(PeerLocks(3), " | ");

  // A LOCKED run never changes; locking it again is the retry of a lock and answers it.
  for (const grpc::Status& refused :
       {Recompute(run.id(), &out), Verify(Token(kVerifier), run.id(), &out),
        Return(Token(kVerifier), run.id(), "terlambat", &out)}) {
    EXPECT_TRUE(HasCode(refused, grpc::StatusCode::FAILED_PRECONDITION));
    EXPECT_EQ(PreconditionOf(refused), RunStatus(run.id()));
  }
  ASSERT_TRUE(Ok(Lock(Admin(), run.id(), &out)));
  EXPECT_EQ(out.status(), sv1::RUN_STATUS_LOCKED);
  EXPECT_EQ(Get(run.id()).status(), sv1::RUN_STATUS_LOCKED);
}

TEST_F(RunTest, APeerThatRefusesTheLockLeavesTheRunVerifiedAndTheRetryLocksIt) {
  const sv1::TppRun run = CreateRun(kYear, kApril);
  sv1::TppRun out;
  ASSERT_TRUE(Ok(Verify(Token(kVerifier), run.id(), &out)));
  activity().FailNextLock(absl::UnavailableError("activity: down"));
  EXPECT_TRUE(HasCode(Lock(Admin(), run.id(), &out), grpc::StatusCode::UNAVAILABLE));
  EXPECT_EQ(Get(run.id()).status(), sv1::RUN_STATUS_VERIFIED);
  EXPECT_EQ(PeerLocks(), " | ");
  ASSERT_TRUE(Ok(Lock(Admin(), run.id(), &out)));
  EXPECT_EQ(out.status(), sv1::RUN_STATUS_LOCKED);
  EXPECT_EQ(PeerLocks(), LockedBy(run.id()));
}

TEST_F(RunTest, ACorrectionIsANewVersionWhoseDifferencesAreTheChangedEmployeeOnly) {
  const sv1::TppRun run = VerifyAndLock(CreateRun(kYear, kApril).id());
  ASSERT_EQ(run.status(), sv1::RUN_STATUS_LOCKED);
  sv1::TppRun out;
  // Only a LOCKED run is corrected.
  const sv1::TppRun may = CreateRun(kYear, 5, "DINKES.YANKES");
  grpc::Status st = Correct(may.id(), "salah hitung", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), RunStatus(may.id()));

  st = Correct(run.id(), "", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("reason"));
  EXPECT_EQ(Count("runs"), 2);

  IzinOnThe21st();
  sv1::TppRun correction;
  ASSERT_TRUE(Ok(Correct(run.id(), "Izin 21 April disetujui terlambat", &correction)));
  EXPECT_EQ(correction.status(), sv1::RUN_STATUS_DRAFT);
  EXPECT_EQ(correction.version(), 2);
  EXPECT_EQ(correction.corrects_run_id(), run.id());
  EXPECT_EQ(correction.correction_reason(), "Izin 21 April disetujui terlambat");
  EXPECT_EQ(correction.org_unit_code(), kRunUnit);
  // staf_s1_b: one izin line of 1,140,000 x 2% = 22,800: disiplin paid 1,117,200, gross
  // 1,117,200 + 1,539,000 = 2,656,200, BPJS 26,562, net 2,629,638 (22,572 less than 2,652,210).
  EXPECT_EQ(correction.totals().net_idr(), AprilTotals().net_idr() - 22572);
  EXPECT_EQ(correction.totals().gross_idr(), AprilTotals().gross_idr() - 22800);
  // While the correction is open the month is open in the peers; the old run is as it was.
  EXPECT_EQ(PeerLocks(), " | ");
  EXPECT_EQ(Get(run.id()).status(), sv1::RUN_STATUS_LOCKED);
  EXPECT_EQ(InstrumentOf(seeded_.staf_s1_b, kYear, kApril, run.id()).net_idr(), 2652210);
  // The newest run of the month is the correction.
  EXPECT_EQ(InstrumentOf(seeded_.staf_s1_b, kYear, kApril).net_idr(), 2629638);
  // One open correction at a time.
  st = Correct(run.id(), "lagi", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "CORRECTION_OPEN tppRuns/" + std::to_string(correction.id()));

  sv1::ListRunDifferencesRequest req;
  req.set_id(correction.id());
  sv1::ListRunDifferencesResponse diff;
  ASSERT_TRUE(
      Ok(scoring().ListRunDifferences(Ctx(Token(integration::kAuditor)).get(), req, &diff)));
  EXPECT_EQ(diff.run_id(), correction.id());
  EXPECT_EQ(diff.corrects_run_id(), run.id());
  ASSERT_EQ(diff.differences_size(), 1);
  const sv1::RunDifference& d = diff.differences(0);
  EXPECT_EQ(d.nip(), seeded_.staf_s1_b);
  EXPECT_EQ(d.name(), "Eko Prasetyo");
  EXPECT_EQ(d.previous_gross_idr(), 2679000);
  EXPECT_EQ(d.gross_idr(), 2656200);
  EXPECT_EQ(d.previous_net_idr(), 2652210);
  EXPECT_EQ(d.net_idr(), 2629638);
  EXPECT_EQ(d.net_difference_idr(), -22572);
  // A first run corrects nothing.
  req.set_id(run.id());
  st = scoring().ListRunDifferences(Ctx(Admin()).get(), req, &diff);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "NOT_A_CORRECTION tppRuns/" + std::to_string(run.id()));

  // Locking the correction locks the month again under it and supersedes the old run.
  const sv1::TppRun locked = VerifyAndLock(correction.id());
  EXPECT_EQ(locked.status(), sv1::RUN_STATUS_LOCKED);
  EXPECT_EQ(Get(run.id()).status(), sv1::RUN_STATUS_SUPERSEDED);
  EXPECT_EQ(PeerLocks(), LockedBy(correction.id()));
  st = Correct(run.id(), "yang lama", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), RunStatus(run.id()));

  sv1::ListTppRunsRequest list;
  list.set_year(kYear);
  list.set_month(kApril);
  sv1::ListTppRunsResponse runs;
  ASSERT_TRUE(Ok(scoring().ListTppRuns(Ctx(Admin()).get(), list, &runs)));
  ASSERT_EQ(runs.runs_size(), 2);
  EXPECT_EQ(runs.runs(0).id(), correction.id());  // newest first
  EXPECT_EQ(runs.runs(1).id(), run.id());
}

TEST_F(RunTest, AnEmployeeBelongsToOneRunOfAMonth) {
  const sv1::TppRun opd = CreateRun(kYear, kApril);
  sv1::TppRun out;
  const grpc::Status st =
      scoring().CreateTppRun(Ctx(Admin()).get(), RunReq(kYear, kApril, ""), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "EMPLOYEE_IN_OTHER_RUN tppRuns/" + std::to_string(opd.id()));
  EXPECT_EQ(Count("runs"), 1);
  EXPECT_EQ(Count("instruments"), 4);
  // A subtree of the run is refused too; a disjoint one is not.
  EXPECT_TRUE(HasCode(
      scoring().CreateTppRun(Ctx(Admin()).get(), RunReq(kYear, kApril, "DINKES.P2P.S1"), &out),
      grpc::StatusCode::FAILED_PRECONDITION));
  const sv1::TppRun yankes = CreateRun(kYear, kApril, "DINKES.YANKES");
  EXPECT_EQ(yankes.totals().employees(), 2);  // kabid_yankes, staf_yankes
  EXPECT_EQ(Count("runs"), 2);
  // Another month is another matter.
  EXPECT_EQ(CreateRun(kYear, 3, "").totals().employees(), 8);
}

TEST_F(RunTest, AMonthBeingComputedElsewhereIsAbortedAndNothingIsWritten) {
  pqxx::connection conn(schema().url());
  pqxx::work other(conn);
  ASSERT_TRUE(
      other.exec("SELECT pg_try_advisory_xact_lock(" + AprilLockKey() + ")")[0][0].as<bool>());
  sv1::TppRun out;
  EXPECT_TRUE(HasCode(scoring().CreateTppRun(Ctx(Admin()).get(), RunReq(kYear, kApril), &out),
                      grpc::StatusCode::ABORTED));
  EXPECT_EQ(Count("runs"), 0);
  EXPECT_EQ(Count("instruments"), 0);
  EXPECT_EQ(Counter("ekinerja_scoring_runs_total", {{"action", "compute"}, {"outcome", "busy"}}),
            1);
  // Another month of the tenant is not held.
  EXPECT_EQ(CreateRun(kYear, 3).totals().employees(), 4);
  other.abort();
  EXPECT_EQ(CreateRun(kYear, kApril).totals().net_idr(), AprilTotals().net_idr());
}

TEST_F(RunTest, ARecomputeHeldByAnotherComputationOrFailingAPeerLeavesTheDraftAsItWas) {
  const sv1::TppRun run = CreateRun(kYear, kApril);
  // Two days change: kabid_p2p (the first of the stream) tanpa keterangan on Wed 22, staf_s1_b
  // (the last) on izin on Tue 21.
  SetDay(seeded_.kabid_p2p, absl::CivilDay(2026, 4, 22), "TANPA_KETERANGAN");
  IzinOnThe21st();
  const auto unchanged = [&] {
    EXPECT_EQ(InstrumentOf(seeded_.kabid_p2p, kYear, kApril).net_idr(), 5670000);
    EXPECT_EQ(InstrumentOf(seeded_.staf_s1_b, kYear, kApril).net_idr(), 2652210);
    EXPECT_EQ(Count("instruments"), 4);
    EXPECT_TRUE(SameMessage(Get(run.id()).totals(), AprilTotals()));
  };
  sv1::TppRun out;
  {
    pqxx::connection conn(schema().url());
    pqxx::work other(conn);
    other.exec("SELECT pg_advisory_xact_lock(" + AprilLockKey() + ")");
    EXPECT_TRUE(HasCode(Recompute(run.id(), &out), grpc::StatusCode::ABORTED));
  }
  unchanged();
  // Attendance failing in the middle of the stream: after kabid_p2p's and staf_p2p's 30 days
  // and 10 of staf_s1_a's (kabid_p2p's new instrument computed, not written).
  attendance().FailStreamAfter(2 * 30 + 10, absl::UnavailableError("attendance: reset"));
  EXPECT_TRUE(HasCode(Recompute(run.id(), &out), grpc::StatusCode::UNAVAILABLE));
  unchanged();
  attendance().Fail(absl::UnavailableError("attendance: down"));
  EXPECT_TRUE(HasCode(Recompute(run.id(), &out), grpc::StatusCode::UNAVAILABLE));
  unchanged();
  EXPECT_EQ(Counter("ekinerja_scoring_runs_total", {{"action", "compute"}, {"outcome", "failed"}}),
            2);

  // kabid_p2p: 2,700,000 x 3% = 81,000 off D: gross 6,669,000, PPh 15% 1,000,350, BPJS 66,690,
  // net 5,601,960 (68,040 less); staf_s1_b 22,572 less (ACorrection...).
  attendance().Fail(absl::OkStatus());
  ASSERT_TRUE(Ok(Recompute(run.id(), &out)));
  EXPECT_EQ(out.totals().net_idr(), AprilTotals().net_idr() - 68040 - 22572);
  EXPECT_EQ(InstrumentOf(seeded_.kabid_p2p, kYear, kApril).net_idr(), 5601960);
  EXPECT_EQ(InstrumentOf(seeded_.staf_s1_b, kYear, kApril).net_idr(), 2629638);
}

TEST_F(RunTest, AMonthIsComputedOnceItHasBegun) {
  sv1::TppRun out;
  // Today is 2026-05-05: June has not begun, May has.
  const grpc::Status st = scoring().CreateTppRun(Ctx(Admin()).get(), RunReq(kYear, 6), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "MONTH_NOT_BEGUN months/2026-06");
  EXPECT_EQ(Count("runs"), 0);
  EXPECT_EQ(CreateRun(kYear, 5).status(), sv1::RUN_STATUS_DRAFT);
}

TEST_F(RunTest, TheCreateIsTheAdminsItsRetryAnswersTheFirstAndBadInputIsNamed) {
  sv1::TppRun out;
  EXPECT_TRUE(
      HasCode(scoring().CreateTppRun(Ctx(Token(kVerifier)).get(), RunReq(kYear, kApril), &out),
              grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(
      scoring().CreateTppRun(Ctx(Token(seeded_.kabid_p2p)).get(), RunReq(kYear, kApril), &out),
      grpc::StatusCode::PERMISSION_DENIED));
  sv1::CreateTppRunRequest req = RunReq(kYear, kApril);
  sv1::TppRun first, replay;
  ASSERT_TRUE(Ok(scoring().CreateTppRun(Ctx(Admin()).get(), req, &first)));
  ASSERT_TRUE(Ok(scoring().CreateTppRun(Ctx(Admin()).get(), req, &replay)));
  EXPECT_EQ(replay.id(), first.id());
  EXPECT_EQ(Count("runs"), 1);
  req.set_month(3);
  grpc::Status st = scoring().CreateTppRun(Ctx(Admin()).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("request_id"));

  sv1::CreateTppRunRequest bad;
  bad.set_year(1999);
  bad.set_month(13);
  st = scoring().CreateTppRun(Ctx(Admin()).get(), bad, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("year", "month"));
  EXPECT_TRUE(HasCode(
      scoring().CreateTppRun(Ctx(Admin()).get(), RunReq(kYear, kApril, "DINKES.NOPE"), &out),
      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("runs"), 1);
  // Another tenant does not see the run.
  EXPECT_TRUE(HasCode(
      scoring().GetTppRun(Ctx(OtherAdmin()).get(), WithId<sv1::GetTppRunRequest>(first.id()), &out),
      grpc::StatusCode::NOT_FOUND));
}

TEST_F(RunTest, TheMetricsCountTheComputationAndItsEmployees) {
  EXPECT_EQ(Counter("ekinerja_scoring_runs_total", {{"action", "compute"}, {"outcome", "ok"}}), 0);
  const sv1::TppRun run = CreateRun(kYear, kApril);
  EXPECT_EQ(Counter("ekinerja_scoring_runs_total", {{"action", "compute"}, {"outcome", "ok"}}), 1);
  EXPECT_EQ(Counter("ekinerja_scoring_employees_computed_total"), 4);
  sv1::TppRun out;
  ASSERT_TRUE(Ok(Recompute(run.id(), &out)));
  EXPECT_EQ(Counter("ekinerja_scoring_runs_total", {{"action", "compute"}, {"outcome", "ok"}}), 2);
  EXPECT_EQ(Counter("ekinerja_scoring_employees_computed_total"), 8);
  ASSERT_TRUE(Ok(Verify(Token(kVerifier), run.id(), &out)));
  EXPECT_EQ(Counter("ekinerja_scoring_runs_total", {{"action", "verify"}, {"outcome", "ok"}}), 1);
}

}  // namespace
}  // namespace ekinerja::scoring::it

// Entries through their gates (DOMAIN §5), against fakes of identity, attendance and SKP.

#include "absl/strings/str_cat.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;

class EntryTest : public ActivityTest {
 protected:
  std::string Subject(const std::string& nip, absl::CivilDay day = kToday) {
    return absl::StrCat("entries/", nip, "/", FormatDate(day));
  }
  int64_t Entries() { return Count("SELECT count(*) FROM entries"); }
  // Entry `id` as GetEntry reads it back, as `nip`.
  av1::Entry Stored(const std::string& nip, int64_t id) {
    av1::GetEntryRequest get;
    get.set_id(id);
    av1::Entry out;
    EXPECT_TRUE(Ok(activity().GetEntry(Ctx(Token(nip)).get(), get, &out)));
    return out;
  }
};

TEST_F(EntryTest, NoCheckInNoEntryAndNothingWritten) {
  const std::string nip = seeded_.staf_s1_a;
  ApprovePlan(nip);
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "08:00", "09:00"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "NO_CHECK_IN " + Subject(nip));
  EXPECT_EQ(Entries(), 0);
  EXPECT_EQ(
      Counter("ekinerja_activity_entries_total", {{"outcome", "refused"}, {"gate", "NO_CHECK_IN"}}),
      1);
}

TEST_F(EntryTest, CheckedInEntryIsADraftEarningItsSpan) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  const av1::Entry e = Create(nip, kToday, "08:00", "09:30");
  EXPECT_GT(e.id(), 0);
  EXPECT_EQ(e.nip(), nip);
  EXPECT_EQ(e.status(), av1::ENTRY_STATUS_DRAFT);
  EXPECT_EQ(e.span_minutes(), 90);
  EXPECT_EQ(e.earned_minutes(), 90);
  EXPECT_EQ(e.rhk_id(), RhkOf(nip));
  EXPECT_EQ(e.skp_id(), RhkOf(nip) * 10);
  EXPECT_EQ(e.start_time(), "08:00");
  EXPECT_EQ(e.end_time(), "09:30");
  EXPECT_EQ(Entries(), 1);
  // The answer is the entry as stored, its times to the microsecond (nothing is read back).
  EXPECT_GT(e.create_time().seconds(), 0);
  EXPECT_EQ(e.DebugString(), Stored(nip, e.id()).DebugString());
  EXPECT_EQ(Counter("ekinerja_activity_entries_total", {{"outcome", "created"}, {"gate", ""}}), 1);
}

TEST_F(EntryTest, ACreateIsSixRoundTripsAndARetryTwo) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  Create(nip, kToday, "07:00", "08:00");
  const av1::CreateEntryRequest req = EntryReq(nip, kToday, "08:00", "09:00");
  av1::Entry out;
  int64_t before = RoundTrips();
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &out)));
  // The rule set with the request id; BEGIN, the employee's lock, the gates, the insert with the
  // request id, COMMIT.
  EXPECT_EQ(RoundTrips() - before, 6);
  before = RoundTrips();
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &out)));
  EXPECT_EQ(RoundTrips() - before, 2);  // the rule set with the request id; the entry
}

TEST_F(EntryTest, ACorrectionApprovedLaterOpensTheDay) {
  const std::string nip = seeded_.staf_s1_a;
  ApprovePlan(nip);
  av1::Entry out;
  EXPECT_TRUE(HasCode(
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "08:00", "09:00"), &out),
      grpc::StatusCode::FAILED_PRECONDITION));
  // Attendance counts the approved koreksi presensi as the day's check-in.
  clients::AttendanceDay corrected;
  corrected.nip = nip;
  corrected.date = kToday;
  corrected.workday = true;
  corrected.checked_in = true;
  corrected.status = "HADIR";
  attendance().SetDay(corrected);
  EXPECT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(),
                                        EntryReq(nip, kToday, "08:00", "09:00"), &out)));
  EXPECT_EQ(Entries(), 1);
}

TEST_F(EntryTest, TugasTambahanNeedsNoSkp) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  av1::CreateEntryRequest req = EntryReq(nip, kToday, "13:00", "14:00");
  req.mutable_entry()->set_rhk_id(0);
  req.mutable_entry()->set_tugas_tambahan_ref("Nota dinas Kabid P2P 12/2026");
  av1::Entry out;
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &out)));
  EXPECT_EQ(out.rhk_id(), 0);
  EXPECT_EQ(out.skp_id(), 0);
  EXPECT_EQ(out.tugas_tambahan_ref(), "Nota dinas Kabid P2P 12/2026");
  EXPECT_EQ(plans().CallCount("PlanOn"), 0);
}

TEST_F(EntryTest, AnRhkOfAnotherEmployeeOrWithoutAnApprovedSkpIsRefused) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  av1::Entry out;
  // No approved SKP in force.
  grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "08:00", "09:00"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "NO_APPROVED_SKP " + Subject(nip));
  // A colleague's RHK.
  ApprovePlan(nip);
  ApprovePlan(seeded_.staf_s1_b);
  av1::CreateEntryRequest req = EntryReq(nip, kToday, "08:00", "09:00");
  req.mutable_entry()->set_rhk_id(RhkOf(seeded_.staf_s1_b));
  st = activity().CreateEntry(Ctx(Token(nip)).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("entry.rhk_id"));
  EXPECT_EQ(Entries(), 0);
}

TEST_F(EntryTest, DeadlineIsTheLastSecondOfTheNextDayInTheTenantsZone) {
  const std::string nip = seeded_.staf_s1_a;
  const absl::CivilDay monday(2026, 2, 9);
  CheckIn(nip, monday);
  ApprovePlan(nip);
  SetNow(JakartaTime(kToday, 23, 59, 59));
  Create(nip, monday, "08:00", "09:00");
  SetNow(JakartaTime(kToday + 1, 0, 0, 0));
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, monday, "09:00", "10:00"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "PAST_DEADLINE " + Subject(nip, monday));
  EXPECT_EQ(Entries(), 1);
}

TEST_F(EntryTest, DeadlineFollowsATenantInWit) {
  // The same instant is already D+2 in Jayapura (UTC+9) when it is 23:59 in Jakarta.
  const SeededTenant papua = integration::DeclareSeedTenant(directory(), "papua", 2);
  directory().AddTenant("papua", "Asia/Jayapura");
  const std::string nip = papua.staf_s1_a;
  const absl::CivilDay monday(2026, 2, 9);
  CheckIn(nip, monday);
  ApprovePlan(nip);
  const std::string token = directory().Login({"papua", nip, nip, {}, ""});
  av1::Entry out;
  SetNow(JakartaTime(kToday, 21, 59, 59));  // 23:59:59 WIT
  EXPECT_TRUE(
      Ok(activity().CreateEntry(Ctx(token).get(), EntryReq(nip, monday, "08:00", "09:00"), &out)));
  SetNow(JakartaTime(kToday, 22, 0, 0));  // 00:00:00 WIT of D+2
  const grpc::Status st =
      activity().CreateEntry(Ctx(token).get(), EntryReq(nip, monday, "09:00", "10:00"), &out);
  EXPECT_EQ(PreconditionOf(st), "PAST_DEADLINE " + Subject(nip, monday));
}

TEST_F(EntryTest, ADayThatHasNotComeIsRefused) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip, kToday + 1);
  ApprovePlan(nip);
  av1::Entry out;
  const grpc::Status st = activity().CreateEntry(Ctx(Token(nip)).get(),
                                                 EntryReq(nip, kToday + 1, "08:00", "09:00"), &out);
  EXPECT_EQ(PreconditionOf(st), "PAST_DEADLINE " + Subject(nip, kToday + 1));
}

TEST_F(EntryTest, TouchingEntriesPassOverlappingOnesDoNot) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  Create(nip, kToday, "08:00", "09:00");
  Create(nip, kToday, "09:00", "10:00");
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "09:59", "10:30"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "OVERLAP " + Subject(nip));
  EXPECT_EQ(Entries(), 2);
}

TEST_F(EntryTest, TheDaysMinutesMayReachTheTimePresentAndNotOneMore) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip, kToday, "07:30", "12:30");  // 300 minutes present
  ApprovePlan(nip);
  Create(nip, kToday, "07:30", "10:00");  // 150
  Create(nip, kToday, "10:00", "12:30");  // 150: exactly 300
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "13:00", "13:01"), &out);
  EXPECT_EQ(PreconditionOf(st), "DAY_MINUTES " + Subject(nip));
  EXPECT_EQ(Entries(), 2);
}

TEST_F(EntryTest, UnknownPresenceCapsTheDayAt450Minutes) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip, kToday, "07:30", "");  // checked in, not yet out
  ApprovePlan(nip);
  Create(nip, kToday, "07:00", "14:30");  // 450
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "14:30", "14:31"), &out);
  EXPECT_EQ(PreconditionOf(st), "DAY_MINUTES " + Subject(nip));
}

TEST_F(EntryTest, ALockedMonthAcceptsNothing) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  Exec(
      absl::StrCat("INSERT INTO month_locks (tenant_id, year, month, locked, reference, locked_by) "
                   "VALUES ('",
                   seeded_.code, "', 2026, 2, true, 'tpp-runs/7', 'ekinerja-scoring')"));
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "08:00", "09:00"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionOf(st), "MONTH_LOCKED " + Subject(nip));
  EXPECT_EQ(Entries(), 0);
}

TEST_F(EntryTest, ARetryAnswersTheFirstEntry) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  const av1::CreateEntryRequest req = EntryReq(nip, kToday, "08:00", "09:00");
  av1::Entry first, second;
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &first)));
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &second)));
  EXPECT_EQ(second.id(), first.id());
  EXPECT_EQ(Entries(), 1);
  // A retry answers before any gate: past the deadline (D+1 23:59 WIB) it still finds the entry.
  SetNow(JakartaTime(kToday + 2, 0, 0));
  av1::Entry late;
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &late)));
  EXPECT_EQ(late.id(), first.id());
  EXPECT_EQ(late.start_time(), "08:00");
  // The same id for other work is the client's mistake.
  av1::CreateEntryRequest other = req;
  other.mutable_entry()->set_start_time("10:00");
  other.mutable_entry()->set_end_time("11:00");
  const grpc::Status st = activity().CreateEntry(Ctx(Token(nip)).get(), other, &second);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("request_id"));
  EXPECT_EQ(Entries(), 1);
}

TEST_F(EntryTest, BadInputNamesEachFieldOnceAndWritesNothing) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  av1::CreateEntryRequest req;
  av1::Entry* e = req.mutable_entry();
  e->mutable_work_date()->set_year(2026);  // partial date
  e->set_start_time("7:30");
  e->set_end_time("25:00");
  e->set_description("");
  e->set_rhk_id(RhkOf(nip));
  e->set_tugas_tambahan_ref("Nota dinas");  // both
  e->set_output_quantity(-1);
  e->set_output_unit(std::string(41, 'x'));
  e->set_evidence_link("ftp://example.org/x");
  req.set_request_id(std::string(129, 'r'));
  av1::Entry out;
  const grpc::Status st = activity().CreateEntry(Ctx(Token(nip)).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ::testing::UnorderedElementsAre("request_id", "entry.work_date", "entry.start_time",
                                              "entry.end_time", "entry.description", "entry.rhk_id",
                                              "entry.output_quantity", "entry.output_unit",
                                              "entry.evidence_link"));
  EXPECT_EQ(Entries(), 0);
}

TEST_F(EntryTest, EndBeforeStartIsOneViolation) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  av1::Entry out;
  const grpc::Status st =
      activity().CreateEntry(Ctx(Token(nip)).get(), EntryReq(nip, kToday, "10:00", "10:00"), &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("entry.end_time"));
}

TEST_F(EntryTest, NobodyReportsForSomeoneElse) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  av1::CreateEntryRequest req = EntryReq(nip, kToday, "08:00", "09:00");
  req.mutable_entry()->set_nip(nip);
  av1::Entry out;
  EXPECT_TRUE(HasCode(activity().CreateEntry(Ctx(Token(seeded_.staf_p2p)).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  // Nor does an admin login without a NIP file a report of its own.
  req.mutable_entry()->clear_nip();
  EXPECT_TRUE(
      HasCode(activity().CreateEntry(Ctx(Token(integration::kTenantAdmin)).get(), req, &out),
              grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Entries(), 0);
}

TEST_F(EntryTest, ReadsFollowIdentitysRights) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  const av1::Entry e = Create(nip, kToday, "08:00", "09:00");
  av1::GetEntryRequest get;
  get.set_id(e.id());
  av1::Entry out;
  EXPECT_TRUE(Ok(activity().GetEntry(Ctx(Token(nip)).get(), get, &out)));
  // The Plt KASI of S1 supervises staf_s1_a; a colleague does not; another tenant never sees it.
  EXPECT_TRUE(Ok(activity().GetEntry(Ctx(Token(seeded_.staf_p2p)).get(), get, &out)));
  EXPECT_TRUE(HasCode(activity().GetEntry(Ctx(Token(seeded_.staf_s1_b)).get(), get, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(activity().GetEntry(Ctx(OtherAdmin()).get(), get, &out),
                      grpc::StatusCode::NOT_FOUND));
  av1::ListEntriesRequest list;
  list.set_nip(nip);
  *list.mutable_start_date() = Date(kToday - 6);
  *list.mutable_end_date() = Date(kToday);
  av1::ListEntriesResponse listed;
  ASSERT_TRUE(Ok(activity().ListEntries(Ctx(Token(seeded_.kadis)).get(), list, &listed)));
  ASSERT_EQ(listed.entries_size(), 1);
  EXPECT_EQ(listed.entries(0).id(), e.id());
  EXPECT_TRUE(HasCode(activity().ListEntries(Ctx(Token(seeded_.staf_s1_b)).get(), list, &listed),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(EntryTest, UpdateRunsTheGatesAgainAndWithdrawFreesTheTime) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  const av1::Entry a = Create(nip, kToday, "08:00", "09:00");
  const av1::Entry b = Create(nip, kToday, "09:00", "10:00");
  av1::UpdateEntryRequest upd;
  upd.mutable_entry()->set_id(b.id());
  upd.mutable_entry()->set_start_time("08:30");
  upd.mutable_update_mask()->add_paths("start_time");
  av1::Entry out;
  grpc::Status st = activity().UpdateEntry(Ctx(Token(nip)).get(), upd, &out);
  EXPECT_EQ(PreconditionOf(st), "OVERLAP " + Subject(nip));
  // Someone else's entry is not theirs to change.
  EXPECT_TRUE(HasCode(activity().UpdateEntry(Ctx(Token(seeded_.staf_p2p)).get(), upd, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  av1::WithdrawEntryRequest wd;
  wd.set_id(a.id());
  ASSERT_TRUE(Ok(activity().WithdrawEntry(Ctx(Token(nip)).get(), wd, &out)));
  EXPECT_EQ(out.status(), av1::ENTRY_STATUS_WITHDRAWN);
  ASSERT_TRUE(Ok(activity().UpdateEntry(Ctx(Token(nip)).get(), upd, &out)));
  EXPECT_EQ(out.start_time(), "08:30");
  EXPECT_EQ(out.earned_minutes(), 90);
  // A withdrawn entry is final.
  EXPECT_TRUE(HasCode(activity().WithdrawEntry(Ctx(Token(nip)).get(), wd, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
  // A mask naming what an update cannot change.
  upd.mutable_update_mask()->add_paths("status");
  st = activity().UpdateEntry(Ctx(Token(nip)).get(), upd, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("update_mask"));
}

TEST_F(EntryTest, SubmittingAWeekAsksAttendanceOnceAndNamesTheVerifier) {
  const std::string nip = seeded_.staf_s1_a;
  const absl::CivilDay monday(2026, 2, 9);
  ApprovePlan(nip);
  CheckIn(nip, monday);
  CheckIn(nip, kToday);
  Create(nip, monday, "08:00", "09:00");
  Create(nip, kToday, "08:00", "09:00");
  Create(nip, kToday, "09:00", "11:00");
  const int before = attendance().CallCount("DaysOf");
  const std::vector<av1::Entry> submitted = Submit(nip, monday, kToday);
  EXPECT_EQ(attendance().CallCount("DaysOf"), before + 1);
  ASSERT_EQ(submitted.size(), 3u);
  for (const av1::Entry& e : submitted) {
    EXPECT_EQ(e.status(), av1::ENTRY_STATUS_SUBMITTED);
    // staf_p2p is Plt KASI of S1: the atasan langsung of staf_s1_a.
    EXPECT_EQ(e.verifier_nip(), seeded_.staf_p2p);
  }
  EXPECT_EQ(Counter("ekinerja_activity_entries_total", {{"outcome", "submitted"}, {"gate", ""}}),
            3);
  // Nothing left to submit: an empty answer.
  EXPECT_TRUE(Submit(nip, monday, kToday).empty());
}

TEST_F(EntryTest, ASubmissionPastTheDeadlineSubmitsNothing) {
  const std::string nip = seeded_.staf_s1_a;
  const absl::CivilDay monday(2026, 2, 9);
  ApprovePlan(nip);
  CheckIn(nip, monday);
  CheckIn(nip, kToday);
  Create(nip, monday, "08:00", "09:00");
  Create(nip, kToday, "08:00", "09:00");
  SetNow(JakartaTime(kToday + 1, 0, 0, 1));
  av1::SubmitEntriesRequest req;
  req.set_nip(nip);
  *req.mutable_start_date() = Date(monday);
  *req.mutable_end_date() = Date(kToday);
  av1::SubmitEntriesResponse resp;
  const grpc::Status st = activity().SubmitEntries(Ctx(Token(nip)).get(), req, &resp);
  EXPECT_EQ(PreconditionOf(st), "PAST_DEADLINE " + Subject(nip, monday));
  EXPECT_EQ(Count("SELECT count(*) FROM entries WHERE status = 'SUBMITTED'"), 0);
  // Someone else may not submit for them.
  EXPECT_TRUE(HasCode(activity().SubmitEntries(Ctx(Token(seeded_.staf_p2p)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(EntryTest, EvidenceFileIsKeptWithItsDigest) {
  const std::string nip = seeded_.staf_s1_a;
  CheckIn(nip);
  ApprovePlan(nip);
  av1::CreateEntryRequest req = EntryReq(nip, kToday, "08:00", "09:00");
  req.mutable_entry()->mutable_evidence_file()->set_file_name("notulen.pdf");
  req.mutable_entry()->mutable_evidence_file()->set_content_type("application/pdf");
  req.mutable_entry()->mutable_evidence_file()->set_content("%PDF-1.4 abc");
  av1::Entry out;
  ASSERT_TRUE(Ok(activity().CreateEntry(Ctx(Token(nip)).get(), req, &out)));
  EXPECT_EQ(out.evidence().file_name(), "notulen.pdf");
  EXPECT_EQ(out.evidence().size_bytes(), 12);
  EXPECT_EQ(out.evidence().content(), "");
  EXPECT_EQ(out.DebugString(), Stored(nip, out.id()).DebugString());
  av1::GetEntryEvidenceRequest get;
  get.set_entry_id(out.id());
  av1::EntryEvidence evidence;
  ASSERT_TRUE(Ok(activity().GetEntryEvidence(Ctx(Token(seeded_.staf_p2p)).get(), get, &evidence)));
  EXPECT_EQ(evidence.content(), "%PDF-1.4 abc");
  EXPECT_EQ(evidence.sha256().size(), 64u);
  EXPECT_TRUE(
      HasCode(activity().GetEntryEvidence(Ctx(Token(seeded_.staf_s1_b)).get(), get, &evidence),
              grpc::StatusCode::PERMISSION_DENIED));
  // Too big for --max_evidence_bytes (1024 in the tests).
  req.set_request_id("too-big");
  req.mutable_entry()->set_start_time("09:00");
  req.mutable_entry()->set_end_time("10:00");
  req.mutable_entry()->mutable_evidence_file()->set_content(std::string(1025, 'x'));
  EXPECT_THAT(ViolatedFields(activity().CreateEntry(Ctx(Token(nip)).get(), req, &out)),
              ElementsAre("entry.evidence_file.content"));
}

}  // namespace
}  // namespace ekinerja::activity::it

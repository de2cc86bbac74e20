// Verification (issue 11 item 3): DecideEntries and ListPendingEntries against fakes of identity,
// attendance and SKP. staf_p2p, Plt KASI of S1, is the atasan langsung of staf_s1_a and
// staf_s1_b; kabid_yankes of staf_yankes; nobody of kadis (the tenant admin decides there).

#include "absl/strings/str_format.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

const absl::CivilDay kMonday(2026, 2, 9);
const absl::CivilDay kFriday(2026, 2, 13);

class DecisionTest : public ActivityTest {
 protected:
  // `n` entries of `nip` on `day`, 20 minutes each from 08:00, filed and submitted at 17:00 that
  // day (the clock stays there).
  std::vector<int64_t> FileMany(const std::string& nip, absl::CivilDay day, int n) {
    SetNow(JakartaTime(day, 17, 0));
    CheckIn(nip, day);
    ApprovePlan(nip);
    auto hhmm = [](int m) { return absl::StrFormat("%02d:%02d", m / 60, m % 60); };
    for (int i = 0; i < n; ++i) Create(nip, day, hhmm(480 + 20 * i), hhmm(500 + 20 * i));
    std::vector<int64_t> ids;
    for (const av1::Entry& e : Submit(nip, day, day)) ids.push_back(e.id());
    EXPECT_EQ(ids.size(), static_cast<size_t>(n));
    return ids;
  }
  static av1::DecideEntriesRequest Ids(av1::Decision decision, const std::vector<int64_t>& ids,
                                       const std::string& reason = "") {
    av1::DecideEntriesRequest req;
    req.set_decision(decision);
    req.set_reason(reason);
    for (int64_t id : ids) req.add_entry_ids(id);
    return req;
  }
  // The answer of a DecideEntries that must succeed as a whole.
  av1::DecideEntriesResponse Decide(const std::string& token,
                                    const av1::DecideEntriesRequest& req) {
    av1::DecideEntriesResponse resp;
    EXPECT_TRUE(Ok(activity().DecideEntries(Ctx(token).get(), req, &resp)));
    return resp;
  }
  static std::vector<google::rpc::Code> Codes(const av1::DecideEntriesResponse& resp) {
    std::vector<google::rpc::Code> out;
    for (const av1::EntryOutcome& o : resp.outcomes()) out.push_back(o.code());
    return out;
  }
  av1::ListPendingEntriesResponse Queue(const std::string& token, int page_size = 0,
                                        const std::string& page_token = "",
                                        const std::string& nip = "") {
    av1::ListPendingEntriesRequest req;
    req.set_page_size(page_size);
    req.set_page_token(page_token);
    req.set_nip(nip);
    av1::ListPendingEntriesResponse resp;
    EXPECT_TRUE(Ok(activity().ListPendingEntries(Ctx(token).get(), req, &resp)));
    return resp;
  }
  static std::vector<int64_t> IdsOf(const av1::ListPendingEntriesResponse& resp) {
    std::vector<int64_t> out;
    for (const av1::Entry& e : resp.entries()) out.push_back(e.id());
    return out;
  }
  // "nip count oldest" per subordinate, oldest as Unix seconds.
  static std::vector<std::string> CountsOf(const av1::ListPendingEntriesResponse& resp) {
    std::vector<std::string> out;
    for (const av1::PendingCount& c : resp.counts()) {
      out.push_back(absl::StrCat(c.nip(), " ", c.entries(), " ", c.oldest_submit_time().seconds()));
    }
    return out;
  }
  static std::string CountLine(const std::string& nip, int n, absl::Time oldest) {
    return absl::StrCat(nip, " ", n, " ", absl::ToUnixSeconds(oldest));
  }
  int64_t WithStatus(const std::string& status) {
    return Count("SELECT count(*) FROM entries WHERE status = '" + status + "'");
  }
  int64_t Decisions() { return Count("SELECT count(*) FROM decisions"); }
  double Decided(const std::string& decision) {
    return Counter("ekinerja_activity_decisions_total", {{"decision", decision}});
  }
};

TEST_F(DecisionTest, FortyOnAFridayAfternoonTwoNotTheCallersSubordinates) {
  const std::string kasi = seeded_.staf_p2p;  // Plt KASI of S1
  const std::vector<int64_t> a1 = FileMany(seeded_.staf_s1_a, kMonday, 10);
  const std::vector<int64_t> b1 = FileMany(seeded_.staf_s1_b, kMonday, 10);
  const std::vector<int64_t> a2 = FileMany(seeded_.staf_s1_a, kToday, 9);
  const std::vector<int64_t> b2 = FileMany(seeded_.staf_s1_b, kToday, 9);
  const std::vector<int64_t> yankes = FileMany(seeded_.staf_yankes, kToday, 2);
  std::vector<int64_t> ids = a1;
  ids.push_back(yankes[0]);
  ids.insert(ids.end(), b1.begin(), b1.end());
  ids.insert(ids.end(), a2.begin(), a2.end());
  ids.push_back(yankes[1]);
  ids.insert(ids.end(), b2.begin(), b2.end());
  ASSERT_EQ(ids.size(), 40u);
  SetNow(JakartaTime(kFriday, 15, 30));
  const int asked_before = directory().CallCount("SupervisorsOf");

  const av1::DecideEntriesResponse resp = Decide(Token(kasi), Ids(av1::DECISION_APPROVE, ids));

  // Identity asked once per employee's day: s1_a and s1_b on two days, staf_yankes on one.
  EXPECT_EQ(directory().CallCount("SupervisorsOf") - asked_before, 5);
  EXPECT_EQ(resp.decided(), 38);
  ASSERT_EQ(resp.outcomes_size(), 40);
  for (int i = 0; i < 40; ++i) {
    const av1::EntryOutcome& o = resp.outcomes(i);
    EXPECT_EQ(o.entry_id(), ids[i]) << i;
    if (i == 10 || i == 30) {
      EXPECT_EQ(o.code(), google::rpc::PERMISSION_DENIED) << i;
      EXPECT_EQ(o.message(), "the caller does not decide the reports of " + seeded_.staf_yankes);
      EXPECT_FALSE(o.has_entry());
    } else {
      EXPECT_EQ(o.code(), google::rpc::OK) << i;
      EXPECT_EQ(o.message(), "");
      EXPECT_EQ(o.entry().status(), av1::ENTRY_STATUS_APPROVED) << i;
      EXPECT_EQ(o.entry().decided_by_nip(), kasi);
      EXPECT_EQ(o.entry().decide_time().seconds(),
                absl::ToUnixSeconds(JakartaTime(kFriday, 15, 30)));
    }
  }
  EXPECT_EQ(WithStatus("APPROVED"), 38);
  EXPECT_EQ(WithStatus("SUBMITTED"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM entries WHERE status = 'SUBMITTED' AND nip = '" +
                  seeded_.staf_yankes + "'"),
            2);
  // Audited: one decision each, by the Plt.
  EXPECT_EQ(Decisions(), 38);
  EXPECT_EQ(Count("SELECT count(*) FROM decisions WHERE decision = 'APPROVE' AND decided_by = '" +
                  kasi + "' AND acting = 'PLT' AND reason = ''"),
            38);
  EXPECT_EQ(Decided("approved"), 38);
  EXPECT_EQ(Decided("rejected"), 0);
}

TEST_F(DecisionTest, AnotherTenantsSupervisorAColleagueAndTheNextLevelUpAreRefused) {
  const av1::Entry e = Filed(seeded_.staf_s1_a, kToday);
  const av1::DecideEntriesRequest req = Ids(av1::DECISION_APPROVE, {e.id()});

  av1::DecideEntriesResponse resp = Decide(OtherSupervisor(), req);
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::NOT_FOUND));
  EXPECT_EQ(resp.outcomes(0).message(), absl::StrCat("entry ", e.id(), " not found"));
  EXPECT_EQ(resp.decided(), 0);

  resp = Decide(Token(seeded_.staf_s1_b), req);
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::PERMISSION_DENIED));
  EXPECT_EQ(resp.decided(), 0);

  // The atasan's own atasan reads the entry but is not its verifier.
  resp = Decide(Token(seeded_.kabid_p2p), req);
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::PERMISSION_DENIED));
  EXPECT_EQ(resp.outcomes(0).message(),
            absl::StrCat("only the atasan langsung of ", seeded_.staf_s1_a, " (", seeded_.staf_p2p,
                         ") decides"));

  // A caller with no employee NIP (and not the tenant admin) is refused as a whole.
  av1::DecideEntriesResponse none;
  EXPECT_TRUE(HasCode(activity().DecideEntries(Ctx(Token(integration::kAuditor)).get(), req, &none),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(WithStatus("SUBMITTED"), 1);
  EXPECT_EQ(Decisions(), 0);
}

TEST_F(DecisionTest, TheTopIsDecidedByTheTenantAdminNeverByThemself) {
  const av1::Entry e = Filed(seeded_.kadis, kToday);
  EXPECT_EQ(e.verifier_nip(), "");
  const av1::DecideEntriesRequest req = Ids(av1::DECISION_APPROVE, {e.id()});
  av1::DecideEntriesResponse resp = Decide(Token(seeded_.kadis), req);
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::PERMISSION_DENIED));
  EXPECT_EQ(resp.outcomes(0).message(), "an employee never decides on their own report");
  resp = Decide(Token(seeded_.kabid_p2p), req);
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::PERMISSION_DENIED));

  // The tenant admin's queue is the top's; they decide, holding no position.
  const std::string admin = Token(integration::kTenantAdmin);
  EXPECT_THAT(IdsOf(Queue(admin)), ElementsAre(e.id()));
  resp = Decide(admin, req);
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::OK));
  EXPECT_EQ(resp.outcomes(0).entry().decided_by_nip(), integration::kTenantAdmin);
  EXPECT_EQ(Count("SELECT count(*) FROM decisions WHERE decided_by = 'admin' AND acting = ''"), 1);
  EXPECT_TRUE(IdsOf(Queue(admin)).empty());
}

TEST_F(DecisionTest, RejectNeedsAReason) {
  const av1::Entry e = Filed(seeded_.staf_s1_a, kToday);
  const std::string kasi = Token(seeded_.staf_p2p);
  for (const std::string reason : {"", "  \n "}) {
    av1::DecideEntriesResponse resp;
    const grpc::Status st = activity().DecideEntries(
        Ctx(kasi).get(), Ids(av1::DECISION_REJECT, {e.id()}, reason), &resp);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
    EXPECT_THAT(ViolatedFields(st), ElementsAre("reason"));
  }
  EXPECT_EQ(Decisions(), 0);
  const av1::DecideEntriesResponse resp =
      Decide(kasi, Ids(av1::DECISION_REJECT, {e.id()}, "Bukti kegiatan tidak dilampirkan"));
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::OK));
  EXPECT_EQ(resp.outcomes(0).entry().status(), av1::ENTRY_STATUS_REJECTED);
  EXPECT_EQ(resp.outcomes(0).entry().decision_reason(), "Bukti kegiatan tidak dilampirkan");
  EXPECT_EQ(Count("SELECT count(*) FROM decisions WHERE decision = 'REJECT' AND reason = "
                  "'Bukti kegiatan tidak dilampirkan' AND acting = 'PLT'"),
            1);
  EXPECT_EQ(Decided("rejected"), 1);
}

TEST_F(DecisionTest, AnEntryAlreadyApprovedIsNotDecidedAgain) {
  const av1::Entry e = Filed(seeded_.staf_s1_a, kToday);
  const std::string kasi = Token(seeded_.staf_p2p);
  EXPECT_EQ(Decide(kasi, Ids(av1::DECISION_APPROVE, {e.id()})).decided(), 1);
  const av1::DecideEntriesResponse resp =
      Decide(kasi, Ids(av1::DECISION_RETURN, {e.id()}, "Perbaiki uraian"));
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::FAILED_PRECONDITION));
  EXPECT_EQ(resp.outcomes(0).message(), "entry is APPROVED; RETURN needs SUBMITTED");
  EXPECT_EQ(resp.decided(), 0);
  EXPECT_EQ(WithStatus("APPROVED"), 1);
  EXPECT_EQ(Decisions(), 1);
  EXPECT_EQ(Decided("approved"), 1);
  EXPECT_EQ(Decided("returned"), 0);
}

TEST_F(DecisionTest, ALockedMonthIsNotDecided) {
  const av1::Entry e = Filed(seeded_.staf_s1_a, kToday);
  Exec(
      absl::StrCat("INSERT INTO month_locks (tenant_id, year, month, locked, reference, locked_by) "
                   "VALUES ('",
                   seeded_.code, "', 2026, 2, true, 'tpp-runs/7', 'ekinerja-scoring')"));
  const av1::DecideEntriesResponse resp =
      Decide(Token(seeded_.staf_p2p), Ids(av1::DECISION_APPROVE, {e.id()}));
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::FAILED_PRECONDITION));
  EXPECT_EQ(resp.outcomes(0).message(),
            "2026-02 is locked by tpp-runs/7: its reports can no "
            "longer change");
  EXPECT_EQ(WithStatus("SUBMITTED"), 1);
  EXPECT_EQ(Decisions(), 0);
}

TEST_F(DecisionTest, AWholeDayByNipAndWorkDate) {
  const std::string nip = seeded_.staf_s1_a;
  const std::vector<int64_t> monday = FileMany(nip, kMonday, 1);
  const std::vector<int64_t> day = FileMany(nip, kToday, 3);
  const av1::Entry draft = Create(nip, kToday, "14:00", "15:00");
  av1::DecideEntriesRequest req;
  req.set_decision(av1::DECISION_RETURN);
  req.set_reason("Lengkapi output tiap kegiatan");
  req.set_nip(nip);
  *req.mutable_work_date() = Date(kToday);

  // Not the verifier: the day is refused as a whole, no entry named.
  av1::DecideEntriesResponse resp;
  EXPECT_TRUE(HasCode(activity().DecideEntries(Ctx(Token(seeded_.staf_s1_b)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(resp.outcomes_size(), 0);

  resp = Decide(Token(seeded_.staf_p2p), req);
  EXPECT_EQ(resp.decided(), 3);
  std::vector<int64_t> decided;
  for (const av1::EntryOutcome& o : resp.outcomes()) {
    decided.push_back(o.entry_id());
    EXPECT_EQ(o.entry().status(), av1::ENTRY_STATUS_RETURNED);
  }
  EXPECT_THAT(decided, ElementsAreArray(day));
  EXPECT_EQ(WithStatus("RETURNED"), 3);
  EXPECT_EQ(WithStatus("DRAFT"), 1);
  EXPECT_EQ(Count(absl::StrCat("SELECT count(*) FROM entries WHERE status = 'SUBMITTED' AND id = ",
                               monday[0])),
            1);
  EXPECT_GT(draft.id(), 0);
  EXPECT_EQ(Decided("returned"), 3);
  // Nothing left that day: an empty answer.
  resp = Decide(Token(seeded_.staf_p2p), req);
  EXPECT_EQ(resp.outcomes_size(), 0);
  EXPECT_EQ(resp.decided(), 0);
}

TEST_F(DecisionTest, TheQueueOldestFirstWithCountsPerSubordinateAndPages) {
  const std::string a = seeded_.staf_s1_a, b = seeded_.staf_s1_b;
  SetNow(JakartaTime(kToday, 12, 0));
  const int64_t a1 = Filed(a, kToday, "08:00", "09:00").id();
  SetNow(JakartaTime(kToday, 11, 0));
  const int64_t b1 = Filed(b, kToday, "08:00", "09:00").id();
  SetNow(JakartaTime(kToday, 13, 0));
  const int64_t a2 = Filed(a, kToday, "09:00", "10:00").id();
  const int64_t p2p = Filed(seeded_.staf_p2p, kToday).id();
  const std::string kasi = Token(seeded_.staf_p2p);

  av1::ListPendingEntriesResponse page = Queue(kasi, 2);
  EXPECT_THAT(IdsOf(page), ElementsAre(b1, a1));
  EXPECT_EQ(page.entries(0).submit_time().seconds(),
            absl::ToUnixSeconds(JakartaTime(kToday, 11, 0)));
  EXPECT_THAT(CountsOf(page), ElementsAre(CountLine(a, 2, JakartaTime(kToday, 12, 0)),
                                          CountLine(b, 1, JakartaTime(kToday, 11, 0))));
  ASSERT_NE(page.next_page_token(), "");
  const av1::ListPendingEntriesResponse last = Queue(kasi, 2, page.next_page_token());
  EXPECT_THAT(IdsOf(last), ElementsAre(a2));
  EXPECT_EQ(last.next_page_token(), "");
  EXPECT_EQ(CountsOf(last), CountsOf(page));
  EXPECT_THAT(IdsOf(Queue(kasi)), ElementsAre(b1, a1, a2));

  // One subordinate's entries; the counts stay the whole queue's.
  const av1::ListPendingEntriesResponse only_a = Queue(kasi, 0, "", a);
  EXPECT_THAT(IdsOf(only_a), ElementsAre(a1, a2));
  EXPECT_EQ(CountsOf(only_a), CountsOf(page));
  // A token of another query is refused.
  av1::ListPendingEntriesRequest req;
  req.set_page_size(2);
  req.set_page_token(page.next_page_token());
  req.set_nip(b);
  av1::ListPendingEntriesResponse resp;
  const grpc::Status st = activity().ListPendingEntries(Ctx(kasi).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("page_token"));

  // staf_p2p's own entry waits for kabid_p2p; decided entries leave the queue.
  EXPECT_THAT(IdsOf(Queue(Token(seeded_.kabid_p2p))), ElementsAre(p2p));
  EXPECT_EQ(Decide(kasi, Ids(av1::DECISION_APPROVE, {a1, b1})).decided(), 2);
  page = Queue(kasi);
  EXPECT_THAT(IdsOf(page), ElementsAre(a2));
  EXPECT_THAT(CountsOf(page), ElementsAre(CountLine(a, 1, JakartaTime(kToday, 13, 0))));
  EXPECT_TRUE(IdsOf(Queue(Token(a))).empty());
}

TEST_F(DecisionTest, BadInputOneViolationPerFieldAndNothingWritten) {
  const av1::Entry e = Filed(seeded_.staf_s1_a, kToday);
  const std::string kasi = Token(seeded_.staf_p2p);
  auto fields = [&](const av1::DecideEntriesRequest& req) {
    av1::DecideEntriesResponse resp;
    const grpc::Status st = activity().DecideEntries(Ctx(kasi).get(), req, &resp);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
    return ViolatedFields(st);
  };
  EXPECT_THAT(fields(Ids(av1::DECISION_UNSPECIFIED, {0, e.id(), e.id(), -3})),
              ElementsAre("decision", "entry_ids[0]", "entry_ids[2]", "entry_ids[3]"));
  EXPECT_THAT(fields(Ids(av1::DECISION_REJECT, {e.id()}, std::string(1001, 'x'))),
              ElementsAre("reason"));
  EXPECT_THAT(fields(Ids(av1::DECISION_RETURN, {e.id()}, "baris\x01")), ElementsAre("reason"));
  EXPECT_THAT(fields(Ids(av1::DECISION_APPROVE, {})), ElementsAre("entry_ids"));
  std::vector<int64_t> many(501);
  for (int i = 0; i < 501; ++i) many[i] = i + 1;
  EXPECT_THAT(fields(Ids(av1::DECISION_APPROVE, many)), ElementsAre("entry_ids"));
  av1::DecideEntriesRequest both = Ids(av1::DECISION_APPROVE, {e.id()});
  both.set_nip(seeded_.staf_s1_a);
  EXPECT_THAT(fields(both), ElementsAre("entry_ids"));
  av1::DecideEntriesRequest day;
  day.set_decision(av1::DECISION_APPROVE);
  day.set_nip("12345");
  EXPECT_THAT(fields(day), ElementsAre("nip", "work_date"));
  // 1000 characters is a reason.
  EXPECT_EQ(Decide(kasi, Ids(av1::DECISION_REJECT, {e.id()}, std::string(1000, 'x'))).decided(), 1);
  EXPECT_EQ(Decisions(), 1);

  av1::ListPendingEntriesRequest req;
  req.set_page_size(-1);
  req.set_nip("123");
  av1::ListPendingEntriesResponse resp;
  const grpc::Status st = activity().ListPendingEntries(Ctx(kasi).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "page_size"));
}

TEST_F(DecisionTest, AReturnedEntryIsRevisedWithinTheDeadlineFromItsReturnAndDecidedAgain) {
  const std::string nip = seeded_.staf_s1_a;
  const std::string kasi = Token(seeded_.staf_p2p);
  SetNow(JakartaTime(kMonday, 17, 0));
  const av1::Entry e = Filed(nip, kMonday);
  // Returned on Thursday: past the Monday's own deadline (Tuesday 23:59).
  SetNow(JakartaTime(kToday + 2, 9, 0));
  av1::DecideEntriesResponse resp =
      Decide(kasi, Ids(av1::DECISION_RETURN, {e.id()}, "Lampirkan daftar hadir rapat"));
  ASSERT_THAT(Codes(resp), ElementsAre(google::rpc::OK));
  EXPECT_EQ(resp.outcomes(0).entry().status(), av1::ENTRY_STATUS_RETURNED);

  av1::UpdateEntryRequest update;
  update.mutable_entry()->set_id(e.id());
  update.mutable_entry()->set_description("Menyusun laporan surveilans mingguan (daftar hadir)");
  update.mutable_update_mask()->add_paths("description");
  av1::Entry out;
  SetNow(JakartaTime(kFriday + 1, 0, 0, 0));  // 00:00:00 two days after the return
  grpc::Status st = activity().UpdateEntry(Ctx(Token(nip)).get(), update, &out);
  EXPECT_EQ(PreconditionOf(st), "PAST_DEADLINE entries/" + nip + "/2026-02-09");
  SetNow(JakartaTime(kFriday, 23, 59, 59));
  ASSERT_TRUE(Ok(activity().UpdateEntry(Ctx(Token(nip)).get(), update, &out)));
  EXPECT_EQ(out.status(), av1::ENTRY_STATUS_RETURNED);
  const std::vector<av1::Entry> again = Submit(nip, kMonday, kMonday);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].status(), av1::ENTRY_STATUS_SUBMITTED);
  EXPECT_EQ(again[0].verifier_nip(), seeded_.staf_p2p);
  EXPECT_EQ(again[0].submit_time().seconds(),
            absl::ToUnixSeconds(JakartaTime(kFriday, 23, 59, 59)));
  EXPECT_THAT(IdsOf(Queue(kasi)), ElementsAre(e.id()));

  SetNow(JakartaTime(kFriday + 3, 8, 0));
  resp = Decide(kasi, Ids(av1::DECISION_APPROVE, {e.id()}));
  EXPECT_THAT(Codes(resp), ElementsAre(google::rpc::OK));
  EXPECT_EQ(resp.outcomes(0).entry().status(), av1::ENTRY_STATUS_APPROVED);
  EXPECT_EQ(resp.outcomes(0).entry().decision_reason(), "");
  EXPECT_EQ(Count(absl::StrCat("SELECT count(*) FROM decisions WHERE entry_id = ", e.id())), 2);
  EXPECT_EQ(Decided("returned"), 1);
  EXPECT_EQ(Decided("approved"), 1);
}

}  // namespace
}  // namespace ekinerja::activity::it

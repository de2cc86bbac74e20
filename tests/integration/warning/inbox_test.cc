// Inboxes: an employee's own, a supervisor's view of their subordinates', BKPSDM's per OPD, the
// badge and the watch stream; nobody reads another's inbox or another tenant's.

#include <thread>

#include "integration/warning/warning_fixture.h"

namespace ekinerja::warning::it {
namespace {

using ::testing::ElementsAre;

class InboxTest : public WarningTest {
 protected:
  // staf_s1_a missed Friday and Monday; staf_s1_b had no check-out on Monday.
  void SeedTwoDays() {
    AllFiled(kFri, {seeded_.staf_s1_a});
    Present(seeded_.staf_s1_a, kFri);
    AllFiled(kMon, {seeded_.staf_s1_a, seeded_.staf_s1_b});
    Present(seeded_.staf_s1_a, kMon);
    Present(seeded_.staf_s1_b, kMon, "");
    Entry(seeded_.staf_s1_b, kMon);
    Sweep(kFri);
    Sweep(kMon);
  }
  int CountOf(const std::string& nip, const std::string& token) {
    wv1::CountWarningsRequest req;
    req.set_nip(nip);
    wv1::WarningCount resp;
    EXPECT_TRUE(Ok(warning().CountWarnings(Ctx(token).get(), req, &resp)));
    return resp.unacknowledged();
  }
  grpc::Status Acknowledge(int64_t id, const std::string& token, wv1::Warning* out) {
    wv1::AcknowledgeWarningRequest req;
    req.set_id(id);
    return warning().AcknowledgeWarning(Ctx(token).get(), req, out);
  }
};

TEST_F(InboxTest, UnacknowledgedFirstNewestFirstAndTheBadgeCounts) {
  SeedTwoDays();
  const std::string me = seeded_.staf_s1_a;
  std::vector<wv1::Warning> inbox = Inbox(me);
  ASSERT_EQ(inbox.size(), 2u);
  EXPECT_EQ(inbox[0].date().day(), 12);
  EXPECT_EQ(inbox[1].date().day(), 9);
  EXPECT_EQ(CountOf(me, Token(me)), 2);

  wv1::Warning acked;
  ASSERT_TRUE(Ok(Acknowledge(inbox[0].id(), Token(me), &acked)));
  EXPECT_TRUE(acked.acknowledged());
  EXPECT_TRUE(acked.has_acknowledge_time());
  EXPECT_EQ(CountOf(me, Token(me)), 1);
  // Acknowledged twice: the first time stays.
  wv1::Warning again;
  ASSERT_TRUE(Ok(Acknowledge(inbox[0].id(), Token(me), &again)));
  EXPECT_EQ(again.acknowledge_time().seconds(), acked.acknowledge_time().seconds());
  inbox = Inbox(me);
  EXPECT_EQ(inbox[0].date().day(), 9);  // the unacknowledged one first now
  EXPECT_FALSE(inbox[0].acknowledged());
  EXPECT_TRUE(inbox[1].acknowledged());

  wv1::AcknowledgeAllWarningsRequest all;
  all.set_nip(me);
  wv1::AcknowledgeAllWarningsResponse done;
  ASSERT_TRUE(Ok(warning().AcknowledgeAllWarnings(Ctx(Token(me)).get(), all, &done)));
  EXPECT_EQ(done.acknowledged(), 1);
  EXPECT_EQ(CountOf(me, Token(me)), 0);
}

TEST_F(InboxTest, PagesFollowTheOrder) {
  SeedTwoDays();
  wv1::ListWarningsRequest req;
  req.set_nip(seeded_.staf_s1_a);
  req.set_page_size(1);
  wv1::ListWarningsResponse first, second;
  ASSERT_TRUE(Ok(warning().ListWarnings(Ctx(Token(seeded_.staf_s1_a)).get(), req, &first)));
  ASSERT_EQ(first.warnings_size(), 1);
  ASSERT_FALSE(first.next_page_token().empty());
  req.set_page_token(first.next_page_token());
  ASSERT_TRUE(Ok(warning().ListWarnings(Ctx(Token(seeded_.staf_s1_a)).get(), req, &second)));
  ASSERT_EQ(second.warnings_size(), 1);
  EXPECT_EQ(second.next_page_token(), "");
  EXPECT_EQ(first.warnings(0).date().day(), 12);
  EXPECT_EQ(second.warnings(0).date().day(), 9);
}

TEST_F(InboxTest, NobodyReadsOrAcknowledgesAnotherEmployeesInbox) {
  SeedTwoDays();
  const std::vector<wv1::Warning> inbox = Inbox(seeded_.staf_s1_a);
  wv1::ListWarningsRequest req;
  req.set_nip(seeded_.staf_s1_a);
  wv1::ListWarningsResponse resp;
  // Another employee, and even the supervisor (who has ListSubordinateWarnings).
  for (const std::string& who : {seeded_.staf_s1_b, seeded_.staf_p2p}) {
    EXPECT_TRUE(HasCode(warning().ListWarnings(Ctx(Token(who)).get(), req, &resp),
                        grpc::StatusCode::PERMISSION_DENIED));
    wv1::Warning out;
    EXPECT_TRUE(
        HasCode(Acknowledge(inbox[0].id(), Token(who), &out), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("warnings WHERE acknowledge_time IS NOT NULL"), 0);
  // BKPSDM (a tenant-wide reader) reads it but does not acknowledge for the employee.
  ASSERT_TRUE(Ok(warning().ListWarnings(Ctx(Token(integration::kAuditor)).get(), req, &resp)));
  EXPECT_EQ(resp.warnings_size(), 2);
  wv1::Warning out;
  EXPECT_TRUE(
      HasCode(Acknowledge(inbox[0].id(), Admin(), &out), grpc::StatusCode::PERMISSION_DENIED));
  // Another tenant: the same NIP and id are none of theirs.
  resp.Clear();
  ASSERT_TRUE(Ok(warning().ListWarnings(Ctx(Other().admin_token).get(), req, &resp)));
  EXPECT_EQ(resp.warnings_size(), 0);
  EXPECT_TRUE(
      HasCode(Acknowledge(inbox[0].id(), Other().admin_token, &out), grpc::StatusCode::NOT_FOUND));
}

TEST_F(InboxTest, BadInputNamesEachField) {
  wv1::ListWarningsRequest req;
  req.set_nip("123");
  req.set_page_size(-1);
  req.set_page_token("garbage!");
  wv1::ListWarningsResponse resp;
  const grpc::Status st = warning().ListWarnings(Ctx(Admin()).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("nip", "page_size", "page_token"));
  wv1::Warning out;
  EXPECT_TRUE(HasCode(Acknowledge(0, Admin(), &out), grpc::StatusCode::INVALID_ARGUMENT));
}

// staf_p2p (Plt of the KASI) sees the warnings about staf_s1_a and staf_s1_b, not about others;
// kabid_p2p does not read staf_p2p's view.
TEST_F(InboxTest, ASupervisorSeesTheirSubordinatesWarnings) {
  SeedTwoDays();
  wv1::ListSubordinateWarningsRequest req;
  req.set_nip(seeded_.staf_p2p);
  *req.mutable_start_date() = Date(kFri);
  *req.mutable_end_date() = Date(kMon);
  wv1::ListWarningsResponse resp;
  ASSERT_TRUE(
      Ok(warning().ListSubordinateWarnings(Ctx(Token(seeded_.staf_p2p)).get(), req, &resp)));
  std::vector<std::string> seen;
  for (const wv1::Warning& w : resp.warnings()) {
    seen.push_back(
        absl::StrCat(wv1::Rule_Name(w.rule()), " ", w.subject_nip(), " ", w.date().day()));
  }
  EXPECT_THAT(seen, ElementsAre("RULE_NO_CHECKOUT " + seeded_.staf_s1_b + " 12",
                                "RULE_MISSING_REPORT " + seeded_.staf_s1_a + " 12",
                                "RULE_MISSING_REPORT " + seeded_.staf_s1_a + " 9"));
  EXPECT_TRUE(
      HasCode(warning().ListSubordinateWarnings(Ctx(Token(seeded_.kabid_p2p)).get(), req, &resp),
              grpc::StatusCode::PERMISSION_DENIED));
  req.clear_end_date();
  const grpc::Status bad =
      warning().ListSubordinateWarnings(Ctx(Token(seeded_.staf_p2p)).get(), req, &resp);
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("end_date"));
}

TEST_F(InboxTest, BkpsdmCountsPerOpdAndRule) {
  SeedTwoDays();
  wv1::SummarizeWarningsRequest req;
  *req.mutable_start_date() = Date(kThu);
  *req.mutable_end_date() = Date(kMon);
  wv1::SummarizeWarningsResponse resp;
  ASSERT_TRUE(Ok(warning().SummarizeWarnings(Ctx(Token(integration::kAuditor)).get(), req, &resp)));
  ASSERT_EQ(resp.tallies_size(), 2);
  EXPECT_EQ(resp.tallies(0).opd_code(), "DINKES");
  EXPECT_EQ(resp.tallies(0).rule(), wv1::RULE_MISSING_REPORT);
  EXPECT_EQ(resp.tallies(0).warnings(), 2);
  EXPECT_EQ(resp.tallies(0).unacknowledged(), 2);
  EXPECT_EQ(resp.tallies(1).rule(), wv1::RULE_NO_CHECKOUT);
  EXPECT_EQ(resp.tallies(1).warnings(), 1);
  EXPECT_TRUE(HasCode(warning().SummarizeWarnings(Ctx(Token(seeded_.kabid_p2p)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  resp.Clear();
  ASSERT_TRUE(Ok(warning().SummarizeWarnings(Ctx(Other().admin_token).get(), req, &resp)));
  EXPECT_EQ(resp.tallies_size(), 0);
}

// A console watching staf_s1_a's inbox receives Monday's warning when the sweep writes it.
TEST_F(InboxTest, TheWatchStreamSendsNewWarnings) {
  AllFiled(kMon, {seeded_.staf_s1_a});
  Present(seeded_.staf_s1_a, kMon);
  auto ctx = Ctx(Token(seeded_.staf_s1_a));
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  wv1::WatchInboxRequest req;
  req.set_nip(seeded_.staf_s1_a);
  auto reader = warning().WatchInbox(ctx.get(), req);
  // Give the watch time to start from the inbox as it is (empty) before the sweep writes.
  absl::SleepFor(absl::Milliseconds(300));
  Sweep(kMon);
  wv1::Warning got;
  ASSERT_TRUE(reader->Read(&got));
  EXPECT_EQ(got.rule(), wv1::RULE_MISSING_REPORT);
  EXPECT_EQ(got.subject_nip(), seeded_.staf_s1_a);
  ctx->TryCancel();
  reader->Finish();
}

TEST_F(InboxTest, OnlyTheOwnerWatchesAnInbox) {
  auto ctx = Ctx(Token(seeded_.staf_p2p));
  wv1::WatchInboxRequest req;
  req.set_nip(seeded_.staf_s1_a);
  auto reader = warning().WatchInbox(ctx.get(), req);
  wv1::Warning got;
  EXPECT_FALSE(reader->Read(&got));
  EXPECT_TRUE(HasCode(reader->Finish(), grpc::StatusCode::PERMISSION_DENIED));
}

}  // namespace
}  // namespace ekinerja::warning::it

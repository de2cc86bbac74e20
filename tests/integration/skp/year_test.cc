// During the year (DOMAIN §2): realisations with evidence (a link or a small file with its size
// and SHA-256), the activity service's proposals, the pejabat penilai's feedback; who may do each,
// and bad input answered INVALID_ARGUMENT naming each bad field with nothing written.

#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// SHA-256 of "bukti" (`printf %s bukti | sha256sum`).
constexpr char kBuktiSha256[] = "210ee5b91c68c0161c3f3f24cb6b9dc29108d2db5c65928f19ecd2704ab6e582";

class YearTest : public SkpTest {
 protected:
  // staf_s1_a's SKP of kYear, approved by staf_p2p (Plt KASI of S1), linked up the chain.
  sv1::Skp ApprovedS1a() {
    ApproveChainDownTo(seeded_.staf_p2p);
    return Approve(Token(seeded_.staf_p2p), Submit(Plan(Create(seeded_.staf_s1_a),
                                                        approved_[seeded_.staf_p2p].rhks(0).id())));
  }

  static sv1::RecordRealisationRequest Realise(const sv1::Skp& s, const std::string& period) {
    sv1::RecordRealisationRequest req;
    req.set_skp_id(s.id());
    req.set_iki_id(s.rhks(0).ikis(0).id());
    req.set_period(period);
    req.set_quantity(1);
    req.set_quality(100);
    req.set_months(1);
    return req;
  }

  static void AttachFile(sv1::RecordRealisationRequest& req, const std::string& content,
                         const std::string& type = "application/pdf") {
    req.mutable_evidence_file()->set_file_name("bukti.pdf");
    req.mutable_evidence_file()->set_content_type(type);
    req.mutable_evidence_file()->set_content(content);
  }

  grpc::Status Record(const std::string& token, const sv1::RecordRealisationRequest& req,
                      sv1::Realisation* out = nullptr) {
    sv1::Realisation ignored;
    return skp().RecordRealisation(Ctx(token).get(), req, out ? out : &ignored);
  }

  static sv1::AddFeedbackRequest Feedback(const sv1::Skp& s, const std::string& text,
                                          const std::string& request_id = "") {
    sv1::AddFeedbackRequest req;
    req.set_skp_id(s.id());
    req.set_rhk_id(s.rhks(0).id());
    req.set_text(text);
    req.set_request_id(request_id);
    return req;
  }
};

TEST_F(YearTest, RecordsWithALinkAndWithAFile) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const std::string me = Token(seeded_.staf_s1_a);
  sv1::RecordRealisationRequest with_link = Realise(s, "2026-M01");
  with_link.set_evidence_link("https://drive.example.go.id/laporan-januari");
  with_link.set_note("Laporan Januari");
  sv1::Realisation linked;
  ASSERT_TRUE(Ok(Record(me, with_link, &linked)));
  EXPECT_EQ(linked.skp_id(), s.id());
  EXPECT_EQ(linked.iki_id(), s.rhks(0).ikis(0).id());
  EXPECT_EQ(linked.period(), "2026-M01");
  EXPECT_EQ(linked.evidence_link(), "https://drive.example.go.id/laporan-januari");
  EXPECT_EQ(linked.note(), "Laporan Januari");
  EXPECT_FALSE(linked.has_evidence());
  EXPECT_EQ(linked.recorded_by(), seeded_.staf_s1_a);
  EXPECT_GT(linked.record_time().seconds(), 0);

  sv1::RecordRealisationRequest with_file = Realise(s, "2026-M02");
  with_file.set_quantity(2);
  with_file.set_quality(90);
  with_file.set_cost_idr(150000);
  AttachFile(with_file, "bukti");
  sv1::Realisation filed;
  ASSERT_TRUE(Ok(Record(me, with_file, &filed)));
  EXPECT_EQ(filed.quantity(), 2);
  EXPECT_EQ(filed.quality(), 90);
  EXPECT_EQ(filed.months(), 1);
  EXPECT_EQ(filed.cost_idr(), 150000);
  EXPECT_GT(filed.evidence().id(), 0);
  EXPECT_EQ(filed.evidence().file_name(), "bukti.pdf");
  EXPECT_EQ(filed.evidence().content_type(), "application/pdf");
  EXPECT_EQ(filed.evidence().size_bytes(), 5);
  EXPECT_EQ(filed.evidence().sha256(), kBuktiSha256);
  EXPECT_EQ(filed.evidence().content(), "");
  EXPECT_EQ(Count("SELECT count(*) FROM evidence"), 1);
  EXPECT_EQ(Count("SELECT size_bytes FROM evidence"), 5);

  // The year's realisation lists after the months.
  ASSERT_TRUE(Ok(Record(me, Realise(s, "2026"))));
  sv1::ListRealisationsRequest list;
  list.set_skp_id(s.id());
  sv1::ListRealisationsResponse all;
  ASSERT_TRUE(Ok(skp().ListRealisations(Ctx(Token(seeded_.staf_p2p)).get(), list, &all)));
  ASSERT_EQ(all.realisations_size(), 3);
  EXPECT_EQ(all.realisations(0).period(), "2026-M01");
  EXPECT_EQ(all.realisations(1).period(), "2026-M02");
  EXPECT_EQ(all.realisations(1).evidence().sha256(), kBuktiSha256);
  EXPECT_EQ(all.realisations(1).evidence().content(), "");
  EXPECT_EQ(all.realisations(2).period(), "2026");

  // The pejabat penilai reads the file; another tenant's admin does not learn it exists, nor does
  // the evidence open under another SKP.
  sv1::GetEvidenceRequest get;
  get.set_skp_id(s.id());
  get.set_id(filed.evidence().id());
  sv1::Evidence evidence;
  ASSERT_TRUE(Ok(skp().GetEvidence(Ctx(Token(seeded_.staf_p2p)).get(), get, &evidence)));
  EXPECT_EQ(evidence.content(), "bukti");
  EXPECT_EQ(evidence.size_bytes(), 5);
  EXPECT_EQ(evidence.sha256(), kBuktiSha256);
  EXPECT_EQ(evidence.content_type(), "application/pdf");
  EXPECT_TRUE(HasCode(skp().GetEvidence(Ctx(OtherAdmin()).get(), get, &evidence),
                      grpc::StatusCode::NOT_FOUND));
  get.set_skp_id(approved_[seeded_.staf_p2p].id());
  EXPECT_TRUE(HasCode(skp().GetEvidence(Ctx(Token(seeded_.staf_p2p)).get(), get, &evidence),
                      grpc::StatusCode::NOT_FOUND));
  // A colleague may not read it.
  get.set_skp_id(s.id());
  EXPECT_TRUE(HasCode(skp().GetEvidence(Ctx(Token(seeded_.staf_s1_b)).get(), get, &evidence),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(skp().ListRealisations(Ctx(Token(seeded_.staf_s1_b)).get(), list, &all),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(YearTest, RecordingAPeriodAgainReplacesIt) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const std::string me = Token(seeded_.staf_s1_a);
  sv1::RecordRealisationRequest first = Realise(s, "2026-M03");
  AttachFile(first, "bukti");
  ASSERT_TRUE(Ok(Record(me, first)));
  sv1::RecordRealisationRequest again = Realise(s, "2026-M03");
  again.set_quantity(3);
  again.set_evidence_link("https://drive.example.go.id/maret");
  sv1::Realisation replaced;
  ASSERT_TRUE(Ok(Record(me, again, &replaced)));
  EXPECT_EQ(replaced.quantity(), 3);
  EXPECT_EQ(replaced.evidence_link(), "https://drive.example.go.id/maret");
  EXPECT_FALSE(replaced.has_evidence());
  EXPECT_EQ(Count("SELECT count(*) FROM realisations"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM realisations WHERE evidence_id IS NULL"), 1);
  // The first file stays kept, referenced by nothing.
  EXPECT_EQ(Count("SELECT count(*) FROM evidence"), 1);
}

TEST_F(YearTest, RecordNamesEveryBadFieldAndWritesNothing) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const std::string me = Token(seeded_.staf_s1_a);
  struct Case {
    std::string name;
    std::function<void(sv1::RecordRealisationRequest&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"file too big", [](auto& r) { AttachFile(r, std::string(1025, 'x')); },
       "evidence_file.content"},
      {"empty file", [](auto& r) { AttachFile(r, ""); }, "evidence_file.content"},
      {"wrong type", [](auto& r) { AttachFile(r, "GIF89a", "image/gif"); },
       "evidence_file.content_type"},
      {"no file name",
       [](auto& r) {
         AttachFile(r, "bukti");
         r.mutable_evidence_file()->set_file_name("");
       },
       "evidence_file.file_name"},
      {"link and file",
       [](auto& r) {
         AttachFile(r, "bukti");
         r.set_evidence_link("https://drive.example.go.id/x");
       },
       "evidence_file"},
      {"http link", [](auto& r) { r.set_evidence_link("http://drive.example.go.id/x"); },
       "evidence_link"},
      {"bad period", [](auto& r) { r.set_period("2026-M13"); }, "period"},
      {"other year", [](auto& r) { r.set_period("2025-M03"); }, "period"},
      {"not the rules' kind", [](auto& r) { r.set_period("2026-Q1"); }, "period"},
      {"unknown IKI", [](auto& r) { r.set_iki_id(999999); }, "iki_id"},
      {"an RHK is not an IKI", [&](auto& r) { r.set_iki_id(s.rhks(0).id()); }, "iki_id"},
  };
  for (const Case& c : cases) {
    sv1::RecordRealisationRequest req = Realise(s, "2026-M03");
    c.change(req);
    const grpc::Status st = Record(me, req);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT)) << c.name;
    EXPECT_THAT(ViolatedFields(st), ElementsAre(c.field)) << c.name;
  }
  sv1::RecordRealisationRequest all_bad;
  all_bad.set_period("maret");
  all_bad.set_quantity(-1);
  all_bad.set_quality(1001);
  all_bad.set_months(121);
  all_bad.set_cost_idr(-1);
  all_bad.set_note(std::string(2001, 'n'));
  const grpc::Status st = Record(me, all_bad);
  EXPECT_THAT(ViolatedFields(st), UnorderedElementsAre("skp_id", "iki_id", "period", "quantity",
                                                       "quality", "months", "cost_idr", "note"));
  EXPECT_EQ(Count("SELECT count(*) FROM realisations"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM evidence"), 0);
}

TEST_F(YearTest, PeriodsFollowTheRulesInForceOnTheSkpsStart) {
  sv1::CreateSkpRulesRequest rules;
  *rules.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 1, 1));
  rules.mutable_rules()->set_model(sv1::SKP_MODEL_PERMENPANRB_6_2022);
  rules.mutable_rules()->set_skp_weight_percent(70);
  rules.mutable_rules()->set_perilaku_weight_percent(30);
  rules.mutable_rules()->set_period_kind(sv1::PERIOD_KIND_QUARTERLY);
  rules.mutable_rules()->set_feedback_atasan_percent(60);
  rules.mutable_rules()->set_feedback_rekan_percent(20);
  rules.mutable_rules()->set_feedback_bawahan_percent(20);
  sv1::SkpRules made;
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), rules, &made)));
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const std::string me = Token(seeded_.staf_s1_a);
  sv1::Realisation out;
  ASSERT_TRUE(Ok(Record(me, Realise(s, "2026-Q1"), &out)));
  EXPECT_EQ(out.period(), "2026-Q1");
  EXPECT_THAT(ViolatedFields(Record(me, Realise(s, "2026-M01"))), ElementsAre("period"));
  EXPECT_EQ(Count("SELECT count(*) FROM realisations"), 1);
}

TEST_F(YearTest, OnlyTheEmployeeRecordsAndOnlyOnAnApprovedSkp) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  sv1::RecordRealisationRequest req = Realise(s, "2026-M01");
  AttachFile(req, "bukti");
  EXPECT_TRUE(HasCode(Record(Token(seeded_.staf_s1_b), req), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Record(Token(seeded_.staf_p2p), req), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Record(OtherAdmin(), req), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM realisations"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM evidence"), 0);

  // staf_s1_b's SKP is planned, not approved.
  const sv1::Skp draft = Plan(Create(seeded_.staf_s1_b), 0);
  EXPECT_TRUE(HasCode(Record(Token(seeded_.staf_s1_b), Realise(draft, "2026-M01")),
                      grpc::StatusCode::FAILED_PRECONDITION));
  sv1::Feedback fb;
  EXPECT_TRUE(HasCode(skp().AddFeedback(Ctx(Token(seeded_.staf_p2p)).get(),
                                        Feedback(draft, "Mulai susun laporan"), &fb),
                      grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(Count("SELECT count(*) FROM realisations"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM feedback"), 0);
}

TEST_F(YearTest, ProposalsFromTheActivityService) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  sv1::ProposeRealisationsRequest req;
  auto add = [&](int64_t rhk, const std::string& period, int64_t quantity, int64_t minutes) {
    sv1::RealisationProposal* p = req.add_proposals();
    p->set_nip(seeded_.staf_s1_a);
    p->set_rhk_id(rhk);
    p->set_period(period);
    p->set_quantity(quantity);
    p->set_minutes(minutes);
  };
  add(s.rhks(0).id(), "2026-M02", 1, 240);
  add(s.rhks(0).id(), "2026-M01", 2, 480);
  add(424242, "2026-M01", 9, 60);  // not an RHK of this SKP: stored, not listed with it
  sv1::ProposeRealisationsResponse stored;
  ASSERT_TRUE(Ok(skp().ProposeRealisations(Ctx(ServiceToken()).get(), req, &stored)));
  EXPECT_EQ(stored.stored(), 3);
  req.mutable_proposals(1)->set_quantity(3);
  ASSERT_TRUE(Ok(skp().ProposeRealisations(Ctx(ServiceToken()).get(), req, &stored)));
  EXPECT_EQ(stored.stored(), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM proposals"), 3);

  sv1::ListRealisationsRequest list;
  list.set_skp_id(s.id());
  sv1::ListRealisationsResponse all;
  ASSERT_TRUE(Ok(skp().ListRealisations(Ctx(Token(seeded_.staf_s1_a)).get(), list, &all)));
  EXPECT_EQ(all.realisations_size(), 0);
  ASSERT_EQ(all.proposals_size(), 2);
  EXPECT_EQ(all.proposals(0).period(), "2026-M01");
  EXPECT_EQ(all.proposals(0).quantity(), 3);
  EXPECT_EQ(all.proposals(0).minutes(), 480);
  EXPECT_EQ(all.proposals(0).nip(), seeded_.staf_s1_a);
  EXPECT_EQ(all.proposals(0).rhk_id(), s.rhks(0).id());
  EXPECT_GT(all.proposals(0).propose_time().seconds(), 0);
  EXPECT_EQ(all.proposals(1).period(), "2026-M02");

  // Employees, even the one proposed for, do not propose.
  EXPECT_TRUE(HasCode(skp().ProposeRealisations(Ctx(Token(seeded_.staf_s1_a)).get(), req, &stored),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(skp().ProposeRealisations(Ctx(seeded_.admin_token).get(), req, &stored),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(YearTest, ProposalsNameEveryBadFieldAndWriteNothing) {
  sv1::ProposeRealisationsRequest req;
  sv1::RealisationProposal* good = req.add_proposals();
  good->set_nip(seeded_.staf_s1_a);
  good->set_rhk_id(7);
  good->set_period("2026-M01");
  sv1::RealisationProposal* bad = req.add_proposals();
  bad->set_nip("12345");
  bad->set_rhk_id(0);
  bad->set_period("2026-M00");
  bad->set_quantity(-1);
  bad->set_minutes(-1);
  *req.add_proposals() = *good;  // the same key twice
  sv1::ProposeRealisationsResponse stored;
  grpc::Status st = skp().ProposeRealisations(Ctx(ServiceToken()).get(), req, &stored);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(
      ViolatedFields(st),
      UnorderedElementsAre("proposals[1].nip", "proposals[1].rhk_id", "proposals[1].period",
                           "proposals[1].quantity", "proposals[1].minutes", "proposals[2].period"));
  sv1::ProposeRealisationsRequest too_many;
  for (int i = 0; i < 10001; ++i) {
    sv1::RealisationProposal* p = too_many.add_proposals();
    *p = *good;
    p->set_rhk_id(i + 1);
  }
  st = skp().ProposeRealisations(Ctx(ServiceToken()).get(), too_many, &stored);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("proposals"));
  EXPECT_EQ(Count("SELECT count(*) FROM proposals"), 0);
}

TEST_F(YearTest, FeedbackByThePltPejabatPenilaiOnce) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const sv1::AddFeedbackRequest req =
      Feedback(s, "Lampirkan notulen rapat.\nTerima kasih.", "fb-1");
  sv1::Feedback first, again;
  ASSERT_TRUE(Ok(skp().AddFeedback(Ctx(Token(seeded_.staf_p2p)).get(), req, &first)));
  EXPECT_GT(first.id(), 0);
  EXPECT_EQ(first.skp_id(), s.id());
  EXPECT_EQ(first.rhk_id(), s.rhks(0).id());
  EXPECT_EQ(first.author_nip(), seeded_.staf_p2p);
  EXPECT_EQ(first.text(), "Lampirkan notulen rapat.\nTerima kasih.");
  EXPECT_GT(first.create_time().seconds(), 0);
  ASSERT_TRUE(Ok(skp().AddFeedback(Ctx(Token(seeded_.staf_p2p)).get(), req, &again)));
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(again.text(), first.text());
  EXPECT_EQ(Count("SELECT count(*) FROM feedback"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_FEEDBACK'"), 1);
  // The same id for other feedback is the client's error.
  sv1::AddFeedbackRequest other = Feedback(s, "Lain", "fb-1");
  EXPECT_THAT(ViolatedFields(skp().AddFeedback(Ctx(Token(seeded_.staf_p2p)).get(), other, &again)),
              ElementsAre("request_id"));
  // Without an id, a second feedback.
  ASSERT_TRUE(Ok(skp().AddFeedback(Ctx(Token(seeded_.staf_p2p)).get(),
                                   Feedback(s, "Bagus, lanjutkan."), &again)));
  EXPECT_NE(again.id(), first.id());

  sv1::ListFeedbackRequest list;
  list.set_skp_id(s.id());
  sv1::ListFeedbackResponse all;
  ASSERT_TRUE(Ok(skp().ListFeedback(Ctx(Token(seeded_.staf_s1_a)).get(), list, &all)));
  ASSERT_EQ(all.feedback_size(), 2);
  EXPECT_EQ(all.feedback(0).id(), first.id());
  EXPECT_EQ(all.feedback(1).text(), "Bagus, lanjutkan.");
  EXPECT_TRUE(HasCode(skp().ListFeedback(Ctx(Token(seeded_.staf_s1_b)).get(), list, &all),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(skp().ListFeedback(Ctx(OtherAdmin()).get(), list, &all),
                      grpc::StatusCode::NOT_FOUND));
}

TEST_F(YearTest, OnlyThePejabatPenilaiGivesFeedback) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const sv1::AddFeedbackRequest req = Feedback(s, "Percepat laporan");
  sv1::Feedback out;
  for (const std::string& nip : {seeded_.staf_s1_b, seeded_.staf_s1_a, seeded_.kabid_p2p}) {
    EXPECT_TRUE(HasCode(skp().AddFeedback(Ctx(Token(nip)).get(), req, &out),
                        grpc::StatusCode::PERMISSION_DENIED))
        << nip;
  }
  EXPECT_TRUE(
      HasCode(skp().AddFeedback(Ctx(OtherAdmin()).get(), req, &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM feedback"), 0);
}

TEST_F(YearTest, FeedbackNamesEveryBadFieldAndWritesNothing) {
  const sv1::Skp s = ApprovedS1a();
  ASSERT_FALSE(HasFatalFailure());
  const std::string penilai = Token(seeded_.staf_p2p);
  sv1::AddFeedbackRequest req;
  req.set_request_id(std::string(200, 'x'));
  sv1::Feedback out;
  grpc::Status st = skp().AddFeedback(Ctx(penilai).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), UnorderedElementsAre("skp_id", "rhk_id", "text", "request_id"));
  req = Feedback(s, std::string(2001, 't'));
  EXPECT_THAT(ViolatedFields(skp().AddFeedback(Ctx(penilai).get(), req, &out)),
              ElementsAre("text"));
  // An IKI id or another SKP's RHK is not an RHK of this plan.
  for (int64_t rhk : {s.rhks(0).ikis(0).id(), approved_[seeded_.staf_p2p].rhks(0).id()}) {
    req = Feedback(s, "Teks", "fb-x");
    req.set_rhk_id(rhk);
    st = skp().AddFeedback(Ctx(penilai).get(), req, &out);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT)) << rhk;
    EXPECT_THAT(ViolatedFields(st), ElementsAre("rhk_id")) << rhk;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM feedback"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM request_keys WHERE rpc = 'AddFeedback'"), 0);
}

TEST_F(YearTest, ReadsNameBadIds) {
  sv1::ListRealisationsResponse realisations;
  EXPECT_THAT(ViolatedFields(
                  skp().ListRealisations(Ctx(Token(seeded_.staf_s1_a)).get(), {}, &realisations)),
              ElementsAre("skp_id"));
  sv1::ListFeedbackResponse feedback;
  EXPECT_THAT(
      ViolatedFields(skp().ListFeedback(Ctx(Token(seeded_.staf_s1_a)).get(), {}, &feedback)),
      ElementsAre("skp_id"));
  sv1::Evidence evidence;
  EXPECT_THAT(ViolatedFields(skp().GetEvidence(Ctx(Token(seeded_.staf_s1_a)).get(), {}, &evidence)),
              UnorderedElementsAre("skp_id", "id"));
  sv1::GetEvidenceRequest get;
  get.set_skp_id(Create(seeded_.staf_s1_a).id());
  get.set_id(1);
  EXPECT_TRUE(HasCode(skp().GetEvidence(Ctx(Token(seeded_.staf_s1_a)).get(), get, &evidence),
                      grpc::StatusCode::NOT_FOUND));
}

}  // namespace
}  // namespace ekinerja::skp::it

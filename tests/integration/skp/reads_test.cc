// The reads of the SKP service and who may make them: the cascade (matriks peran hasil), the
// status stream of the warning service, an employee's list, the rules; and the owner's acts no
// one else may do.

#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Nips(const google::protobuf::RepeatedPtrField<sv1::CascadeRhk>& rhks) {
  std::vector<std::string> out;
  for (const sv1::CascadeRhk& r : rhks) out.push_back(r.nip());
  return out;
}

TEST_F(SkpTest, CascadeShowsWhoCarriesWhatAndWhatNobodyCarries) {
  ApproveChainDownTo(seeded_.staf_p2p);
  ASSERT_FALSE(HasFatalFailure());
  sv1::Skp kadis = approved_[seeded_.kadis];
  sv1::GetCascadeRequest req;
  req.set_year(kYear);
  req.set_org_unit_code("DINKES");
  sv1::Cascade cascade;
  ASSERT_TRUE(Ok(skp().GetCascade(Ctx(seeded_.admin_token).get(), req, &cascade)));
  ASSERT_EQ(cascade.rows_size(), 3);
  std::map<std::string, sv1::CascadeRow> by_nip;
  for (const sv1::CascadeRow& r : cascade.rows()) by_nip[r.rhk().nip()] = r;
  EXPECT_FALSE(by_nip[seeded_.kadis].has_parent());
  EXPECT_THAT(Nips(by_nip[seeded_.kadis].carried_by()), ElementsAre(seeded_.kabid_p2p));
  EXPECT_EQ(by_nip[seeded_.kabid_p2p].parent().rhk_id(), kadis.rhks(0).id());
  EXPECT_THAT(Nips(by_nip[seeded_.kabid_p2p].carried_by()), ElementsAre(seeded_.staf_p2p));
  // staf_p2p rates nobody with an approved SKP yet: their RHK is not "not carried".
  EXPECT_EQ(by_nip[seeded_.staf_p2p].carried_by_size(), 0);
  EXPECT_EQ(cascade.not_carried_size(), 0);

  // One employee's view: their RHK, its parent and who carries it.
  req.set_org_unit_code("");
  req.set_nip(seeded_.kabid_p2p);
  ASSERT_TRUE(Ok(skp().GetCascade(Ctx(Token(seeded_.kabid_p2p)).get(), req, &cascade)));
  ASSERT_EQ(cascade.rows_size(), 1);
  EXPECT_EQ(cascade.rows(0).parent().nip(), seeded_.kadis);

  // A new RHK utama of kadis's (revision 2, approved) that nobody below carries.
  sv1::ReviseSkpRequest revise;
  revise.set_id(kadis.id());
  revise.set_revision(1);
  sv1::Skp draft;
  ASSERT_TRUE(Ok(skp().ReviseSkp(Ctx(Token(seeded_.kadis)).get(), revise, &draft)));
  sv1::UpdateSkpPlanRequest plan;
  plan.set_id(kadis.id());
  plan.set_revision(2);
  *plan.add_rhks() = draft.rhks(0);
  sv1::Rhk* extra = plan.add_rhks();
  *extra = draft.rhks(0);
  extra->set_id(0);
  extra->mutable_ikis(0)->set_id(0);
  extra->set_description("Indeks kepuasan masyarakat naik");
  ASSERT_TRUE(Ok(skp().UpdateSkpPlan(Ctx(Token(seeded_.kadis)).get(), plan, &draft)));
  Approve(seeded_.admin_token, Submit(draft));
  req.set_nip(seeded_.kadis);
  ASSERT_TRUE(Ok(skp().GetCascade(Ctx(seeded_.admin_token).get(), req, &cascade)));
  ASSERT_EQ(cascade.not_carried_size(), 1);
  EXPECT_EQ(cascade.not_carried(0).description(), "Indeks kepuasan masyarakat naik");

  // A colleague may not read another's cascade; the org-unit view needs an admin's scope.
  req.set_nip(seeded_.staf_s1_a);
  EXPECT_TRUE(HasCode(skp().GetCascade(Ctx(Token(seeded_.staf_s1_b)).get(), req, &cascade),
                      grpc::StatusCode::PERMISSION_DENIED));
  req.set_nip("");
  req.set_org_unit_code("DINKES");
  EXPECT_TRUE(HasCode(skp().GetCascade(Ctx(Token(seeded_.staf_s1_b)).get(), req, &cascade),
                      grpc::StatusCode::PERMISSION_DENIED));
  req.set_nip(seeded_.kadis);
  EXPECT_THAT(ViolatedFields(skp().GetCascade(Ctx(seeded_.admin_token).get(), req, &cascade)),
              ElementsAre("org_unit_code"));
}

TEST_F(SkpTest, StatusStreamForTheWarningService) {
  ApproveChainDownTo(seeded_.kabid_p2p);
  ASSERT_FALSE(HasFatalFailure());
  Create(seeded_.staf_yankes);
  sv1::StreamSkpStatusRequest req;
  req.set_year(kYear);
  auto ctx = Ctx(ServiceToken());
  auto reader = skp().StreamSkpStatus(ctx.get(), req);
  std::map<std::string, sv1::SkpStatusEntry> got;
  sv1::SkpStatusEntry e;
  std::vector<std::string> order;
  while (reader->Read(&e)) {
    order.push_back(e.nip());
    got[e.nip()] = e;
  }
  ASSERT_TRUE(Ok(reader->Finish()));
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[seeded_.kadis].status(), sv1::SKP_STATUS_APPROVED);
  EXPECT_TRUE(got[seeded_.kadis].has_first_approve_time());
  EXPECT_EQ(got[seeded_.staf_yankes].status(), sv1::SKP_STATUS_DRAFT);
  EXPECT_FALSE(got[seeded_.staf_yankes].has_first_submit_time());

  // A unit's subtree only; an employee may not stream.
  req.set_org_unit_code("DINKES.YANKES");
  auto ctx2 = Ctx(ServiceToken());
  auto unit = skp().StreamSkpStatus(ctx2.get(), req);
  int n = 0;
  while (unit->Read(&e)) ++n;
  ASSERT_TRUE(Ok(unit->Finish()));
  EXPECT_EQ(n, 1);
  auto ctx3 = Ctx(Token(seeded_.kabid_p2p));
  auto denied = skp().StreamSkpStatus(ctx3.get(), req);
  while (denied->Read(&e)) {
  }
  EXPECT_TRUE(HasCode(denied->Finish(), grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(SkpTest, OnlyTheOwnerPlansSubmitsWithdrawsAndRevises) {
  sv1::Skp s = Plan(Create(seeded_.staf_yankes), 0);
  sv1::Skp out;
  sv1::UpdateSkpPlanRequest plan;
  plan.set_id(s.id());
  plan.set_revision(1);
  sv1::SubmitSkpRequest submit;
  submit.set_id(s.id());
  submit.set_revision(1);
  sv1::WithdrawSkpRequest withdraw;
  withdraw.set_id(s.id());
  withdraw.set_revision(1);
  sv1::ReviseSkpRequest revise;
  revise.set_id(s.id());
  revise.set_revision(1);
  for (const std::string& token : {Token(seeded_.kabid_yankes), seeded_.admin_token}) {
    EXPECT_TRUE(HasCode(skp().UpdateSkpPlan(Ctx(token).get(), plan, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
    EXPECT_TRUE(HasCode(skp().SubmitSkp(Ctx(token).get(), submit, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
    EXPECT_TRUE(HasCode(skp().WithdrawSkp(Ctx(token).get(), withdraw, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
    EXPECT_TRUE(HasCode(skp().ReviseSkp(Ctx(token).get(), revise, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  sv1::GetSkpRequest get;
  get.set_id(s.id());
  EXPECT_TRUE(
      HasCode(skp().GetSkp(Ctx(OtherAdmin()).get(), get, &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM rhks"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM revisions WHERE status = 'DRAFT'"), 1);

  // The owner withdraws a submission (the top of the tree needs no atasan) and revises only an
  // approved SKP.
  ApproveChainDownTo(seeded_.kadis);
  ASSERT_FALSE(HasFatalFailure());
  sv1::Skp mine = Submit(Plan(Create(seeded_.kabid_yankes), approved_[seeded_.kadis].rhks(0).id()));
  withdraw.set_id(mine.id());
  ASSERT_TRUE(Ok(skp().WithdrawSkp(Ctx(Token(seeded_.kabid_yankes)).get(), withdraw, &out)));
  EXPECT_EQ(out.status(), sv1::SKP_STATUS_DRAFT);
  EXPECT_EQ(out.pending_approver_nip(), "");
  revise.set_id(mine.id());
  EXPECT_TRUE(HasCode(skp().ReviseSkp(Ctx(Token(seeded_.kabid_yankes)).get(), revise, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
}

TEST_F(SkpTest, ListsAndRulesRespectTheCallersRights) {
  ApproveChainDownTo(seeded_.kabid_p2p);
  ASSERT_FALSE(HasFatalFailure());
  sv1::ListSkpsRequest list;
  list.set_nip(seeded_.kabid_p2p);
  sv1::ListSkpsResponse skps;
  ASSERT_TRUE(Ok(skp().ListSkps(Ctx(Token(seeded_.kadis)).get(), list, &skps)));
  ASSERT_EQ(skps.skps_size(), 1);
  EXPECT_EQ(skps.skps(0).rhks_size(), 1);
  EXPECT_TRUE(HasCode(skp().ListSkps(Ctx(Token(seeded_.staf_s1_a)).get(), list, &skps),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(
      HasCode(skp().ListSkps(Ctx(OtherAdmin()).get(), list, &skps), grpc::StatusCode::NOT_FOUND));
  list.set_nip("123");
  list.set_year(1);
  const grpc::Status bad = skp().ListSkps(Ctx(seeded_.admin_token).get(), list, &skps);
  EXPECT_THAT(ViolatedFields(bad), ::testing::UnorderedElementsAre("nip", "year"));

  // Rules: the national defaults until a version is made; only the admin makes one.
  sv1::SkpRules rules;
  ASSERT_TRUE(Ok(skp().GetSkpRules(Ctx(Token(seeded_.staf_s1_a)).get(), {}, &rules)));
  EXPECT_EQ(rules.version(), 0);
  EXPECT_EQ(rules.model(), sv1::SKP_MODEL_PERMENPANRB_6_2022);
  EXPECT_EQ(rules.skp_weight_percent(), 60);
  EXPECT_EQ(rules.period_kind(), sv1::PERIOD_KIND_MONTHLY);
  EXPECT_TRUE(rules.submission_gate());
  sv1::CreateSkpRulesRequest create;
  *create.mutable_rules() = rules;
  *create.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2027, 1, 1));
  create.mutable_rules()->set_model(sv1::SKP_MODEL_PP46);
  create.mutable_rules()->set_skp_weight_percent(70);
  create.mutable_rules()->set_perilaku_weight_percent(30);
  EXPECT_TRUE(HasCode(skp().CreateSkpRules(Ctx(Token(seeded_.kadis)).get(), create, &rules),
                      grpc::StatusCode::PERMISSION_DENIED));
  create.set_request_id("rules-2027");
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), create, &rules)));
  EXPECT_EQ(rules.version(), 1);
  // A retry answers the same version; the same date again without the id is a conflict.
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), create, &rules)));
  EXPECT_EQ(rules.version(), 1);
  create.set_request_id("");
  EXPECT_TRUE(HasCode(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), create, &rules),
                      grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(Count("SELECT count(*) FROM rules"), 1);
  sv1::GetSkpRulesRequest on;
  *on.mutable_date() = Date(absl::CivilDay(2027, 3, 1));
  ASSERT_TRUE(Ok(skp().GetSkpRules(Ctx(seeded_.admin_token).get(), on, &rules)));
  EXPECT_EQ(rules.model(), sv1::SKP_MODEL_PP46);
  // Bad input: one violation per bad field, nothing written.
  sv1::CreateSkpRulesRequest bad_rules;
  bad_rules.mutable_rules()->set_skp_weight_percent(50);
  bad_rules.mutable_rules()->set_perilaku_weight_percent(40);
  EXPECT_THAT(
      ViolatedFields(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), bad_rules, &rules)),
      ::testing::UnorderedElementsAre("rules.effective_from", "rules.model",
                                      "rules.perilaku_weight_percent", "rules.period_kind",
                                      "rules.feedback_self_percent"));
  EXPECT_EQ(Count("SELECT count(*) FROM rules"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_RULES_CREATE'"), 1);
}

TEST_F(SkpTest, TwoRuleSetsCreatedWithoutARequestIdAreTwoVersions) {
  // The request id is optional: without one nothing is recorded and nothing is replayed.
  sv1::SkpRules defaults, first, second;
  ASSERT_TRUE(Ok(skp().GetSkpRules(Ctx(seeded_.admin_token).get(), {}, &defaults)));
  sv1::CreateSkpRulesRequest create;
  *create.mutable_rules() = defaults;
  *create.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2027, 1, 1));
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), create, &first)));
  *create.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2028, 1, 1));
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), create, &second)));
  EXPECT_EQ(first.version(), 1);
  EXPECT_EQ(second.version(), 2);
  EXPECT_EQ(second.effective_from().year(), 2028);
  EXPECT_EQ(Count("SELECT count(*) FROM rules"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM request_keys"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_RULES_CREATE'"), 2);
}

}  // namespace
}  // namespace ekinerja::skp::it

// The SKP lifecycle through gRPC (DOMAIN §2): the whole flow for a staff member under a head
// under a Plt head, the submission gate, rejection and revision history, and who may not decide.

#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;

TEST_F(SkpTest, WholeFlowForStaffUnderPltHeadUnderHead) {
  ApproveChainDownTo(seeded_.staf_p2p);
  ASSERT_FALSE(HasFatalFailure());
  // The top of the tree: approved by the tenant admin, linked to nothing.
  const sv1::Skp& top = approved_[seeded_.kadis];
  EXPECT_EQ(top.decided_by(), integration::kTenantAdmin);
  EXPECT_EQ(top.pejabat_penilai().acting(), "ADMIN");
  // kabid_p2p's SKP was approved by kadis, with both snapshots kept.
  const sv1::Skp& kabid = approved_[seeded_.kabid_p2p];
  EXPECT_EQ(kabid.decided_by(), seeded_.kadis);
  EXPECT_EQ(kabid.employee().nip(), seeded_.kabid_p2p);
  EXPECT_EQ(kabid.employee().position_code(), "DINKES.P2P.KABID");
  EXPECT_EQ(kabid.employee().org_unit_code(), "DINKES.P2P");
  EXPECT_EQ(kabid.pejabat_penilai().nip(), seeded_.kadis);
  EXPECT_EQ(kabid.pejabat_penilai().position_code(), "DINKES.KADIS");
  EXPECT_EQ(kabid.pejabat_penilai().acting(), "DEFINITIF");
  EXPECT_EQ(kabid.rhks(0).parent_rhk_id(), top.rhks(0).id());

  // staf_s1_a's pejabat penilai is staf_p2p, Plt KASI of S1.
  sv1::Skp s = Submit(Plan(Create(seeded_.staf_s1_a), approved_[seeded_.staf_p2p].rhks(0).id()));
  EXPECT_EQ(s.status(), sv1::SKP_STATUS_SUBMITTED);
  EXPECT_EQ(s.pending_approver_nip(), seeded_.staf_p2p);
  sv1::ListPendingSkpsResponse queue;
  ASSERT_TRUE(Ok(skp().ListPendingSkps(Ctx(Token(seeded_.staf_p2p)).get(), {}, &queue)));
  ASSERT_EQ(queue.skps_size(), 1);
  EXPECT_EQ(queue.skps(0).id(), s.id());

  sv1::ApproveSkpRequest approve;
  approve.set_id(s.id());
  approve.set_revision(1);
  sv1::RhkExpectation* e = approve.add_rhk_expectations();
  e->set_rhk_id(s.rhks(0).id());
  e->set_expectation("Tepat waktu setiap bulan");
  sv1::PerilakuExpectation* p = approve.add_perilaku_expectations();
  p->set_value(sv1::BERAKHLAK_VALUE_AKUNTABEL);
  p->set_expectation("Laporan dapat ditelusuri");
  sv1::Skp approved;
  ASSERT_TRUE(Ok(skp().ApproveSkp(Ctx(Token(seeded_.staf_p2p)).get(), approve, &approved)));
  EXPECT_EQ(approved.status(), sv1::SKP_STATUS_APPROVED);
  EXPECT_EQ(approved.approved_revision(), 1);
  EXPECT_EQ(approved.rhks(0).expectation(), "Tepat waktu setiap bulan");
  ASSERT_EQ(approved.perilaku_expectations_size(), 1);
  EXPECT_EQ(approved.perilaku_expectations(0).value(), sv1::BERAKHLAK_VALUE_AKUNTABEL);
  EXPECT_EQ(approved.pejabat_penilai().nip(), seeded_.staf_p2p);
  EXPECT_EQ(approved.pejabat_penilai().acting(), "PLT");
  EXPECT_EQ(approved.pejabat_penilai().position_code(), "DINKES.P2P.S1.KASI");
  EXPECT_EQ(approved.pejabat_penilai().org_unit_code(), "DINKES.P2P.S1");
  EXPECT_EQ(approved.employee().org_unit_code(), "DINKES.P2P.S1");
  EXPECT_FALSE(approved.employee().name().empty());
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_APPROVE'"), 4);
  EXPECT_EQ(Counter("ekinerja_skp_transitions_total", {{"status", "SUBMITTED"}}), 4);
  EXPECT_EQ(Counter("ekinerja_skp_transitions_total", {{"status", "APPROVED"}}), 4);
  EXPECT_EQ(Counter("ekinerja_skp_transitions_total", {{"status", "DRAFT"}}), 4);
  EXPECT_EQ(Counter("ekinerja_skp_decisions_total", {{"decision", "approve"}}), 4);
  ASSERT_TRUE(status_gauge().Refresh().ok());
  EXPECT_EQ(Gauge("ekinerja_skp_skps", {{"status", "APPROVED"}}), 4);
  EXPECT_EQ(Gauge("ekinerja_skp_skps", {{"status", "SUBMITTED"}}), 0);
  EXPECT_EQ(Gauge("ekinerja_skp_skps", {{"status", "DRAFT"}}), 0);

  // The queue is empty again; activity reads the RHKs in force on a day of the year.
  ASSERT_TRUE(Ok(skp().ListPendingSkps(Ctx(Token(seeded_.staf_p2p)).get(), {}, &queue)));
  EXPECT_EQ(queue.skps_size(), 0);
  sv1::ListRhksForDateRequest rhks;
  rhks.set_nip(seeded_.staf_s1_a);
  *rhks.mutable_date() = Date(absl::CivilDay(2026, 7, 1));
  sv1::ListRhksForDateResponse in_force;
  ASSERT_TRUE(Ok(skp().ListRhksForDate(Ctx(ServiceToken()).get(), rhks, &in_force)));
  EXPECT_EQ(in_force.skp_id(), s.id());
  ASSERT_EQ(in_force.rhks_size(), 1);
  EXPECT_EQ(in_force.rhks(0).ikis(0).target().quantity(), 12);
  *rhks.mutable_date() = Date(absl::CivilDay(2025, 7, 1));
  ASSERT_TRUE(Ok(skp().ListRhksForDate(Ctx(ServiceToken()).get(), rhks, &in_force)));
  EXPECT_EQ(in_force.skp_id(), 0);
}

TEST_F(SkpTest, SubmissionWaitsForTheAtasansApprovedSkp) {
  ApproveChainDownTo(seeded_.kabid_p2p);
  ASSERT_FALSE(HasFatalFailure());
  // staf_p2p's atasan (kabid_p2p) is approved, so staf_p2p may submit; staf_s1_a's atasan
  // (staf_p2p, as Plt) is not yet.
  sv1::Skp mine = Plan(Create(seeded_.staf_s1_a), 0);
  sv1::SubmitSkpRequest submit;
  submit.set_id(mine.id());
  submit.set_revision(1);
  sv1::Skp out;
  EXPECT_TRUE(HasCode(skp().SubmitSkp(Ctx(Token(seeded_.staf_s1_a)).get(), submit, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(Count("SELECT count(*) FROM revisions WHERE status = 'SUBMITTED'"), 0);

  // A tenant may switch the gate off (from a date): then the missing link is what stops it.
  sv1::CreateSkpRulesRequest rules;
  *rules.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 1, 1));
  rules.mutable_rules()->set_model(sv1::SKP_MODEL_PERMENPANRB_6_2022);
  rules.mutable_rules()->set_skp_weight_percent(60);
  rules.mutable_rules()->set_perilaku_weight_percent(40);
  rules.mutable_rules()->set_period_kind(sv1::PERIOD_KIND_MONTHLY);
  rules.mutable_rules()->set_submission_gate(false);
  rules.mutable_rules()->set_feedback_atasan_percent(60);
  rules.mutable_rules()->set_feedback_rekan_percent(20);
  rules.mutable_rules()->set_feedback_bawahan_percent(20);
  sv1::SkpRules made;
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), rules, &made)));
  EXPECT_EQ(made.version(), 1);
  const grpc::Status st = skp().SubmitSkp(Ctx(Token(seeded_.staf_s1_a)).get(), submit, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rhks[0].parent_rhk_id"));
}

TEST_F(SkpTest, RejectionReviseAndHistory) {
  ApproveChainDownTo(seeded_.kabid_p2p);
  ASSERT_FALSE(HasFatalFailure());
  const int64_t parent = approved_[seeded_.kabid_p2p].rhks(0).id();
  sv1::Skp s = Submit(Plan(Create(seeded_.staf_p2p), parent, "Surat"));
  const std::string kabid = Token(seeded_.kabid_p2p);

  sv1::RejectSkpRequest reject;
  reject.set_id(s.id());
  reject.set_revision(1);
  reject.set_reason("Target terlalu rendah");
  sv1::Skp rejected;
  ASSERT_TRUE(Ok(skp().RejectSkp(Ctx(kabid).get(), reject, &rejected)));
  EXPECT_EQ(rejected.status(), sv1::SKP_STATUS_REJECTED);
  EXPECT_EQ(rejected.rejection_reason(), "Target terlalu rendah");
  // Rejecting again is a state conflict; an empty reason is bad input.
  EXPECT_TRUE(HasCode(skp().RejectSkp(Ctx(kabid).get(), reject, &rejected),
                      grpc::StatusCode::FAILED_PRECONDITION));
  reject.set_reason("  ");
  EXPECT_THAT(ViolatedFields(skp().RejectSkp(Ctx(kabid).get(), reject, &rejected)),
              ElementsAre("reason"));

  // Revised (the same revision, as REJECTED may be edited) and resubmitted, then approved.
  s = Approve(kabid, Submit(Plan(rejected, parent, "Surat dinas")));
  EXPECT_EQ(s.status(), sv1::SKP_STATUS_APPROVED);
  // An approved SKP changes only through a new revision; the approved one stays in force.
  sv1::ReviseSkpRequest revise;
  revise.set_id(s.id());
  revise.set_revision(1);
  sv1::Skp draft;
  ASSERT_TRUE(Ok(skp().ReviseSkp(Ctx(Token(seeded_.staf_p2p)).get(), revise, &draft)));
  EXPECT_EQ(draft.revision(), 2);
  EXPECT_EQ(draft.status(), sv1::SKP_STATUS_DRAFT);
  EXPECT_EQ(draft.approved_revision(), 1);
  EXPECT_EQ(draft.rhks(0).id(), s.rhks(0).id());
  EXPECT_EQ(draft.rhks(0).expectation(), "");
  // Editing revision 1 now is a conflict: revision 2 is the latest.
  sv1::UpdateSkpPlanRequest stale;
  stale.set_id(s.id());
  stale.set_revision(1);
  *stale.add_rhks() = s.rhks(0);
  sv1::Skp out;
  EXPECT_TRUE(HasCode(skp().UpdateSkpPlan(Ctx(Token(seeded_.staf_p2p)).get(), stale, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));

  sv1::ListSkpRevisionsRequest list;
  list.set_id(s.id());
  sv1::ListSkpRevisionsResponse history;
  ASSERT_TRUE(Ok(skp().ListSkpRevisions(Ctx(kabid).get(), list, &history)));
  ASSERT_EQ(history.revisions_size(), 2);
  EXPECT_EQ(history.revisions(0).status(), sv1::SKP_STATUS_APPROVED);
  EXPECT_EQ(history.revisions(0).decided_by(), seeded_.kabid_p2p);
  EXPECT_EQ(history.revisions(1).status(), sv1::SKP_STATUS_DRAFT);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_REJECT'"), 1);

  // Revision 1 is still the one in force for activity.
  sv1::ListRhksForDateRequest rhks;
  rhks.set_nip(seeded_.staf_p2p);
  *rhks.mutable_date() = Date(kToday);
  sv1::ListRhksForDateResponse in_force;
  ASSERT_TRUE(Ok(skp().ListRhksForDate(Ctx(Token(seeded_.staf_p2p)).get(), rhks, &in_force)));
  EXPECT_EQ(in_force.revision(), 1);
}

TEST_F(SkpTest, OnlyThePejabatPenilaiDecides) {
  ApproveChainDownTo(seeded_.staf_p2p);
  ASSERT_FALSE(HasFatalFailure());
  sv1::Skp s = Submit(Plan(Create(seeded_.staf_s1_a), approved_[seeded_.staf_p2p].rhks(0).id()));
  sv1::ApproveSkpRequest approve;
  approve.set_id(s.id());
  approve.set_revision(1);
  sv1::Skp out;
  // A colleague, the employee themself, the kabid above the Plt, the tenant admin (not the top):
  // PERMISSION_DENIED; another tenant's admin does not find the SKP.
  for (const std::string& who : {seeded_.staf_s1_b, seeded_.staf_s1_a, seeded_.kabid_p2p}) {
    EXPECT_TRUE(HasCode(skp().ApproveSkp(Ctx(Token(who)).get(), approve, &out),
                        grpc::StatusCode::PERMISSION_DENIED))
        << who;
  }
  EXPECT_TRUE(HasCode(skp().ApproveSkp(Ctx(seeded_.admin_token).get(), approve, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(skp().ApproveSkp(Ctx(OtherAdmin()).get(), approve, &out),
                      grpc::StatusCode::NOT_FOUND));
  sv1::RejectSkpRequest reject;
  reject.set_id(s.id());
  reject.set_revision(1);
  reject.set_reason("tidak");
  EXPECT_TRUE(HasCode(skp().RejectSkp(Ctx(Token(seeded_.staf_s1_b)).get(), reject, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count(absl::StrCat("SELECT count(*) FROM revisions WHERE skp_id = ", s.id(),
                               " AND status = 'SUBMITTED'")),
            1);
  // Nor may a colleague plan or submit someone else's SKP, or read it.
  sv1::GetSkpRequest get;
  get.set_id(s.id());
  EXPECT_TRUE(HasCode(skp().GetSkp(Ctx(Token(seeded_.staf_s1_b)).get(), get, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(
      HasCode(skp().GetSkp(Ctx(OtherAdmin()).get(), get, &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(Ok(skp().GetSkp(Ctx(Token(seeded_.staf_p2p)).get(), get, &out)));
}

}  // namespace
}  // namespace ekinerja::skp::it

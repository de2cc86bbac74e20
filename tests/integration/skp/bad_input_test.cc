// Bad input to the SKP RPCs: INVALID_ARGUMENT with one field violation per bad field, and nothing
// written; cascading links to an SKP that is not approved, or of another year, refused.

#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST_F(SkpTest, CreateSkpNamesEveryBadField) {
  sv1::CreateSkpRequest req;
  req.mutable_skp()->set_nip("12345");
  req.mutable_skp()->set_year(1999);
  *req.mutable_skp()->mutable_end_date() = Date(absl::CivilDay(2027, 1, 1));
  req.set_request_id(std::string(200, 'x'));
  sv1::Skp out;
  const grpc::Status st = skp().CreateSkp(Ctx(Token(seeded_.staf_s1_a)).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              UnorderedElementsAre("skp.nip", "skp.year", "skp.end_date", "request_id"));
  EXPECT_EQ(Count("SELECT count(*) FROM skps"), 0);
}

TEST_F(SkpTest, CreateSkpIsIdempotentAndRefusesOverlap) {
  sv1::CreateSkpRequest req;
  req.mutable_skp()->set_nip(seeded_.staf_s1_a);
  req.mutable_skp()->set_year(kYear);
  req.set_request_id("skp-2026");
  sv1::Skp first, again;
  ASSERT_TRUE(Ok(skp().CreateSkp(Ctx(Token(seeded_.staf_s1_a)).get(), req, &first)));
  ASSERT_TRUE(Ok(skp().CreateSkp(Ctx(Token(seeded_.staf_s1_a)).get(), req, &again)));
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(first.status(), sv1::SKP_STATUS_DRAFT);
  EXPECT_EQ(first.position_code(), "DINKES.P2P.S1.STAF");
  EXPECT_EQ(first.model(), sv1::SKP_MODEL_PERMENPANRB_6_2022);
  req.set_request_id("");
  EXPECT_TRUE(HasCode(skp().CreateSkp(Ctx(Token(seeded_.staf_s1_a)).get(), req, &again),
                      grpc::StatusCode::ALREADY_EXISTS));
  // Someone else's SKP: refused (the tenant admin may create one for an employee).
  req.mutable_skp()->set_nip(seeded_.staf_s1_b);
  EXPECT_TRUE(HasCode(skp().CreateSkp(Ctx(Token(seeded_.staf_s1_a)).get(), req, &again),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("SELECT count(*) FROM skps"), 1);
  EXPECT_TRUE(Ok(skp().CreateSkp(Ctx(seeded_.admin_token).get(), req, &again)));
}

TEST_F(SkpTest, PlanNamesEveryBadFieldAndWritesNothing) {
  sv1::Skp s = Plan(Create(seeded_.kadis), 0);
  const int64_t rhks = Count("SELECT count(*) FROM rhks");
  sv1::UpdateSkpPlanRequest req;
  req.set_id(s.id());
  req.set_revision(1);
  sv1::Rhk* good = req.add_rhks();
  *good = s.rhks(0);
  sv1::Rhk* bad = req.add_rhks();
  bad->set_id(999999);  // not this SKP's
  bad->set_description("");
  sv1::Iki* iki = bad->add_ikis();
  iki->set_description("Jumlah");
  iki->mutable_target()->set_quantity(0);
  iki->mutable_target()->set_unit("dokumen");
  iki->mutable_target()->set_quality(100);
  iki->mutable_target()->set_months(200);
  iki->mutable_target()->set_cost_idr(-1);
  // A breakdown of 10 that does not sum to the target of 12.
  sv1::Iki* short_sum = good->add_ikis();
  short_sum->set_description("Rapat");
  short_sum->mutable_target()->set_quantity(12);
  short_sum->mutable_target()->set_unit("kali");
  short_sum->mutable_target()->set_quality(100);
  short_sum->mutable_target()->set_months(12);
  short_sum->set_breakdown_kind(sv1::PERIOD_KIND_QUARTERLY);
  for (int q = 1; q <= 4; ++q) {
    sv1::BreakdownEntry* e = short_sum->add_breakdown();
    e->set_period(q == 4 ? 5 : q);
    e->set_quantity(q == 4 ? 1 : 3);
  }
  sv1::Skp out;
  const grpc::Status st = skp().UpdateSkpPlan(Ctx(Token(seeded_.kadis)).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              UnorderedElementsAre(
                  "rhks[0].ikis[1].breakdown[3].period", "rhks[0].ikis[1].breakdown", "rhks[1].id",
                  "rhks[1].kind", "rhks[1].description", "rhks[1].ikis[0].target.quantity",
                  "rhks[1].ikis[0].target.months", "rhks[1].ikis[0].target.cost_idr"));
  EXPECT_EQ(Count("SELECT count(*) FROM rhks"), rhks);
  EXPECT_EQ(Count("SELECT count(*) FROM ikis"), 1);
}

TEST_F(SkpTest, BreakdownMustSumExactly) {
  sv1::Skp s = Create(seeded_.kadis);
  sv1::UpdateSkpPlanRequest req;
  req.set_id(s.id());
  req.set_revision(1);
  sv1::Rhk* rhk = req.add_rhks();
  rhk->set_kind(sv1::RHK_KIND_UTAMA);
  rhk->set_description("Renstra tersusun");
  sv1::Iki* iki = rhk->add_ikis();
  iki->set_description("Dokumen renstra");
  iki->mutable_target()->set_quantity(4);
  iki->mutable_target()->set_unit("dokumen");
  iki->mutable_target()->set_quality(100);
  iki->mutable_target()->set_months(12);
  iki->set_breakdown_kind(sv1::PERIOD_KIND_QUARTERLY);
  for (int q = 1; q <= 3; ++q) {
    sv1::BreakdownEntry* e = iki->add_breakdown();
    e->set_period(q);
    e->set_quantity(1);
  }
  sv1::Skp out;
  grpc::Status st = skp().UpdateSkpPlan(Ctx(Token(seeded_.kadis)).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rhks[0].ikis[0].breakdown"));
  sv1::BreakdownEntry* e = iki->add_breakdown();
  e->set_period(4);
  e->set_quantity(1);
  ASSERT_TRUE(Ok(skp().UpdateSkpPlan(Ctx(Token(seeded_.kadis)).get(), req, &out)));
  ASSERT_EQ(out.rhks(0).ikis(0).breakdown_size(), 4);
  EXPECT_EQ(out.rhks(0).ikis(0).breakdown(3).quantity(), 1);
}

TEST_F(SkpTest, CascadeOnlyToTheAtasansApprovedSkpOfTheSameYear) {
  // kadis's SKP of 2026 is submitted, not approved; of 2025 approved.
  sv1::Skp y2025 = Approve(seeded_.admin_token, Submit(Plan(Create(seeded_.kadis, 2025), 0)));
  sv1::Skp y2026 = Submit(Plan(Create(seeded_.kadis), 0));
  sv1::Skp mine = Create(seeded_.kabid_p2p);
  for (int64_t parent : {y2026.rhks(0).id(), y2025.rhks(0).id()}) {
    sv1::UpdateSkpPlanRequest req;
    req.set_id(mine.id());
    req.set_revision(1);
    sv1::Rhk* rhk = req.add_rhks();
    *rhk = y2026.rhks(0);
    rhk->set_id(0);
    rhk->mutable_ikis(0)->set_id(0);
    rhk->set_parent_rhk_id(parent);
    sv1::Skp out;
    const grpc::Status st = skp().UpdateSkpPlan(Ctx(Token(seeded_.kabid_p2p)).get(), req, &out);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT)) << parent;
    EXPECT_THAT(ViolatedFields(st), ElementsAre("rhks[0].parent_rhk_id")) << parent;
  }
  EXPECT_EQ(Count(absl::StrCat("SELECT count(*) FROM rhks WHERE skp_id = ", mine.id())), 0);
}

TEST_F(SkpTest, LifecycleCallsNameBadIdsAndRevisions) {
  sv1::SubmitSkpRequest submit;
  sv1::Skp out;
  const grpc::Status st = skp().SubmitSkp(Ctx(Token(seeded_.kadis)).get(), submit, &out);
  EXPECT_THAT(ViolatedFields(st), UnorderedElementsAre("id", "revision"));
  sv1::ApproveSkpRequest approve;
  approve.set_id(1);
  approve.set_revision(1);
  approve.add_perilaku_expectations()->set_expectation("x");
  approve.add_rhk_expectations()->set_rhk_id(0);
  EXPECT_THAT(ViolatedFields(skp().ApproveSkp(Ctx(Token(seeded_.kadis)).get(), approve, &out)),
              UnorderedElementsAre("perilaku_expectations[0].value", "rhk_expectations[0].rhk_id"));
}

}  // namespace
}  // namespace ekinerja::skp::it

// Evaluations (DOMAIN §2 PermenPANRB 6/2022, §3 PP 46 / Perka BKN 1/2013), the organisational
// predikat, the distribution curve with its override, and the annual sanctions list, through gRPC.
// Realisations are inserted with SQL (RecordRealisation is another engineer's, not merged yet).

#include "absl/strings/str_cat.h"
#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr auto kDiAtas = sv1::RATING_DI_ATAS_EKSPEKTASI;
constexpr auto kSesuai = sv1::RATING_SESUAI_EKSPEKTASI;
constexpr auto kDiBawah = sv1::RATING_DI_BAWAH_EKSPEKTASI;
constexpr auto kUnset = sv1::RATING_UNSPECIFIED;

class EvaluationTest : public SkpTest {
 protected:
  grpc::Status Evaluate(const std::string& token, int64_t skp_id, const std::string& period,
                        sv1::Rating hasil, sv1::Rating perilaku, sv1::Evaluation* out) {
    sv1::EvaluateSkpRequest req;
    req.set_skp_id(skp_id);
    req.set_period(period);
    req.set_rating_hasil_kerja(hasil);
    req.set_rating_perilaku(perilaku);
    return skp().EvaluateSkp(Ctx(token).get(), req, out);
  }
  // The predikat the pejabat penilai's evaluation gave; "" and a failure when it did not succeed.
  std::string Predikat(const std::string& token, int64_t skp_id, const std::string& period,
                       sv1::Rating hasil, sv1::Rating perilaku) {
    sv1::Evaluation out;
    EXPECT_TRUE(Ok(Evaluate(token, skp_id, period, hasil, perilaku, &out))) << period;
    return out.permenpanrb().predikat();
  }
  void SetOrg(const std::string& unit, const std::string& period, sv1::OrgPredikat predikat) {
    sv1::SetOrgPerformanceRequest req;
    req.set_org_unit_code(unit);
    req.set_period(period);
    req.set_predikat(predikat);
    sv1::OrgPerformance out;
    ASSERT_TRUE(Ok(skp().SetOrgPerformance(Ctx(seeded_.admin_token).get(), req, &out)));
  }
  void Realise(int64_t skp_id, int64_t iki, const std::string& period, int64_t quantity,
               int quality, int months, int64_t cost) {
    EXPECT_EQ(
        Count(absl::StrCat(
            "WITH i AS (INSERT INTO realisations (tenant_id, skp_id, iki_id, period, "
            "quantity, quality, months, cost_idr, recorded_by) VALUES ('",
            seeded_.code, "', ", skp_id, ", ", iki, ", '", period, "', ", quantity, ", ", quality,
            ", ", months, ", ", cost, ", 'test') RETURNING 1) SELECT count(*) FROM i")),
        1);
  }
  // The tenant's rules from 1 January 2026: `model`, 60/40, monthly.
  void CreateRules(sv1::SkpModel model, bool sanctions_include_kurang = false) {
    sv1::CreateSkpRulesRequest req;
    sv1::SkpRules* r = req.mutable_rules();
    *r->mutable_effective_from() = Date(absl::CivilDay(2026, 1, 1));
    r->set_model(model);
    r->set_skp_weight_percent(60);
    r->set_perilaku_weight_percent(40);
    r->set_period_kind(sv1::PERIOD_KIND_MONTHLY);
    r->set_submission_gate(true);
    r->set_sanctions_include_kurang(sanctions_include_kurang);
    r->set_feedback_atasan_percent(60);
    r->set_feedback_rekan_percent(20);
    r->set_feedback_bawahan_percent(20);
    sv1::SkpRules out;
    ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), req, &out)));
  }
  void UsePp46() { CreateRules(sv1::SKP_MODEL_PP46); }
  // kadis's PP 46 SKP, approved by the tenant admin: A 10 laporan (1 a month, January to
  // October), B 4 dokumen with a budget of 1,000,000 (no breakdown), C 6 kegiatan (1 a month,
  // January to June).
  sv1::Skp KadisPp46() {
    sv1::Skp s = Create(seeded_.kadis);
    EXPECT_EQ(s.model(), sv1::SKP_MODEL_PP46);
    sv1::UpdateSkpPlanRequest req;
    req.set_id(s.id());
    req.set_revision(1);
    sv1::Rhk* rhk = req.add_rhks();
    rhk->set_kind(sv1::RHK_KIND_UTAMA);
    rhk->set_description("Pelayanan kesehatan meningkat");
    struct Plan {
      const char* what;
      int64_t quantity, cost;
      int months_planned;
    };
    for (const Plan& p : {Plan{"laporan", 10, 0, 10}, Plan{"dokumen", 4, 1'000'000, 0},
                          Plan{"kegiatan", 6, 0, 6}}) {
      sv1::Iki* iki = rhk->add_ikis();
      iki->set_description(absl::StrCat("Jumlah ", p.what));
      iki->mutable_target()->set_quantity(p.quantity);
      iki->mutable_target()->set_unit(p.what);
      iki->mutable_target()->set_quality(100);
      iki->mutable_target()->set_months(12);
      iki->mutable_target()->set_cost_idr(p.cost);
      if (p.months_planned == 0) continue;
      iki->set_breakdown_kind(sv1::PERIOD_KIND_MONTHLY);
      for (int m = 1; m <= 12; ++m) {
        sv1::BreakdownEntry* e = iki->add_breakdown();
        e->set_period(m);
        e->set_quantity(m <= p.months_planned ? 1 : 0);
      }
    }
    sv1::Skp planned;
    EXPECT_TRUE(Ok(skp().UpdateSkpPlan(Ctx(Token(seeded_.kadis)).get(), req, &planned)));
    return Approve(seeded_.admin_token, Submit(planned));
  }
  grpc::Status EvaluatePp46(int64_t skp_id, const std::string& period, sv1::Evaluation* out) {
    sv1::EvaluateSkpRequest req;
    req.set_skp_id(skp_id);
    req.set_period(period);
    for (int score : {80, 85, 90, 75, 70, 81}) req.add_perilaku_scores(score);
    req.set_tugas_tambahan(2);
    req.set_kreativitas(sv1::KREATIVITAS_UNIT_KERJA);
    return skp().EvaluateSkp(Ctx(seeded_.admin_token).get(), req, out);
  }
  // staf_s1_a's SKP approved by staf_p2p (Plt KASI of S1), under the chain above.
  sv1::Skp ApproveStafS1a() {
    ApproveChainDownTo(seeded_.staf_p2p);
    return Approve(Token(seeded_.staf_p2p), Submit(Plan(Create(seeded_.staf_s1_a),
                                                        approved_[seeded_.staf_p2p].rhks(0).id())));
  }
  // DINKES.P2P's predikat of the year `org`, then the annual predikat of kabid_p2p (unit head,
  // perilaku `kabid`) and of staf_p2p (`hasil`, `perilaku`), ApproveChainDownTo(staf_p2p) first.
  std::vector<std::string> EvaluateP2pYear(sv1::OrgPredikat org, sv1::Rating kabid,
                                           sv1::Rating hasil, sv1::Rating perilaku) {
    SetOrg("DINKES.P2P", "2026", org);
    return {
        Predikat(Token(seeded_.kadis), approved_[seeded_.kabid_p2p].id(), "2026", kUnset, kabid),
        Predikat(Token(seeded_.kabid_p2p), approved_[seeded_.staf_p2p].id(), "2026", hasil,
                 perilaku)};
  }
  std::vector<std::string> Stream(const std::string& token, const std::string& period,
                                  const std::string& unit, grpc::Status* status) {
    sv1::StreamEvaluationsRequest req;
    req.set_period(period);
    req.set_org_unit_code(unit);
    auto ctx = Ctx(token);
    auto reader = skp().StreamEvaluations(ctx.get(), req);
    std::vector<std::string> out;
    sv1::Evaluation e;
    while (reader->Read(&e)) out.push_back(absl::StrCat(e.nip(), "/", e.period()));
    *status = reader->Finish();
    return out;
  }
};

// ---- PermenPANRB 6/2022 --------------------------------------------------------------------

TEST_F(EvaluationTest, RatingsGiveThePredikatOfTheMatrix) {
  ApproveChainDownTo(seeded_.staf_p2p);
  const int64_t id = approved_[seeded_.staf_p2p].id();
  const std::string kabid = Token(seeded_.kabid_p2p);
  EXPECT_EQ(Predikat(kabid, id, "2026-M01", kDiAtas, kDiAtas), "SANGAT_BAIK");
  // A later evaluation of the period replaces the earlier one.
  EXPECT_EQ(Predikat(kabid, id, "2026-M01", kDiAtas, kDiBawah), "KURANG_MISCONDUCT");
  EXPECT_EQ(Predikat(kabid, id, "2026-M02", kDiBawah, kSesuai), "BUTUH_PERBAIKAN");
  EXPECT_EQ(Predikat(kabid, id, "2026", kSesuai, kSesuai), "BAIK");
  sv1::ListEvaluationsRequest list;
  list.set_skp_id(id);
  sv1::ListEvaluationsResponse evals;
  ASSERT_TRUE(Ok(skp().ListEvaluations(Ctx(Token(seeded_.staf_p2p)).get(), list, &evals)));
  ASSERT_EQ(evals.evaluations_size(), 3);
  EXPECT_EQ(evals.evaluations(0).period(), "2026");
  EXPECT_EQ(evals.evaluations(1).period(), "2026-M01");
  EXPECT_EQ(evals.evaluations(1).permenpanrb().predikat(), "KURANG_MISCONDUCT");
  EXPECT_EQ(evals.evaluations(1).permenpanrb().rating_perilaku(), kDiBawah);
  EXPECT_EQ(evals.evaluations(1).evaluator_nip(), seeded_.kabid_p2p);
  EXPECT_EQ(evals.evaluations(1).model(), sv1::SKP_MODEL_PERMENPANRB_6_2022);
  EXPECT_EQ(evals.evaluations(1).permenpanrb().org_predikat(), sv1::ORG_PREDIKAT_UNSPECIFIED);
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 3);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_EVALUATE'"), 4);
  // A colleague in another unit reads nothing of it.
  EXPECT_TRUE(HasCode(skp().ListEvaluations(Ctx(Token(seeded_.staf_yankes)).get(), list, &evals),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(EvaluationTest, AUnitHeadIsRatedByTheUnitsOrganisationalPredikat) {
  ApproveChainDownTo(seeded_.kabid_p2p);
  const int64_t id = approved_[seeded_.kabid_p2p].id();
  const std::string kadis = Token(seeded_.kadis);
  sv1::Evaluation out;
  // BKPSDM has not entered DINKES.P2P's predikat for January yet.
  grpc::Status st = Evaluate(kadis, id, "2026-M01", kUnset, kSesuai, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(st.error_message(), HasSubstr("DINKES.P2P for 2026-M01"));
  // The head's rating hasil kerja is not the penilai's to give.
  st = Evaluate(kadis, id, "2026-M01", kDiAtas, kSesuai, &out);
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rating_hasil_kerja"));
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 0);

  SetOrg("DINKES.P2P", "2026-M01", sv1::ORG_PREDIKAT_ISTIMEWA);
  ASSERT_TRUE(Ok(Evaluate(kadis, id, "2026-M01", kUnset, kSesuai, &out)));
  EXPECT_EQ(out.permenpanrb().org_predikat(), sv1::ORG_PREDIKAT_ISTIMEWA);
  EXPECT_EQ(out.permenpanrb().org_unit_code(), "DINKES.P2P");
  EXPECT_EQ(out.permenpanrb().rating_hasil_kerja(), kDiAtas);
  EXPECT_EQ(out.permenpanrb().predikat(), "BAIK");
  SetOrg("DINKES.P2P", "2026-M01", sv1::ORG_PREDIKAT_KURANG);
  ASSERT_TRUE(Ok(Evaluate(kadis, id, "2026-M01", kUnset, kDiAtas, &out)));
  EXPECT_EQ(out.permenpanrb().rating_hasil_kerja(), kDiBawah);
  EXPECT_EQ(out.permenpanrb().predikat(), "BUTUH_PERBAIKAN");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ORG_PERFORMANCE_SET'"), 2);
}

TEST_F(EvaluationTest, OnlyThePejabatPenilaiEvaluates) {
  sv1::Skp s1a = ApproveStafS1a();
  sv1::Evaluation out;
  // The employee, a colleague, the atasan's atasan (who may read it): PERMISSION_DENIED.
  for (const std::string& nip : {seeded_.staf_s1_a, seeded_.staf_s1_b, seeded_.kabid_p2p}) {
    EXPECT_TRUE(HasCode(Evaluate(Token(nip), s1a.id(), "2026-M01", kSesuai, kSesuai, &out),
                        grpc::StatusCode::PERMISSION_DENIED))
        << nip;
  }
  // Another tenant's admin does not learn it exists.
  EXPECT_TRUE(HasCode(Evaluate(OtherAdmin(), s1a.id(), "2026-M01", kSesuai, kSesuai, &out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 0);
  // The Plt KASI of S1 does.
  EXPECT_EQ(Predikat(Token(seeded_.staf_p2p), s1a.id(), "2026-M01", kSesuai, kDiAtas), "BAIK");
}

TEST_F(EvaluationTest, AnSkpWithoutApprovedRevisionIsNotEvaluated) {
  ApproveChainDownTo(seeded_.staf_p2p);
  sv1::Skp s = Submit(Plan(Create(seeded_.staf_s1_a), approved_[seeded_.staf_p2p].rhks(0).id()));
  sv1::Evaluation out;
  EXPECT_TRUE(HasCode(Evaluate(Token(seeded_.staf_p2p), s.id(), "2026-M01", kSesuai, kSesuai, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 0);
}

TEST_F(EvaluationTest, EvaluateNamesEveryBadField) {
  ApproveChainDownTo(seeded_.staf_p2p);
  const std::string kabid = Token(seeded_.kabid_p2p);
  sv1::EvaluateSkpRequest req;
  req.set_skp_id(0);
  req.set_period("2026-X1");
  req.set_rating_hasil_kerja(static_cast<sv1::Rating>(9));
  req.set_rating_perilaku(static_cast<sv1::Rating>(-1));
  req.set_kreativitas(static_cast<sv1::Kreativitas>(9));
  sv1::Evaluation out;
  grpc::Status st = skp().EvaluateSkp(Ctx(kabid).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), UnorderedElementsAre("skp_id", "period", "rating_hasil_kerja",
                                                       "rating_perilaku", "kreativitas"));
  // Under 6/2022: another year, no rating perilaku, the PP 46 fields given.
  req.Clear();
  req.set_skp_id(approved_[seeded_.staf_p2p].id());
  req.set_period("2025-M01");
  req.add_perilaku_scores(80);
  req.set_tugas_tambahan(2);
  req.set_kreativitas(sv1::KREATIVITAS_NONE);
  st = skp().EvaluateSkp(Ctx(kabid).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st),
              UnorderedElementsAre("period", "rating_hasil_kerja", "rating_perilaku",
                                   "perilaku_scores", "tugas_tambahan", "kreativitas"));
  // A quarter under monthly rules.
  EXPECT_THAT(ViolatedFields(Evaluate(kabid, req.skp_id(), "2026-Q1", kSesuai, kSesuai, &out)),
              ElementsAre("period"));
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_EVALUATE'"), 0);
}

// ---- PP 46 --------------------------------------------------------------------------------------

// The hand-computed year of tests/unit/skp/evaluation_test.cc through the service: A 8/10 at
// quality 91 on time, B on target in 9 of 12 months for 800,000 of 1,000,000, C not realised.
TEST_F(EvaluationTest, Pp46YearWithEveryIntermediateValue) {
  UsePp46();
  const sv1::Skp s = KadisPp46();
  ASSERT_EQ(s.status(), sv1::SKP_STATUS_APPROVED);
  const auto& ikis = s.rhks(0).ikis();
  Realise(s.id(), ikis[0].id(), "2026", 8, 91, 12, 0);
  Realise(s.id(), ikis[1].id(), "2026", 4, 100, 9, 800'000);
  sv1::Evaluation out;
  ASSERT_TRUE(Ok(EvaluatePp46(s.id(), "2026", &out)));
  EXPECT_EQ(out.model(), sv1::SKP_MODEL_PP46);
  const sv1::Pp46Result& r = out.pp46();
  ASSERT_EQ(r.activities_size(), 3);
  const sv1::Pp46ActivityScore& a = r.activities(0);
  EXPECT_EQ(a.iki_id(), ikis[0].id());
  EXPECT_TRUE(a.carried_out());
  EXPECT_EQ(a.target().quantity(), 10);
  EXPECT_EQ(a.realisation().quantity(), 8);
  EXPECT_EQ(a.kuantitas(), "80.00");
  EXPECT_EQ(a.kualitas(), "91.00");
  EXPECT_EQ(a.efisiensi_waktu(), "0.00");
  EXPECT_EQ(a.waktu(), "76.00");
  EXPECT_EQ(a.efisiensi_biaya(), "");
  EXPECT_EQ(a.penghitungan(), "247.00");
  EXPECT_EQ(a.aspects(), 3);
  EXPECT_EQ(a.nilai_capaian(), "82.33");
  EXPECT_EQ(a.nilai_capaian_exact(), "247/3");
  const sv1::Pp46ActivityScore& b = r.activities(1);
  EXPECT_EQ(b.efisiensi_waktu(), "25.00");
  EXPECT_EQ(b.waktu(), "75.00");
  EXPECT_EQ(b.efisiensi_biaya(), "20.00");
  EXPECT_EQ(b.biaya(), "96.00");
  EXPECT_EQ(b.penghitungan(), "371.00");
  EXPECT_EQ(b.aspects(), 4);
  EXPECT_EQ(b.nilai_capaian(), "92.75");
  EXPECT_EQ(b.nilai_capaian_exact(), "371/4");
  const sv1::Pp46ActivityScore& c = r.activities(2);
  EXPECT_FALSE(c.carried_out());
  EXPECT_EQ(c.realisation().quantity(), 0);
  EXPECT_EQ(c.kuantitas(), "0.00");
  EXPECT_EQ(c.nilai_capaian(), "0.00");
  EXPECT_EQ(r.nilai_capaian_skp(), "58.36");
  EXPECT_EQ(r.nilai_capaian_skp_exact(), "2101/36");
  EXPECT_EQ(r.tugas_tambahan(), 2);
  EXPECT_EQ(r.tugas_tambahan_points(), 1);
  EXPECT_EQ(r.kreativitas(), sv1::KREATIVITAS_UNIT_KERJA);
  EXPECT_EQ(r.kreativitas_points(), 3);
  EXPECT_EQ(r.nilai_skp(), "62.36");
  EXPECT_THAT(r.perilaku_scores(), ElementsAre(80, 85, 90, 75, 70, 81));
  EXPECT_EQ(r.nilai_perilaku(), "80.17");
  EXPECT_EQ(r.skp_weight_percent(), 60);
  EXPECT_EQ(r.perilaku_weight_percent(), 40);
  EXPECT_EQ(r.nilai_prestasi_kerja(), "69.48");
  EXPECT_EQ(r.nilai_prestasi_kerja_exact(), "4169/60");
  EXPECT_EQ(r.predikat(), "CUKUP");
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations WHERE predikat = 'CUKUP'"), 1);
  // Above 50: nobody on the sanctions list.
  sv1::ListSanctionsRequest sreq;
  sreq.set_year(kYear);
  sv1::ListSanctionsResponse lines;
  ASSERT_TRUE(Ok(skp().ListSanctions(Ctx(seeded_.admin_token).get(), sreq, &lines)));
  EXPECT_EQ(lines.lines_size(), 0);
  // The curve is PermenPANRB 6/2022's.
  sv1::GetDistributionRequest dreq;
  dreq.set_org_unit_code("DINKES");
  dreq.set_period("2026");
  sv1::Distribution dist;
  grpc::Status st = skp().GetDistribution(Ctx(seeded_.admin_token).get(), dreq, &dist);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(st.error_message(), HasSubstr("PermenPANRB 6/2022"));
}

TEST_F(EvaluationTest, Pp46MonthTakesTheRencanaAksi) {
  UsePp46();
  const sv1::Skp s = KadisPp46();
  const auto& ikis = s.rhks(0).ikis();
  Realise(s.id(), ikis[0].id(), "2026-M01", 1, 100, 1, 0);
  sv1::Evaluation out;
  ASSERT_TRUE(Ok(EvaluatePp46(s.id(), "2026-M01", &out)));
  // A (1 of 1 in one month: 100 + 100 + 76) and C (nothing recorded); B has no breakdown.
  ASSERT_EQ(out.pp46().activities_size(), 2);
  EXPECT_EQ(out.pp46().activities(0).target().months(), 1);
  EXPECT_EQ(out.pp46().activities(0).target().cost_idr(), 0);
  EXPECT_EQ(out.pp46().activities(0).nilai_capaian(), "92.00");
  EXPECT_EQ(out.pp46().activities(1).iki_id(), ikis[2].id());
  EXPECT_EQ(out.pp46().activities(1).nilai_capaian(), "0.00");
  EXPECT_EQ(out.pp46().nilai_capaian_skp(), "46.00");
  EXPECT_EQ(out.pp46().nilai_capaian_skp_exact(), "46");
  // Nothing planned in December.
  grpc::Status st = EvaluatePp46(s.id(), "2026-M12", &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(st.error_message(), HasSubstr("2026-M12"));
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 1);
}

TEST_F(EvaluationTest, Pp46NamesEveryBadField) {
  UsePp46();
  const sv1::Skp s = KadisPp46();
  sv1::EvaluateSkpRequest req;
  req.set_skp_id(s.id());
  req.set_period("2026");
  req.set_rating_perilaku(kSesuai);
  for (int score : {80, 101, 90, -1}) req.add_perilaku_scores(score);
  req.set_tugas_tambahan(-1);
  sv1::Evaluation out;
  const grpc::Status st = skp().EvaluateSkp(Ctx(seeded_.admin_token).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              UnorderedElementsAre("rating_perilaku", "perilaku_scores", "perilaku_scores[1]",
                                   "perilaku_scores[3]", "tugas_tambahan", "kreativitas"));
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations"), 0);
}

TEST_F(EvaluationTest, Pp46SanctionLineCarriesTheNilaiCapaian) {
  UsePp46();
  const sv1::Skp s = KadisPp46();
  // Only A realised: (247/3 + 0 + 0) / 3 = 247/9 = 27.44, hukuman disiplin sedang.
  Realise(s.id(), s.rhks(0).ikis(0).id(), "2026", 8, 91, 12, 0);
  sv1::Evaluation out;
  ASSERT_TRUE(Ok(EvaluatePp46(s.id(), "2026", &out)));
  sv1::ListSanctionsRequest req;
  req.set_year(kYear);
  sv1::ListSanctionsResponse resp;
  ASSERT_TRUE(Ok(skp().ListSanctions(Ctx(Token(integration::kAuditor)).get(), req, &resp)));
  ASSERT_EQ(resp.lines_size(), 1);
  const sv1::SanctionLine& line = resp.lines(0);
  EXPECT_EQ(line.nip(), seeded_.kadis);
  EXPECT_EQ(line.skp_id(), s.id());
  EXPECT_EQ(line.org_unit_code(), "DINKES");
  EXPECT_EQ(line.model(), sv1::SKP_MODEL_PP46);
  EXPECT_EQ(line.reason(), "NILAI_CAPAIAN_25_SAMPAI_50");
  EXPECT_EQ(line.hukuman_disiplin(), "SEDANG");
  EXPECT_EQ(line.nilai_capaian_skp(), "27.44");
  EXPECT_EQ(line.nilai_capaian_skp_exact(), "247/9");
  EXPECT_EQ(line.predikat(), "");
  EXPECT_FALSE(line.final());
}

// ---- StreamEvaluations ------------------------------------------------------------------------

TEST_F(EvaluationTest, StreamEvaluationsInNipOrder) {
  ApproveChainDownTo(seeded_.staf_p2p);
  SetOrg("DINKES.P2P", "2026-M01", sv1::ORG_PREDIKAT_BAIK);
  SetOrg("DINKES", "2026-M01", sv1::ORG_PREDIKAT_BAIK);
  // Evaluated in reverse NIP order, and one of another period.
  Predikat(Token(seeded_.kabid_p2p), approved_[seeded_.staf_p2p].id(), "2026-M01", kSesuai,
           kSesuai);
  Predikat(Token(seeded_.kadis), approved_[seeded_.kabid_p2p].id(), "2026-M01", kUnset, kSesuai);
  Predikat(seeded_.admin_token, approved_[seeded_.kadis].id(), "2026-M01", kUnset, kSesuai);
  Predikat(Token(seeded_.kabid_p2p), approved_[seeded_.staf_p2p].id(), "2026-M02", kSesuai,
           kSesuai);
  grpc::Status st;
  EXPECT_THAT(Stream(ServiceToken(), "2026-M01", "", &st),
              ElementsAre(seeded_.kadis + "/2026-M01", seeded_.kabid_p2p + "/2026-M01",
                          seeded_.staf_p2p + "/2026-M01"));
  EXPECT_TRUE(Ok(st));
  EXPECT_THAT(Stream(ServiceToken(), "2026-M01", "DINKES.P2P", &st),
              ElementsAre(seeded_.kabid_p2p + "/2026-M01", seeded_.staf_p2p + "/2026-M01"));
  EXPECT_TRUE(Ok(st));
  EXPECT_THAT(Stream(Token(integration::kAuditor), "2026-M02", "", &st),
              ElementsAre(seeded_.staf_p2p + "/2026-M02"));
  EXPECT_TRUE(Ok(st));
  EXPECT_THAT(Stream(Token(seeded_.staf_p2p), "2026-M01", "", &st), ElementsAre());
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(Stream(ServiceToken(), "2026-13", "", &st), ElementsAre());
  EXPECT_THAT(ViolatedFields(st), ElementsAre("period"));
}

// ---- organisational predikat --------------------------------------------------------------------

TEST_F(EvaluationTest, SetOrgPerformanceIsBkpsdms) {
  sv1::SetOrgPerformanceRequest req;
  req.set_org_unit_code("");
  req.set_period("2026-M13");
  sv1::OrgPerformance out;
  grpc::Status st = skp().SetOrgPerformance(Ctx(seeded_.admin_token).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st), UnorderedElementsAre("org_unit_code", "period", "predikat"));
  req.set_org_unit_code("DINKES.P2P");
  req.set_period("2026-Q1");  // the rules are monthly
  req.set_predikat(sv1::ORG_PREDIKAT_BAIK);
  EXPECT_THAT(ViolatedFields(skp().SetOrgPerformance(Ctx(seeded_.admin_token).get(), req, &out)),
              ElementsAre("period"));
  req.set_period("2026");
  for (const std::string& token :
       {Token(integration::kOpdAdmin), Token(integration::kAuditor), Token(seeded_.kabid_p2p)}) {
    EXPECT_TRUE(HasCode(skp().SetOrgPerformance(Ctx(token).get(), req, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  req.set_org_unit_code("DINKES.NOPE");
  EXPECT_TRUE(HasCode(skp().SetOrgPerformance(Ctx(seeded_.admin_token).get(), req, &out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("SELECT count(*) FROM org_performance"), 0);
  req.set_org_unit_code("DINKES.P2P");
  const std::string verifikator =
      directory().Login({seeded_.code, "verifikator", "", {Role::kVerifikatorTpp}, ""});
  ASSERT_TRUE(Ok(skp().SetOrgPerformance(Ctx(verifikator).get(), req, &out)));
  EXPECT_EQ(out.org_unit_code(), "DINKES.P2P");
  EXPECT_EQ(out.period(), "2026");
  EXPECT_EQ(out.predikat(), sv1::ORG_PREDIKAT_BAIK);
  EXPECT_EQ(out.set_by(), "verifikator");
  EXPECT_EQ(Count("SELECT count(*) FROM org_performance WHERE predikat = 'BAIK'"), 1);
}

// ---- the distribution curve and the annual finalisation -----------------------------------------

TEST_F(EvaluationTest, TheCurveIsReportedAndItsOverrideIsTheAdminsAndAudited) {
  ApproveChainDownTo(seeded_.staf_p2p);
  // Both evaluated employees of DINKES.P2P Baik: more than 70%, and no Butuh Perbaikan or Kurang.
  EXPECT_THAT(EvaluateP2pYear(sv1::ORG_PREDIKAT_BAIK, kSesuai, kSesuai, kSesuai),
              ElementsAre("BAIK", "BAIK"));
  sv1::GetDistributionRequest dreq;
  dreq.set_org_unit_code("DINKES.P2P");
  dreq.set_period("2026");
  sv1::Distribution dist;
  ASSERT_TRUE(Ok(skp().GetDistribution(Ctx(Token(integration::kOpdAdmin)).get(), dreq, &dist)));
  EXPECT_EQ(dist.org_predikat(), sv1::ORG_PREDIKAT_BAIK);
  EXPECT_EQ(dist.baik(), 2);
  EXPECT_EQ(dist.sangat_baik(), 0);
  EXPECT_EQ(dist.total(), 2);
  ASSERT_EQ(dist.violations_size(), 2);
  EXPECT_EQ(dist.violations(0).rule(), "BAIK_MAX_70_BAIK");
  EXPECT_EQ(dist.violations(0).bound_kind(), "CEILING");
  EXPECT_EQ(dist.violations(0).unit(), "PERCENT");
  EXPECT_EQ(dist.violations(0).bound(), 70);
  EXPECT_EQ(dist.violations(0).actual(), 2);
  EXPECT_EQ(dist.violations(0).total(), 2);
  EXPECT_THAT(dist.violations(0).predikat(), ElementsAre("BAIK"));
  EXPECT_EQ(dist.violations(1).rule(), "BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG");
  EXPECT_EQ(dist.violations(1).bound_kind(), "FLOOR");
  EXPECT_EQ(dist.violations(1).unit(), "COUNT");
  EXPECT_EQ(dist.violations(1).bound(), 1);
  EXPECT_EQ(dist.violations(1).actual(), 0);
  EXPECT_THAT(dist.violations(1).predikat(), ElementsAre("BUTUH_PERBAIKAN", "KURANG_MISCONDUCT"));
  EXPECT_FALSE(dist.violations(1).message().empty());
  // An employee may not see it.
  EXPECT_TRUE(HasCode(skp().GetDistribution(Ctx(Token(seeded_.staf_p2p)).get(), dreq, &dist),
                      grpc::StatusCode::PERMISSION_DENIED));

  sv1::FinalizeAnnualRatingsRequest req;
  req.set_org_unit_code("DINKES.P2P");
  req.set_year(kYear);
  sv1::FinalizeAnnualRatingsResponse resp;
  grpc::Status st = skp().FinalizeAnnualRatings(Ctx(seeded_.admin_token).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(st.error_message(),
              HasSubstr("BAIK_MAX_70_BAIK, BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG"));
  // An override needs a reason, and the admin.
  req.set_override_violations(true);
  EXPECT_THAT(
      ViolatedFields(skp().FinalizeAnnualRatings(Ctx(seeded_.admin_token).get(), req, &resp)),
      ElementsAre("override_reason"));
  req.set_override_reason("Unit kecil: dua pegawai dinilai");
  const std::string verifikator =
      directory().Login({seeded_.code, "verifikator", "", {Role::kVerifikatorTpp}, ""});
  for (const std::string& token :
       {verifikator, Token(integration::kAuditor), Token(seeded_.kadis)}) {
    EXPECT_TRUE(HasCode(skp().FinalizeAnnualRatings(Ctx(token).get(), req, &resp),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations WHERE final"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_CURVE_OVERRIDE'"), 0);

  ASSERT_TRUE(Ok(skp().FinalizeAnnualRatings(Ctx(seeded_.admin_token).get(), req, &resp)));
  EXPECT_EQ(resp.finalized(), 2);
  EXPECT_TRUE(resp.overridden());
  EXPECT_EQ(resp.distribution().violations_size(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM evaluations WHERE final AND period = '2026'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_CURVE_OVERRIDE' AND "
                  "actor = 'admin' AND target = 'orgUnit/DINKES.P2P/2026' AND detail LIKE "
                  "'%Unit kecil%'"),
            1);
  // A final evaluation is not replaced.
  sv1::Evaluation out;
  EXPECT_TRUE(HasCode(Evaluate(Token(seeded_.kabid_p2p), approved_[seeded_.staf_p2p].id(), "2026",
                               kDiBawah, kDiBawah, &out),
                      grpc::StatusCode::FAILED_PRECONDITION));
  sv1::ListEvaluationsRequest list;
  list.set_skp_id(approved_[seeded_.staf_p2p].id());
  sv1::ListEvaluationsResponse evals;
  ASSERT_TRUE(Ok(skp().ListEvaluations(Ctx(Token(seeded_.staf_p2p)).get(), list, &evals)));
  ASSERT_EQ(evals.evaluations_size(), 1);
  EXPECT_TRUE(evals.evaluations(0).final());
  EXPECT_EQ(evals.evaluations(0).permenpanrb().predikat(), "BAIK");
}

TEST_F(EvaluationTest, FinalizeWithoutViolationsNeedsNoOverride) {
  ApproveChainDownTo(seeded_.staf_p2p);
  sv1::FinalizeAnnualRatingsRequest req;
  req.set_org_unit_code("DINKES.P2P");
  req.set_year(kYear);
  sv1::FinalizeAnnualRatingsResponse resp;
  const std::string verifikator =
      directory().Login({seeded_.code, "verifikator", "", {Role::kVerifikatorTpp}, ""});
  // Without the unit's annual predikat there is no curve to check.
  grpc::Status st = skp().FinalizeAnnualRatings(Ctx(verifikator).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(st.error_message(), HasSubstr("DINKES.P2P for 2026"));
  // One Baik of two (50%) and one Butuh Perbaikan: within the curve.
  EXPECT_THAT(EvaluateP2pYear(sv1::ORG_PREDIKAT_BAIK, kSesuai, kDiBawah, kSesuai),
              ElementsAre("BAIK", "BUTUH_PERBAIKAN"));
  ASSERT_TRUE(Ok(skp().FinalizeAnnualRatings(Ctx(verifikator).get(), req, &resp)));
  EXPECT_EQ(resp.finalized(), 2);
  EXPECT_FALSE(resp.overridden());
  EXPECT_EQ(resp.distribution().violations_size(), 0);
  EXPECT_EQ(resp.distribution().butuh_perbaikan(), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_CURVE_OVERRIDE'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'SKP_ANNUAL_FINALIZE'"), 1);
  // Bad input.
  req.set_org_unit_code("");
  req.set_year(1999);
  EXPECT_THAT(ViolatedFields(skp().FinalizeAnnualRatings(Ctx(verifikator).get(), req, &resp)),
              UnorderedElementsAre("org_unit_code", "year"));
}

// ---- sanctions (6/2022) -------------------------------------------------------------------------

TEST_F(EvaluationTest, SanctionsListSangatKurangForBkpsdm) {
  ApproveChainDownTo(seeded_.staf_p2p);
  EXPECT_THAT(EvaluateP2pYear(sv1::ORG_PREDIKAT_ISTIMEWA, kDiBawah, kDiBawah, kDiBawah),
              ElementsAre("KURANG_MISCONDUCT", "SANGAT_KURANG"));
  // A monthly Sangat Kurang is not an annual one.
  Predikat(Token(seeded_.kabid_p2p), approved_[seeded_.staf_p2p].id(), "2026-M01", kDiBawah,
           kDiBawah);
  sv1::ListSanctionsRequest req;
  req.set_year(kYear);
  req.set_org_unit_code("DINKES.P2P");
  sv1::ListSanctionsResponse resp;
  const std::string verifikator =
      directory().Login({seeded_.code, "verifikator", "", {Role::kVerifikatorTpp}, ""});
  ASSERT_TRUE(Ok(skp().ListSanctions(Ctx(verifikator).get(), req, &resp)));
  ASSERT_EQ(resp.lines_size(), 1);
  EXPECT_EQ(resp.lines(0).nip(), seeded_.staf_p2p);
  EXPECT_EQ(resp.lines(0).model(), sv1::SKP_MODEL_PERMENPANRB_6_2022);
  EXPECT_EQ(resp.lines(0).reason(), "PREDIKAT_SANGAT_KURANG");
  EXPECT_EQ(resp.lines(0).predikat(), "SANGAT_KURANG");
  EXPECT_EQ(resp.lines(0).hukuman_disiplin(), "");
  EXPECT_EQ(resp.lines(0).nilai_capaian_skp(), "");
  EXPECT_FALSE(resp.lines(0).sanctions_include_kurang());
  for (const std::string& token :
       {Token(seeded_.kabid_p2p), Token(seeded_.staf_p2p), Token(integration::kOpdAdmin)}) {
    EXPECT_TRUE(HasCode(skp().ListSanctions(Ctx(token).get(), req, &resp),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  req.set_year(0);
  req.set_org_unit_code(std::string(200, 'x'));
  EXPECT_THAT(ViolatedFields(skp().ListSanctions(Ctx(seeded_.admin_token).get(), req, &resp)),
              UnorderedElementsAre("year", "org_unit_code"));
  // Another tenant's admin sees none of these.
  req.set_year(kYear);
  req.set_org_unit_code("");
  ASSERT_TRUE(Ok(skp().ListSanctions(Ctx(OtherAdmin()).get(), req, &resp)));
  EXPECT_EQ(resp.lines_size(), 0);
}

TEST_F(EvaluationTest, SanctionsTakeKurangWhenTheRulesSaySo) {
  CreateRules(sv1::SKP_MODEL_PERMENPANRB_6_2022, /*sanctions_include_kurang=*/true);
  ApproveChainDownTo(seeded_.staf_p2p);
  EXPECT_EQ(Predikat(Token(seeded_.kabid_p2p), approved_[seeded_.staf_p2p].id(), "2026", kSesuai,
                     kDiBawah),
            "KURANG_MISCONDUCT");
  sv1::ListSanctionsRequest req;
  req.set_year(kYear);
  sv1::ListSanctionsResponse resp;
  ASSERT_TRUE(Ok(skp().ListSanctions(Ctx(seeded_.admin_token).get(), req, &resp)));
  ASSERT_EQ(resp.lines_size(), 1);
  EXPECT_EQ(resp.lines(0).reason(), "PREDIKAT_KURANG");
  EXPECT_EQ(resp.lines(0).predikat(), "KURANG_MISCONDUCT");
  EXPECT_TRUE(resp.lines(0).sanctions_include_kurang());
}

}  // namespace
}  // namespace ekinerja::skp::it

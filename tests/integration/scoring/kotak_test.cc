// Kotak kinerja (DOMAIN §7) of two months, the low-box list, the stream, and an employee's year.

#include "absl/strings/str_cat.h"
#include "integration/scoring/scoring_fixture.h"

namespace ekinerja::scoring::it {
namespace {

// March: everyone of DINKES.P2P present every workday with capaian 1/1, so disiplin and
// produktivitas paid 100%: box 9 (both high). April (SeedApril): kabid_p2p 100%/100% box 9;
// staf_p2p 100%/50% (produktivitas low, disiplin high) box 3 x 2 + 0 + 1 = 7; staf_s1_a
// 92.50%/76.00% box 8; staf_s1_b 100%/90.00% (90% is high) box 9.
class KotakTest : public ScoringTest {
 protected:
  void SetUp() override {
    ScoringTest::SetUp();
    if (HasFatalFailure()) return;
    SeedFullMonth(absl::CivilMonth(kYear, 3));
    march_ = CreateRun(kYear, 3);
    SeedApril();
    april_ = CreateRun(kYear, kApril);
  }
  sv1::KotakSummary Summary(int month, const std::string& unit = "") {
    sv1::GetKotakSummaryRequest req;
    req.set_year(kYear);
    req.set_month(month);
    req.set_org_unit_code(unit);
    sv1::KotakSummary out;
    EXPECT_TRUE(Ok(scoring().GetKotakSummary(Ctx(Token(integration::kAuditor)).get(), req, &out)));
    return out;
  }
  // "box:employees/previous" of the boxes that are not 0/0.
  static std::vector<std::string> Counted(
      const google::protobuf::RepeatedPtrField<sv1::BoxCount>& boxes) {
    std::vector<std::string> out;
    for (const sv1::BoxCount& b : boxes) {
      if (b.employees() != 0 || b.previous_employees() != 0) {
        out.push_back(absl::StrCat(b.box(), ":", b.employees(), "/", b.previous_employees()));
      }
    }
    return out;
  }
  sv1::AnnualPerformance Annual(const std::string& token, const std::string& nip) {
    sv1::GetAnnualPerformanceRequest req;
    req.set_nip(nip);
    req.set_year(kYear);
    sv1::AnnualPerformance out;
    EXPECT_TRUE(Ok(scoring().GetAnnualPerformance(Ctx(token).get(), req, &out)));
    return out;
  }
  // staf_s1_a's annual 6/2022 evaluation: hasil kerja Sesuai (medium), perilaku Di Atas (high).
  void EvaluateYear() {
    clients::SkpEvaluation e;
    e.nip = seeded_.staf_s1_a;
    e.org_unit_code = "DINKES.P2P.S1";
    e.skp_id = 77;
    e.period = "2026";
    e.model = "PERMENPANRB_6_2022";
    e.rating_hasil_kerja = "SESUAI_EKSPEKTASI";
    e.rating_perilaku = "DI_ATAS_EKSPEKTASI";
    e.predikat = "BAIK";
    e.final = true;
    skp().Add(e);
  }

  sv1::TppRun march_, april_;
};

TEST_F(KotakTest, TheSummaryCountsEachBoxPerOpdWithTheMonthBefore) {
  const sv1::KotakSummary april = Summary(kApril);
  EXPECT_EQ(april.year(), kYear);
  EXPECT_EQ(april.month(), kApril);
  ASSERT_EQ(april.opds_size(), 1);
  EXPECT_EQ(april.opds(0).opd_code(), "DINKES");
  ASSERT_EQ(april.opds(0).boxes_size(), 9);
  EXPECT_THAT(Counted(april.opds(0).boxes()), ::testing::ElementsAre("7:1/0", "8:1/0", "9:2/4"));
  EXPECT_THAT(Counted(april.total()), ::testing::ElementsAre("7:1/0", "8:1/0", "9:2/4"));
  // March beside February (no run): 4 in box 9, none before.
  EXPECT_THAT(Counted(Summary(3).total()), ::testing::ElementsAre("9:4/0"));
  // Only the subtree of S1: staf_s1_a (8, was 9) and staf_s1_b (9, was 9).
  EXPECT_THAT(Counted(Summary(kApril, "DINKES.P2P.S1").total()),
              ::testing::ElementsAre("8:1/0", "9:1/2"));
  // An employee reads no summary; a unit the tenant lacks is not found.
  sv1::GetKotakSummaryRequest req;
  req.set_year(kYear);
  req.set_month(kApril);
  sv1::KotakSummary out;
  EXPECT_TRUE(HasCode(scoring().GetKotakSummary(Ctx(Token(seeded_.kabid_p2p)).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(KotakTest, TheLowListHasExactlyTheLowBoxesWithLastMonthsBox) {
  sv1::ListLowKotakRequest req;
  req.set_year(kYear);
  req.set_month(kApril);
  sv1::ListLowKotakResponse resp;
  ASSERT_TRUE(Ok(scoring().ListLowKotak(Ctx(Admin()).get(), req, &resp)));
  ASSERT_EQ(resp.placements_size(), 1);
  const sv1::KotakPlacement& p = resp.placements(0);
  EXPECT_EQ(p.nip(), seeded_.staf_p2p);
  EXPECT_EQ(p.name(), "Budi Hartono");
  EXPECT_EQ(p.opd_code(), "DINKES");
  EXPECT_EQ(p.org_unit_code(), "DINKES.P2P");
  EXPECT_EQ(p.box(), 7);
  EXPECT_EQ(p.disiplin_percent(), "100.00");
  EXPECT_EQ(p.produktivitas_percent(), "50.00");
  EXPECT_EQ(p.previous_box(), 9);
  EXPECT_EQ(p.run_id(), april_.id());
  // March has no low box.
  req.set_month(3);
  ASSERT_TRUE(Ok(scoring().ListLowKotak(Ctx(Admin()).get(), req, &resp)));
  EXPECT_EQ(resp.placements_size(), 0);
}

TEST_F(KotakTest, TheStreamGivesEveryBoxOfTheMonthToAService) {
  sv1::StreamKotakRequest req;
  req.set_year(kYear);
  req.set_month(kApril);
  auto ctx = Ctx(ServiceToken());
  auto reader = scoring().StreamKotak(ctx.get(), req);
  std::vector<std::string> got;
  sv1::KotakPlacement p;
  while (reader->Read(&p))
    got.push_back(absl::StrCat(p.nip(), " ", p.box(), " ", p.previous_box()));
  ASSERT_TRUE(Ok(reader->Finish()));
  // By OPD, box, then NIP.
  EXPECT_THAT(got, ::testing::ElementsAre(seeded_.staf_p2p + " 7 9", seeded_.staf_s1_a + " 8 9",
                                          seeded_.kabid_p2p + " 9 9", seeded_.staf_s1_b + " 9 9"));

  auto employee = Ctx(Token(seeded_.staf_s1_a));
  auto refused = scoring().StreamKotak(employee.get(), req);
  while (refused->Read(&p)) {
  }
  EXPECT_TRUE(HasCode(refused->Finish(), grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(KotakTest, TheAnnualPerformanceHasTheEvaluationAndTheMonths) {
  EvaluateYear();
  const sv1::AnnualPerformance a = Annual(Token(seeded_.staf_s1_a), seeded_.staf_s1_a);
  EXPECT_EQ(a.nip(), seeded_.staf_s1_a);
  EXPECT_EQ(a.year(), kYear);
  EXPECT_EQ(a.model(), "PERMENPANRB_6_2022");
  EXPECT_EQ(a.rating_hasil_kerja(), "SESUAI_EKSPEKTASI");
  EXPECT_EQ(a.rating_perilaku(), "DI_ATAS_EKSPEKTASI");
  EXPECT_EQ(a.predikat(), "BAIK");
  EXPECT_EQ(a.nilai_prestasi_kerja(), "");
  EXPECT_EQ(a.annual_kotak(), 6);  // medium hasil kerja (row 1), high perilaku (column 2)
  // March: C 2,850,000 paid whole, PPh 5% 142,500, BPJS 1% 28,500: net 2,679,000. April: the
  // instrument of instrument_test.cc.
  ASSERT_EQ(a.months_size(), 2);
  EXPECT_EQ(a.months(0).month(), 3);
  EXPECT_EQ(a.months(0).run_id(), march_.id());
  EXPECT_EQ(a.months(0).run_status(), sv1::RUN_STATUS_DRAFT);
  EXPECT_EQ(a.months(0).gross_idr(), 2850000);
  EXPECT_EQ(a.months(0).net_idr(), 2679000);
  EXPECT_EQ(a.months(0).kotak(), 9);
  EXPECT_EQ(a.months(1).month(), 4);
  EXPECT_EQ(a.months(1).run_id(), april_.id());
  EXPECT_EQ(a.months(1).gross_idr(), 1883280);
  EXPECT_EQ(a.months(1).net_idr(), 1770283);
  EXPECT_EQ(a.months(1).kotak(), 8);
  EXPECT_EQ(a.year_gross_idr(), 2850000 + 1883280);
  EXPECT_EQ(a.year_net_idr(), 2679000 + 1770283);

  // Not evaluated: no model, no annual kotak, the months all the same.
  const sv1::AnnualPerformance b = Annual(Token(seeded_.kabid_p2p), seeded_.staf_s1_b);
  EXPECT_EQ(b.model(), "");
  EXPECT_EQ(b.annual_kotak(), 0);
  EXPECT_EQ(b.months_size(), 2);
  // March: C 2,850,000 paid whole, golongan II: no PPh, BPJS 28,500: net 2,821,500.
  EXPECT_EQ(b.year_net_idr(), 2821500 + 2652210);

  sv1::GetAnnualPerformanceRequest req;
  req.set_nip(seeded_.staf_s1_a);
  req.set_year(kYear);
  sv1::AnnualPerformance out;
  EXPECT_TRUE(
      HasCode(scoring().GetAnnualPerformance(Ctx(Token(seeded_.staf_s1_b)).get(), req, &out),
              grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(scoring().GetAnnualPerformance(Ctx(OtherAdmin()).get(), req, &out),
                      grpc::StatusCode::NOT_FOUND));
}

TEST_F(KotakTest, TheAnnualKotakCountsTheEvaluatedPerOpd) {
  EvaluateYear();
  sv1::GetAnnualKotakRequest req;
  req.set_year(kYear);
  sv1::KotakSummary out;
  ASSERT_TRUE(Ok(scoring().GetAnnualKotak(Ctx(Admin()).get(), req, &out)));
  EXPECT_EQ(out.month(), 0);
  ASSERT_EQ(out.opds_size(), 1);
  EXPECT_EQ(out.opds(0).opd_code(), "DINKES");
  EXPECT_THAT(Counted(out.total()), ::testing::ElementsAre("6:1/0"));
}

}  // namespace
}  // namespace ekinerja::scoring::it

#include "domain/tpp_rules.h"

#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::scoring {
namespace {

// The first violation's field, or "" when the rules are valid.
std::string FirstBadField(const TppRules& rules) {
  const absl::Status status = Validate(rules);
  if (status.ok()) return "";
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  return violations.empty() ? "(no violation)" : violations.front().field;
}

// DOMAIN §6/§7 defaults.
TEST(NationalDefaults, AreTheDomainFigures) {
  const TppRules r = NationalDefaults();
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.disiplin_bp, 4000);
  EXPECT_EQ(r.tl_bp, (std::array<int32_t, kTiers>{0, 50, 100, 125, 150}));
  EXPECT_EQ(r.psw_bp, (std::array<int32_t, kTiers>{0, 50, 100, 125, 150}));
  EXPECT_EQ(r.absence_bp.at("TANPA_KETERANGAN"), 300);
  EXPECT_EQ(r.absence_bp.at("IZIN"), 200);
  EXPECT_EQ(r.absence_bp.at("SAKIT"), 200);
  EXPECT_EQ(r.absence_bp.at("CUTI_SAKIT"), 0);
  EXPECT_EQ(r.absence_bp.at("CUTI_TAHUNAN"), 0);
  EXPECT_EQ(r.absence_bp.at("DINAS_LUAR"), 0);
  EXPECT_EQ(r.absence_bp.at("TUGAS_BELAJAR"), 0);
  EXPECT_EQ(r.productivity_model, ProductivityModel::kMinutes);
  EXPECT_EQ(r.assessment_bp.at("DI_ATAS_EKSPEKTASI"), 10000);
  EXPECT_EQ(r.assessment_bp.at("SESUAI_EKSPEKTASI"), 10000);
  EXPECT_EQ(r.assessment_bp.at("DI_BAWAH_EKSPEKTASI"), 7000);
  EXPECT_EQ(r.missing_report_bp, 200);
  EXPECT_EQ(r.hukuman_bp.at("RINGAN"), 2000);
  EXPECT_EQ(r.hukuman_bp.at("SEDANG"), 4000);
  EXPECT_EQ(r.hukuman_bp.at("BERAT"), 10000);
  EXPECT_EQ(r.pph_bp, (std::array<int32_t, 4>{0, 0, 500, 1500}));
  EXPECT_EQ(r.bpjs_employee_bp, 100);
  EXPECT_EQ(r.bpjs_employer_bp, 400);
  EXPECT_EQ(r.bpjs_base_cap_idr, 12000000);
  EXPECT_EQ(r.kotak_medium_bp, 7000);
  EXPECT_EQ(r.kotak_high_bp, 9000);
  EXPECT_EQ(r.ceilings.size(), 17u);
  EXPECT_EQ(r.ceilings.at(1), 1750000);
  EXPECT_EQ(r.ceilings.at(17), 27500000);
}

TEST(Validate, AcceptsTheNationalDefaults) { EXPECT_EQ(FirstBadField(NationalDefaults()), ""); }

TEST(Validate, RateEdgesOnBothSides) {
  TppRules r = NationalDefaults();
  r.tl_bp[3] = 10000;
  EXPECT_EQ(FirstBadField(r), "");
  r.tl_bp[3] = 10001;
  EXPECT_EQ(FirstBadField(r), "tl_bp[3]");
  r.tl_bp[3] = -1;
  EXPECT_EQ(FirstBadField(r), "tl_bp[3]");
  r = NationalDefaults();
  r.disiplin_bp = 0;
  EXPECT_EQ(FirstBadField(r), "");
  r.disiplin_bp = -1;
  EXPECT_EQ(FirstBadField(r), "disiplin_bp");
  r = NationalDefaults();
  r.absence_bp["IZIN"] = 10001;
  EXPECT_EQ(FirstBadField(r), "absence_bp[IZIN]");
  r = NationalDefaults();
  r.pph_bp[2] = 10001;
  EXPECT_EQ(FirstBadField(r), "pph_bp[2]");
  r = NationalDefaults();
  r.bpjs_employer_bp = 10001;
  EXPECT_EQ(FirstBadField(r), "bpjs_employer_bp");
}

TEST(Validate, TierZeroCostsNothing) {
  TppRules r = NationalDefaults();
  r.psw_bp[0] = 50;
  EXPECT_EQ(FirstBadField(r), "psw_bp[0]");
}

TEST(Validate, EveryKelasOneToSeventeenAndNoOther) {
  TppRules r = NationalDefaults();
  r.ceilings[18] = 30000000;
  EXPECT_EQ(FirstBadField(r), "ceilings[18]");
  r = NationalDefaults();
  r.ceilings[0] = 1;
  EXPECT_EQ(FirstBadField(r), "ceilings[0]");
  r = NationalDefaults();
  r.ceilings.erase(5);
  EXPECT_EQ(FirstBadField(r), "ceilings[5]");
}

TEST(Validate, MoneyIsNotNegative) {
  TppRules r = NationalDefaults();
  r.ceilings[5] = 0;
  EXPECT_EQ(FirstBadField(r), "");
  r.ceilings[5] = -1;
  EXPECT_EQ(FirstBadField(r), "ceilings[5]");
  r = NationalDefaults();
  r.position_ceilings["KADIS-01"] = -1;
  EXPECT_EQ(FirstBadField(r), "position_ceilings[KADIS-01]");
  r.position_ceilings["KADIS-01"] = 0;
  EXPECT_EQ(FirstBadField(r), "");
  r.position_ceilings[""] = 1;
  EXPECT_EQ(FirstBadField(r), "position_ceilings[]");
  r = NationalDefaults();
  r.bpjs_base_cap_idr = -1;
  EXPECT_EQ(FirstBadField(r), "bpjs_base_cap_idr");
}

TEST(Validate, RateTablesHaveExactlyTheirKeys) {
  TppRules r = NationalDefaults();
  r.absence_bp.erase("IZIN");
  EXPECT_EQ(FirstBadField(r), "absence_bp[IZIN]");
  r = NationalDefaults();
  r.absence_bp["CUTI_BERSAMA"] = 0;
  EXPECT_EQ(FirstBadField(r), "absence_bp[CUTI_BERSAMA]");
  r = NationalDefaults();
  r.assessment_bp.erase("SESUAI_EKSPEKTASI");
  r.assessment_bp["SESUAI"] = 10000;
  const std::vector<FieldViolation> v = FieldViolationsOf(Validate(r));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "assessment_bp[SESUAI_EKSPEKTASI]");
  EXPECT_EQ(v[0].description, "missing");
  EXPECT_EQ(v[1].field, "assessment_bp[SESUAI]");
  EXPECT_EQ(v[1].description, "unknown key");
  r = NationalDefaults();
  r.hukuman_bp.erase("BERAT");
  EXPECT_EQ(FirstBadField(r), "hukuman_bp[BERAT]");
}

TEST(Validate, KotakMediumNotAboveHigh) {
  TppRules r = NationalDefaults();
  r.kotak_medium_bp = 9000;
  EXPECT_EQ(FirstBadField(r), "");
  r.kotak_medium_bp = 9001;
  EXPECT_EQ(FirstBadField(r), "kotak_medium_bp");
}

// Each group at its first and last ruang; 0 for what is not a golongan.
TEST(GolonganGroup, EveryGroupAtItsEdges) {
  const std::pair<const char*, int> cases[] = {
      {"I/a", 1},   {"I/d", 1},   {"II/a", 2}, {"II/d", 2}, {"III/a", 3},
      {"III/b", 3}, {"III/d", 3}, {"IV/a", 4}, {"IV/e", 4}, {"", 0},
      {"III", 0},   {"III/e", 0}, {"IV/f", 0}, {"V/a", 0},  {"iii/b", 0}};
  for (const auto& [text, group] : cases) EXPECT_EQ(GolonganGroup(text), group) << text;
}

TEST(ProductivityModelNames, ReadBothWays) {
  for (ProductivityModel m : {ProductivityModel::kMinutes, ProductivityModel::kAssessment,
                              ProductivityModel::kApprovalRatio}) {
    EXPECT_EQ(ParseProductivityModel(ProductivityModelName(m)), m);
  }
  EXPECT_EQ(ProductivityModelName(ProductivityModel::kApprovalRatio), "APPROVAL_RATIO");
  EXPECT_EQ(ParseProductivityModel("minutes"), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::scoring

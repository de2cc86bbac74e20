#include "domain/instrument.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::scoring {
namespace {

// DOMAIN §6 "Order of computation", one step per group of tests, under the national defaults
// (DOMAIN §6) unless a test says otherwise. Every instrument must pass CheckTotals.

constexpr char kPos[] = "JF-UJI";

absl::CivilDay Apr(int d) { return absl::CivilDay(2026, 4, d); }

DayFacts Day(int d, std::string status) {
  DayFacts f;
  f.date = Apr(d);
  f.workday = true;
  f.status = std::move(status);
  f.has_check_in = f.has_check_out = f.status != "TANPA_KETERANGAN";
  return f;
}

// The rules with the test position's ceiling set to `ceiling`.
TppRules Rules(int64_t ceiling) {
  TppRules r = NationalDefaults();
  r.position_ceilings[kPos] = ceiling;
  return r;
}

// A clean month: the test position all 22 workdays, capaian 1, golongan III/a.
EmployeeMonth Month() {
  EmployeeMonth m;
  m.positions = {{kPos, 9, 22}};
  m.month_workdays = 22;
  m.capaian = Rational(1);
  m.golongan = "III/a";
  return m;
}

Instrument Compute(const TppRules& rules, const EmployeeMonth& month) {
  absl::StatusOr<Instrument> in = ComputeInstrument(rules, month);
  EXPECT_TRUE(in.ok()) << in.status();
  if (!in.ok()) return Instrument{};
  EXPECT_TRUE(CheckTotals(*in).ok()) << CheckTotals(*in);
  return *in;
}

std::string BadField(const TppRules& rules, const EmployeeMonth& month) {
  absl::StatusOr<Instrument> in = ComputeInstrument(rules, month);
  if (in.ok()) return "(ok)";
  EXPECT_EQ(in.status().code(), absl::StatusCode::kInvalidArgument);
  const std::vector<FieldViolation> v = FieldViolationsOf(in.status());
  return v.empty() ? "(no violation)" : v.front().field;
}

Line L(Part part, std::optional<absl::CivilDay> day, std::string rule, int32_t bp, int64_t base,
       int64_t amount) {
  return Line{part, day, std::move(rule), bp, base, amount};
}

// --- Step 1: the ceiling ------------------------------------------------------------------

TEST(OwesReport, WorkdaysPresentAndDinasLuarOnly) {
  for (const char* status :
       {"HADIR", "TERLAMBAT", "PULANG_CEPAT", "TERLAMBAT_DAN_PULANG_CEPAT", "DINAS_LUAR"}) {
    EXPECT_TRUE(OwesReport(Day(6, status))) << status;
  }
  for (const char* status : {"TANPA_KETERANGAN", "IZIN", "SAKIT", "CUTI", "TUGAS_BELAJAR"}) {
    EXPECT_FALSE(OwesReport(Day(6, status))) << status;
  }
  DayFacts off = Day(4, "HADIR");  // a Saturday someone punched on
  off.workday = false;
  EXPECT_FALSE(OwesReport(off));
}

TEST(CeilingStep, OverrideByCodeWinsOverKelas) {
  TppRules r = NationalDefaults();
  EmployeeMonth m = Month();
  EXPECT_EQ(Compute(r, m).ceiling_idr, 4250000);  // kelas 9 of the example table
  r.position_ceilings[kPos] = 20000000;
  EXPECT_EQ(Compute(r, m).ceiling_idr, 20000000);
}

TEST(CeilingStep, MidMonthPositionChangeProratedByWorkdays) {
  EmployeeMonth m = Month();
  m.positions = {{"STAF-9", 9, 10}, {"KASI-12", 12, 12}};
  const Instrument in = Compute(NationalDefaults(), m);
  ASSERT_EQ(in.ceiling_terms.size(), 2u);
  // 4.250.000 × 10/22 = 1.931.818,18 → 1.931.818; 6.750.000 × 12/22 = 3.681.818,18 → 3.681.818.
  EXPECT_EQ(in.ceiling_terms[0].ceiling_idr, 4250000);
  EXPECT_EQ(in.ceiling_terms[0].amount_idr, 1931818);
  EXPECT_EQ(in.ceiling_terms[1].position_code, "KASI-12");
  EXPECT_EQ(in.ceiling_terms[1].kelas_jabatan, 12);
  EXPECT_EQ(in.ceiling_terms[1].workdays_held, 12);
  EXPECT_EQ(in.ceiling_terms[1].amount_idr, 3681818);
  EXPECT_EQ(in.ceiling_idr, 5613636);
  // D = 5.613.636 × 40% = 2.245.454,4 → 2.245.454; P = 5.613.636 − 2.245.454 = 3.368.182.
  EXPECT_EQ(in.disiplin_idr, 2245454);
  EXPECT_EQ(in.produktivitas_idr, 3368182);
}

TEST(CeilingStep, EachTermRoundedOnItsOwnHalfUp) {
  TppRules r = NationalDefaults();
  r.position_ceilings = {{"A", 1000001}, {"B", 1000001}};
  EmployeeMonth m = Month();
  m.positions = {{"A", 9, 11}, {"B", 9, 11}};
  // 1.000.001 × 11/22 = 500.000,5 → 500.001 each, so C = 1.000.002 (one more than the ceiling:
  // the rule rounds each term, not the sum).
  const Instrument in = Compute(r, m);
  EXPECT_EQ(in.ceiling_terms[0].amount_idr, 500001);
  EXPECT_EQ(in.ceiling_terms[1].amount_idr, 500001);
  EXPECT_EQ(in.ceiling_idr, 1000002);
}

TEST(CeilingStep, PartOfTheMonthHeld) {
  EmployeeMonth m = Month();
  m.positions = {{kPos, 9, 21}};
  // 4.250.000 × 21/22 = 4.056.818,18 → 4.056.818.
  EXPECT_EQ(Compute(NationalDefaults(), m).ceiling_idr, 4056818);
  m.positions.clear();
  const Instrument none = Compute(NationalDefaults(), m);
  EXPECT_EQ(none.ceiling_idr, 0);
  EXPECT_EQ(none.net_idr, 0);
}

TEST(CeilingStep, RefusesInconsistentTerms) {
  const TppRules r = NationalDefaults();
  EmployeeMonth m = Month();
  m.positions = {{"A", 9, 11}, {"B", 9, 12}};  // 23 of 22
  EXPECT_EQ(BadField(r, m), "positions");
  m.positions = {{"A", 9, 11}, {"B", 9, 11}};  // 22 of 22
  EXPECT_EQ(BadField(r, m), "(ok)");
  m.positions = {{"A", 18, 22}};
  EXPECT_EQ(BadField(r, m), "positions[0].kelas_jabatan");
  m.positions = {{"A", 9, -1}};
  EXPECT_EQ(BadField(r, m), "positions[0].workdays_held");
  m = Month();
  m.month_workdays = 0;
  EXPECT_EQ(BadField(r, m), "month_workdays");
}

// --- Step 2: the split --------------------------------------------------------------------

TEST(SplitStep, OddRupiahSplitAddsUpToTheCeiling) {
  // 3.333.333 × 40% = 1.333.333,2 → 1.333.333; P = 2.000.000.
  const Instrument in = Compute(Rules(3333333), Month());
  EXPECT_EQ(in.disiplin_idr, 1333333);
  EXPECT_EQ(in.produktivitas_idr, 2000000);
  // Nothing deducted, golongan III: gross 3.333.333; PPh 5% = 166.666,65 → 166.667; BPJS 1% =
  // 33.333,33 → 33.333, employer 4% = 133.333,32 → 133.333; net = 3.333.333 − 166.667 − 33.333.
  EXPECT_EQ(in.disiplin_paid_idr, 1333333);
  EXPECT_EQ(in.produktivitas_paid_idr, 2000000);
  EXPECT_EQ(in.gross_idr, 3333333);
  EXPECT_EQ(in.pph21.amount_idr, 166667);
  EXPECT_EQ(in.bpjs_pegawai.amount_idr, 33333);
  EXPECT_EQ(in.bpjs_pemberi_kerja.amount_idr, 133333);
  EXPECT_EQ(in.net_idr, 3133333);
  // 1.000.003 × 40% = 400.001,2 → 400.001 and 999.998 × 40% = 399.999,2 → 399.999.
  EXPECT_EQ(Compute(Rules(1000003), Month()).disiplin_idr, 400001);
  EXPECT_EQ(Compute(Rules(1000003), Month()).produktivitas_idr, 600002);
  EXPECT_EQ(Compute(Rules(999998), Month()).disiplin_idr, 399999);
}

// --- Step 3: disiplin ---------------------------------------------------------------------

std::vector<Line> DayLines(const DayFacts& day, int64_t d = 1000000) {
  absl::StatusOr<std::vector<Line>> lines = DisiplinLinesOfDay(NationalDefaults(), day, d);
  EXPECT_TRUE(lines.ok()) << lines.status();
  return lines.ok() ? *lines : std::vector<Line>{};
}

TEST(DisiplinStep, EveryTlAndPswTier) {
  // D = 1.000.000: tier 1 0,5% = 5.000, 2 1% = 10.000, 3 1,25% = 12.500, 4 1,5% = 15.000.
  const int64_t amounts[] = {0, 5000, 10000, 12500, 15000};
  const int32_t rates[] = {0, 50, 100, 125, 150};
  DayFacts day = Day(6, "TERLAMBAT");
  EXPECT_TRUE(DayLines(day).empty());  // tier 0: on time, no line
  for (int tier = 1; tier < kTiers; ++tier) {
    day.tl_tier = tier;
    day.psw_tier = 0;
    EXPECT_EQ(DayLines(day),
              (std::vector<Line>{L(Part::kDisiplin, Apr(6), "TL_" + std::to_string(tier),
                                   rates[tier], 1000000, amounts[tier])}));
    day.tl_tier = 0;
    day.psw_tier = tier;
    EXPECT_EQ(DayLines(day),
              (std::vector<Line>{L(Part::kDisiplin, Apr(6), "PSW_" + std::to_string(tier),
                                   rates[tier], 1000000, amounts[tier])}));
  }
}

TEST(DisiplinStep, TierOutsideZeroToFourRefused) {
  const TppRules r = NationalDefaults();
  EmployeeMonth m = Month();
  m.days = {Day(6, "TERLAMBAT")};
  m.days[0].tl_tier = 5;
  EXPECT_EQ(BadField(r, m), "days[0].tl_tier");
  m.days[0].tl_tier = -1;
  EXPECT_EQ(BadField(r, m), "days[0].tl_tier");
  m.days[0].tl_tier = 4;
  EXPECT_EQ(BadField(r, m), "(ok)");
  m.days[0].psw_tier = 5;
  EXPECT_EQ(BadField(r, m), "days[0].psw_tier");
}

TEST(DisiplinStep, LateAndEarlyTheSameDayAreTwoLines) {
  DayFacts day = Day(7, "TERLAMBAT_DAN_PULANG_CEPAT");
  day.tl_tier = 3;
  day.psw_tier = 2;
  EXPECT_EQ(DayLines(day),
            (std::vector<Line>{L(Part::kDisiplin, Apr(7), "TL_3", 125, 1000000, 12500),
                               L(Part::kDisiplin, Apr(7), "PSW_2", 100, 1000000, 10000)}));
}

TEST(DisiplinStep, TanpaKeteranganCarriesOnlyItsOwnLine) {
  DayFacts day = Day(8, "TANPA_KETERANGAN");
  day.tl_tier = 4;  // whatever the tiers say
  day.psw_tier = 4;
  // 3% of 1.000.000 = 30.000, and no TL_4 / PSW_4.
  EXPECT_EQ(
      DayLines(day),
      (std::vector<Line>{L(Part::kDisiplin, Apr(8), "TANPA_KETERANGAN", 300, 1000000, 30000)}));
}

TEST(DisiplinStep, MissingCheckOutIsPswFourMissingCheckInTlFour) {
  DayFacts day = Day(9, "TERLAMBAT");
  day.tl_tier = 2;
  day.has_check_out = false;
  EXPECT_EQ(DayLines(day),
            (std::vector<Line>{L(Part::kDisiplin, Apr(9), "TL_2", 100, 1000000, 10000),
                               L(Part::kDisiplin, Apr(9), "PSW_4", 150, 1000000, 15000)}));
  day = Day(9, "HADIR");
  day.has_check_in = false;
  EXPECT_EQ(DayLines(day),
            (std::vector<Line>{L(Part::kDisiplin, Apr(9), "TL_4", 150, 1000000, 15000)}));
  day = Day(9, "HADIR");  // both punches: nothing
  EXPECT_TRUE(DayLines(day).empty());
}

TEST(DisiplinStep, AbsencesAtTheirRatesZeroRateNotEmitted) {
  DayFacts day = Day(10, "IZIN");
  day.absence_kind = "IZIN";
  EXPECT_EQ(DayLines(day),
            (std::vector<Line>{L(Part::kDisiplin, Apr(10), "IZIN", 200, 1000000, 20000)}));
  day = Day(10, "SAKIT");
  day.absence_kind = "SAKIT";  // without a doctor's letter
  EXPECT_EQ(DayLines(day),
            (std::vector<Line>{L(Part::kDisiplin, Apr(10), "SAKIT", 200, 1000000, 20000)}));
  for (const char* kind : {"CUTI_SAKIT", "CUTI_TAHUNAN", "DINAS_LUAR", "TUGAS_BELAJAR"}) {
    day.absence_kind = kind;
    EXPECT_TRUE(DayLines(day).empty()) << kind;
  }
}

TEST(DisiplinStep, NonWorkdayCarriesNothing) {
  DayFacts day = Day(11, "LIBUR");
  day.workday = false;
  day.tl_tier = 4;
  day.has_check_out = false;
  EXPECT_TRUE(DayLines(day).empty());
}

TEST(DisiplinStep, RefusesWhatItCannotRate) {
  const TppRules r = NationalDefaults();
  EmployeeMonth m = Month();
  m.days = {Day(6, "HADIR"), Day(7, "CUTI")};  // an absence status without its kind
  EXPECT_EQ(BadField(r, m), "days[1].absence_kind");
  m.days[1].absence_kind = "CUTI_BERSAMA";
  EXPECT_EQ(BadField(r, m), "days[1].absence_kind");
  m.days[1].absence_kind = "CUTI_BESAR";
  EXPECT_EQ(BadField(r, m), "(ok)");
  m.days[1] = Day(7, "PULANG");
  EXPECT_EQ(BadField(r, m), "days[1].status");
}

TEST(DisiplinStep, DeductionsAboveThePartPayZeroNeverNegative) {
  TppRules r = Rules(2500000);  // D = 1.000.000
  r.absence_bp["TANPA_KETERANGAN"] = 5000;
  EmployeeMonth m = Month();
  m.days = {Day(6, "TANPA_KETERANGAN"), Day(7, "TANPA_KETERANGAN")};
  // 2 × 500.000 = 1.000.000 = D: paid 0 exactly.
  EXPECT_EQ(Compute(r, m).disiplin_paid_idr, 0);
  m.days.push_back(Day(8, "TANPA_KETERANGAN"));
  // 3 × 500.000 = 1.500.000 > D: paid 0, not −500.000; the lines stay as they are.
  Instrument in = Compute(r, m);
  EXPECT_EQ(in.disiplin_lines.size(), 3u);
  EXPECT_EQ(in.disiplin_paid_idr, 0);
  EXPECT_EQ(in.gross_idr, 1500000);  // P untouched
  r.absence_bp["TANPA_KETERANGAN"] = 4999;
  // 3 × 499.900 = 1.499.700 > D still; 2 × 499.900 = 999.800 leaves 200.
  EXPECT_EQ(Compute(r, m).disiplin_paid_idr, 0);
  m.days.pop_back();
  EXPECT_EQ(Compute(r, m).disiplin_paid_idr, 200);
}

TEST(DisiplinStep, HalfRupiahRoundsUpOnceAtExactlyHalf) {
  // C = 3.333.250 → D = 1.333.300; TL 1 = 1.333.300 × 0,5% = 6.666,5 → 6.667.
  EmployeeMonth m = Month();
  m.days = {Day(6, "TERLAMBAT")};
  m.days[0].tl_tier = 1;
  Instrument in = Compute(Rules(3333250), m);
  EXPECT_EQ(in.disiplin_idr, 1333300);
  EXPECT_EQ(in.disiplin_lines[0].amount_idr, 6667);
  EXPECT_EQ(in.disiplin_paid_idr, 1326633);
  // C = 3.333.247 → D = 1.333.298,8 → 1.333.299; TL 1 = 6.666,495 → 6.666.
  in = Compute(Rules(3333247), m);
  EXPECT_EQ(in.disiplin_idr, 1333299);
  EXPECT_EQ(in.disiplin_lines[0].amount_idr, 6666);
}

// --- Step 4: produktivitas ----------------------------------------------------------------

TEST(ProduktivitasStep, CapaianAboveOneCapped) {
  EmployeeMonth m = Month();
  m.capaian = Rational(7000, 6750);
  const Instrument in = Compute(Rules(3333333), m);
  EXPECT_EQ(in.capaian.ToString(), "1");
  EXPECT_EQ(in.capaian_basis, "MINUTES");
  EXPECT_EQ(in.produktivitas_earned_idr, 2000000);
}

TEST(ProduktivitasStep, CapaianExactFraction) {
  EmployeeMonth m = Month();
  m.capaian = Rational(6000, 6750);
  // P = 3.333.250 − 1.333.300 = 1.999.950; × 8/9 = 1.777.733,33 → 1.777.733.
  const Instrument in = Compute(Rules(3333250), m);
  EXPECT_EQ(in.capaian.ToString(), "8/9");
  EXPECT_EQ(in.produktivitas_earned_idr, 1777733);
  EXPECT_EQ(in.produktivitas_paid_idr, 1777733);
  m.capaian = Rational(6750, 6750);  // exactly 1
  EXPECT_EQ(Compute(Rules(3333250), m).produktivitas_earned_idr, 1999950);
}

TEST(ProduktivitasStep, RefusesNegativeOrInvalidCapaian) {
  EmployeeMonth m = Month();
  m.capaian = Rational(-1, 6750);
  EXPECT_EQ(BadField(Rules(1000000), m), "capaian");
  m.capaian = Rational(1, 0);
  EXPECT_EQ(BadField(Rules(1000000), m), "capaian");
  m.capaian = Rational(0);
  EXPECT_EQ(BadField(Rules(1000000), m), "(ok)");
}

TEST(ProduktivitasStep, AssessmentModel) {
  TppRules r = Rules(3333333);  // P = 2.000.000
  r.productivity_model = ProductivityModel::kAssessment;
  EmployeeMonth m = Month();
  m.capaian = Rational(0);  // unused under this model
  m.rating = "DI_BAWAH_EKSPEKTASI";
  Instrument in = Compute(r, m);
  EXPECT_EQ(in.capaian.ToString(), "7/10");
  EXPECT_EQ(in.capaian_basis, "DI_BAWAH_EKSPEKTASI");
  EXPECT_EQ(in.produktivitas_earned_idr, 1400000);
  m.rating = "DI_ATAS_EKSPEKTASI";
  EXPECT_EQ(Compute(r, m).produktivitas_earned_idr, 2000000);
  m.rating = "";  // not rated yet: nothing earned, and the instrument says why
  in = Compute(r, m);
  EXPECT_EQ(in.capaian_basis, "BELUM_DINILAI");
  EXPECT_EQ(in.produktivitas_earned_idr, 0);
  m.rating = "BAIK";
  EXPECT_EQ(BadField(r, m), "rating");
}

TEST(ProduktivitasStep, ApprovalRatioModel) {
  TppRules r = Rules(3333333);
  r.productivity_model = ProductivityModel::kApprovalRatio;
  EmployeeMonth m = Month();
  m.capaian = Rational(19, 20);  // 2.000.000 × 19/20 = 1.900.000
  const Instrument in = Compute(r, m);
  EXPECT_EQ(in.capaian_basis, "APPROVAL_RATIO");
  EXPECT_EQ(in.produktivitas_earned_idr, 1900000);
}

TEST(ProduktivitasStep, MissingReportLinesAndFloorAtZero) {
  const TppRules r = Rules(2500000);  // P = 1.500.000; a missing report = 2% = 30.000
  EmployeeMonth m = Month();
  m.capaian = Rational(1, 5);  // earned 300.000
  for (int d = 6; d <= 17; ++d) m.days.push_back(Day(d, "HADIR"));
  for (int d = 6; d <= 14; ++d) m.days_without_report.push_back(Apr(d));
  Instrument in = Compute(r, m);  // 9 × 30.000 = 270.000 → paid 30.000
  EXPECT_EQ(in.produktivitas_lines.size(), 9u);
  EXPECT_EQ(in.produktivitas_lines[0],
            L(Part::kProduktivitas, Apr(6), "LAPORAN_TIDAK_ADA", 200, 1500000, 30000));
  EXPECT_EQ(in.produktivitas_paid_idr, 30000);
  m.days_without_report.push_back(Apr(15));  // 10 × 30.000 = 300.000 = earned → 0
  EXPECT_EQ(Compute(r, m).produktivitas_paid_idr, 0);
  m.days_without_report.push_back(Apr(16));  // 330.000 > earned → 0, not −30.000
  in = Compute(r, m);
  EXPECT_EQ(in.produktivitas_paid_idr, 0);
  EXPECT_EQ(in.gross_idr, 1000000);  // D untouched
}

TEST(ProduktivitasStep, MissingReportOnlyOnAWorkdayPresentOnce) {
  const TppRules r = Rules(1000000);
  EmployeeMonth m = Month();
  m.days = {Day(6, "HADIR"), Day(11, "LIBUR"), Day(8, "TANPA_KETERANGAN"), Day(9, "IZIN"),
            Day(10, "DINAS_LUAR")};
  m.days[1].workday = false;
  m.days[3].absence_kind = "IZIN";
  m.days[4].absence_kind = "DINAS_LUAR";
  m.days_without_report = {Apr(11)};
  EXPECT_EQ(BadField(r, m), "days_without_report[0]");
  m.days_without_report = {Apr(8)};  // its tanpa-keterangan line is the deduction
  EXPECT_EQ(BadField(r, m), "days_without_report[0]");
  m.days_without_report = {Apr(9)};
  EXPECT_EQ(BadField(r, m), "days_without_report[0]");
  m.days_without_report = {Apr(10), Apr(6)};  // dinas luar owes a report, like a day present
  EXPECT_EQ(BadField(r, m), "(ok)");
  m.days_without_report = {Apr(6), Apr(6)};
  EXPECT_EQ(BadField(r, m), "days_without_report[1]");
  m.days_without_report = {Apr(7)};  // not among the days at all
  EXPECT_EQ(BadField(r, m), "days_without_report[0]");
}

// --- Step 5: hukuman disiplin -------------------------------------------------------------

TEST(HukumanStep, RinganSedangBerat) {
  const TppRules r = Rules(3333333);  // nothing deducted before: base 3.333.333
  EmployeeMonth m = Month();
  m.hukuman = {"RINGAN", "SK-800/12/2026"};
  // 20% = 666.666,6 → 666.667; gross 2.666.666; PPh 5% = 133.333,3 → 133.333; BPJS 1% =
  // 26.666,66 → 26.667; net = 2.666.666 − 133.333 − 26.667 = 2.506.666.
  Instrument in = Compute(r, m);
  ASSERT_TRUE(in.hukuman.has_value());
  EXPECT_EQ(*in.hukuman, L(Part::kLain, std::nullopt, "HUKUMAN_RINGAN", 2000, 3333333, 666667));
  EXPECT_EQ(in.hukuman_reference, "SK-800/12/2026");
  EXPECT_EQ(in.gross_idr, 2666666);
  EXPECT_EQ(in.net_idr, 2506666);
  // 40% = 1.333.333,2 → 1.333.333; gross 2.000.000.
  m.hukuman.level = "SEDANG";
  EXPECT_EQ(Compute(r, m).gross_idr, 2000000);
  // 100%: gross 0, PPh and BPJS 0, net 0.
  m.hukuman.level = "BERAT";
  in = Compute(r, m);
  EXPECT_EQ(in.hukuman->amount_idr, 3333333);
  EXPECT_EQ(in.gross_idr, 0);
  EXPECT_EQ(in.pph21.amount_idr, 0);
  EXPECT_EQ(in.bpjs_pemberi_kerja.amount_idr, 0);
  EXPECT_EQ(in.net_idr, 0);
  m.hukuman.level = "";
  EXPECT_FALSE(Compute(r, m).hukuman.has_value());
  m.hukuman.level = "KERAS";
  EXPECT_EQ(BadField(r, m), "hukuman.level");
}

TEST(HukumanStep, NotPaidTakesEverythingInOneLine) {
  EmployeeMonth m = Month();
  m.not_paid = true;
  m.hukuman = {"RINGAN", "SK-1"};  // withheld already: no second line
  const Instrument in = Compute(Rules(3333333), m);
  EXPECT_EQ(in.disiplin_paid_idr, 1333333);  // the parts are still shown
  EXPECT_EQ(*in.hukuman, L(Part::kLain, std::nullopt, "TIDAK_DIBAYAR", 10000, 3333333, 3333333));
  EXPECT_EQ(in.gross_idr, 0);
  EXPECT_EQ(in.net_idr, 0);
}

// --- Step 6: PPh 21 and BPJS --------------------------------------------------------------

TEST(PotonganStep, PphByGolongan) {
  EmployeeMonth m = Month();  // gross 3.333.333, BPJS 33.333
  m.golongan = "I/a";
  EXPECT_EQ(Compute(Rules(3333333), m).pph21,
            L(Part::kPotongan, std::nullopt, "PPH21", 0, 3333333, 0));
  m.golongan = "II/d";
  EXPECT_EQ(Compute(Rules(3333333), m).net_idr, 3300000);
  m.golongan = "III/d";  // 5% = 166.666,65 → 166.667
  EXPECT_EQ(Compute(Rules(3333333), m).pph21.amount_idr, 166667);
  m.golongan = "IV/e";  // 15% = 499.999,95 → 500.000; net = 3.333.333 − 500.000 − 33.333
  const Instrument in = Compute(Rules(3333333), m);
  EXPECT_EQ(in.pph21, L(Part::kPotongan, std::nullopt, "PPH21", 1500, 3333333, 500000));
  EXPECT_EQ(in.net_idr, 2800000);
  m.golongan = "IV/f";
  EXPECT_EQ(BadField(Rules(3333333), m), "golongan");
}

TEST(PotonganStep, BpjsBelowAtAndAboveTheCap) {
  EmployeeMonth m = Month();
  m.golongan = "I/b";  // no PPh: gross − BPJS pegawai = net
  // Gross 11.999.999 (D = 4.799.999,6 → 4.800.000): 1% = 119.999,99 → 120.000 on the gross itself.
  Instrument in = Compute(Rules(11999999), m);
  EXPECT_EQ(in.bpjs_pegawai,
            L(Part::kPotongan, std::nullopt, "BPJS_PEGAWAI", 100, 11999999, 120000));
  EXPECT_EQ(in.bpjs_pemberi_kerja,
            L(Part::kPotongan, std::nullopt, "BPJS_PEMBERI_KERJA", 400, 11999999, 480000));
  EXPECT_EQ(in.net_idr, 11879999);
  // Exactly the cap.
  in = Compute(Rules(12000000), m);
  EXPECT_EQ(in.bpjs_pegawai.base_idr, 12000000);
  EXPECT_EQ(in.bpjs_pegawai.amount_idr, 120000);
  EXPECT_EQ(in.net_idr, 11880000);
  // One rupiah above: the base stays at the cap, employer 480.000 (reported, not deducted).
  in = Compute(Rules(12000001), m);
  EXPECT_EQ(in.bpjs_pegawai.base_idr, 12000000);
  EXPECT_EQ(in.bpjs_pegawai.amount_idr, 120000);
  EXPECT_EQ(in.bpjs_pemberi_kerja.amount_idr, 480000);
  EXPECT_EQ(in.net_idr, 11880001);
  // Well below: 1.000.000 → 10.000 and 40.000.
  in = Compute(Rules(1000000), m);
  EXPECT_EQ(in.bpjs_pegawai.amount_idr, 10000);
  EXPECT_EQ(in.bpjs_pemberi_kerja.amount_idr, 40000);
}

// --- A whole month ------------------------------------------------------------------------

TEST(ComputeInstrument, RealisticMonth) {
  // April 2026 as a 22-workday month (weekends LIBUR; holidays left out for the example), kelas
  // 9 of the example table (Rp 4.250.000), golongan III/c, minutes model with 6.100 of 6.750
  // target minutes approved, hukuman ringan in force.
  EmployeeMonth m;
  m.positions = {{"PELAKSANA-9", 9, 22}};
  m.month_workdays = 22;
  m.golongan = "III/c";
  m.capaian = Rational(6100, 6750);
  m.hukuman = {"RINGAN", "SK-BKPSDM-2026-014"};
  for (int d = 1; d <= 30; ++d) {
    const int weekday = (d + 2) % 7;  // 2026-04-01 is a Wednesday: 0 = Monday
    DayFacts day = Day(d, weekday >= 5 ? "LIBUR" : "HADIR");
    day.workday = weekday < 5;
    m.days.push_back(day);
  }
  m.days[5].status = "TERLAMBAT";  // Mon 6 April, 20 minutes late
  m.days[5].tl_tier = 1;
  m.days[13].status = "TERLAMBAT";  // Tue 14 April, 75 minutes late
  m.days[13].tl_tier = 3;
  m.days[14] = Day(15, "TANPA_KETERANGAN");  // Wed 15 April
  m.days[19] = Day(20, "IZIN");              // Mon 20 April
  m.days[19].absence_kind = "IZIN";
  m.days_without_report = {Apr(21)};  // Tue 21 April, present, no approved report

  const Instrument in = Compute(NationalDefaults(), m);
  // 1. C = 4.250.000 × 22/22 = 4.250.000.
  EXPECT_EQ(in.ceiling_idr, 4250000);
  // 2. D = 40% = 1.700.000; P = 2.550.000.
  EXPECT_EQ(in.disiplin_idr, 1700000);
  EXPECT_EQ(in.produktivitas_idr, 2550000);
  // 3. TL 1 0,5% = 8.500; TL 3 1,25% = 21.250; TK 3% = 51.000; izin 2% = 34.000; Σ 114.750;
  //    paid 1.700.000 − 114.750 = 1.585.250.
  EXPECT_EQ(in.disiplin_lines,
            (std::vector<Line>{L(Part::kDisiplin, Apr(6), "TL_1", 50, 1700000, 8500),
                               L(Part::kDisiplin, Apr(14), "TL_3", 125, 1700000, 21250),
                               L(Part::kDisiplin, Apr(15), "TANPA_KETERANGAN", 300, 1700000, 51000),
                               L(Part::kDisiplin, Apr(20), "IZIN", 200, 1700000, 34000)}));
  EXPECT_EQ(in.disiplin_paid_idr, 1585250);
  // 4. capaian 6.100/6.750 = 122/135; earned 2.550.000 × 122/135 = 2.304.444,44 → 2.304.444;
  //    one missing report 2% = 51.000; paid 2.253.444.
  EXPECT_EQ(in.capaian.ToString(), "122/135");
  EXPECT_EQ(in.produktivitas_earned_idr, 2304444);
  EXPECT_EQ(in.produktivitas_lines,
            (std::vector<Line>{
                L(Part::kProduktivitas, Apr(21), "LAPORAN_TIDAK_ADA", 200, 2550000, 51000)}));
  EXPECT_EQ(in.produktivitas_paid_idr, 2253444);
  // 5. base 1.585.250 + 2.253.444 = 3.838.694; ringan 20% = 767.738,8 → 767.739;
  //    gross 3.070.955.
  EXPECT_EQ(*in.hukuman, L(Part::kLain, std::nullopt, "HUKUMAN_RINGAN", 2000, 3838694, 767739));
  EXPECT_EQ(in.gross_idr, 3070955);
  // 6. PPh III 5% = 153.547,75 → 153.548; BPJS 1% = 30.709,55 → 30.710; employer 4% =
  //    122.838,2 → 122.838; net = 3.070.955 − 153.548 − 30.710 = 2.886.697.
  EXPECT_EQ(in.pph21.amount_idr, 153548);
  EXPECT_EQ(in.bpjs_pegawai.amount_idr, 30710);
  EXPECT_EQ(in.bpjs_pemberi_kerja.amount_idr, 122838);
  EXPECT_EQ(in.net_idr, 2886697);
  EXPECT_EQ(in.rule_set_version, 1);
}

// --- CheckTotals --------------------------------------------------------------------------

TEST(CheckTotals, FindsAFigureThatDoesNotAddUp) {
  EmployeeMonth m = Month();
  m.days = {Day(6, "TERLAMBAT")};
  m.days[0].tl_tier = 2;
  m.hukuman = {"SEDANG", "SK-2"};
  const Instrument good = Compute(Rules(3333333), m);
  ASSERT_TRUE(CheckTotals(good).ok());

  Instrument bad = good;
  bad.disiplin_paid_idr += 1;
  EXPECT_EQ(CheckTotals(bad).code(), absl::StatusCode::kInternal);
  EXPECT_NE(CheckTotals(bad).message().find("disiplin_paid_idr"), absl::string_view::npos);
  bad = good;
  bad.disiplin_lines[0].amount_idr += 1;  // no longer its rounded rate of its base
  EXPECT_NE(CheckTotals(bad).message().find("disiplin_lines[0].amount_idr"),
            absl::string_view::npos);
  bad = good;
  bad.ceiling_terms[0].amount_idr -= 1;
  EXPECT_NE(CheckTotals(bad).message().find("ceiling_terms[0]"), absl::string_view::npos);
  bad = good;
  bad.hukuman->base_idr += 1;
  EXPECT_NE(CheckTotals(bad).message().find("hukuman[0].base_idr"), absl::string_view::npos);
  bad = good;
  bad.net_idr -= 1;
  EXPECT_NE(CheckTotals(bad).message().find("net_idr"), absl::string_view::npos);
  bad = good;
  bad.bpjs_pegawai.amount_idr += 1;
  EXPECT_EQ(CheckTotals(bad).code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace ekinerja::scoring

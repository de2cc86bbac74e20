// A run's instruments: one employee's instrument line by line against a hand computation, the
// totals their sum, a recompute identical, and who reads them.

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "integration/scoring/scoring_fixture.h"

namespace ekinerja::scoring::it {
namespace {

// staf_s1_a's April under the national defaults (DOMAIN §6, order of computation):
//   1. C = 2,850,000 x 22/22 workdays held = 2,850,000 (kelas 6).
//   2. D = round(2,850,000 x 40%) = 1,140,000; P = 2,850,000 - 1,140,000 = 1,710,000.
//   3. Tue 7 TL tier 2: 1,140,000 x 1% = 11,400; Wed 8 tanpa keterangan: x 3% = 34,200;
//      Thu 9 izin: x 2% = 22,800; Fri 10 checked in, never out, PSW tier 4: x 1.5% = 17,100.
//      Σ 85,500; disiplin paid = 1,140,000 - 85,500 = 1,054,500.
//   4. earned = 1,710,000 x 4/5 = 1,368,000; Tue 14 and Wed 15 present without an approved
//      report: 1,710,000 x 2% = 34,200 each; paid = 1,368,000 - 68,400 = 1,299,600.
//   5. hukuman ringan 20% of (1,054,500 + 1,299,600 = 2,354,100) = 470,820;
//      gross = 2,354,100 - 470,820 = 1,883,280.
//   6. PPh 21 III 5%: 94,164; BPJS 1% 18,832.8 -> 18,833 and 4% 75,331.2 -> 75,331;
//      net = 1,883,280 - 94,164 - 18,833 = 1,770,283.
//   kotak: disiplin 1,054,500 / 1,140,000 = 92.50% (high, >= 90), produktivitas
//      1,299,600 / 1,710,000 = 76.00% (medium, 70-89): box 3 x 2 + 1 + 1 = 8.
constexpr char kStafS1aApril[] = R"pb(
  run_status: RUN_STATUS_DRAFT
  run_version: 1
  year: 2026
  month: 4
  name: "Dewi Lestari"
  golongan: "III/a"
  org_unit_code: "DINKES.P2P.S1"
  opd_code: "DINKES"
  rules_version: 0
  month_workdays: 22
  ceiling_terms {
    position_code: "DINKES.P2P.S1.STAF"
    kelas_jabatan: 6
    position_ceiling_idr: 2850000
    workdays_held: 22
    amount_idr: 2850000
  }
  ceiling_idr: 2850000
  disiplin_idr: 1140000
  produktivitas_idr: 1710000
  disiplin_lines {
    part: PART_DISIPLIN
    date { year: 2026 month: 4 day: 7 }
    rule: "TL_2"
    description: "Terlambat 31-60 menit"
    rate_bp: 100
    base_idr: 1140000
    amount_idr: 11400
  }
  disiplin_lines {
    part: PART_DISIPLIN
    date { year: 2026 month: 4 day: 8 }
    rule: "TANPA_KETERANGAN"
    description: "Tidak masuk tanpa keterangan"
    rate_bp: 300
    base_idr: 1140000
    amount_idr: 34200
  }
  disiplin_lines {
    part: PART_DISIPLIN
    date { year: 2026 month: 4 day: 9 }
    rule: "IZIN"
    description: "Izin"
    rate_bp: 200
    base_idr: 1140000
    amount_idr: 22800
  }
  disiplin_lines {
    part: PART_DISIPLIN
    date { year: 2026 month: 4 day: 10 }
    rule: "PSW_4"
    description: "Pulang sebelum waktunya lebih dari 90 menit atau tidak absen pulang"
    rate_bp: 150
    base_idr: 1140000
    amount_idr: 17100
  }
  disiplin_paid_idr: 1054500
  capaian_basis: "MINUTES"
  capaian_numerator: 4
  capaian_denominator: 5
  capaian_percent: "80.00"
  produktivitas_earned_idr: 1368000
  produktivitas_lines {
    part: PART_PRODUKTIVITAS
    date { year: 2026 month: 4 day: 14 }
    rule: "LAPORAN_TIDAK_ADA"
    description: "Hadir tanpa laporan kegiatan harian yang disetujui"
    rate_bp: 200
    base_idr: 1710000
    amount_idr: 34200
  }
  produktivitas_lines {
    part: PART_PRODUKTIVITAS
    date { year: 2026 month: 4 day: 15 }
    rule: "LAPORAN_TIDAK_ADA"
    description: "Hadir tanpa laporan kegiatan harian yang disetujui"
    rate_bp: 200
    base_idr: 1710000
    amount_idr: 34200
  }
  produktivitas_paid_idr: 1299600
  hukuman {
    part: PART_LAIN
    rule: "HUKUMAN_RINGAN"
    description: "Hukuman disiplin ringan"
    rate_bp: 2000
    base_idr: 2354100
    amount_idr: 470820
  }
  hukuman_reference: "SK 800/12/2026"
  gross_idr: 1883280
  pph21 {
    part: PART_POTONGAN
    rule: "PPH21"
    description: "PPh 21"
    rate_bp: 500
    base_idr: 1883280
    amount_idr: 94164
  }
  bpjs_employee {
    part: PART_POTONGAN
    rule: "BPJS_PEGAWAI"
    description: "BPJS Kesehatan (dipotong dari pegawai)"
    rate_bp: 100
    base_idr: 1883280
    amount_idr: 18833
  }
  bpjs_employer {
    part: PART_POTONGAN
    rule: "BPJS_PEMBERI_KERJA"
    description: "BPJS Kesehatan (dibayar pemberi kerja, tidak dipotong)"
    rate_bp: 400
    base_idr: 1883280
    amount_idr: 75331
  }
  net_idr: 1770283
  kotak: 8
  disiplin_percent: "92.50"
  produktivitas_percent: "76.00"
)pb";

int64_t SumOf(const google::protobuf::RepeatedPtrField<sv1::Line>& lines) {
  int64_t sum = 0;
  for (const sv1::Line& l : lines) sum += l.amount_idr();
  return sum;
}

class InstrumentTest : public ScoringTest {
 protected:
  void SetUp() override {
    ScoringTest::SetUp();
    if (HasFatalFailure()) return;
    SeedApril();
    run_ = CreateRun(kYear, kApril);
  }
  sv1::Instrument Expected() {
    sv1::Instrument out;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kStafS1aApril, &out));
    out.set_run_id(run_.id());
    out.set_nip(seeded_.staf_s1_a);
    return out;
  }
  grpc::Status Get(const std::string& token, const std::string& nip, sv1::Instrument* out) {
    sv1::GetInstrumentRequest req;
    req.set_nip(nip);
    req.set_year(kYear);
    req.set_month(kApril);
    return scoring().GetInstrument(Ctx(token).get(), req, out);
  }
  sv1::ListInstrumentsResponse Page(const std::string& unit, int size, const std::string& token) {
    sv1::ListInstrumentsRequest req;
    req.set_run_id(run_.id());
    req.set_org_unit_code(unit);
    req.set_page_size(size);
    req.set_page_token(token);
    sv1::ListInstrumentsResponse resp;
    EXPECT_TRUE(Ok(scoring().ListInstruments(Ctx(Token(integration::kAuditor)).get(), req, &resp)));
    return resp;
  }

  sv1::TppRun run_;
};

TEST_F(InstrumentTest, TheRunIsADraftWithTheHandComputedTotals) {
  EXPECT_EQ(run_.status(), sv1::RUN_STATUS_DRAFT);
  EXPECT_EQ(run_.version(), 1);
  EXPECT_EQ(run_.corrects_run_id(), 0);
  EXPECT_EQ(run_.org_unit_code(), kRunUnit);
  EXPECT_EQ(run_.rules_version(), 0);
  EXPECT_EQ(run_.created_by(), integration::kTenantAdmin);
  EXPECT_TRUE(run_.has_compute_time());
  EXPECT_EQ(run_.skipped_size(), 0);
  EXPECT_TRUE(SameMessage(run_.totals(), AprilTotals())) << run_.totals().DebugString();
}

TEST_F(InstrumentTest, OneEmployeesInstrumentIsTheHandComputedOneLineByLine) {
  const sv1::Instrument got = InstrumentOf(seeded_.staf_s1_a, kYear, kApril);
  const sv1::Instrument want = Expected();
  EXPECT_TRUE(SameMessage(got, want)) << got.DebugString();
  // The statement adds up: C = D + P, paid = part - Σ lines, gross and net from the lines.
  EXPECT_EQ(got.disiplin_idr() + got.produktivitas_idr(), got.ceiling_idr());
  EXPECT_EQ(got.disiplin_idr() - SumOf(got.disiplin_lines()), got.disiplin_paid_idr());
  EXPECT_EQ(got.produktivitas_earned_idr() - SumOf(got.produktivitas_lines()),
            got.produktivitas_paid_idr());
  EXPECT_EQ(got.disiplin_paid_idr() + got.produktivitas_paid_idr() - got.hukuman().amount_idr(),
            got.gross_idr());
  EXPECT_EQ(got.gross_idr() - got.pph21().amount_idr() - got.bpjs_employee().amount_idr(),
            got.net_idr());
}

TEST_F(InstrumentTest, TheInstrumentsAddUpToTheRunsTotals) {
  sv1::RunTotals sum;
  for (const std::string& nip :
       {seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a, seeded_.staf_s1_b}) {
    const sv1::Instrument i = InstrumentOf(nip, kYear, kApril);
    sum.set_employees(sum.employees() + 1);
    sum.set_ceiling_idr(sum.ceiling_idr() + i.ceiling_idr());
    sum.set_disiplin_paid_idr(sum.disiplin_paid_idr() + i.disiplin_paid_idr());
    sum.set_produktivitas_paid_idr(sum.produktivitas_paid_idr() + i.produktivitas_paid_idr());
    sum.set_hukuman_idr(sum.hukuman_idr() + i.hukuman().amount_idr());
    sum.set_gross_idr(sum.gross_idr() + i.gross_idr());
    sum.set_pph21_idr(sum.pph21_idr() + i.pph21().amount_idr());
    sum.set_bpjs_employee_idr(sum.bpjs_employee_idr() + i.bpjs_employee().amount_idr());
    sum.set_bpjs_employer_idr(sum.bpjs_employer_idr() + i.bpjs_employer().amount_idr());
    sum.set_net_idr(sum.net_idr() + i.net_idr());
  }
  EXPECT_TRUE(SameMessage(sum, run_.totals())) << sum.DebugString();
  // Nobody else of the tenant has an instrument of this run.
  sv1::Instrument out;
  sv1::GetInstrumentRequest req;
  req.set_nip(seeded_.staf_yankes);
  req.set_year(kYear);
  req.set_month(kApril);
  EXPECT_TRUE(
      HasCode(scoring().GetInstrument(Ctx(Admin()).get(), req, &out), grpc::StatusCode::NOT_FOUND));
}

TEST_F(InstrumentTest, ARecomputeFromTheSameInputsGivesTheSameInstrumentsToTheRupiah) {
  const sv1::Instrument before = InstrumentOf(seeded_.staf_s1_a, kYear, kApril);
  sv1::RecomputeTppRunRequest req;
  req.set_id(run_.id());
  sv1::TppRun again;
  ASSERT_TRUE(Ok(scoring().RecomputeTppRun(Ctx(Admin()).get(), req, &again)));
  EXPECT_EQ(again.status(), sv1::RUN_STATUS_DRAFT);
  EXPECT_TRUE(SameMessage(again.totals(), run_.totals()));
  EXPECT_TRUE(SameMessage(InstrumentOf(seeded_.staf_s1_a, kYear, kApril), before));
  EXPECT_EQ(Count("instruments"), 4);
  // Only the admin recomputes.
  EXPECT_TRUE(HasCode(scoring().RecomputeTppRun(Ctx(Token(kVerifier)).get(), req, &again),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(InstrumentTest, APositionChangedMidMonthSharesTheCeilingByWorkdaysHeld) {
  // staf_s1_b moves to DINKES.P2P.STAF (kelas 7) from Thu 16 April: 11 workdays held in each
  // (1-15: 1-3, 6-10, 13-15; 16-30: 16-17, 20-24, 27-30). C = round(2,850,000 x 11/22) +
  // round(3,250,000 x 11/22) = 1,425,000 + 1,625,000 = 3,050,000; D 1,220,000, P 1,830,000;
  // earned 1,830,000 x 9/10 = 1,647,000; gross 2,867,000; golongan II: no PPh; BPJS 28,670;
  // net 2,838,330. Their unit at the end of the month is DINKES.P2P.
  directory().Move(seeded_.code, seeded_.staf_s1_b, "DINKES.P2P.STAF", absl::CivilDay(2026, 4, 16));
  sv1::RecomputeTppRunRequest req;
  req.set_id(run_.id());
  sv1::TppRun again;
  ASSERT_TRUE(Ok(scoring().RecomputeTppRun(Ctx(Admin()).get(), req, &again)));
  const sv1::Instrument i = InstrumentOf(seeded_.staf_s1_b, kYear, kApril);
  ASSERT_EQ(i.ceiling_terms_size(), 2);
  EXPECT_EQ(i.ceiling_terms(0).position_code(), "DINKES.P2P.S1.STAF");
  EXPECT_EQ(i.ceiling_terms(0).kelas_jabatan(), 6);
  EXPECT_EQ(i.ceiling_terms(0).position_ceiling_idr(), 2850000);
  EXPECT_EQ(i.ceiling_terms(0).workdays_held(), 11);
  EXPECT_EQ(i.ceiling_terms(0).amount_idr(), 1425000);
  EXPECT_EQ(i.ceiling_terms(1).position_code(), "DINKES.P2P.STAF");
  EXPECT_EQ(i.ceiling_terms(1).kelas_jabatan(), 7);
  EXPECT_EQ(i.ceiling_terms(1).position_ceiling_idr(), 3250000);
  EXPECT_EQ(i.ceiling_terms(1).workdays_held(), 11);
  EXPECT_EQ(i.ceiling_terms(1).amount_idr(), 1625000);
  EXPECT_EQ(i.month_workdays(), 22);
  EXPECT_EQ(i.ceiling_idr(), 3050000);
  EXPECT_EQ(i.disiplin_idr(), 1220000);
  EXPECT_EQ(i.produktivitas_earned_idr(), 1647000);
  EXPECT_EQ(i.gross_idr(), 2867000);
  EXPECT_EQ(i.bpjs_employee().amount_idr(), 28670);
  EXPECT_EQ(i.net_idr(), 2838330);
  EXPECT_EQ(i.org_unit_code(), "DINKES.P2P");
  EXPECT_EQ(again.totals().ceiling_idr(), AprilTotals().ceiling_idr() + 200000);
}

TEST_F(InstrumentTest, TheEmployeeAndTheirSupervisorsReadItAndNobodyElse) {
  sv1::Instrument out;
  EXPECT_TRUE(Ok(Get(Token(seeded_.staf_s1_a), seeded_.staf_s1_a, &out)));
  EXPECT_EQ(out.net_idr(), 1770283);
  EXPECT_TRUE(Ok(Get(Token(seeded_.staf_p2p), seeded_.staf_s1_a, &out)));   // Plt Kasi S1
  EXPECT_TRUE(Ok(Get(Token(seeded_.kabid_p2p), seeded_.staf_s1_a, &out)));  // Kabid P2P
  EXPECT_TRUE(Ok(Get(Token(integration::kOpdAdmin), seeded_.staf_s1_a, &out)));
  EXPECT_TRUE(HasCode(Get(Token(seeded_.staf_s1_b), seeded_.staf_s1_a, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Get(Token(seeded_.staf_yankes), seeded_.staf_s1_a, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  // The subordinate does not read the supervisor's.
  EXPECT_TRUE(HasCode(Get(Token(seeded_.staf_s1_a), seeded_.kabid_p2p, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  // Another tenant: its admin does not find the NIP, its supervisor may not read it.
  EXPECT_TRUE(HasCode(Get(OtherAdmin(), seeded_.staf_s1_a, &out), grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(Get(OtherSupervisor(), seeded_.staf_s1_a, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(InstrumentTest, ListInstrumentsPagesByUnitThenNipAndFiltersASubtree) {
  // Order: OPD DINKES, then unit DINKES.P2P (kabid_p2p, staf_p2p), DINKES.P2P.S1 (s1_a, s1_b).
  const sv1::ListInstrumentsResponse first = Page("", 2, "");
  ASSERT_EQ(first.instruments_size(), 2);
  EXPECT_EQ(first.instruments(0).nip(), seeded_.kabid_p2p);
  EXPECT_EQ(first.instruments(1).nip(), seeded_.staf_p2p);
  EXPECT_EQ(first.instruments(0).disiplin_lines_size(), 0);  // without their lines
  EXPECT_EQ(first.instruments(0).net_idr(), 5670000);
  EXPECT_EQ(first.instruments(1).kotak(), 7);
  ASSERT_FALSE(first.next_page_token().empty());
  const sv1::ListInstrumentsResponse second = Page("", 2, first.next_page_token());
  ASSERT_EQ(second.instruments_size(), 2);
  EXPECT_EQ(second.instruments(0).nip(), seeded_.staf_s1_a);
  EXPECT_EQ(second.instruments(1).nip(), seeded_.staf_s1_b);
  EXPECT_EQ(second.instruments(0).produktivitas_lines_size(), 0);
  EXPECT_EQ(second.instruments(0).net_idr(), 1770283);
  EXPECT_EQ(second.next_page_token(), "");

  const sv1::ListInstrumentsResponse s1 = Page("DINKES.P2P.S1", 100, "");
  ASSERT_EQ(s1.instruments_size(), 2);
  EXPECT_EQ(s1.instruments(0).nip(), seeded_.staf_s1_a);
  EXPECT_EQ(s1.instruments(1).nip(), seeded_.staf_s1_b);
  EXPECT_EQ(s1.next_page_token(), "");
  // A page of one list is no page of another.
  sv1::ListInstrumentsRequest req;
  req.set_run_id(run_.id());
  req.set_org_unit_code("DINKES.P2P.S1");
  req.set_page_token(first.next_page_token());
  sv1::ListInstrumentsResponse resp;
  const grpc::Status st = scoring().ListInstruments(Ctx(Admin()).get(), req, &resp);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ::testing::ElementsAre("page_token"));
  // An employee lists no run.
  req.clear_page_token();
  EXPECT_TRUE(HasCode(scoring().ListInstruments(Ctx(Token(seeded_.kabid_p2p)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(InstrumentTest, ThePayrollFileIsTheExactCsvOfTheRun) {
  sv1::ExportPayrollRequest req;
  req.set_run_id(run_.id());
  google::api::HttpBody body;
  ASSERT_TRUE(Ok(scoring().ExportPayroll(Ctx(Token(kVerifier)).get(), req, &body)));
  EXPECT_EQ(body.content_type(), "text/csv; charset=utf-8");
  const std::string expected = absl::StrCat(
      "nip,nama,golongan,opd,unit,plafon,disiplin_dibayar,produktivitas_dibayar,"
      "potongan_hukuman,bruto,pph21,bpjs_pegawai,bpjs_pemberi_kerja,netto\r\n",
      seeded_.kabid_p2p,
      ",Sri Wahyuni,IV/a,DINKES,DINKES.P2P,6750000,2700000,4050000,0,6750000,1012500,67500,"
      "270000,5670000\r\n",
      seeded_.staf_p2p,
      ",Budi Hartono,III/c,DINKES,DINKES.P2P,3250000,1300000,975000,0,2275000,113750,22750,"
      "91000,2138500\r\n",
      seeded_.staf_s1_a,
      ",Dewi Lestari,III/a,DINKES,DINKES.P2P.S1,2850000,1054500,1299600,470820,1883280,94164,"
      "18833,75331,1770283\r\n",
      seeded_.staf_s1_b,
      ",Eko Prasetyo,II/c,DINKES,DINKES.P2P.S1,2850000,1140000,1539000,0,2679000,0,26790,"
      "107160,2652210\r\n");
  EXPECT_EQ(body.data(), expected);
  // Tenant-wide roles only; another tenant does not find the run.
  EXPECT_TRUE(HasCode(scoring().ExportPayroll(Ctx(Token(seeded_.kabid_p2p)).get(), req, &body),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(scoring().ExportPayroll(Ctx(OtherAdmin()).get(), req, &body),
                      grpc::StatusCode::NOT_FOUND));
}

}  // namespace
}  // namespace ekinerja::scoring::it

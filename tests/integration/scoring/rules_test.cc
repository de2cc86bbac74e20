// TPP rule sets: the national defaults, versions in force from their date, request ids, bad input,
// rights and tenants.

#include "google/protobuf/text_format.h"
#include "integration/scoring/scoring_fixture.h"

namespace ekinerja::scoring::it {
namespace {

// DOMAIN §6's defaults as the API shows them: version 0, in force since 2000-01-01.
constexpr char kDefaults[] = R"pb(
  effective_from { year: 2000 month: 1 day: 1 }
  kelas_ceilings { kelas_jabatan: 1 ceiling_idr: 1750000 }
  kelas_ceilings { kelas_jabatan: 2 ceiling_idr: 1900000 }
  kelas_ceilings { kelas_jabatan: 3 ceiling_idr: 2050000 }
  kelas_ceilings { kelas_jabatan: 4 ceiling_idr: 2300000 }
  kelas_ceilings { kelas_jabatan: 5 ceiling_idr: 2550000 }
  kelas_ceilings { kelas_jabatan: 6 ceiling_idr: 2850000 }
  kelas_ceilings { kelas_jabatan: 7 ceiling_idr: 3250000 }
  kelas_ceilings { kelas_jabatan: 8 ceiling_idr: 3700000 }
  kelas_ceilings { kelas_jabatan: 9 ceiling_idr: 4250000 }
  kelas_ceilings { kelas_jabatan: 10 ceiling_idr: 4900000 }
  kelas_ceilings { kelas_jabatan: 11 ceiling_idr: 5700000 }
  kelas_ceilings { kelas_jabatan: 12 ceiling_idr: 6750000 }
  kelas_ceilings { kelas_jabatan: 13 ceiling_idr: 8250000 }
  kelas_ceilings { kelas_jabatan: 14 ceiling_idr: 10500000 }
  kelas_ceilings { kelas_jabatan: 15 ceiling_idr: 14000000 }
  kelas_ceilings { kelas_jabatan: 16 ceiling_idr: 19500000 }
  kelas_ceilings { kelas_jabatan: 17 ceiling_idr: 27500000 }
  disiplin_bp: 4000
  tl_tier_bp: [ 0, 50, 100, 125, 150 ]
  psw_tier_bp: [ 0, 50, 100, 125, 150 ]
  absence_rates { kind: "TANPA_KETERANGAN" rate_bp: 300 }
  absence_rates { kind: "IZIN" rate_bp: 200 }
  absence_rates { kind: "SAKIT" rate_bp: 200 }
  absence_rates { kind: "CUTI_TAHUNAN" rate_bp: 0 }
  absence_rates { kind: "CUTI_BESAR" rate_bp: 0 }
  absence_rates { kind: "CUTI_SAKIT" rate_bp: 0 }
  absence_rates { kind: "CUTI_MELAHIRKAN" rate_bp: 0 }
  absence_rates { kind: "CUTI_ALASAN_PENTING" rate_bp: 0 }
  absence_rates { kind: "DINAS_LUAR" rate_bp: 0 }
  absence_rates { kind: "TUGAS_BELAJAR" rate_bp: 0 }
  productivity_model: PRODUCTIVITY_MODEL_MINUTES
  assessment_di_atas_bp: 10000
  assessment_sesuai_bp: 10000
  assessment_di_bawah_bp: 7000
  missing_report_bp: 200
  hukuman_ringan_bp: 2000
  hukuman_sedang_bp: 4000
  hukuman_berat_bp: 10000
  pph21_golongan_bp: [ 0, 0, 500, 1500 ]
  bpjs_employee_bp: 100
  bpjs_employer_bp: 400
  bpjs_base_cap_idr: 12000000
  kotak_medium_from_bp: 7000
  kotak_high_from_bp: 9000
  version: 0
)pb";

sv1::TppRules Defaults() {
  sv1::TppRules out;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kDefaults, &out));
  return out;
}

class RulesTest : public ScoringTest {
 protected:
  sv1::TppRules RulesOn(absl::CivilDay day, const std::string& token = "") {
    sv1::GetTppRulesRequest req;
    *req.mutable_date() = Date(day);
    sv1::TppRules out;
    EXPECT_TRUE(Ok(scoring().GetTppRules(Ctx(token.empty() ? Admin() : token).get(), req, &out)));
    return out;
  }
  std::vector<sv1::TppRules> Listed(const std::string& token) {
    sv1::ListTppRulesResponse resp;
    EXPECT_TRUE(Ok(scoring().ListTppRules(Ctx(token).get(), {}, &resp)));
    return {resp.rules().begin(), resp.rules().end()};
  }
  // The defaults from 2026-04-01 with a disiplin part of 50%.
  sv1::CreateTppRulesRequest April(const std::string& request_id = "rules-1") {
    sv1::CreateTppRulesRequest req;
    *req.mutable_rules() = Defaults();
    *req.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 4, 1));
    req.mutable_rules()->set_disiplin_bp(5000);
    req.set_request_id(request_id);
    return req;
  }
};

TEST_F(RulesTest, WithoutARuleSetTheNationalDefaultsAreInForceAsVersionZero) {
  EXPECT_TRUE(SameMessage(RulesOn(absl::CivilDay(2026, 4, 1)), Defaults()))
      << RulesOn(absl::CivilDay(2026, 4, 1)).DebugString();
  // Without a date: today (2026-05-05), the same.
  sv1::TppRules today;
  ASSERT_TRUE(Ok(scoring().GetTppRules(Ctx(Token(seeded_.staf_s1_a)).get(), {}, &today)));
  EXPECT_TRUE(SameMessage(today, Defaults()));
  EXPECT_THAT(Listed(Admin()), ::testing::IsEmpty());
}

TEST_F(RulesTest, ANewVersionIsInForceFromItsDateAndListed) {
  sv1::TppRules created;
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), April(), &created)));
  EXPECT_EQ(created.version(), 1);
  EXPECT_TRUE(created.has_create_time());
  sv1::TppRules expected = April().rules();
  expected.set_version(1);
  *expected.mutable_create_time() = created.create_time();
  EXPECT_TRUE(SameMessage(created, expected)) << created.DebugString();

  // The day before: still the defaults; from its date on: version 1.
  EXPECT_TRUE(SameMessage(RulesOn(absl::CivilDay(2026, 3, 31)), Defaults()));
  EXPECT_EQ(RulesOn(absl::CivilDay(2026, 4, 1)).version(), 1);
  EXPECT_EQ(RulesOn(absl::CivilDay(2026, 4, 1)).disiplin_bp(), 5000);
  EXPECT_EQ(RulesOn(absl::CivilDay(2027, 1, 1)).version(), 1);

  const std::vector<sv1::TppRules> listed = Listed(Token(kVerifier));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(SameMessage(listed[0], created));

  // A second version from May: in force from May, April keeps version 1; newest first.
  sv1::CreateTppRulesRequest may = April("rules-2");
  *may.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 5, 1));
  sv1::TppRules second;
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), may, &second)));
  EXPECT_EQ(second.version(), 2);
  EXPECT_EQ(RulesOn(absl::CivilDay(2026, 4, 30)).version(), 1);
  EXPECT_EQ(RulesOn(absl::CivilDay(2026, 5, 1)).version(), 2);
  ASSERT_EQ(Listed(Admin()).size(), 2u);
  EXPECT_EQ(Listed(Admin())[0].version(), 2);
  EXPECT_EQ(Listed(Admin())[1].version(), 1);
}

TEST_F(RulesTest, ARetryWithTheSameRequestIdAnswersTheFirstAndOtherInputIsRefused) {
  sv1::TppRules first, replay;
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), April(), &first)));
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), April(), &replay)));
  EXPECT_TRUE(SameMessage(first, replay));
  EXPECT_EQ(Count("rules"), 1);

  sv1::CreateTppRulesRequest other = April();
  *other.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 5, 1));
  sv1::TppRules out;
  const grpc::Status st = scoring().CreateTppRules(Ctx(Admin()).get(), other, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ::testing::ElementsAre("request_id"));
  EXPECT_EQ(Count("rules"), 1);
}

TEST_F(RulesTest, TwoCreatesWithoutARequestIdMakeTwoVersions) {
  // The request id is optional: without one nothing is recorded and nothing is replayed.
  sv1::TppRules april, may;
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), April(""), &april)));
  sv1::CreateTppRulesRequest req = April("");
  *req.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 5, 1));
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), req, &may)));
  EXPECT_EQ(april.version(), 1);
  EXPECT_EQ(may.version(), 2);
  EXPECT_EQ(may.effective_from().month(), 5);
  EXPECT_EQ(Count("rules"), 2);
  EXPECT_EQ(Count("request_keys"), 0);
  EXPECT_EQ(Count("audit_log WHERE action = 'CreateTppRules'"), 2);
}

TEST_F(RulesTest, TwoVersionsOnOneDateAreRefused) {
  sv1::TppRules out;
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), April("a"), &out)));
  const grpc::Status st = scoring().CreateTppRules(Ctx(Admin()).get(), April("b"), &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(Count("rules"), 1);
}

TEST_F(RulesTest, EveryBadFieldIsNamedOnTheRequestsPathAndNothingIsWritten) {
  sv1::CreateTppRulesRequest req = April();
  sv1::TppRules* r = req.mutable_rules();
  r->mutable_kelas_ceilings()->RemoveLast();  // kelas 17 missing
  r->set_tl_tier_bp(2, 10001);
  r->mutable_absence_rates(0)->set_kind("BOLOS");
  r->set_productivity_model(sv1::PRODUCTIVITY_MODEL_UNSPECIFIED);
  r->set_kotak_medium_from_bp(9500);  // above kotak_high_from_bp 9000
  sv1::TppRules out;
  const grpc::Status st = scoring().CreateTppRules(Ctx(Admin()).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ::testing::ElementsAre("rules.kelas_ceilings", "rules.tl_tier_bp[2]",
                                     "rules.absence_rates[0].kind", "rules.productivity_model",
                                     "rules.kotak_medium_from_bp"));
  EXPECT_EQ(Count("rules"), 0);

  // The edges: 10000 bp is allowed, kotak bands equal are allowed; no effective_from is not.
  sv1::CreateTppRulesRequest edge = April();
  edge.mutable_rules()->set_tl_tier_bp(2, 10000);
  edge.mutable_rules()->set_kotak_medium_from_bp(9000);
  EXPECT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), edge, &out)));
  sv1::CreateTppRulesRequest undated = April("undated");
  undated.mutable_rules()->clear_effective_from();
  const grpc::Status no_date = scoring().CreateTppRules(Ctx(Admin()).get(), undated, &out);
  EXPECT_TRUE(HasCode(no_date, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(no_date), ::testing::ElementsAre("rules.effective_from"));
  EXPECT_EQ(Count("rules"), 1);
}

TEST_F(RulesTest, OnlyTheTenantAdminCreatesAVersion) {
  sv1::TppRules out;
  for (const std::string& who :
       {seeded_.staf_s1_a, std::string(kVerifier), std::string(integration::kAuditor)}) {
    EXPECT_TRUE(HasCode(scoring().CreateTppRules(Ctx(Token(who)).get(), April(), &out),
                        grpc::StatusCode::PERMISSION_DENIED))
        << who;
  }
  EXPECT_EQ(Count("rules"), 0);
}

TEST_F(RulesTest, AnotherTenantNeverSeesThisTenantsVersions) {
  sv1::TppRules out;
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), April(), &out)));
  EXPECT_THAT(Listed(OtherAdmin()), ::testing::IsEmpty());
  EXPECT_TRUE(SameMessage(RulesOn(absl::CivilDay(2026, 4, 1), OtherAdmin()), Defaults()));
  // Its own first version is its version 1 too, from the same date.
  ASSERT_TRUE(Ok(scoring().CreateTppRules(Ctx(OtherAdmin()).get(), April(), &out)));
  EXPECT_EQ(out.version(), 1);
  EXPECT_EQ(Listed(Admin()).size(), 1u);
}

}  // namespace
}  // namespace ekinerja::scoring::it

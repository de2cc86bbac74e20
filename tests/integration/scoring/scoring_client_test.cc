// The shared Scoring client (services/common/clients/scoring_kotak.h) against the real scoring
// service over gRPC: a month's kotak and the TPP rules in force; and the fake of tests/mocks held
// to the same answers (the contract the warning service's tests rely on).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "civil.h"
#include "clients/scoring_kotak.h"
#include "fake_scoring.h"
#include "integration/scoring/scoring_fixture.h"
#include "status.h"

namespace ekinerja::scoring::it {
namespace {

// The error as "CODE field,field".
std::string DescribeError(const absl::Status& st) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(st)) fields.push_back(v.field);
  return absl::StrCat(absl::StatusCodeToString(st.code()), " ", absl::StrJoin(fields, ","));
}

// "nip org_unit opd box previous run" of each placement, or the error.
std::string Kotak(clients::Scoring& scoring, const std::string& token, int year, int month,
                  const std::string& unit = "") {
  std::vector<std::string> got;
  const absl::Status st =
      scoring.StreamKotak(token, year, month, unit, [&](const clients::KotakPlacement& p) {
        got.push_back(absl::StrCat(p.nip, " ", p.org_unit_code, " ", p.opd_code, " ", p.box, " ",
                                   p.previous_box, " ", p.run_id));
      });
  if (!st.ok()) return DescribeError(st);
  return absl::StrJoin(got, "; ");
}

// "version effective_from disiplin missing_report", or the error.
std::string Rules(clients::Scoring& scoring, const std::string& token, absl::CivilDay day) {
  absl::StatusOr<clients::TppRuleSummary> r = scoring.TppRulesOn(token, day);
  if (!r.ok()) return DescribeError(r.status());
  return absl::StrCat(r->version, " ", FormatDate(r->effective_from), " ", r->disiplin_bp, " ",
                      r->missing_report_bp);
}

// March and April of DINKES.P2P computed as in kotak_test.cc: in March everyone in box 9; in
// April staf_p2p 7, staf_s1_a 8, kabid_p2p and staf_s1_b 9.
class ScoringClientTest : public ScoringTest {
 protected:
  void SetUp() override {
    ScoringTest::SetUp();
    if (HasFatalFailure()) return;
    SeedFullMonth(absl::CivilMonth(kYear, 3));
    march_ = CreateRun(kYear, 3);
    SeedApril();
    april_ = CreateRun(kYear, kApril);
    client_ = clients::MakeScoringClient(Channel());
  }

  // The defaults from 2026-04-01 with a missing report at 2.5% and a disiplin part of 50%.
  sv1::TppRules CreateAprilRules() {
    sv1::GetTppRulesRequest get;
    *get.mutable_date() = Date(absl::CivilDay(2026, 3, 1));
    sv1::CreateTppRulesRequest req;
    EXPECT_TRUE(Ok(scoring().GetTppRules(Ctx(Admin()).get(), get, req.mutable_rules())));
    req.mutable_rules()->clear_version();
    *req.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 4, 1));
    req.mutable_rules()->set_disiplin_bp(5000);
    req.mutable_rules()->set_missing_report_bp(250);
    req.set_request_id("rules-april");
    sv1::TppRules created;
    EXPECT_TRUE(Ok(scoring().CreateTppRules(Ctx(Admin()).get(), req, &created)));
    return created;
  }

  sv1::TppRun march_, april_;
  std::unique_ptr<clients::Scoring> client_;
};

TEST_F(ScoringClientTest, TheClientReadsTheMonthsBoxesAsScoringPlacedThem) {
  const std::string run = std::to_string(april_.id());
  // By OPD, box, then NIP; last month's box beside each.
  EXPECT_EQ(Kotak(*client_, ServiceToken(), kYear, kApril),
            absl::StrCat(seeded_.staf_p2p, " DINKES.P2P DINKES 7 9 ", run, "; ",  //
                         seeded_.staf_s1_a, " DINKES.P2P.S1 DINKES 8 9 ", run, "; ",
                         seeded_.kabid_p2p, " DINKES.P2P DINKES 9 9 ", run, "; ", seeded_.staf_s1_b,
                         " DINKES.P2P.S1 DINKES 9 9 ", run));
  EXPECT_EQ(Kotak(*client_, Token(integration::kAuditor), kYear, kApril, "DINKES.P2P.S1"),
            absl::StrCat(seeded_.staf_s1_a, " DINKES.P2P.S1 DINKES 8 9 ", run, "; ",
                         seeded_.staf_s1_b, " DINKES.P2P.S1 DINKES 9 9 ", run));
  // A month without a run: an empty stream, OK.
  EXPECT_EQ(Kotak(*client_, ServiceToken(), kYear, 6), "");
}

TEST_F(ScoringClientTest, RefusalsPassThroughTheClient) {
  EXPECT_EQ(Kotak(*client_, Token(seeded_.staf_s1_a), kYear, kApril), "PERMISSION_DENIED ");
  EXPECT_EQ(Kotak(*client_, Token(seeded_.kabid_p2p), kYear, kApril), "PERMISSION_DENIED ");
  EXPECT_EQ(Kotak(*client_, ServiceToken(), 1999, 13), "INVALID_ARGUMENT year,month");
  // Another tenant has no run of the month.
  EXPECT_EQ(Kotak(*client_, OtherAdmin(), kYear, kApril), "");
  EXPECT_EQ(Rules(*client_, "", absl::CivilDay(2026, 4, 1)), "UNAUTHENTICATED ");
}

TEST_F(ScoringClientTest, TheClientReadsTheRulesInForceOnADay) {
  EXPECT_EQ(Rules(*client_, ServiceToken(), absl::CivilDay(2026, 4, 1)), "0 2000-01-01 4000 200");
  const sv1::TppRules created = CreateAprilRules();
  ASSERT_EQ(created.version(), 1);
  EXPECT_EQ(Rules(*client_, ServiceToken(), absl::CivilDay(2026, 3, 31)), "0 2000-01-01 4000 200");
  EXPECT_EQ(Rules(*client_, ServiceToken(), absl::CivilDay(2026, 4, 1)), "1 2026-04-01 5000 250");
  // Any caller of the tenant reads them; another tenant its own (the defaults).
  EXPECT_EQ(Rules(*client_, Token(seeded_.staf_s1_a), absl::CivilDay(2026, 5, 5)),
            "1 2026-04-01 5000 250");
  EXPECT_EQ(Rules(*client_, OtherAdmin(), absl::CivilDay(2026, 5, 5)), "0 2000-01-01 4000 200");
}

// The fake answers as scoring does, told the placements and rules scoring holds.
TEST_F(ScoringClientTest, TheFakeAnswersAsTheRealService) {
  CreateAprilRules();
  mocks::FakeScoring fake(directory());
  for (int month : {3, kApril}) {
    ASSERT_TRUE(
        client_
            ->StreamKotak(ServiceToken(), kYear, month, "",
                          [&](const clients::KotakPlacement& p) { fake.Place(kYear, month, p); })
            .ok());
  }
  clients::TppRuleSummary april;
  april.version = 1;
  april.effective_from = absl::CivilDay(2026, 4, 1);
  april.disiplin_bp = 5000;
  april.missing_report_bp = 250;
  fake.SetRules(april);

  for (const std::string& token :
       {ServiceToken(), Admin(), Token(integration::kAuditor), Token(seeded_.staf_s1_a)}) {
    for (int month : {3, kApril, 5}) {
      for (const std::string& unit : {std::string(), std::string("DINKES.P2P.S1")}) {
        SCOPED_TRACE(absl::StrCat(month, " ", unit));
        EXPECT_EQ(Kotak(*client_, token, kYear, month, unit),
                  Kotak(fake, token, kYear, month, unit));
      }
    }
    for (absl::CivilDay day : {absl::CivilDay(2026, 3, 31), absl::CivilDay(2026, 4, 1)}) {
      EXPECT_EQ(Rules(*client_, token, day), Rules(fake, token, day));
    }
  }
  EXPECT_EQ(Kotak(*client_, ServiceToken(), 1999, 13), Kotak(fake, ServiceToken(), 1999, 13));
  EXPECT_EQ(fake.CallCount("StreamKotak"), 4 * 3 * 2 + 1);
}

}  // namespace
}  // namespace ekinerja::scoring::it

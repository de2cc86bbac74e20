// Hukuman disiplin: create, list, revoke, with rights, tenants and bad input.

#include "absl/strings/str_cat.h"
#include "integration/scoring/scoring_fixture.h"

namespace ekinerja::scoring::it {
namespace {

using ::testing::ElementsAre;

class SanctionTest : public ScoringTest {
 protected:
  sv1::CreateSanctionRequest Ringan() {
    return SanctionReq(seeded_.staf_s1_a, sv1::SANCTION_LEVEL_RINGAN, absl::CivilDay(2026, 4, 1),
                       absl::CivilDay(2026, 6, 30), "SK Bupati 800/12/2026");
  }
  sv1::Sanction Create() {
    sv1::Sanction out;
    EXPECT_TRUE(Ok(scoring().CreateSanction(Ctx(Admin()).get(), Ringan(), &out)));
    return out;
  }
  grpc::Status List(const std::string& token, const std::string& nip, absl::CivilDay start,
                    absl::CivilDay end, sv1::ListSanctionsResponse* out) {
    sv1::ListSanctionsRequest req;
    req.set_nip(nip);
    *req.mutable_start_date() = Date(start);
    *req.mutable_end_date() = Date(end);
    return scoring().ListSanctions(Ctx(token).get(), req, out);
  }
  grpc::Status Revoke(const std::string& token, int64_t id, const std::string& reason,
                      sv1::Sanction* out) {
    sv1::RevokeSanctionRequest req;
    req.set_id(id);
    req.set_reason(reason);
    return scoring().RevokeSanction(Ctx(token).get(), req, out);
  }
};

TEST_F(SanctionTest, TheAdminEntersOneAndTheEmployeeListsTheirOwn) {
  const sv1::Sanction created = Create();
  EXPECT_GT(created.id(), 0);
  EXPECT_EQ(created.nip(), seeded_.staf_s1_a);
  EXPECT_EQ(created.level(), sv1::SANCTION_LEVEL_RINGAN);
  EXPECT_EQ(created.start_date().month(), 4);
  EXPECT_EQ(created.end_date().month(), 6);
  EXPECT_EQ(created.end_date().day(), 30);
  EXPECT_EQ(created.reference(), "SK Bupati 800/12/2026");
  EXPECT_FALSE(created.revoked());
  EXPECT_EQ(created.created_by(), integration::kTenantAdmin);

  // In force on its last day, not the day after; nor on the day before its first.
  sv1::ListSanctionsResponse mine;
  ASSERT_TRUE(Ok(List(Token(seeded_.staf_s1_a), seeded_.staf_s1_a, absl::CivilDay(2026, 6, 30),
                      absl::CivilDay(2026, 7, 31), &mine)));
  ASSERT_EQ(mine.sanctions_size(), 1);
  EXPECT_EQ(mine.sanctions(0).id(), created.id());
  EXPECT_TRUE(Ok(List(Token(seeded_.staf_s1_a), seeded_.staf_s1_a, absl::CivilDay(2026, 7, 1),
                      absl::CivilDay(2026, 7, 31), &mine)));
  EXPECT_EQ(mine.sanctions_size(), 0);
  EXPECT_TRUE(Ok(List(Token(seeded_.staf_s1_a), seeded_.staf_s1_a, absl::CivilDay(2026, 3, 1),
                      absl::CivilDay(2026, 3, 31), &mine)));
  EXPECT_EQ(mine.sanctions_size(), 0);

  // The tenant's list (tenant-wide roles); the retry with the same request id answers the first.
  sv1::ListSanctionsResponse all;
  ASSERT_TRUE(Ok(List(Token(integration::kAuditor), "", absl::CivilDay(2026, 1, 1),
                      absl::CivilDay(2026, 12, 31), &all)));
  ASSERT_EQ(all.sanctions_size(), 1);
  sv1::CreateSanctionRequest again = Ringan();
  again.set_request_id("same");
  sv1::Sanction first, replay;
  ASSERT_TRUE(Ok(scoring().CreateSanction(Ctx(Admin()).get(), again, &first)));
  ASSERT_TRUE(Ok(scoring().CreateSanction(Ctx(Admin()).get(), again, &replay)));
  EXPECT_EQ(replay.id(), first.id());
  EXPECT_EQ(Count("sanctions"), 2);
}

TEST_F(SanctionTest, TwoCreatesWithoutARequestIdMakeTwo) {
  // The request id is optional: without one nothing is recorded and nothing is replayed.
  sv1::CreateSanctionRequest req = Ringan();
  req.clear_request_id();
  sv1::Sanction first, second;
  ASSERT_TRUE(Ok(scoring().CreateSanction(Ctx(Admin()).get(), req, &first)));
  ASSERT_TRUE(Ok(scoring().CreateSanction(Ctx(Admin()).get(), req, &second)));
  EXPECT_GT(first.id(), 0);
  EXPECT_NE(second.id(), first.id());
  EXPECT_EQ(Count("sanctions"), 2);
  EXPECT_EQ(Count("request_keys"), 0);
  EXPECT_EQ(Count("audit_log WHERE action = 'CreateSanction'"), 2);
}

TEST_F(SanctionTest, OnlyTheAdminWritesAndOthersReadWhatIdentityLetsThem) {
  sv1::Sanction out;
  EXPECT_TRUE(HasCode(scoring().CreateSanction(Ctx(Token(seeded_.kabid_p2p)).get(), Ringan(), &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(scoring().CreateSanction(Ctx(Token(kVerifier)).get(), Ringan(), &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("sanctions"), 0);
  const sv1::Sanction created = Create();

  sv1::ListSanctionsResponse resp;
  // The supervisor reads it; another employee does not, nor the whole tenant's list.
  EXPECT_TRUE(Ok(List(Token(seeded_.kabid_p2p), seeded_.staf_s1_a, absl::CivilDay(2026, 4, 1),
                      absl::CivilDay(2026, 4, 30), &resp)));
  EXPECT_EQ(resp.sanctions_size(), 1);
  EXPECT_TRUE(HasCode(List(Token(seeded_.staf_yankes), seeded_.staf_s1_a,
                           absl::CivilDay(2026, 4, 1), absl::CivilDay(2026, 4, 30), &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(List(Token(seeded_.staf_s1_a), "", absl::CivilDay(2026, 4, 1),
                           absl::CivilDay(2026, 4, 30), &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Revoke(Token(seeded_.staf_s1_a), created.id(), "salah input", &out),
                      grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(SanctionTest, AnotherTenantsAdminFindsNeitherTheEmployeeNorTheSanction) {
  const sv1::Sanction created = Create();
  sv1::Sanction out;
  EXPECT_TRUE(HasCode(scoring().CreateSanction(Ctx(OtherAdmin()).get(), Ringan(), &out),
                      grpc::StatusCode::NOT_FOUND));
  sv1::ListSanctionsResponse resp;
  EXPECT_TRUE(HasCode(List(OtherAdmin(), seeded_.staf_s1_a, absl::CivilDay(2026, 4, 1),
                           absl::CivilDay(2026, 4, 30), &resp),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(
      Ok(List(OtherAdmin(), "", absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 12, 31), &resp)));
  EXPECT_EQ(resp.sanctions_size(), 0);
  EXPECT_TRUE(HasCode(Revoke(OtherAdmin(), created.id(), "salah input", &out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("sanctions WHERE revoked"), 0);
  EXPECT_EQ(Count("sanctions"), 1);
}

TEST_F(SanctionTest, EveryBadFieldIsNamedAndNothingIsWritten) {
  sv1::CreateSanctionRequest req = Ringan();
  req.mutable_sanction()->set_nip("19800101");
  req.mutable_sanction()->set_level(sv1::SANCTION_LEVEL_UNSPECIFIED);
  *req.mutable_sanction()->mutable_end_date() =
      Date(absl::CivilDay(2026, 3, 31));  // before its start
  req.mutable_sanction()->set_reference("");
  sv1::Sanction out;
  const grpc::Status st = scoring().CreateSanction(Ctx(Admin()).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("sanction.nip", "sanction.level", "sanction.end_date",
                                              "sanction.reference"));
  // A one-day sanction (end = start) is fine.
  sv1::CreateSanctionRequest one_day = Ringan();
  *one_day.mutable_sanction()->mutable_end_date() = Date(absl::CivilDay(2026, 4, 1));
  EXPECT_TRUE(Ok(scoring().CreateSanction(Ctx(Admin()).get(), one_day, &out)));
  EXPECT_EQ(Count("sanctions"), 1);

  sv1::CreateSanctionRequest unknown = Ringan();
  unknown.mutable_sanction()->set_nip(Other().staf_s1_a);  // not of this tenant
  EXPECT_TRUE(HasCode(scoring().CreateSanction(Ctx(Admin()).get(), unknown, &out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(Count("sanctions"), 1);

  const grpc::Status bad_revoke = Revoke(Admin(), 0, "", &out);
  EXPECT_TRUE(HasCode(bad_revoke, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(bad_revoke), ElementsAre("id", "reason"));
}

TEST_F(SanctionTest, ARevokedSanctionStaysListedAndIsNotRevokedTwice) {
  const sv1::Sanction created = Create();
  sv1::Sanction revoked;
  // A reason is 1-500 characters.
  const grpc::Status too_long = Revoke(Admin(), created.id(), std::string(501, 'x'), &revoked);
  EXPECT_TRUE(HasCode(too_long, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(too_long), ElementsAre("reason"));
  ASSERT_TRUE(Ok(Revoke(Admin(), created.id(), std::string(500, 'x'), &revoked)));
  EXPECT_TRUE(revoked.revoked());
  EXPECT_EQ(revoked.id(), created.id());
  const grpc::Status twice = Revoke(Admin(), created.id(), "SK dibatalkan", &revoked);
  EXPECT_EQ(twice.error_message(), absl::StrCat("sanction ", created.id(), " is revoked"));
  EXPECT_TRUE(HasCode(twice, grpc::StatusCode::FAILED_PRECONDITION));
  sv1::ListSanctionsResponse resp;
  ASSERT_TRUE(Ok(List(Admin(), seeded_.staf_s1_a, absl::CivilDay(2026, 4, 1),
                      absl::CivilDay(2026, 4, 30), &resp)));
  ASSERT_EQ(resp.sanctions_size(), 1);
  EXPECT_TRUE(resp.sanctions(0).revoked());
  EXPECT_TRUE(HasCode(Revoke(Admin(), created.id() + 1, "tidak ada", &revoked),
                      grpc::StatusCode::NOT_FOUND));
}

}  // namespace
}  // namespace ekinerja::scoring::it

// The shared SkpEvaluations client's StreamSkpStatus (services/common/clients/skp_evaluations.h)
// against the real SKP service over gRPC, and the fake of tests/mocks held to the same answers
// (the contract the warning service's tests rely on).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/skp_evaluations.h"
#include "date_proto.h"
#include "fake_skp_evaluations.h"
#include "integration/skp/skp_fixture.h"
#include "status.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;

// "nip skp_id STATUS approved_revision submit? approve?" of each status, or the error as
// "CODE field,field".
std::string Describe(clients::SkpEvaluations& skp, const std::string& token, int year,
                     const std::string& unit) {
  std::vector<std::string> got;
  const absl::Status st =
      skp.StreamSkpStatus(token, year, unit, [&](const clients::SkpYearStatus& s) {
        got.push_back(absl::StrCat(s.nip, " ", s.skp_id, " ", s.status, " ", s.approved_revision,
                                   s.first_submit_time ? " submitted" : "",
                                   s.first_approve_time ? " approved" : ""));
      });
  if (!st.ok()) {
    std::vector<std::string> fields;
    for (const FieldViolation& v : FieldViolationsOf(st)) fields.push_back(v.field);
    return absl::StrCat(absl::StatusCodeToString(st.code()), " ", absl::StrJoin(fields, ","));
  }
  return absl::StrJoin(got, "; ");
}

class SkpStatusClientTest : public SkpTest {
 protected:
  void SetUp() override {
    SkpTest::SetUp();
    if (HasFatalFailure()) return;
    // kadis and kabid_p2p approved; staf_p2p submitted; staf_yankes a draft.
    ApproveChainDownTo(seeded_.kabid_p2p);
    ASSERT_FALSE(HasFatalFailure());
    submitted_ = Submit(Plan(Create(seeded_.staf_p2p), approved_[seeded_.kabid_p2p].rhks(0).id()));
    draft_ = Create(seeded_.staf_yankes);
    client_ = clients::MakeSkpEvaluationsClient(Channel());
  }

  sv1::Skp submitted_, draft_;
  std::unique_ptr<clients::SkpEvaluations> client_;
};

TEST_F(SkpStatusClientTest, TheClientReadsEveryStatusOfTheYearAsSkpServesIt) {
  std::vector<clients::SkpYearStatus> got;
  ASSERT_TRUE(client_
                  ->StreamSkpStatus(ServiceToken(), kYear, "",
                                    [&](const clients::SkpYearStatus& s) { got.push_back(s); })
                  .ok());
  ASSERT_EQ(got.size(), 4u);
  // NIP order: kadis, kabid_p2p, staf_p2p, staf_yankes (seed_org.h).
  const sv1::Skp& kadis = approved_[seeded_.kadis];
  const sv1::Skp& kabid = approved_[seeded_.kabid_p2p];
  EXPECT_EQ(got[0].nip, seeded_.kadis);
  EXPECT_EQ(got[0].skp_id, kadis.id());
  EXPECT_EQ(got[0].status, "APPROVED");
  EXPECT_GT(got[0].approved_revision, 0);
  EXPECT_EQ(got[1].nip, seeded_.kabid_p2p);
  EXPECT_EQ(got[1].skp_id, kabid.id());
  EXPECT_EQ(got[1].status, "APPROVED");
  EXPECT_EQ(got[2].nip, seeded_.staf_p2p);
  EXPECT_EQ(got[2].skp_id, submitted_.id());
  EXPECT_EQ(got[2].status, "SUBMITTED");
  EXPECT_EQ(got[2].approved_revision, 0);
  EXPECT_TRUE(got[2].first_submit_time.has_value());
  EXPECT_FALSE(got[2].first_approve_time.has_value());
  EXPECT_EQ(got[3].nip, seeded_.staf_yankes);
  EXPECT_EQ(got[3].skp_id, draft_.id());
  EXPECT_EQ(got[3].status, "DRAFT");
  EXPECT_EQ(got[3].approved_revision, 0);
  EXPECT_FALSE(got[3].first_submit_time.has_value());
  EXPECT_FALSE(got[3].first_approve_time.has_value());

  // Field by field as SKP served them, the instants to the nanosecond.
  sv1::StreamSkpStatusRequest req;
  req.set_year(kYear);
  auto ctx = Ctx(ServiceToken());
  auto reader = skp().StreamSkpStatus(ctx.get(), req);
  sv1::SkpStatusEntry e;
  size_t i = 0;
  for (; reader->Read(&e); ++i) {
    ASSERT_LT(i, got.size());
    SCOPED_TRACE(e.nip());
    EXPECT_EQ(got[i].nip, e.nip());
    EXPECT_EQ(got[i].approved_revision, e.approved_revision());
    EXPECT_EQ(got[i].first_submit_time.has_value(), e.has_first_submit_time());
    if (e.has_first_submit_time()) {
      EXPECT_EQ(*got[i].first_submit_time, FromProtoTimestamp(e.first_submit_time()));
    }
    EXPECT_EQ(got[i].first_approve_time.has_value(), e.has_first_approve_time());
    if (e.has_first_approve_time()) {
      EXPECT_EQ(*got[i].first_approve_time, FromProtoTimestamp(e.first_approve_time()));
    }
  }
  ASSERT_TRUE(Ok(reader->Finish()));
  EXPECT_EQ(i, got.size());
}

TEST_F(SkpStatusClientTest, RefusalsPassThroughTheClient) {
  // An employee may not stream; a bad year is the field's violation.
  EXPECT_EQ(Describe(*client_, Token(seeded_.kabid_p2p), kYear, ""), "PERMISSION_DENIED ");
  EXPECT_EQ(Describe(*client_, ServiceToken(), 1999, ""), "INVALID_ARGUMENT year");
  // Another tenant sees none of this one's.
  EXPECT_EQ(Describe(*client_, OtherAdmin(), kYear, ""), "");
}

// The fake answers as SKP does, told the statuses SKP holds.
TEST_F(SkpStatusClientTest, TheFakeAnswersAsTheRealService) {
  mocks::FakeSkpEvaluations fake(directory(), kToday);
  ASSERT_TRUE(
      client_
          ->StreamSkpStatus(ServiceToken(), kYear, "",
                            [&](const clients::SkpYearStatus& s) { fake.SetStatus(kYear, s); })
          .ok());
  for (const std::string& token :
       {ServiceToken(), Token(integration::kTenantAdmin), Token(integration::kAuditor),
        Token(seeded_.kabid_p2p), Token(seeded_.staf_yankes), OtherAdmin()}) {
    for (const std::string& unit : {std::string(), std::string("DINKES.YANKES")}) {
      SCOPED_TRACE(unit);
      EXPECT_EQ(Describe(*client_, token, kYear, unit), Describe(fake, token, kYear, unit));
    }
  }
  EXPECT_EQ(Describe(*client_, ServiceToken(), kYear + 1, ""),
            Describe(fake, ServiceToken(), kYear + 1, ""));
  EXPECT_EQ(Describe(fake, ServiceToken(), 2101, ""), "INVALID_ARGUMENT year");
  EXPECT_EQ(Describe(fake, ServiceToken(), kYear, "DINKES.YANKES"),
            absl::StrCat(seeded_.staf_yankes, " ", draft_.id(), " DRAFT 0"));
}

}  // namespace
}  // namespace ekinerja::skp::it

// StreamApprovedPlans: the plans in force on a day of a tenant or subtree, for the activity
// service's maturity levels (issue 11 item 7; DOMAIN §9).

#include <map>

#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;

class ApprovedPlansTest : public SkpTest {
 protected:
  // The stream's plans by NIP, in the order they came, and its status.
  grpc::Status Stream(const std::string& token, const std::string& unit, absl::CivilDay day,
                      std::vector<sv1::ApprovedPlan>* out, bool with_date = true) {
    sv1::StreamApprovedPlansRequest req;
    req.set_org_unit_code(unit);
    if (with_date) *req.mutable_date() = Date(day);
    auto ctx = Ctx(token);
    auto reader = skp().StreamApprovedPlans(ctx.get(), req);
    sv1::ApprovedPlan p;
    while (reader->Read(&p)) out->push_back(p);
    return reader->Finish();
  }
  static std::vector<std::string> Nips(const std::vector<sv1::ApprovedPlan>& plans) {
    std::vector<std::string> out;
    for (const auto& p : plans) out.push_back(p.nip());
    return out;
  }
};

TEST_F(ApprovedPlansTest, EveryApprovedPlanInForceWithItsLinksAndTheTop) {
  ApproveChainDownTo(seeded_.staf_p2p);
  ASSERT_FALSE(HasFatalFailure());
  Plan(Create(seeded_.staf_yankes), 0);  // a draft: not in force
  std::vector<sv1::ApprovedPlan> plans;
  ASSERT_TRUE(Ok(Stream(ServiceToken(), "", kToday, &plans)));
  ASSERT_THAT(Nips(plans), ElementsAre(seeded_.kadis, seeded_.kabid_p2p, seeded_.staf_p2p));
  std::map<std::string, int64_t> rhk_of;
  for (const sv1::ApprovedPlan& p : plans) {
    SCOPED_TRACE(p.nip());
    EXPECT_EQ(p.skp_id(), approved_[p.nip()].id());
    EXPECT_EQ(p.revision(), 1);
    ASSERT_EQ(p.rhks_size(), 1);
    EXPECT_EQ(p.rhks(0).ikis(0).breakdown_size(), 12);
    rhk_of[p.nip()] = p.rhks(0).id();
  }
  // kadis was approved by the tenant admin as the top of the tree; the others link upwards.
  EXPECT_TRUE(plans[0].top_of_tree());
  EXPECT_EQ(plans[0].rhks(0).parent_rhk_id(), 0);
  EXPECT_FALSE(plans[1].top_of_tree());
  EXPECT_EQ(plans[1].rhks(0).parent_rhk_id(), rhk_of[seeded_.kadis]);
  EXPECT_FALSE(plans[2].top_of_tree());
  EXPECT_EQ(plans[2].rhks(0).parent_rhk_id(), rhk_of[seeded_.kabid_p2p]);

  // A subtree; a day outside the SKPs' year.
  plans.clear();
  ASSERT_TRUE(Ok(Stream(Token(integration::kAuditor), "DINKES.P2P", kToday, &plans)));
  EXPECT_THAT(Nips(plans), ElementsAre(seeded_.kabid_p2p, seeded_.staf_p2p));
  plans.clear();
  ASSERT_TRUE(Ok(Stream(ServiceToken(), "", absl::CivilDay(2025, 12, 31), &plans)));
  EXPECT_TRUE(plans.empty());
}

TEST_F(ApprovedPlansTest, TenantWideRolesAndServiceOnlyAndADateIsNeeded) {
  std::vector<sv1::ApprovedPlan> plans;
  EXPECT_TRUE(HasCode(Stream(Token(seeded_.kabid_p2p), "DINKES.P2P", kToday, &plans),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Stream(Token(integration::kOpdAdmin), "DINKES.P2P", kToday, &plans),
                      grpc::StatusCode::PERMISSION_DENIED));
  const grpc::Status st = Stream(ServiceToken(), "", kToday, &plans, /*with_date=*/false);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("date"));
  EXPECT_TRUE(plans.empty());
}

}  // namespace
}  // namespace ekinerja::skp::it

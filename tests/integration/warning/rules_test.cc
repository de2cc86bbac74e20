// Warning rule sets and the webhook: defaults, versions, request ids, audit, bad input, rights.

#include "integration/warning/warning_fixture.h"

namespace ekinerja::warning::it {
namespace {

using ::testing::ElementsAre;

class RulesTest : public WarningTest {
 protected:
  wv1::WarningRules Defaults() {
    wv1::WarningRules out;
    EXPECT_TRUE(Ok(warning().GetWarningRules(Ctx(Admin()).get(), {}, &out)));
    return out;
  }
};

TEST_F(RulesTest, TheNationalDefaultsAreVersionZero) {
  const wv1::WarningRules r = Defaults();
  EXPECT_EQ(r.version(), 0);
  EXPECT_EQ(r.disabled_rules_size(), 0);
  EXPECT_EQ(r.cutoff_days(), 1);
  EXPECT_EQ(r.cutoff_minute(), 1439);
  EXPECT_EQ(r.early_reminder_minute(), 900);
  EXPECT_EQ(r.escalation_workdays(), 3);
  EXPECT_EQ(r.pending_workdays(), 3);
  EXPECT_EQ(r.late_times(), 3);
  EXPECT_EQ(r.skp_submit_by().month(), 1);
  EXPECT_EQ(r.skp_submit_by().day(), 31);
  EXPECT_EQ(r.skp_approve_by().month(), 2);
  EXPECT_EQ(r.skp_approve_by().day(), 15);
  EXPECT_THAT(r.low_kotak_boxes(), ElementsAre(1, 2, 3, 4, 7));
  EXPECT_FALSE(r.scheduled());
}

TEST_F(RulesTest, ANewVersionIsAuditedAndARetryAnswersTheSame) {
  wv1::CreateWarningRulesRequest req;
  *req.mutable_rules() = Defaults();
  req.mutable_rules()->set_early_reminder_minute(14 * 60);
  req.mutable_rules()->add_disabled_rules(wv1::RULE_LOW_KOTAK);
  req.set_request_id(NextRequestId());
  wv1::WarningRules first, retry;
  ASSERT_TRUE(Ok(warning().CreateWarningRules(Ctx(Admin()).get(), req, &first)));
  ASSERT_TRUE(Ok(warning().CreateWarningRules(Ctx(Admin()).get(), req, &retry)));
  EXPECT_EQ(first.version(), 1);
  EXPECT_EQ(retry.version(), 1);
  EXPECT_EQ(first.early_reminder_minute(), 840);
  EXPECT_THAT(first.disabled_rules(), ElementsAre(wv1::RULE_LOW_KOTAK));
  EXPECT_EQ(first.created_by(), integration::kTenantAdmin);
  EXPECT_EQ(Count("rules"), 1);
  EXPECT_EQ(Count("audit_log WHERE action = 'CreateWarningRules' AND target = 'warningRules/1'"),
            1);
  EXPECT_EQ(Defaults().version(), 1);
  wv1::ListWarningRulesResponse list;
  ASSERT_TRUE(Ok(warning().ListWarningRules(Ctx(Token(integration::kAuditor)).get(), {}, &list)));
  ASSERT_EQ(list.rules_size(), 1);
  // Another tenant still has the defaults.
  wv1::WarningRules theirs;
  ASSERT_TRUE(Ok(warning().GetWarningRules(Ctx(Other().admin_token).get(), {}, &theirs)));
  EXPECT_EQ(theirs.version(), 0);
}

TEST_F(RulesTest, TwoCreatesWithoutARequestIdMakeTwoVersions) {
  // The request id is optional: without one nothing is recorded and nothing is replayed.
  wv1::CreateWarningRulesRequest req;
  *req.mutable_rules() = Defaults();
  wv1::WarningRules first, second;
  ASSERT_TRUE(Ok(warning().CreateWarningRules(Ctx(Admin()).get(), req, &first)));
  ASSERT_TRUE(Ok(warning().CreateWarningRules(Ctx(Admin()).get(), req, &second)));
  EXPECT_EQ(first.version(), 1);
  EXPECT_EQ(second.version(), 2);
  EXPECT_EQ(Count("rules"), 2);
  EXPECT_EQ(Count("request_keys"), 0);
  EXPECT_EQ(Count("audit_log WHERE action = 'CreateWarningRules'"), 2);
}

TEST_F(RulesTest, BadInputNamesEachFieldAndWritesNothing) {
  wv1::CreateWarningRulesRequest req;
  *req.mutable_rules() = Defaults();
  req.mutable_rules()->add_disabled_rules(static_cast<wv1::Rule>(99));
  req.mutable_rules()->set_cutoff_minute(1440);
  req.mutable_rules()->add_low_kotak_boxes(10);
  req.set_request_id(std::string(129, 'x'));
  wv1::WarningRules out;
  const grpc::Status st = warning().CreateWarningRules(Ctx(Admin()).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("rules.disabled_rules[0]", "rules.cutoff_minute",
                                              "rules.low_kotak_boxes", "request_id"));
  EXPECT_EQ(Count("rules"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
}

TEST_F(RulesTest, OnlyTheTenantAdminChangesRules) {
  wv1::CreateWarningRulesRequest req;
  *req.mutable_rules() = Defaults();
  req.set_request_id(NextRequestId());
  wv1::WarningRules out;
  for (const std::string& who : {Token(seeded_.kadis), Token(integration::kAuditor)}) {
    EXPECT_TRUE(HasCode(warning().CreateWarningRules(Ctx(who).get(), req, &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  wv1::ListWarningRulesResponse list;
  EXPECT_TRUE(HasCode(warning().ListWarningRules(Ctx(Token(seeded_.kadis)).get(), {}, &list),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("rules"), 0);
}

TEST_F(RulesTest, TheWebhookKeepsItsSecretAndRefusesBadInput) {
  wv1::UpdateWebhookRequest req;
  req.mutable_webhook()->set_url("http://relay.pemda.local:8080/wa");
  req.mutable_webhook()->set_secret("rahasia");
  req.mutable_webhook()->set_rate_per_minute(30);
  wv1::Webhook out;
  ASSERT_TRUE(Ok(warning().UpdateWebhook(Ctx(Admin()).get(), req, &out)));
  EXPECT_EQ(out.url(), "http://relay.pemda.local:8080/wa");
  EXPECT_EQ(out.secret(), "");
  EXPECT_TRUE(out.secret_set());
  EXPECT_EQ(out.rate_per_minute(), 30);
  EXPECT_EQ(out.expiry_hours(), 72);
  // A change without a secret keeps the old one.
  req.mutable_webhook()->clear_secret();
  ASSERT_TRUE(Ok(warning().UpdateWebhook(Ctx(Admin()).get(), req, &out)));
  EXPECT_EQ(Count("webhooks WHERE secret = 'rahasia'"), 1);
  EXPECT_EQ(Count("audit_log WHERE action = 'UpdateWebhook' AND detail LIKE '%rahasia%'"), 0);

  req.mutable_webhook()->set_url("https://relay.pemda.local/wa");
  req.mutable_webhook()->set_rate_per_minute(-1);
  req.mutable_webhook()->set_expiry_hours(721);
  const grpc::Status st = warning().UpdateWebhook(Ctx(Admin()).get(), req, &out);
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("webhook.url", "webhook.rate_per_minute", "webhook.expiry_hours"));
  req.mutable_webhook()->set_url("http://relay.pemda.local:8080/wa");
  req.mutable_webhook()->set_rate_per_minute(0);
  req.mutable_webhook()->set_expiry_hours(0);
  EXPECT_TRUE(HasCode(warning().UpdateWebhook(Ctx(Token(seeded_.kadis)).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("webhooks WHERE rate_per_minute = 30"), 1);
  wv1::Webhook theirs;
  ASSERT_TRUE(Ok(warning().GetWebhook(Ctx(Other().admin_token).get(), {}, &theirs)));
  EXPECT_EQ(theirs.url(), "");
  EXPECT_FALSE(theirs.secret_set());
}

}  // namespace
}  // namespace ekinerja::warning::it

// The rule set as data (DOMAIN §5 and §9): national defaults until the tenant's ADMIN_INSTANSI
// sets an effective-dated version, which then moves the gates of the days from its date.

#include "absl/strings/str_cat.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;

class RulesTest : public ActivityTest {
 protected:
  // The national defaults from `from` with the deadline `days_after` days after the work date.
  av1::CreateActivityRulesRequest RulesReq(absl::CivilDay from, int days_after,
                                           const std::string& request_id = "") {
    av1::GetActivityRulesRequest get;
    av1::CreateActivityRulesRequest req;
    EXPECT_TRUE(
        Ok(activity().GetActivityRules(Ctx(seeded_.admin_token).get(), get, req.mutable_rules())));
    req.mutable_rules()->clear_version();
    *req.mutable_rules()->mutable_effective_from() = Date(from);
    req.mutable_rules()->set_deadline_days_after(days_after);
    req.set_request_id(request_id);
    return req;
  }
  int64_t Versions() { return Count("SELECT count(*) FROM rules"); }
};

TEST_F(RulesTest, NationalDefaultsUntilTheTenantSetsItsOwn) {
  av1::GetActivityRulesRequest req;
  av1::ActivityRules r;
  ASSERT_TRUE(Ok(activity().GetActivityRules(Ctx(Token(seeded_.staf_s1_a)).get(), req, &r)));
  EXPECT_EQ(r.version(), 0);
  EXPECT_EQ(r.effective_from().year(), 2000);
  EXPECT_EQ(r.target_minutes(), 6750);
  EXPECT_EQ(r.deadline_days_after(), 1);
  EXPECT_EQ(r.deadline_minute_of_day(), 1439);
  EXPECT_EQ(r.unknown_presence_minutes(), 450);
  EXPECT_EQ(r.effective_minutes_per_workday(), 300);
  EXPECT_TRUE(r.cap_norm_by_span());
  EXPECT_EQ(r.ej_a_above_bp(), 10000);
  EXPECT_EQ(r.ej_b_from_bp(), 9000);
  EXPECT_EQ(r.ej_c_from_bp(), 7000);
  EXPECT_EQ(r.ej_d_from_bp(), 5000);
  EXPECT_EQ(r.maturity_entry_days_percent(), 80);
  EXPECT_EQ(r.maturity_rhk_minutes_percent(), 80);
  EXPECT_EQ(r.maturity_catalogue_minutes_percent(), 80);
  EXPECT_FALSE(r.has_create_time());
  av1::ListActivityRulesResponse list;
  ASSERT_TRUE(Ok(activity().ListActivityRules(Ctx(Token(seeded_.staf_s1_a)).get(), {}, &list)));
  EXPECT_EQ(list.rules_size(), 0);
}

TEST_F(RulesTest, AVersionMovesTheDeadlineOfTheDaysFromItsDate) {
  const std::string nip = seeded_.staf_s1_a;
  const absl::CivilDay monday(2026, 2, 9);
  CheckIn(nip, monday - 1);  // a Sunday worked
  CheckIn(nip, monday);
  ApprovePlan(nip);
  av1::ActivityRules created;
  ASSERT_TRUE(Ok(activity().CreateActivityRules(Ctx(seeded_.admin_token).get(), RulesReq(monday, 2),
                                                &created)));
  EXPECT_EQ(created.version(), 1);
  EXPECT_EQ(created.deadline_days_after(), 2);
  EXPECT_TRUE(created.has_create_time());
  // Tuesday 00:00: Sunday is closed under the defaults (D+1), the version does not reach back.
  SetNow(JakartaTime(kToday, 0, 0, 0));
  av1::Entry out;
  const grpc::Status st = activity().CreateEntry(Ctx(Token(nip)).get(),
                                                 EntryReq(nip, monday - 1, "08:00", "09:00"), &out);
  EXPECT_EQ(PreconditionOf(st), absl::StrCat("PAST_DEADLINE entries/", nip, "/2026-02-08"));
  // Wednesday 00:00: Monday is open (D+2 under the new version).
  SetNow(JakartaTime(kToday + 1, 0, 0, 0));
  Create(nip, monday, "08:00", "09:00");
  // Thursday 00:00 closes Monday too.
  SetNow(JakartaTime(kToday + 2, 0, 0, 0));
  EXPECT_EQ(PreconditionOf(activity().CreateEntry(Ctx(Token(nip)).get(),
                                                  EntryReq(nip, monday, "10:00", "11:00"), &out)),
            absl::StrCat("PAST_DEADLINE entries/", nip, "/2026-02-09"));

  av1::GetActivityRulesRequest get;
  av1::ActivityRules r;
  *get.mutable_date() = Date(monday - 1);
  ASSERT_TRUE(Ok(activity().GetActivityRules(Ctx(Token(nip)).get(), get, &r)));
  EXPECT_EQ(r.version(), 0);
  *get.mutable_date() = Date(monday);
  ASSERT_TRUE(Ok(activity().GetActivityRules(Ctx(Token(nip)).get(), get, &r)));
  EXPECT_EQ(r.version(), 1);
  EXPECT_EQ(r.deadline_days_after(), 2);
  av1::ListActivityRulesResponse list;
  ASSERT_TRUE(Ok(activity().ListActivityRules(Ctx(Token(nip)).get(), {}, &list)));
  ASSERT_EQ(list.rules_size(), 1);
  EXPECT_EQ(list.rules(0).version(), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CreateActivityRules'"), 1);
}

TEST_F(RulesTest, OnlyTheTenantAdminSetsRules) {
  for (const std::string& token :
       {Token(seeded_.staf_s1_a), Token(seeded_.kadis), Token(integration::kOpdAdmin)}) {
    av1::ActivityRules out;
    EXPECT_TRUE(HasCode(activity().CreateActivityRules(Ctx(token).get(), RulesReq(kToday, 2), &out),
                        grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_EQ(Versions(), 0);
}

TEST_F(RulesTest, BadInputNamesEachFieldOnce) {
  av1::CreateActivityRulesRequest req;
  req.mutable_rules()->set_deadline_days_after(8);
  req.mutable_rules()->set_deadline_minute_of_day(1440);
  req.mutable_rules()->set_target_minutes(0);
  req.mutable_rules()->set_unknown_presence_minutes(1441);
  req.mutable_rules()->set_effective_minutes_per_workday(0);
  req.mutable_rules()->set_ej_a_above_bp(10000);
  req.mutable_rules()->set_ej_b_from_bp(9000);
  req.mutable_rules()->set_ej_c_from_bp(9000);  // not below b
  req.mutable_rules()->set_ej_d_from_bp(0);
  req.mutable_rules()->set_maturity_entry_days_percent(80);
  req.mutable_rules()->set_maturity_rhk_minutes_percent(101);
  req.mutable_rules()->set_maturity_catalogue_minutes_percent(80);
  req.set_request_id(std::string(129, 'r'));
  av1::ActivityRules out;
  const grpc::Status st = activity().CreateActivityRules(Ctx(seeded_.admin_token).get(), req, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("rules.effective_from", "rules.deadline_days_after",
                          "rules.deadline_minute_of_day", "rules.target_minutes",
                          "rules.unknown_presence_minutes", "rules.effective_minutes_per_workday",
                          "rules.ej_c_from_bp", "rules.ej_d_from_bp",
                          "rules.maturity_rhk_minutes_percent", "request_id"));
  EXPECT_EQ(Versions(), 0);
}

TEST_F(RulesTest, ARetryAnswersTheFirstVersionAndASecondOnTheSameDayIsRefused) {
  av1::ActivityRules first, again;
  ASSERT_TRUE(Ok(activity().CreateActivityRules(Ctx(seeded_.admin_token).get(),
                                                RulesReq(kToday, 2, "rules-1"), &first)));
  ASSERT_TRUE(Ok(activity().CreateActivityRules(Ctx(seeded_.admin_token).get(),
                                                RulesReq(kToday, 2, "rules-1"), &again)));
  EXPECT_EQ(again.version(), first.version());
  EXPECT_EQ(again.create_time().seconds(), first.create_time().seconds());
  // The same key for another day is the client's error.
  grpc::Status st = activity().CreateActivityRules(Ctx(seeded_.admin_token).get(),
                                                   RulesReq(kToday + 1, 2, "rules-1"), &again);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("request_id"));
  st = activity().CreateActivityRules(Ctx(seeded_.admin_token).get(),
                                      RulesReq(kToday, 3, "rules-2"), &again);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(Versions(), 1);
  ASSERT_TRUE(Ok(activity().CreateActivityRules(Ctx(seeded_.admin_token).get(),
                                                RulesReq(kToday + 1, 3, "rules-2"), &again)));
  EXPECT_EQ(again.version(), 2);
}

TEST_F(RulesTest, TwoCreatesWithoutARequestIdMakeTwoVersions) {
  // The request id is optional: without one nothing is recorded and nothing is replayed.
  av1::ActivityRules first, second;
  ASSERT_TRUE(Ok(
      activity().CreateActivityRules(Ctx(seeded_.admin_token).get(), RulesReq(kToday, 2), &first)));
  ASSERT_TRUE(Ok(activity().CreateActivityRules(Ctx(seeded_.admin_token).get(),
                                                RulesReq(kToday + 1, 3), &second)));
  EXPECT_EQ(first.version(), 1);
  EXPECT_EQ(second.version(), 2);
  EXPECT_EQ(second.deadline_days_after(), 3);
  EXPECT_EQ(Versions(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM request_keys"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'CreateActivityRules'"), 2);
}

}  // namespace
}  // namespace ekinerja::activity::it

#include "domain/warning_rules.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::warning {
namespace {

// The violations' fields, in order; empty when the rules are valid.
std::vector<std::string> BadFields(const WarningRules& rules) {
  const absl::Status status = Validate(rules);
  if (status.ok()) return {};
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

using Fields = std::vector<std::string>;

TEST(WarningRuleNames, ReadBothWays) {
  const std::pair<Rule, const char*> names[] = {
      {Rule::kMissingReport, "MISSING_REPORT"},       {Rule::kEscalation, "ESCALATION"},
      {Rule::kPendingApprovals, "PENDING_APPROVALS"}, {Rule::kNoCheckout, "NO_CHECKOUT"},
      {Rule::kLateRepeated, "LATE_REPEATED"},         {Rule::kSkpNotSubmitted, "SKP_NOT_SUBMITTED"},
      {Rule::kSkpNotApproved, "SKP_NOT_APPROVED"},    {Rule::kLowKotak, "LOW_KOTAK"},
      {Rule::kEarlyReminder, "EARLY_REMINDER"}};
  ASSERT_EQ(std::size(names), kAllRules.size());
  for (size_t i = 0; i < kAllRules.size(); ++i) {
    EXPECT_EQ(kAllRules[i], names[i].first);
    EXPECT_EQ(RuleName(names[i].first), names[i].second);
    EXPECT_EQ(ParseRule(names[i].second), names[i].first);
  }
  EXPECT_EQ(ParseRule("missing_report"), std::nullopt);
  EXPECT_EQ(ParseRule(""), std::nullopt);
  EXPECT_EQ(ParseRule("MISSING_REPORT "), std::nullopt);
}

// DOMAIN §8: the employee for their own day, the supervisor for what waits on them, BKPSDM for
// the low kotak.
TEST(WarningAudienceOf, EachRule) {
  EXPECT_EQ(AudienceOf(Rule::kMissingReport), Audience::kEmployee);
  EXPECT_EQ(AudienceOf(Rule::kEscalation), Audience::kSupervisor);
  EXPECT_EQ(AudienceOf(Rule::kPendingApprovals), Audience::kSupervisor);
  EXPECT_EQ(AudienceOf(Rule::kNoCheckout), Audience::kEmployee);
  EXPECT_EQ(AudienceOf(Rule::kLateRepeated), Audience::kEmployee);
  EXPECT_EQ(AudienceOf(Rule::kSkpNotSubmitted), Audience::kEmployee);
  EXPECT_EQ(AudienceOf(Rule::kSkpNotApproved), Audience::kSupervisor);
  EXPECT_EQ(AudienceOf(Rule::kLowKotak), Audience::kBkpsdm);
  EXPECT_EQ(AudienceOf(Rule::kEarlyReminder), Audience::kEmployee);
  EXPECT_EQ(AudienceName(Audience::kBkpsdm), "BKPSDM");
  EXPECT_EQ(ParseAudience("SUPERVISOR"), Audience::kSupervisor);
  EXPECT_EQ(ParseAudience("EMPLOYEE"), Audience::kEmployee);
  EXPECT_EQ(ParseAudience("Bkpsdm"), std::nullopt);
}

// DOMAIN §8 defaults.
TEST(DefaultWarningRules, AreTheDomainFigures) {
  const WarningRules r = DefaultWarningRules();
  EXPECT_EQ(r.version, 1);
  for (Rule rule : kAllRules) EXPECT_TRUE(r.Enabled(rule)) << RuleName(rule);
  EXPECT_EQ(r.cutoff_days, 1);
  EXPECT_EQ(r.cutoff_minute, 1439);
  EXPECT_EQ(r.early_reminder_minute, 900);
  EXPECT_EQ(r.escalation_workdays, 3);
  EXPECT_EQ(r.pending_workdays, 3);
  EXPECT_EQ(r.late_times, 3);
  EXPECT_EQ(r.skp_submit_by.month, 1);
  EXPECT_EQ(r.skp_submit_by.day, 31);
  EXPECT_EQ(r.skp_approve_by.month, 2);
  EXPECT_EQ(r.skp_approve_by.day, 15);
  EXPECT_EQ(r.low_kotak_boxes, (std::set<int>{1, 2, 3, 4, 7}));
}

TEST(WarningEnabled, ASwitchedOffRuleIsOffAlone) {
  WarningRules r = DefaultWarningRules();
  r.enabled[static_cast<int>(Rule::kLateRepeated)] = false;
  EXPECT_FALSE(r.Enabled(Rule::kLateRepeated));
  EXPECT_TRUE(r.Enabled(Rule::kNoCheckout));
  EXPECT_EQ(BadFields(r), Fields{});
}

TEST(WarningValidate, AcceptsTheDefaults) { EXPECT_EQ(BadFields(DefaultWarningRules()), Fields{}); }

TEST(WarningValidate, RangesAtBothEdges) {
  struct Case {
    int WarningRules::*field;
    const char* path;
    int low, high;
  };
  const Case cases[] = {
      {&WarningRules::cutoff_days, "rules.cutoff_days", 0, 7},
      {&WarningRules::cutoff_minute, "rules.cutoff_minute", 0, 1439},
      {&WarningRules::early_reminder_minute, "rules.early_reminder_minute", 0, 1439},
      {&WarningRules::escalation_workdays, "rules.escalation_workdays", 1, 31},
      {&WarningRules::pending_workdays, "rules.pending_workdays", 1, 60},
      {&WarningRules::late_times, "rules.late_times", 1, 31},
  };
  for (const Case& c : cases) {
    WarningRules r = DefaultWarningRules();
    r.*c.field = c.low;
    EXPECT_EQ(BadFields(r), Fields{}) << c.path << " = " << c.low;
    r.*c.field = c.high;
    EXPECT_EQ(BadFields(r), Fields{}) << c.path << " = " << c.high;
    r.*c.field = c.low - 1;
    EXPECT_EQ(BadFields(r), Fields{c.path}) << c.path << " = " << c.low - 1;
    r.*c.field = c.high + 1;
    EXPECT_EQ(BadFields(r), Fields{c.path}) << c.path << " = " << c.high + 1;
  }
}

TEST(WarningValidate, OneViolationPerBadField) {
  WarningRules r = DefaultWarningRules();
  r.cutoff_minute = 1440;
  r.late_times = 0;
  r.low_kotak_boxes = {0};
  const std::vector<FieldViolation> v = FieldViolationsOf(Validate(r));
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].field, "rules.cutoff_minute");
  EXPECT_EQ(v[0].description, "0 to 1439, got 1440");
  EXPECT_EQ(v[1].field, "rules.late_times");
  EXPECT_EQ(v[2].field, "rules.low_kotak_boxes");
  EXPECT_EQ(std::string(Validate(r).message()),
            "invalid warning rule set: rules.cutoff_minute: 0 to 1439, got 1440 (and 2 more)");
}

// With the report due on the day itself, a reminder after the cutoff is refused; at the cutoff
// minute it is accepted.
TEST(WarningValidate, ReminderNotAfterASameDayCutoff) {
  WarningRules r = DefaultWarningRules();
  r.cutoff_days = 0;
  r.cutoff_minute = 17 * 60;
  r.early_reminder_minute = 17 * 60;
  EXPECT_EQ(BadFields(r), Fields{});
  r.early_reminder_minute = 17 * 60 + 1;
  EXPECT_EQ(BadFields(r), Fields{"rules.early_reminder_minute"});
  r.cutoff_days = 1;
  EXPECT_EQ(BadFields(r), Fields{});
}

TEST(WarningValidate, SkpDeadlinesAreDatesOfEveryYear) {
  WarningRules r = DefaultWarningRules();
  r.skp_submit_by = {2, 28};
  r.skp_approve_by = {2, 28};
  EXPECT_EQ(BadFields(r), Fields{});
  r.skp_submit_by = {2, 29};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_submit_by"});
  r.skp_submit_by = {4, 31};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_submit_by"});
  r.skp_submit_by = {13, 1};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_submit_by"});
  r.skp_submit_by = {1, 0};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_submit_by"});
  r = DefaultWarningRules();
  r.skp_approve_by = {0, 15};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_approve_by"});
}

TEST(WarningValidate, SkpApprovalNotBeforeSubmission) {
  WarningRules r = DefaultWarningRules();
  r.skp_approve_by = {1, 31};
  EXPECT_EQ(BadFields(r), Fields{});
  r.skp_approve_by = {1, 30};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_approve_by"});
  r.skp_submit_by = {3, 1};
  r.skp_approve_by = {2, 28};
  EXPECT_EQ(BadFields(r), Fields{"rules.skp_approve_by"});
}

TEST(WarningValidate, LowKotakBoxesAreOneToNine) {
  WarningRules r = DefaultWarningRules();
  r.low_kotak_boxes = {1, 9};
  EXPECT_EQ(BadFields(r), Fields{});
  r.low_kotak_boxes = {};
  EXPECT_EQ(BadFields(r), Fields{});
  r.low_kotak_boxes = {0, 1};
  EXPECT_EQ(BadFields(r), Fields{"rules.low_kotak_boxes"});
  r.low_kotak_boxes = {1, 10, 11};
  EXPECT_EQ(BadFields(r), Fields{"rules.low_kotak_boxes"});
}

}  // namespace
}  // namespace ekinerja::warning

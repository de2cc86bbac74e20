#include "store/rules_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "db_fields.h"
#include "warning_sql.h"

namespace ekinerja::warning::store {
namespace {

// The elements of an array read as text ("{MISSING_REPORT,LOW_KOTAK}", "{1,2,3}").
std::vector<std::string> Elements(const pqxx::field& f) {
  absl::string_view text = f.c_str();
  absl::ConsumePrefix(&text, "{");
  absl::ConsumeSuffix(&text, "}");
  return absl::StrSplit(text, ',', absl::SkipEmpty());
}

StoredRules ToRules(const pqxx::row& r) {
  StoredRules out;
  WarningRules& rules = out.rules;
  rules.version = r["version"].as<int>();
  rules.enabled.fill(true);
  for (const std::string& name : Elements(r["disabled_rules_text"])) {
    if (std::optional<Rule> rule = ParseRule(name)) rules.enabled[static_cast<int>(*rule)] = false;
  }
  rules.cutoff_days = r["cutoff_days"].as<int>();
  rules.cutoff_minute = r["cutoff_minute"].as<int>();
  rules.early_reminder_minute = r["early_reminder_minute"].as<int>();
  rules.escalation_workdays = r["escalation_workdays"].as<int>();
  rules.pending_workdays = r["pending_workdays"].as<int>();
  rules.late_times = r["late_times"].as<int>();
  rules.skp_submit_by = {r["skp_submit_by_month"].as<int>(), r["skp_submit_by_day"].as<int>()};
  rules.skp_approve_by = {r["skp_approve_by_month"].as<int>(), r["skp_approve_by_day"].as<int>()};
  rules.low_kotak_boxes.clear();
  for (const std::string& box : Elements(r["low_kotak_text"])) {
    int b = 0;
    if (absl::SimpleAtoi(box, &b)) rules.low_kotak_boxes.insert(b);
  }
  out.scheduled = r["scheduled"].as<bool>();
  out.created_by = r["created_by"].as<std::string>();
  out.create_time = db::Micros(r["create_micros"]);
  return out;
}

}  // namespace

StoredRules RulesInForce(db::Tx& tx, const std::string& tenant) {
  const pqxx::result r = tx.Exec(sql::kRulesInForce, tenant);
  if (r.empty()) {
    StoredRules defaults;
    defaults.rules = DefaultWarningRules();
    defaults.rules.version = 0;
    return defaults;
  }
  return ToRules(r[0]);
}

std::vector<StoredRules> ListRules(db::Tx& tx, const std::string& tenant) {
  std::vector<StoredRules> out;
  for (const pqxx::row& r : tx.Exec(sql::kRulesList, tenant)) out.push_back(ToRules(r));
  return out;
}

StoredRules InsertRules(db::Tx& tx, const std::string& tenant, const StoredRules& stored) {
  const WarningRules& rules = stored.rules;
  std::vector<std::string> disabled;
  for (Rule rule : kAllRules) {
    if (!rules.Enabled(rule)) disabled.push_back(std::string(RuleName(rule)));
  }
  tx.Exec(sql::kRulesLock, tenant);
  const pqxx::row r = tx.Exec(
      sql::kRulesInsert, tenant, absl::StrCat("{", absl::StrJoin(disabled, ","), "}"),
      rules.cutoff_days, rules.cutoff_minute, rules.early_reminder_minute,
      rules.escalation_workdays, rules.pending_workdays, rules.late_times,
      rules.skp_submit_by.month, rules.skp_submit_by.day, rules.skp_approve_by.month,
      rules.skp_approve_by.day, absl::StrCat("{", absl::StrJoin(rules.low_kotak_boxes, ","), "}"),
      stored.scheduled, stored.created_by)[0];
  StoredRules out = stored;
  out.rules.version = r["version"].as<int>();
  out.create_time = db::Micros(r["create_time"]);
  return out;
}

}  // namespace ekinerja::warning::store

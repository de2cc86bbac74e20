#include "api/convert.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "date_proto.h"
#include "http_client.h"

namespace ekinerja::warning {
v1::Rule RuleToProto(const std::string& name) {
  v1::Rule out = v1::RULE_UNSPECIFIED;
  if (!name.empty() && !v1::Rule_Parse(absl::StrCat("RULE_", name), &out)) {
    return v1::RULE_UNSPECIFIED;
  }
  return out;
}

std::string RuleFromProto(v1::Rule rule) {
  if (rule == v1::RULE_UNSPECIFIED || !v1::Rule_IsValid(rule)) return "";
  return std::string(absl::StripPrefix(v1::Rule_Name(rule), "RULE_"));
}

v1::WarningRules ToProto(const store::StoredRules& stored) {
  const WarningRules& r = stored.rules;
  v1::WarningRules out;
  out.set_version(r.version);
  for (Rule rule : kAllRules) {
    if (!r.Enabled(rule)) out.add_disabled_rules(RuleToProto(std::string(RuleName(rule))));
  }
  out.set_cutoff_days(r.cutoff_days);
  out.set_cutoff_minute(r.cutoff_minute);
  out.set_early_reminder_minute(r.early_reminder_minute);
  out.set_escalation_workdays(r.escalation_workdays);
  out.set_pending_workdays(r.pending_workdays);
  out.set_late_times(r.late_times);
  out.mutable_skp_submit_by()->set_month(r.skp_submit_by.month);
  out.mutable_skp_submit_by()->set_day(r.skp_submit_by.day);
  out.mutable_skp_approve_by()->set_month(r.skp_approve_by.month);
  out.mutable_skp_approve_by()->set_day(r.skp_approve_by.day);
  for (int box : r.low_kotak_boxes) out.add_low_kotak_boxes(box);
  out.set_scheduled(stored.scheduled);
  if (stored.create_time) *out.mutable_create_time() = ToProtoTimestamp(*stored.create_time);
  out.set_created_by(stored.created_by);
  return out;
}

store::StoredRules RulesFromProto(const v1::WarningRules& in, const std::string& prefix,
                                  Violations& v) {
  store::StoredRules out;
  WarningRules& r = out.rules;
  r.enabled.fill(true);
  for (int i = 0; i < in.disabled_rules_size(); ++i) {
    const std::optional<Rule> rule = ParseRule(RuleFromProto(in.disabled_rules(i)));
    if (!rule) {
      v.Add(absl::StrCat(prefix, "disabled_rules[", i, "]"), "must be a rule");
      continue;
    }
    r.enabled[static_cast<int>(*rule)] = false;
  }
  r.cutoff_days = in.cutoff_days();
  r.cutoff_minute = in.cutoff_minute();
  r.early_reminder_minute = in.early_reminder_minute();
  r.escalation_workdays = in.escalation_workdays();
  r.pending_workdays = in.pending_workdays();
  r.late_times = in.late_times();
  r.skp_submit_by = {in.skp_submit_by().month(), in.skp_submit_by().day()};
  r.skp_approve_by = {in.skp_approve_by().month(), in.skp_approve_by().day()};
  r.low_kotak_boxes = {in.low_kotak_boxes().begin(), in.low_kotak_boxes().end()};
  out.scheduled = in.scheduled();
  // The domain names its fields "rules.<field>"; the request's prefix replaces that.
  for (const FieldViolation& f : FieldViolationsOf(Validate(r))) {
    v.Add(absl::StrCat(prefix, absl::StripPrefix(f.field, "rules.")), f.description);
  }
  return out;
}

v1::Webhook ToProto(const std::optional<store::WebhookRow>& row) {
  const store::WebhookRow w = row.value_or(store::WebhookRow());
  v1::Webhook out;
  out.set_url(w.url);
  out.set_secret_set(!w.secret.empty());
  out.set_rate_per_minute(w.rate_per_minute);
  out.set_expiry_hours(w.expiry_hours);
  if (row) *out.mutable_update_time() = ToProtoTimestamp(w.update_time);
  return out;
}

store::WebhookRow WebhookFromProto(const v1::Webhook& in, const std::string& prefix,
                                   Violations& v) {
  store::WebhookRow out;
  out.url = in.url();
  if (!out.url.empty()) {
    if (const absl::Status url = ParseHttpUrl(out.url).status(); !url.ok()) {
      v.Add(absl::StrCat(prefix, "url"), std::string(url.message()));
    }
  }
  out.secret = in.secret();
  if (out.secret.size() > 256) v.Add(absl::StrCat(prefix, "secret"), "at most 256 bytes");
  const auto limit = [&](const char* field, int value, int high, int& into) {
    if (value == 0) return;  // the default
    if (value < 1 || value > high) {
      v.Add(absl::StrCat(prefix, field), absl::StrCat("1 to ", high, ", or 0 for the default"));
      return;
    }
    into = value;
  };
  limit("rate_per_minute", in.rate_per_minute(), 6000, out.rate_per_minute);
  limit("expiry_hours", in.expiry_hours(), 720, out.expiry_hours);
  return out;
}

v1::Delivery ToProto(const store::OutboxRow& row) {
  v1::Delivery out;
  out.set_id(row.id);
  out.set_idempotency_key(row.idempotency_key);
  out.set_state(row.state == "DELIVERED" ? v1::DELIVERY_STATE_DELIVERED
                : row.state == "DEAD"    ? v1::DELIVERY_STATE_DEAD
                                         : v1::DELIVERY_STATE_PENDING);
  out.set_attempts(row.attempts);
  out.set_last_error(row.last_error);
  *out.mutable_create_time() = ToProtoTimestamp(row.create_time);
  *out.mutable_next_attempt_time() = ToProtoTimestamp(row.next_attempt_time);
  *out.mutable_expire_time() = ToProtoTimestamp(row.expire_time);
  return out;
}

v1::Warning ToProto(const store::WarningRow& row) {
  v1::Warning out;
  out.set_id(row.id);
  out.set_rule(RuleToProto(row.rule));
  v1::Audience audience = v1::AUDIENCE_UNSPECIFIED;
  v1::Audience_Parse(absl::StrCat("AUDIENCE_", row.audience), &audience);
  out.set_audience(audience);
  out.set_recipient_nip(row.recipient_nip);
  out.set_subject_nip(row.subject_nip);
  out.set_subject_name(row.subject_name);
  out.set_org_unit_code(row.org_unit_code);
  out.set_opd_code(row.opd_code);
  *out.mutable_date() = ToProtoDate(row.day);
  out.set_title(row.title);
  out.set_message(row.message);
  out.set_action(row.action);
  out.set_at_stake(row.at_stake);
  *out.mutable_create_time() = ToProtoTimestamp(row.create_time);
  out.set_acknowledged(row.acknowledge_time.has_value());
  if (row.acknowledge_time)
    *out.mutable_acknowledge_time() = ToProtoTimestamp(*row.acknowledge_time);
  return out;
}

v1::Sweep ToProto(const store::SweepRow& row) {
  v1::Sweep out;
  out.set_id(row.id);
  *out.mutable_date() = ToProtoDate(row.day);
  out.set_kind(row.kind == "EARLY" ? v1::SWEEP_KIND_EARLY : v1::SWEEP_KIND_DAILY);
  out.set_state(row.state == "DONE" ? v1::SWEEP_STATE_DONE : v1::SWEEP_STATE_FAILED);
  out.set_started_by(row.started_by);
  out.set_rules_version(row.rules_version);
  out.set_employees(static_cast<int32_t>(row.employees));
  out.set_warnings_created(static_cast<int32_t>(row.warnings_created));
  *out.mutable_start_time() = ToProtoTimestamp(row.start_time);
  *out.mutable_end_time() = ToProtoTimestamp(row.end_time);
  out.set_error(row.error);
  return out;
}

}  // namespace ekinerja::warning

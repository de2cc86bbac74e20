#pragma once

// proto <-> domain and store rows of the warning service, and the validation of the rule sets
// clients send (one field violation per bad field, on the request's paths).

#include <string>

#include "domain/warning_rules.h"
#include "ekinerja/warning/v1/warning.pb.h"
#include "status.h"
#include "store/outbox_store.h"
#include "store/rules_store.h"
#include "store/warning_store.h"

namespace ekinerja::warning {

namespace v1 = ::ekinerja::warning::v1;

v1::WarningRules ToProto(const store::StoredRules& stored);
// The rule set of a CreateWarningRules (`prefix` "rules."): every bad field one violation in `v`.
store::StoredRules RulesFromProto(const v1::WarningRules& in, const std::string& prefix,
                                  Violations& v);

// RULE_MISSING_REPORT <-> "MISSING_REPORT" (the store's and the domain's name); UNSPECIFIED and
// "" for a value that is none.
v1::Rule RuleToProto(const std::string& name);
std::string RuleFromProto(v1::Rule rule);

// The tenant's webhook (the defaults when it has none), the secret never shown.
v1::Webhook ToProto(const std::optional<store::WebhookRow>& row);
// The webhook of an UpdateWebhook (`prefix` "webhook."): url "" or http://host[:port][/path];
// rate_per_minute 1..6000 and expiry_hours 1..720, 0 for the defaults (60, 72).
store::WebhookRow WebhookFromProto(const v1::Webhook& in, const std::string& prefix, Violations& v);
v1::Delivery ToProto(const store::OutboxRow& row);

v1::Warning ToProto(const store::WarningRow& row);
v1::Sweep ToProto(const store::SweepRow& row);

}  // namespace ekinerja::warning

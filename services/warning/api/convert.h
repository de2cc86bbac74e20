#pragma once

// proto <-> domain and store rows of the warning service, and the validation of the rule sets
// clients send (one field violation per bad field, on the request's paths).

#include <string>

#include "domain/warning_rules.h"
#include "ekinerja/warning/v1/warning.pb.h"
#include "status.h"
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

v1::Warning ToProto(const store::WarningRow& row);
v1::Sweep ToProto(const store::SweepRow& row);

}  // namespace ekinerja::warning

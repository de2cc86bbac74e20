#pragma once

// proto <-> domain and store rows of the scoring service, and the validation of the rule sets and
// sanctions clients send (one field violation per bad field, on the request's paths).

#include <string>

#include "absl/status/statusor.h"
#include "domain/instrument.h"
#include "ekinerja/scoring/v1/scoring.pb.h"
#include "status.h"
#include "store/run_store.h"
#include "store/scoring_store.h"
#include "text.h"

namespace ekinerja::scoring {

namespace v1 = ::ekinerja::scoring::v1;

v1::TppRules ToProto(const store::StoredRules& stored);
// The rule set of a CreateTppRules (`prefix` "rules."): every bad field one violation in `v`; a
// kind without an absence rate deducts nothing (0).
TppRules RulesFromProto(const v1::TppRules& in, const std::string& prefix, Violations& v);

// A reason the contract requires (1-500 characters, several lines allowed): RevokeSanction,
// ReturnTppRun, CorrectTppRun.
inline constexpr TextRule kReasonText{500, true};
// A text the contract requires (a reason, a decision letter): "required" when empty, else
// CheckText; whether it was acceptable.
bool CheckRequiredText(Violations& v, const std::string& field, absl::string_view value,
                       TextRule rule);

v1::Sanction ToProto(const store::SanctionRow& row);
// "RINGAN", "SEDANG", "BERAT"; "" for UNSPECIFIED.
std::string SanctionLevelName(v1::SanctionLevel level);

// "DRAFT" -> RUN_STATUS_DRAFT (UNSPECIFIED for a name that is none).
v1::RunStatus RunStatusOf(const std::string& status);
v1::TppRun ToProto(const store::RunRow& run);
// An instrument with its lines and terms (as GetInstrument read it), or without (a page).
v1::Instrument ToProto(const store::InstrumentRow& row, const store::RunRow& run);
// The words printed beside a line's rule code ("TL_3": "Terlambat 61-90 menit").
std::string LineDescription(const std::string& rule);

}  // namespace ekinerja::scoring

#pragma once

// Rows of the store <-> messages of ekinerja.skp.v1. Enum values are stored by their name without
// the proto prefix ("DRAFT" for SKP_STATUS_DRAFT).

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ekinerja/skp/v1/skp.pb.h"
#include "store/skp_store.h"

namespace ekinerja::skp {

namespace v1 = ::ekinerja::skp::v1;

// "SKP_STATUS_DRAFT" -> "DRAFT" for `prefix` "SKP_STATUS_".
std::string StoredName(const std::string& proto_name, absl::string_view prefix);

v1::SkpStatus ToProtoStatus(const std::string& stored);
v1::SkpModel ToProtoModel(const std::string& stored);
v1::PeriodKind ToProtoPeriodKind(const std::string& stored);
v1::RhkKind ToProtoRhkKind(const std::string& stored);
v1::BerakhlakValue ToProtoValue(const std::string& stored);

void ToProto(const store::RulesRow& rules, v1::SkpRules* out);
void ToProto(const store::RevisionRow& rev, v1::SkpRevision* out);
void ToProto(const store::Snapshot& snapshot, v1::PersonSnapshot* out);
void ToProto(const store::RhkRow& rhk, v1::Rhk* out);
// The SKP with revision `rev` and its plan.
void ToProto(const store::SkpRow& skp, const store::RevisionRow& rev,
             const std::vector<store::RhkRow>& plan, v1::Skp* out);

}  // namespace ekinerja::skp

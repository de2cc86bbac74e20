#pragma once

// Rows of the store and domain values <-> messages of ekinerja.activity.v1. Enum values are
// stored by their name without the proto prefix ("DRAFT" for ENTRY_STATUS_DRAFT).

#include <string>

#include "absl/status/statusor.h"
#include "domain/rules.h"
#include "ekinerja/activity/v1/activity.pb.h"
#include "store/activity_store.h"

namespace ekinerja::activity {

namespace v1 = ::ekinerja::activity::v1;

// ENTRY_STATUS_DRAFT <-> "DRAFT".
std::string StoredStatus(v1::EntryStatus status);
v1::EntryStatus ToProtoStatus(const std::string& stored);

void ToProto(const store::StoredRules& rules, v1::ActivityRules* out);
// The rules a client asks for (`rules.` fields), with one violation per bad field.
absl::StatusOr<ActivityRules> FromProto(const v1::ActivityRules& in);

// The entry and its evidence file's description.
void ToProto(const store::EntryRow& row, v1::Entry* out);
void ToProto(int64_t entry_id, const store::FileRow& file, v1::EntryEvidence* out);

}  // namespace ekinerja::activity

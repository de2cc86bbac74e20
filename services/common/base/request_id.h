#pragma once

// Idempotent creates (AIP-155), the one rule of every service. A create may carry a request_id;
// the service records the id with what the create made, in the create's own transaction. A retry
// with the same id and the same input answers what the first call made and changes nothing; the
// same id with other input is the client's error. Each service keeps its ids in its own schema
// (identity's request_ids, attendance's request_keys); what it reads back is decided here.
//
//   EK_ASSIGN_OR_RETURN(RequestIdUse use, CheckRequestId(earlier, same, "another absence"));
//   if (use == RequestIdUse::kReplay) { ... answer what exists ... }

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "status.h"

namespace ekinerja {

enum class RequestIdUse {
  kNew,     // no earlier create with this id (or no id): create, and record the id
  kReplay,  // an earlier create with this id and the same input: answer what it made
};

// What a create does with its request id, given what the id was recorded with before (`earlier`,
// nullopt for none) and whether that was the same input as now (`same(*earlier)`).
// INVALID_ARGUMENT on `request_id` ("already used for <what>") when it was not.
template <typename T, typename Same>
absl::StatusOr<RequestIdUse> CheckRequestId(const std::optional<T>& earlier, Same&& same,
                                            absl::string_view what) {
  if (!earlier) return RequestIdUse::kNew;
  if (!same(*earlier)) return InvalidField("request_id", absl::StrCat("already used for ", what));
  return RequestIdUse::kReplay;
}

// The id itself: optional, one line of at most 128 characters (kIdText). Adds a violation on
// `request_id` and returns false when it is not.
bool CheckRequestIdText(Violations& v, absl::string_view request_id);

// A concurrent create with the same id recorded it between this call's read and its own record:
// ABORTED, and the client's retry finds the first create's result.
absl::Status RequestIdRace();

}  // namespace ekinerja

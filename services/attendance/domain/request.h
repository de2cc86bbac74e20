#pragma once

// Absences and corrections (koreksi presensi) as requests, DOMAIN §4: one state machine for both.
// An employee files their own request PENDING; the tenant admin's entry for someone else is
// APPROVED at once; a PENDING request is decided once, by its approver, APPROVED or REJECTED (a
// rejection says why). A decided request never changes again: a new request replaces it.

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ekinerja::attendance {

enum class RequestState { kPending, kApproved, kRejected };
// "PENDING", "APPROVED", "REJECTED": the names the store and the API use.
const char* RequestStateName(RequestState state);
std::optional<RequestState> ParseRequestState(std::string_view name);

// The state a new request starts in: PENDING when the employee files their own (`own`), APPROVED
// when the tenant admin enters one for someone else; PERMISSION_DENIED for anyone else.
absl::StatusOr<RequestState> InitialRequestState(bool own, bool tenant_admin);

// The input of a decision: INVALID_ARGUMENT on "reason" when a rejection gives none.
absl::Status CheckDecision(bool approve, std::string_view reason);

// The state a decision moves `request` ("absence 12") from `current` to: APPROVED or REJECTED,
// from PENDING only; FAILED_PRECONDITION "absence 12 is APPROVED; only PENDING is decided" from a
// decided state.
absl::StatusOr<RequestState> Decide(std::string_view request, RequestState current, bool approve);

}  // namespace ekinerja::attendance

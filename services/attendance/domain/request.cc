#include "domain/request.h"

#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::attendance {

const char* RequestStateName(RequestState state) {
  switch (state) {
    case RequestState::kPending:
      return "PENDING";
    case RequestState::kApproved:
      return "APPROVED";
    case RequestState::kRejected:
      return "REJECTED";
  }
  return "PENDING";
}

std::optional<RequestState> ParseRequestState(std::string_view name) {
  for (RequestState s :
       {RequestState::kPending, RequestState::kApproved, RequestState::kRejected}) {
    if (name == RequestStateName(s)) return s;
  }
  return std::nullopt;
}

absl::StatusOr<RequestState> InitialRequestState(bool own, bool tenant_admin) {
  if (own) return RequestState::kPending;
  if (tenant_admin) return RequestState::kApproved;
  return absl::PermissionDeniedError(
      "an employee files their own requests; only the tenant admin enters them for others");
}

absl::Status CheckDecision(bool approve, std::string_view reason) {
  if (!approve && reason.empty()) return InvalidField("reason", "required: why it is rejected");
  return absl::OkStatus();
}

absl::StatusOr<RequestState> Decide(std::string_view request, RequestState current, bool approve) {
  if (current != RequestState::kPending) {
    return absl::FailedPreconditionError(
        absl::StrCat(absl::string_view(request.data(), request.size()), " is ",
                     RequestStateName(current), "; only PENDING is decided"));
  }
  return approve ? RequestState::kApproved : RequestState::kRejected;
}

}  // namespace ekinerja::attendance

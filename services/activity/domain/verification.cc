#include "domain/verification.h"

#include "absl/strings/str_cat.h"

namespace ekinerja::activity {

bool NeedsReason(EntryAction decision) {
  return decision == EntryAction::kReject || decision == EntryAction::kReturn;
}

absl::Status CheckDecider(absl::string_view employee, const std::optional<std::string>& atasan,
                          absl::string_view caller, bool caller_is_tenant_admin) {
  if (caller == employee) {
    return absl::PermissionDeniedError("an employee never decides on their own report");
  }
  if (atasan) {
    if (*atasan == caller) return absl::OkStatus();
    return absl::PermissionDeniedError(
        absl::StrCat("only the atasan langsung of ", employee, " (", *atasan, ") decides"));
  }
  if (caller_is_tenant_admin) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat(
      employee, " has no atasan langsung: the tenant's ADMIN_INSTANSI decides their reports"));
}

}  // namespace ekinerja::activity

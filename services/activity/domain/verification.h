#pragma once

// Who verifies a daily report and what a decision needs (DOMAIN §5: "The supervisor approves,
// rejects (reason required) or asks for revision"; issue 11 item 3: the atasan langsung on the
// work date, Plt/Plh included, and "an employee never approves their own entry").

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "domain/entry_lifecycle.h"

namespace ekinerja::activity {

// DOMAIN §5 "rejects (reason required) or asks for revision": REJECT and RETURN need a reason;
// APPROVE takes an optional note.
bool NeedsReason(EntryAction decision);

// Whether `caller` decides the entries of `employee` on a day whose atasan langsung is `atasan`
// (identity's resolution on the work date, a Plt/Plh included; nullopt at the top of the tree).
// OK for the atasan langsung; at the top of the tree, where nobody is above, for the tenant's
// ADMIN_INSTANSI (who records the kepala daerah's decision, as for the top's SKP); never for the
// employee themself. PERMISSION_DENIED otherwise, naming who decides.
absl::Status CheckDecider(absl::string_view employee, const std::optional<std::string>& atasan,
                          absl::string_view caller, bool caller_is_tenant_admin);

}  // namespace ekinerja::activity

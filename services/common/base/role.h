#pragma once

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace ekinerja {

// Roles of DESIGN §5; tokens carry them by name ("PEGAWAI"). Mirrors ekinerja.type.v1.Role.
enum class Role {
  kPegawai = 1,
  kAtasan = 2,
  kAdminOpd = 3,
  kAdminInstansi = 4,
  kVerifikatorTpp = 5,
  kAuditor = 6,
  kService = 7,
  kPlatformAdmin = 8,
};

absl::string_view RoleName(Role role);
std::optional<Role> ParseRole(absl::string_view name);

// True when `roles` hold one that reads every employee of the tenant on any day (DESIGN §5):
// ADMIN_INSTANSI, AUDITOR, VERIFIKATOR_TPP or SERVICE. Supervisors and ADMIN_OPD read only whom
// the org tree gives them; PEGAWAI themselves; PLATFORM_ADMIN no tenant's personnel.
bool ReadsWholeTenant(absl::Span<const Role> roles);

}  // namespace ekinerja

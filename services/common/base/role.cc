#include "role.h"

#include <array>
#include <utility>

namespace ekinerja {
namespace {
constexpr std::array<std::pair<Role, absl::string_view>, 8> kNames = {{
    {Role::kPegawai, "PEGAWAI"},
    {Role::kAtasan, "ATASAN"},
    {Role::kAdminOpd, "ADMIN_OPD"},
    {Role::kAdminInstansi, "ADMIN_INSTANSI"},
    {Role::kVerifikatorTpp, "VERIFIKATOR_TPP"},
    {Role::kAuditor, "AUDITOR"},
    {Role::kService, "SERVICE"},
    {Role::kPlatformAdmin, "PLATFORM_ADMIN"},
}};
}  // namespace

absl::string_view RoleName(Role role) {
  for (const auto& [r, name] : kNames) {
    if (r == role) return name;
  }
  return "UNKNOWN";
}

bool ReadsWholeTenant(absl::Span<const Role> roles) {
  for (Role r : roles) {
    if (r == Role::kAdminInstansi || r == Role::kAuditor || r == Role::kVerifikatorTpp ||
        r == Role::kService) {
      return true;
    }
  }
  return false;
}

std::optional<Role> ParseRole(absl::string_view name) {
  for (const auto& [r, n] : kNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

}  // namespace ekinerja

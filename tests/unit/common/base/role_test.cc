#include "role.h"

#include <optional>

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

TEST(Roles, NamesRoundTripAndUnknownIsNone) {
  for (Role r : {Role::kPegawai, Role::kAtasan, Role::kAdminOpd, Role::kAdminInstansi,
                 Role::kVerifikatorTpp, Role::kAuditor, Role::kService, Role::kPlatformAdmin}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  }
  EXPECT_EQ(RoleName(Role::kVerifikatorTpp), "VERIFIKATOR_TPP");
  EXPECT_EQ(ParseRole("pegawai"), std::nullopt);
}

TEST(Roles, TheTenantWideReadersAreAdminInstansiAuditorVerifikatorAndService) {
  for (Role r : {Role::kAdminInstansi, Role::kAuditor, Role::kVerifikatorTpp, Role::kService}) {
    EXPECT_TRUE(ReadsWholeTenant({Role::kPegawai, r})) << RoleName(r);
  }
  for (Role r : {Role::kPegawai, Role::kAtasan, Role::kAdminOpd, Role::kPlatformAdmin}) {
    EXPECT_FALSE(ReadsWholeTenant({r})) << RoleName(r);
  }
  EXPECT_FALSE(ReadsWholeTenant({}));
}

}  // namespace
}  // namespace ekinerja

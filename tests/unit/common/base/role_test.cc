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

}  // namespace
}  // namespace ekinerja

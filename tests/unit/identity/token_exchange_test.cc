#include "domain/token_exchange.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

std::vector<std::string> Fields(const absl::Status& st) {
  std::vector<std::string> out;
  for (const auto& v : FieldViolationsOf(st)) out.push_back(v.field);
  return out;
}

TEST(ValidateTokenExchange, AcceptsTheRfc8693GrantForATenant) {
  EXPECT_TRUE(ValidateTokenExchange(kTokenExchangeGrant, kAccessTokenType, "kota-a").ok());
}

TEST(ValidateTokenExchange, OneViolationPerBadField) {
  const absl::Status st =
      ValidateTokenExchange("client_credentials", "urn:ietf:params:oauth:token-type:jwt", "");
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(st), (std::vector<std::string>{"grant_type", "subject_token_type", "audience"}));
}

TEST(ValidateTokenExchange, ThePlatformTenantIsNoAudience) {
  const absl::Status st = ValidateTokenExchange(kTokenExchangeGrant, kAccessTokenType, "platform");
  EXPECT_EQ(Fields(st), std::vector<std::string>{"audience"});
}

TEST(CheckMayExchange, APlatformServiceAccountMay) {
  EXPECT_TRUE(CheckMayExchange("platform", {Role::kService}, "").ok());
}

TEST(CheckMayExchange, OtherRolesMayNot) {
  for (Role r : {Role::kPegawai, Role::kAtasan, Role::kAdminOpd, Role::kAdminInstansi,
                 Role::kVerifikatorTpp, Role::kAuditor, Role::kPlatformAdmin}) {
    EXPECT_EQ(CheckMayExchange("platform", {r}, "").code(), absl::StatusCode::kPermissionDenied)
        << RoleName(r);
  }
}

TEST(CheckMayExchange, ATenantsOwnServiceAccountMayNot) {
  EXPECT_EQ(CheckMayExchange("kota-a", {Role::kService}, "").code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(CheckMayExchange, AnExchangedTokenIsNotExchangedAgain) {
  const absl::Status st = CheckMayExchange("kota-a", {Role::kService}, "ekinerja-attendance");
  EXPECT_EQ(st.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(st.message(), "an exchanged token is not exchanged again (no chains of actors)");
}

}  // namespace
}  // namespace ekinerja::identity

#include "domain/verification.h"

#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

constexpr char kStaff[] = "198001012005012004";
constexpr char kKasi[] = "197508172000031003";
constexpr char kColleague[] = "198203152006042005";

TEST(NeedsReason, RejectAndReturnNeedOneApproveDoesNot) {
  EXPECT_FALSE(NeedsReason(EntryAction::kApprove));
  EXPECT_TRUE(NeedsReason(EntryAction::kReject));
  EXPECT_TRUE(NeedsReason(EntryAction::kReturn));
}

TEST(CheckDecider, TheAtasanLangsungDecides) {
  EXPECT_TRUE(CheckDecider(kStaff, std::string(kKasi), kKasi, false).ok());
}

TEST(CheckDecider, AColleagueOrTheAdminDoesNotWhereThereIsAnAtasan) {
  const absl::Status colleague = CheckDecider(kStaff, std::string(kKasi), kColleague, false);
  EXPECT_TRUE(absl::IsPermissionDenied(colleague));
  EXPECT_EQ(colleague.message(),
            "only the atasan langsung of 198001012005012004 (197508172000031003) decides");
  EXPECT_TRUE(absl::IsPermissionDenied(CheckDecider(kStaff, std::string(kKasi), "admin", true)));
}

TEST(CheckDecider, NeverTheEmployeeThemselfEvenAtTheTopOrAsAdmin) {
  const absl::Status own = CheckDecider(kStaff, std::string(kKasi), kStaff, false);
  EXPECT_TRUE(absl::IsPermissionDenied(own));
  EXPECT_EQ(own.message(), "an employee never decides on their own report");
  EXPECT_TRUE(absl::IsPermissionDenied(CheckDecider(kKasi, std::nullopt, kKasi, true)));
}

TEST(CheckDecider, AtTheTopOnlyTheTenantAdmin) {
  EXPECT_TRUE(CheckDecider(kKasi, std::nullopt, "admin", true).ok());
  const absl::Status other = CheckDecider(kKasi, std::nullopt, kStaff, false);
  EXPECT_TRUE(absl::IsPermissionDenied(other));
  EXPECT_EQ(other.message(),
            "197508172000031003 has no atasan langsung: the tenant's ADMIN_INSTANSI decides "
            "their reports");
}

}  // namespace
}  // namespace ekinerja::activity

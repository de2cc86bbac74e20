#include <string>
#include <vector>

#include "clients/directory.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::attendance {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

MATCHER_P3(Credential, tenant, client_id, client_secret, "") {
  return arg.tenant == tenant && arg.client_id == client_id && arg.client_secret == client_secret;
}

TEST(ParseServiceCredentials, ReadsOneAccountPerTenant) {
  auto parsed = ParseServiceCredentials(
      "kota-demo attendance-svc s3cret\n"
      "kab-contoh attendance s#cr3t!\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Credential("kota-demo", "attendance-svc", "s3cret"),
                                   Credential("kab-contoh", "attendance", "s#cr3t!")));
}

TEST(ParseServiceCredentials, EmptyTextIsNoAccounts) {
  auto parsed = ParseServiceCredentials("");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->empty());
}

TEST(ParseServiceCredentials, SkipsBlankLinesAndComments) {
  auto parsed = ParseServiceCredentials(
      "# tenant client_id client_secret\n"
      "\n"
      "   \t \n"
      "  # indented comment\n"
      "kota-demo svc secret\n"
      "#kab-contoh svc other\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Credential("kota-demo", "svc", "secret")));
}

TEST(ParseServiceCredentials, AcceptsTabsRunsOfSpacesAndCrlf) {
  auto parsed = ParseServiceCredentials(
      "  kota-demo\tsvc    secret  \r\n"
      "kab-contoh \t svc2\tsecret2\r\n"
      "kab-lain svc3 secret3");  // no final newline
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Credential("kota-demo", "svc", "secret"),
                                   Credential("kab-contoh", "svc2", "secret2"),
                                   Credential("kab-lain", "svc3", "secret3")));
}

TEST(ParseServiceCredentials, RejectsTooFewFieldsNamingTheLine) {
  auto parsed = ParseServiceCredentials(
      "# accounts\n"
      "kota-demo svc secret\n"
      "kab-contoh svc\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 3: want '<tenant> <client_id> <client_secret>'");
}

TEST(ParseServiceCredentials, RejectsTooManyFields) {
  // A trailing comment is not a comment: a secret may contain '#'.
  auto parsed = ParseServiceCredentials("kota-demo svc secret # the demo\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 1: want '<tenant> <client_id> <client_secret>'");
}

TEST(ParseServiceCredentials, RejectsOneField) {
  auto parsed = ParseServiceCredentials("\n\nkota-demo\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 3: want '<tenant> <client_id> <client_secret>'");
}

TEST(ParseServiceCredentials, ErrorNeverQuotesTheSecret) {
  auto parsed = ParseServiceCredentials("kota-demo svc hunter2 extra\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(std::string(parsed.status().message()), Not(HasSubstr("hunter2")));
}

TEST(ParseServiceCredentials, RejectsTenantGivenTwice) {
  auto parsed = ParseServiceCredentials(
      "kota-demo svc secret\n"
      "kab-contoh svc secret\n"
      "\n"
      "kota-demo other secret2\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 4: tenant kota-demo given twice (first on line 1)");
}

TEST(ParseServiceCredentials, SameClientIdInTwoTenantsIsFine) {
  auto parsed = ParseServiceCredentials(
      "kota-demo attendance a\n"
      "kab-contoh attendance b\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->size(), 2u);
}

}  // namespace
}  // namespace ekinerja::attendance

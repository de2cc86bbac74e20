#include "domain/service_accounts.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja::identity {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

MATCHER_P2(Account, client_id, client_secret, "") {
  return arg.client_id == client_id && arg.client_secret == client_secret;
}

TEST(ParseServiceAccounts, ReadsOneAccountPerLine) {
  auto parsed = ParseServiceAccounts(
      "ekinerja-attendance s3cret\n"
      "ekinerja-skp s#cr3t!\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Account("ekinerja-attendance", "s3cret"),
                                   Account("ekinerja-skp", "s#cr3t!")));
}

TEST(ParseServiceAccounts, EmptyTextIsNoAccounts) {
  auto parsed = ParseServiceAccounts("");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->empty());
}

TEST(ParseServiceAccounts, SkipsBlankLinesAndComments) {
  auto parsed = ParseServiceAccounts(
      "# client_id client_secret\n"
      "\n"
      "   \t \n"
      "  # indented comment\n"
      "svc secret\n"
      "#svc2 other\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Account("svc", "secret")));
}

TEST(ParseServiceAccounts, AcceptsTabsRunsOfSpacesAndCrlf) {
  auto parsed = ParseServiceAccounts(
      "  svc\t   secret  \r\n"
      "svc2 \t secret2\r\n"
      "svc3 secret3");  // no final newline
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(*parsed, ElementsAre(Account("svc", "secret"), Account("svc2", "secret2"),
                                   Account("svc3", "secret3")));
}

TEST(ParseServiceAccounts, RejectsOneFieldNamingTheLine) {
  auto parsed = ParseServiceAccounts(
      "# accounts\n"
      "svc secret\n"
      "svc2\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 3: want '<client_id> <client_secret>'");
}

TEST(ParseServiceAccounts, RejectsTooManyFields) {
  // A trailing comment is not a comment: a secret may contain '#'.
  auto parsed = ParseServiceAccounts("svc secret # the demo\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 1: want '<client_id> <client_secret>'");
}

TEST(ParseServiceAccounts, ErrorNeverQuotesTheSecret) {
  auto parsed = ParseServiceAccounts("svc hunter2 extra\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(std::string(parsed.status().message()), Not(HasSubstr("hunter2")));
}

TEST(ParseServiceAccounts, RejectsClientIdGivenTwice) {
  auto parsed = ParseServiceAccounts(
      "svc secret\n"
      "other secret\n"
      "\n"
      "svc secret2\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), "line 4: client id svc given twice (first on line 1)");
}

}  // namespace
}  // namespace ekinerja::identity

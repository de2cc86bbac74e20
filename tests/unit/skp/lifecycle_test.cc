#include "domain/lifecycle.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::skp {
namespace {

using ::testing::ElementsAre;

constexpr SkpStatus kDraft = SkpStatus::kDraft;
constexpr SkpStatus kSubmitted = SkpStatus::kSubmitted;
constexpr SkpStatus kApproved = SkpStatus::kApproved;
constexpr SkpStatus kRejected = SkpStatus::kRejected;

// Every (status, action) pair: the next status, or nullopt for a refused pair.
struct Case {
  SkpStatus from;
  SkpAction action;
  std::optional<SkpStatus> to;
};

constexpr std::optional<SkpStatus> kRefused = std::nullopt;

const Case kCases[] = {
    {kDraft, SkpAction::kEdit, kDraft},           {kDraft, SkpAction::kSubmit, kSubmitted},
    {kDraft, SkpAction::kApprove, kRefused},      {kDraft, SkpAction::kReject, kRefused},
    {kDraft, SkpAction::kRevise, kRefused},       {kDraft, SkpAction::kWithdraw, kRefused},
    {kSubmitted, SkpAction::kEdit, kRefused},     {kSubmitted, SkpAction::kSubmit, kRefused},
    {kSubmitted, SkpAction::kApprove, kApproved}, {kSubmitted, SkpAction::kReject, kRejected},
    {kSubmitted, SkpAction::kRevise, kRefused},   {kSubmitted, SkpAction::kWithdraw, kDraft},
    {kApproved, SkpAction::kEdit, kRefused},      {kApproved, SkpAction::kSubmit, kRefused},
    {kApproved, SkpAction::kApprove, kRefused},   {kApproved, SkpAction::kReject, kRefused},
    {kApproved, SkpAction::kRevise, kDraft},  // the new revision's status
    {kApproved, SkpAction::kWithdraw, kRefused},  {kRejected, SkpAction::kEdit, kRejected},
    {kRejected, SkpAction::kSubmit, kSubmitted},  {kRejected, SkpAction::kApprove, kRefused},
    {kRejected, SkpAction::kReject, kRefused},    {kRejected, SkpAction::kRevise, kRefused},
    {kRejected, SkpAction::kWithdraw, kRefused},
};

TEST(NextStatus, EveryPairOfTheTable) {
  for (const Case& c : kCases) {
    const std::string pair =
        std::string(SkpStatusName(c.from)) + " + " + std::string(SkpActionName(c.action));
    const absl::StatusOr<SkpStatus> next = NextStatus(c.from, c.action);
    if (c.to.has_value()) {
      ASSERT_TRUE(next.ok()) << pair << ": " << next.status();
      EXPECT_EQ(*next, *c.to) << pair;
    } else {
      EXPECT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition) << pair;
      EXPECT_EQ(next.status().message(), "cannot " + std::string(SkpActionName(c.action)) +
                                             " an SKP that is " +
                                             std::string(SkpStatusName(c.from)))
          << pair;
    }
  }
}

TEST(NextStatus, TheTableCoversEveryPair) { EXPECT_EQ(std::size(kCases), 4u * 6u); }

TEST(NextStatus, RefusalNamesStateAndAction) {
  EXPECT_EQ(NextStatus(kApproved, SkpAction::kEdit).status().message(),
            "cannot EDIT an SKP that is APPROVED");
}

TEST(SkpNames, AreTheStoredNamesAndParseBack) {
  EXPECT_EQ(SkpStatusName(kDraft), "DRAFT");
  EXPECT_EQ(SkpStatusName(kSubmitted), "SUBMITTED");
  EXPECT_EQ(SkpStatusName(kApproved), "APPROVED");
  EXPECT_EQ(SkpStatusName(kRejected), "REJECTED");
  EXPECT_EQ(SkpActionName(SkpAction::kEdit), "EDIT");
  EXPECT_EQ(SkpActionName(SkpAction::kSubmit), "SUBMIT");
  EXPECT_EQ(SkpActionName(SkpAction::kApprove), "APPROVE");
  EXPECT_EQ(SkpActionName(SkpAction::kReject), "REJECT");
  EXPECT_EQ(SkpActionName(SkpAction::kRevise), "REVISE");
  EXPECT_EQ(SkpActionName(SkpAction::kWithdraw), "WITHDRAW");
  for (const Case& c : kCases) {
    EXPECT_EQ(ParseSkpStatus(SkpStatusName(c.from)), c.from);
    EXPECT_EQ(ParseSkpAction(SkpActionName(c.action)), c.action);
  }
  EXPECT_EQ(ParseSkpStatus("draft"), std::nullopt);
  EXPECT_EQ(ParseSkpStatus(""), std::nullopt);
  EXPECT_EQ(ParseSkpAction("APPROVED"), std::nullopt);
}

TEST(CheckRejectionReason, AcceptsAReason) {
  EXPECT_TRUE(CheckRejectionReason("Target kuantitas RHK 2 belum sesuai").ok());
  EXPECT_TRUE(CheckRejectionReason(std::string(2000, 'x')).ok());
  EXPECT_TRUE(CheckRejectionReason(" x ").ok());
}

TEST(CheckRejectionReason, RefusesAnEmptyOrBlankReason) {
  for (const char* blank : {"", " ", "\t\n  \r"}) {
    const absl::Status s = CheckRejectionReason(blank);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(FieldViolationsOf(s),
                ElementsAre(FieldViolation{"reason", "required: why the SKP is rejected"}));
  }
}

TEST(CheckRejectionReason, RefusesMoreThan2000Bytes) {
  const absl::Status s = CheckRejectionReason(std::string(2001, 'x'));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FieldViolationsOf(s), ElementsAre(FieldViolation{"reason", "at most 2000 bytes"}));
  // Bytes, not characters: 1000 two-byte characters fit, 1001 do not.
  std::string two_byte;
  for (int i = 0; i < 1000; ++i) two_byte += "\xC3\xA9";  // é
  EXPECT_TRUE(CheckRejectionReason(two_byte).ok());
  EXPECT_EQ(CheckRejectionReason(two_byte + "\xC3\xA9").code(), absl::StatusCode::kInvalidArgument);
}

TEST(CheckSubmissionGate, BlockedWhileTheAtasanSkpIsNotApproved) {
  const absl::Status s = CheckSubmissionGate(2026, true, false, true);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "SKP atasan tahun 2026 belum disetujui (the atasan's SKP of 2026 is not approved yet)");
}

TEST(CheckSubmissionGate, OpenOnceTheAtasanSkpIsApproved) {
  EXPECT_TRUE(CheckSubmissionGate(2026, true, true, true).ok());
}

TEST(CheckSubmissionGate, TheTopOfTheTreeIsExempt) {
  EXPECT_TRUE(CheckSubmissionGate(2026, false, false, true).ok());
}

TEST(CheckSubmissionGate, ATenantMaySwitchTheGateOff) {
  EXPECT_TRUE(CheckSubmissionGate(2026, true, false, false).ok());
}

}  // namespace
}  // namespace ekinerja::skp

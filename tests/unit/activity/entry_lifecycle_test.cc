#include "domain/entry_lifecycle.h"

#include <optional>

#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

using S = EntryStatus;
using A = EntryAction;

constexpr S kAllStatuses[] = {S::kDraft,    S::kSubmitted, S::kApproved,
                              S::kRejected, S::kReturned,  S::kWithdrawn};
constexpr A kAllActions[] = {A::kUpdate,  A::kSubmit, A::kWithdraw,
                             A::kApprove, A::kReject, A::kReturn};

// The whole table of issue 11 / DOMAIN §5: every allowed pair and its result; nullopt = refused.
std::optional<S> Expected(S from, A action) {
  switch (action) {
    case A::kUpdate:
      if (from == S::kDraft || from == S::kSubmitted || from == S::kReturned) return from;
      return std::nullopt;
    case A::kSubmit:
      if (from == S::kDraft || from == S::kReturned) return S::kSubmitted;
      return std::nullopt;
    case A::kWithdraw:
      if (from == S::kDraft || from == S::kSubmitted || from == S::kReturned) return S::kWithdrawn;
      return std::nullopt;
    case A::kApprove:
      return from == S::kSubmitted ? std::optional<S>(S::kApproved) : std::nullopt;
    case A::kReject:
      return from == S::kSubmitted ? std::optional<S>(S::kRejected) : std::nullopt;
    case A::kReturn:
      return from == S::kSubmitted ? std::optional<S>(S::kReturned) : std::nullopt;
  }
  return std::nullopt;
}

TEST(NextStatus, FollowsTheTableForEveryPair) {
  int allowed = 0;
  for (S from : kAllStatuses) {
    for (A action : kAllActions) {
      const auto next = NextStatus(from, action);
      const std::optional<S> expected = Expected(from, action);
      if (expected) {
        ++allowed;
        ASSERT_TRUE(next.ok()) << StatusName(from) << " " << ActionName(action);
        EXPECT_EQ(*next, *expected) << StatusName(from) << " " << ActionName(action);
      } else {
        EXPECT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition)
            << StatusName(from) << " " << ActionName(action);
      }
    }
  }
  EXPECT_EQ(allowed, 11);
}

TEST(NextStatus, NamesTheStatusAndWhatTheActionNeeds) {
  EXPECT_EQ(NextStatus(S::kApproved, A::kSubmit).status().message(),
            "entry is APPROVED; SUBMIT needs DRAFT or RETURNED");
  EXPECT_EQ(NextStatus(S::kWithdrawn, A::kUpdate).status().message(),
            "entry is WITHDRAWN; UPDATE needs DRAFT, SUBMITTED or RETURNED");
  EXPECT_EQ(NextStatus(S::kDraft, A::kApprove).status().message(),
            "entry is DRAFT; APPROVE needs SUBMITTED");
}

TEST(HoldsTime, AllButRejectedAndWithdrawn) {
  EXPECT_TRUE(HoldsTime(S::kDraft));
  EXPECT_TRUE(HoldsTime(S::kSubmitted));
  EXPECT_TRUE(HoldsTime(S::kApproved));
  EXPECT_TRUE(HoldsTime(S::kReturned));
  EXPECT_FALSE(HoldsTime(S::kRejected));
  EXPECT_FALSE(HoldsTime(S::kWithdrawn));
}

TEST(WasSubmitted, SubmittedAndEveryDecision) {
  EXPECT_TRUE(WasSubmitted(S::kSubmitted));
  EXPECT_TRUE(WasSubmitted(S::kApproved));
  EXPECT_TRUE(WasSubmitted(S::kRejected));
  EXPECT_TRUE(WasSubmitted(S::kReturned));
  EXPECT_FALSE(WasSubmitted(S::kDraft));
  EXPECT_FALSE(WasSubmitted(S::kWithdrawn));
}

TEST(StatusNames, ReadBothWays) {
  EXPECT_EQ(StatusName(S::kReturned), "RETURNED");
  EXPECT_EQ(StatusName(S::kWithdrawn), "WITHDRAWN");
  for (S s : kAllStatuses) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  for (A a : kAllActions) EXPECT_EQ(ParseAction(ActionName(a)), a);
  EXPECT_EQ(ActionName(A::kReturn), "RETURN");
  EXPECT_EQ(ParseStatus("approved"), std::nullopt);
  EXPECT_EQ(ParseStatus(""), std::nullopt);
  EXPECT_EQ(ParseAction("REVISE"), std::nullopt);
}

}  // namespace
}  // namespace ekinerja::activity

#include "domain/request.h"

#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

TEST(RequestState, NamesRoundTrip) {
  for (RequestState s :
       {RequestState::kPending, RequestState::kApproved, RequestState::kRejected}) {
    EXPECT_EQ(ParseRequestState(RequestStateName(s)), s);
  }
  EXPECT_STREQ(RequestStateName(RequestState::kRejected), "REJECTED");
  EXPECT_EQ(ParseRequestState("pending"), std::nullopt);
  EXPECT_EQ(ParseRequestState(""), std::nullopt);
}

TEST(InitialRequestState, OwnIsPendingTheAdminsEntryIsApprovedAnyoneElseIsRefused) {
  EXPECT_EQ(InitialRequestState(/*own=*/true, /*tenant_admin=*/false).value(),
            RequestState::kPending);
  // An admin filing their own request waits for a decision like anyone.
  EXPECT_EQ(InitialRequestState(true, true).value(), RequestState::kPending);
  EXPECT_EQ(InitialRequestState(false, true).value(), RequestState::kApproved);
  EXPECT_EQ(InitialRequestState(false, false).status().code(), absl::StatusCode::kPermissionDenied);
}

TEST(CheckDecision, ARejectionSaysWhy) {
  EXPECT_TRUE(CheckDecision(/*approve=*/true, "").ok());
  EXPECT_TRUE(CheckDecision(false, "surat dokter tidak ada").ok());
  const absl::Status st = CheckDecision(false, "");
  ASSERT_EQ(FieldViolationsOf(st).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(st)[0].field, "reason");
  EXPECT_EQ(FieldViolationsOf(st)[0].description, "required: why it is rejected");
}

TEST(Decide, OnlyAPendingRequestIsDecidedAndOnlyOnce) {
  EXPECT_EQ(Decide("absence 12", RequestState::kPending, /*approve=*/true).value(),
            RequestState::kApproved);
  EXPECT_EQ(Decide("absence 12", RequestState::kPending, false).value(), RequestState::kRejected);
  for (RequestState decided : {RequestState::kApproved, RequestState::kRejected}) {
    for (bool approve : {true, false}) {
      const absl::StatusOr<RequestState> st = Decide("correction 7", decided, approve);
      EXPECT_EQ(st.status().code(), absl::StatusCode::kFailedPrecondition);
      EXPECT_EQ(st.status().message(), std::string("correction 7 is ") + RequestStateName(decided) +
                                           "; only PENDING is decided");
    }
  }
}

}  // namespace
}  // namespace ekinerja::attendance

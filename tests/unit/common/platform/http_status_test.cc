#include "http_status.h"

#include "gtest/gtest.h"

namespace ekinerja {
namespace {

// Every gRPC code, as DESIGN §8 (and Envoy) map it.
TEST(HttpStatusFromGrpc, MapsEveryCodeAsEnvoyDoes) {
  const int expected[17] = {200, 499, 500, 400, 504, 404, 409, 403, 429,
                            400, 409, 400, 501, 500, 503, 500, 401};
  for (int code = 0; code <= 16; ++code) {
    EXPECT_EQ(HttpStatusFromGrpc(static_cast<grpc::StatusCode>(code)), expected[code])
        << "grpc code " << code;
  }
  // A code from the wire that no enumerator names.
  EXPECT_EQ(HttpStatusFromGrpc(static_cast<grpc::StatusCode>(17)), 500);
  EXPECT_EQ(HttpStatusFromGrpc(grpc::StatusCode::DO_NOT_USE), 500);
}

TEST(HttpReason, NamesTheStatusesWeSend) {
  EXPECT_EQ(HttpReason(404), "Not Found");
  EXPECT_EQ(HttpReason(413), "Payload Too Large");
  EXPECT_EQ(HttpReason(499), "Client Closed Request");
  EXPECT_EQ(HttpReason(299), "Unknown");
}

}  // namespace
}  // namespace ekinerja

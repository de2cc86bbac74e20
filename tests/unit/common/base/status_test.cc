// Field violations as plain absl::Status values, before any gRPC edge (the BadRequest a client sees
// is tested with grpc_status in platform_test.cc).

#include "status.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "gtest/gtest.h"

namespace ekinerja {
namespace {

TEST(Violations, MessageNamesTheFirstAndCountsTheRest) {
  Violations v;
  EXPECT_TRUE(v.ToStatus().ok());
  v.Add("a", "bad");
  v.Add("b", "worse");
  EXPECT_EQ(v.ToStatus().message(), "invalid request: a: bad (and 1 more)");
  Violations merged;
  merged.Merge(v.ToStatus(), "rows[2].");
  ASSERT_EQ(merged.list().size(), 2u);
  EXPECT_EQ(merged.list()[1].field, "rows[2].b");
}

// What a violation holds comes back byte for byte: empty fields, colons, digits, tabs and newlines
// are text like any other.
TEST(Violations, ReadBackExactlyAsAdded) {
  Violations v;
  v.Add("", "and 3 more");
  v.Add("12:3", "4:five");
  v.Add("rows[0].name", "3:a\tb\n7:c");
  const absl::Status st = v.ToStatus("import refused");
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(st), v.list());
  ASSERT_EQ(FieldViolationsOf(st).size(), 3u);
  EXPECT_EQ(FieldViolationsOf(st)[2].description, "3:a\tb\n7:c");
  EXPECT_EQ(FieldViolationsOf(InvalidField("nip", "must be 18 digits")),
            (std::vector<FieldViolation>{{"nip", "must be 18 digits"}}));
}

TEST(Violations, NoneOnAPlainStatus) {
  EXPECT_TRUE(FieldViolationsOf(absl::OkStatus()).empty());
  EXPECT_TRUE(FieldViolationsOf(absl::InvalidArgumentError("invalid request")).empty());
}

// A payload that is not whole (copied from elsewhere, cut) yields no violations rather than a part.
TEST(Violations, NoneFromABrokenPayload) {
  const absl::Status good = InvalidField("nip", "must be 18 digits");
  good.ForEachPayload([](absl::string_view url, const absl::Cord& payload) {
    const std::string whole(payload);
    for (const std::string& broken :
         {whole.substr(0, whole.size() - 1), whole + "7", std::string("x:") + whole,
          std::string("99:nip"), std::string(":"), std::string("-1:")}) {
      absl::Status st = absl::InvalidArgumentError("invalid request");
      st.SetPayload(url, absl::Cord(broken));
      EXPECT_TRUE(FieldViolationsOf(st).empty()) << broken;
    }
  });
}

}  // namespace
}  // namespace ekinerja

#include "unit_path.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ekinerja {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const absl::flat_hash_map<std::string, std::string> kTree = {
    {"DINKES", ""}, {"DINKES.P2P", "DINKES"}, {"DINKES.P2P.S1", "DINKES.P2P"}};

TEST(UnitPathTest, RootFirstDownToTheUnit) {
  EXPECT_THAT(UnitPath("DINKES.P2P.S1", kTree),
              ElementsAre("DINKES", "DINKES.P2P", "DINKES.P2P.S1"));
  EXPECT_THAT(UnitPath("DINKES", kTree), ElementsAre("DINKES"));
  EXPECT_THAT(UnitPath("", kTree), IsEmpty());
}

TEST(UnitPathTest, AnUnknownUnitEndsTheClimb) {
  EXPECT_THAT(UnitPath("BARU", kTree), ElementsAre("BARU"));
  EXPECT_THAT(UnitPath("BARU.SUB", {{"BARU.SUB", "BARU"}}), ElementsAre("BARU", "BARU.SUB"));
}

TEST(UnitPathTest, ALoopStopsWhereItWouldRepeat) {
  EXPECT_THAT(UnitPath("A", {{"A", "B"}, {"B", "A"}}), ElementsAre("B", "A"));
  EXPECT_THAT(UnitPath("A", {{"A", "A"}}), ElementsAre("A"));
}

}  // namespace
}  // namespace ekinerja

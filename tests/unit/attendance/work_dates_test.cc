#include "domain/work_dates.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;

std::vector<std::string> Described(const absl::Status& status) {
  std::vector<std::string> out;
  for (const FieldViolation& v : FieldViolationsOf(status))
    out.push_back(v.field + ": " + v.description);
  return out;
}

TEST(WorkDateError, TheDefaultWindowIs2000To2100Inclusive) {
  const WorkDateWindow window;
  EXPECT_EQ(WorkDateError(window, absl::CivilDay(2000, 1, 1)), std::nullopt);
  EXPECT_EQ(WorkDateError(window, absl::CivilDay(2100, 12, 31)), std::nullopt);
  EXPECT_THAT(WorkDateError(window, absl::CivilDay(1999, 12, 31)),
              Optional(std::string("outside the work dates 2000-01-01 to 2100-12-31")));
  EXPECT_THAT(WorkDateError(window, absl::CivilDay(1, 1, 1)),
              Optional(std::string("outside the work dates 2000-01-01 to 2100-12-31")));
}

TEST(WorkDateError, FollowsTheTenantsWindow) {
  const WorkDateWindow window{absl::CivilDay(2024, 1, 1), absl::CivilDay(2030, 12, 31)};
  EXPECT_EQ(WorkDateError(window, absl::CivilDay(2026, 12, 7)), std::nullopt);
  EXPECT_THAT(WorkDateError(window, absl::CivilDay(2023, 12, 31)),
              Optional(std::string("outside the work dates 2024-01-01 to 2030-12-31")));
  EXPECT_THAT(WorkDateError(window, absl::CivilDay(2031, 1, 1)),
              Optional(std::string("outside the work dates 2024-01-01 to 2030-12-31")));
}

TEST(ValidateWorkDateWindow, AcceptsAWindowWithinTheDeploymentBounds) {
  EXPECT_TRUE(ValidateWorkDateWindow(WorkDateWindow{}, "rules.").ok());
  EXPECT_TRUE(ValidateWorkDateWindow({kEarliestWorkDate, kLatestWorkDate}, "rules.").ok());
  EXPECT_TRUE(
      ValidateWorkDateWindow({absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 1, 1)}, "").ok());
}

TEST(ValidateWorkDateWindow, RefusesEachBadEndOnItsOwnField) {
  EXPECT_THAT(Described(ValidateWorkDateWindow(
                  {absl::CivilDay(1969, 12, 31), absl::CivilDay(2200, 1, 1)}, "rules.")),
              ElementsAre("rules.first_work_date: between 1970-01-01 and 2199-12-31",
                          "rules.last_work_date: between 1970-01-01 and 2199-12-31"));
  EXPECT_THAT(Described(ValidateWorkDateWindow(
                  {absl::CivilDay(2030, 1, 1), absl::CivilDay(2029, 12, 31)}, "rules.")),
              ElementsAre("rules.last_work_date: before first_work_date"));
}

}  // namespace
}  // namespace ekinerja::attendance

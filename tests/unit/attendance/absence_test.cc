#include "domain/absence.h"

#include <optional>

#include "gtest/gtest.h"

namespace ekinerja::attendance {
namespace {

TEST(AbsenceKindNames, AreTheApiNamesInTheEnumsOrder) {
  const auto& names = AbsenceKindNames();
  ASSERT_EQ(names.size(), 9u);
  EXPECT_EQ(names[0], "IZIN");
  EXPECT_EQ(names[1], "SAKIT");
  EXPECT_EQ(names[2], "CUTI_TAHUNAN");
  EXPECT_EQ(names[6], "CUTI_ALASAN_PENTING");
  EXPECT_EQ(names[7], "DINAS_LUAR");
  EXPECT_EQ(names[8], "TUGAS_BELAJAR");
  EXPECT_TRUE(IsAbsenceKindName("CUTI_MELAHIRKAN"));
  EXPECT_FALSE(IsAbsenceKindName("sakit"));
  EXPECT_FALSE(IsAbsenceKindName("CUTI"));
  EXPECT_FALSE(IsAbsenceKindName(""));
}

TEST(AbsenceRangeError, AllowsOneDayUpTo366DaysAfterTheStart) {
  const absl::CivilDay start(2026, 1, 5);
  EXPECT_EQ(AbsenceRangeError(start, start), std::nullopt);
  EXPECT_EQ(AbsenceRangeError(start, start + 366), std::nullopt);
  EXPECT_EQ(AbsenceRangeError(start, start + 367), "at most 366 days after start_date");
  EXPECT_EQ(AbsenceRangeError(start, start - 1), "before start_date");
}

}  // namespace
}  // namespace ekinerja::attendance

#include "domain/workload.h"

#include "gtest/gtest.h"

namespace ekinerja::activity {
namespace {

char Grade(int64_t num, int64_t den) { return EjGrade(Rational(num, den), EjBands{}); }

TEST(EjGrade, DefaultBandEdges) {
  EXPECT_EQ(Grade(10001, 10000), 'A');
  EXPECT_EQ(Grade(1, 1), 'B');   // exactly 1.00
  EXPECT_EQ(Grade(9, 10), 'B');  // exactly 0.90
  EXPECT_EQ(Grade(8999, 10000), 'C');
  EXPECT_EQ(Grade(7, 10), 'C');  // exactly 0.70
  EXPECT_EQ(Grade(6999, 10000), 'D');
  EXPECT_EQ(Grade(1, 2), 'D');  // exactly 0.50
  EXPECT_EQ(Grade(4999, 10000), 'E');
  EXPECT_EQ(Grade(0, 1), 'E');
}

TEST(EjGrade, TheTenantsBandsAndAnInvalidEj) {
  const EjBands strict{11000, 9500, 8000, 6000};
  EXPECT_EQ(EjGrade(Rational(105, 100), strict), 'B');
  EXPECT_EQ(EjGrade(Rational(11001, 10000), strict), 'A');
  EXPECT_EQ(EjGrade(Rational(9, 10), strict), 'C');
  EXPECT_EQ(EjGrade(Rational(1, 0), EjBands{}), '-');
}

TEST(ComputeWorkload, AvailableEjAndStaffing) {
  // 2 holders x 20 workdays x 300 minutes = 12000 available; 10800 workload -> 0.90 (B);
  // implied staffing 10800 / 6000 = 1.8 holders.
  const Workload w = ComputeWorkload(10800, 2, 20, 300, EjBands{});
  EXPECT_EQ(w.workload_minutes, 10800);
  EXPECT_EQ(w.available_minutes, 12000);
  EXPECT_EQ(w.ej.ToString(), "9/10");
  EXPECT_EQ(w.grade, 'B');
  EXPECT_EQ(w.implied_staffing.ToString(), "9/5");
}

TEST(ComputeWorkload, OverloadedIsA) {
  const Workload w = ComputeWorkload(6001, 1, 20, 300, EjBands{});
  EXPECT_EQ(w.ej.ToString(), "6001/6000");
  EXPECT_EQ(w.grade, 'A');
}

TEST(ComputeWorkload, NoHoldersLeavesEjUndefined) {
  const Workload w = ComputeWorkload(6000, 0, 20, 300, EjBands{});
  EXPECT_EQ(w.available_minutes, 0);
  EXPECT_FALSE(w.ej.valid());
  EXPECT_EQ(w.grade, '-');
  EXPECT_EQ(w.implied_staffing.ToString(), "1");  // one holder would do
}

}  // namespace
}  // namespace ekinerja::activity

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

// A holder with `minutes` whose workdays are the days [first, first + days).
HolderLoad Holder(int64_t minutes, absl::CivilDay first, int days) {
  HolderLoad h{minutes, {}};
  for (int i = 0; i < days; ++i) h.workdays.push_back(first + i);
  return h;
}

TEST(WorkloadOfGroup, SumsMinutesAndCountsTheUnionOfWorkdays) {
  // Two holders, workdays Feb 2-21 and Feb 12-26 (a roster): the group has 25 workdays, so
  // 2 x 25 x 300 = 15000 available; 7000 + 6500 = 13500 -> 9/10 (B), staffing 13500/7500 = 9/5.
  const absl::CivilDay feb2(2026, 2, 2);
  const Workload w = WorkloadOfGroup(
      {Holder(7000, feb2, 20), Holder(6500, absl::CivilDay(2026, 2, 12), 15)}, 300, EjBands{});
  EXPECT_EQ(w.holders, 2);
  EXPECT_EQ(w.workdays, 25);
  EXPECT_EQ(w.workload_minutes, 13500);
  EXPECT_EQ(w.available_minutes, 15000);
  EXPECT_EQ(w.ej.ToString(), "9/10");
  EXPECT_EQ(w.grade, 'B');
  EXPECT_EQ(w.implied_staffing.ToString(), "9/5");
}

TEST(WorkloadOfGroup, SameWorkdaysCountOnceAndAMinuteOverTheBandEdge) {
  // 1 x 20 x 300 = 6000 per holder: 10800 of 12000 is exactly 0.90 (B), one minute less is C.
  const absl::CivilDay feb2(2026, 2, 2);
  EXPECT_EQ(WorkloadOfGroup({Holder(5400, feb2, 20), Holder(5400, feb2, 20)}, 300, EjBands{}).grade,
            'B');
  const Workload under =
      WorkloadOfGroup({Holder(5400, feb2, 20), Holder(5399, feb2, 20)}, 300, EjBands{});
  EXPECT_EQ(under.workdays, 20);
  EXPECT_EQ(under.ej.ToString(), "10799/12000");
  EXPECT_EQ(under.grade, 'C');
}

TEST(WorkloadOfGroup, NoWorkdaysLeavesEjAndStaffingUndefined) {
  const Workload w = WorkloadOfGroup({HolderLoad{600, {}}}, 300, EjBands{});
  EXPECT_EQ(w.holders, 1);
  EXPECT_EQ(w.workdays, 0);
  EXPECT_FALSE(w.ej.valid());
  EXPECT_FALSE(w.implied_staffing.valid());
  EXPECT_EQ(w.grade, '-');
}

}  // namespace
}  // namespace ekinerja::activity

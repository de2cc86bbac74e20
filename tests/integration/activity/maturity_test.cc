// Maturity levels (issue 11 item 7; DOMAIN §9), against the fakes of identity, attendance and
// SKP: each level on and off for one employee, the counts per OPD, one stream per peer.

#include "absl/strings/str_cat.h"
#include "integration/activity/activity_fixture.h"

namespace ekinerja::activity::it {
namespace {

using ::testing::ElementsAre;

const absl::CivilDay kJan5(2026, 1, 5);  // a Monday

// staf_s1_a's January 2026: present Monday to Friday of the week of the 5th, entries of 120
// minutes on the first `entry_days` of those days, a plan in force, a catalogue, a lock. Each
// field switches one criterion of DOMAIN §9.
struct World {
  int entry_days = 4;     // of 5 days present: 80%
  bool rhk = true;        // the entries name the plan's RHK (else tugas tambahan)
  bool breakdown = true;  // the RHK has a January breakdown
  bool linked = true;     // the RHK is linked to an RHK of the atasan
  bool top = false;       // SKP approved it as the top of the tree
  bool catalogue = true;  // the position has a catalogue item the entries use
  bool locked = true;     // January is locked by a TPP run
};

class MaturityTest : public ActivityTest {
 protected:
  void Build(const World& w) {
    const std::string nip = seeded_.staf_s1_a;
    for (int i = 0; i < 5; ++i) CheckIn(nip, kJan5 + i);
    for (int i = 0; i < w.entry_days; ++i) {
      StoreEntry(nip, kJan5 + i, 120, w.rhk ? RhkOf(nip) : 0, 1);
    }
    clients::ApprovedPlan plan;
    plan.skp_id = 5000;
    plan.revision = 1;
    clients::PlanRhk rhk;
    rhk.id = RhkOf(nip);
    rhk.kind = "UTAMA";
    rhk.parent_rhk_id = w.linked ? 777 : 0;
    for (int m = w.breakdown ? 1 : 2; m <= 12; ++m) rhk.breakdown_months.push_back(m);
    plan.rhks.push_back(rhk);
    plans().SetPlan(nip, absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 12, 31), plan, w.top);
    if (w.catalogue) {
      Exec(absl::StrCat(
          "INSERT INTO catalogue_items (tenant_id, code, effective_from, position_code, name, "
          "output_unit, minutes_per_unit, created_by) VALUES ('",
          seeded_.code,
          "', 'LAP-01', '2026-01-01', 'DINKES.P2P.S1.STAF', 'Menyusun laporan', 'laporan', 60, "
          "'admin')"));
      Exec("UPDATE entries SET catalogue_code = 'LAP-01'");
    }
    if (w.locked) {
      Exec(
          absl::StrCat("INSERT INTO month_locks (tenant_id, year, month, locked, reference, "
                       "locked_by) VALUES ('",
                       seeded_.code, "', 2026, 1, true, 'tpp-runs/1', 'scoring')"));
    }
  }

  grpc::Status Get(const std::string& token, const std::string& unit, const std::string& nip,
                   av1::MaturityReport* resp, int month = 1) {
    av1::GetMaturityRequest req;
    req.set_org_unit_code(unit);
    req.set_year(2026);
    req.set_month(month);
    req.set_nip(nip);
    return activity().GetMaturity(Ctx(token).get(), req, resp);
  }

  // staf_s1_a's line: "level held_back_by reason".
  std::string LevelOf(const World& w) {
    Build(w);
    av1::MaturityReport r;
    const grpc::Status st = Get(ServiceToken(), "", seeded_.staf_s1_a, &r);
    if (!st.ok()) return st.error_message();
    if (r.employees_size() != 1) return absl::StrCat(r.employees_size(), " employees");
    const av1::EmployeeMaturity& m = r.employees(0);
    return absl::StrCat(m.level(), " ", m.held_back_by(), " ", m.reason());
  }

  static std::vector<int> Counts(const av1::MaturityCount& c) {
    return {c.employees_at_level().begin(), c.employees_at_level().end()};
  }
};

TEST_F(MaturityTest, EveryCriterionMetIsLevelSix) { EXPECT_EQ(LevelOf(World{}), "6 0 "); }

TEST_F(MaturityTest, AnUnlockedMonthStopsAtFive) {
  World w;
  w.locked = false;
  EXPECT_EQ(LevelOf(w), "5 6 the month's TPP run is not locked");
}

TEST_F(MaturityTest, NoCatalogueForThePositionStopsAtFour) {
  World w;
  w.catalogue = false;
  EXPECT_EQ(LevelOf(w), "4 5 the position has no norma waktu catalogue");
}

TEST_F(MaturityTest, AnUnlinkedRhkStopsAtThreeUnlessAtTheTop) {
  World w;
  w.linked = false;
  EXPECT_EQ(LevelOf(w), "3 4 0 of 1 RHKs are linked to an RHK of the atasan's SKP");
}

TEST_F(MaturityTest, TheTopOfTheTreeIsExemptFromTheLink) {
  World w;
  w.linked = false;
  w.top = true;
  EXPECT_EQ(LevelOf(w), "6 0 ");
}

TEST_F(MaturityTest, NoBreakdownForTheMonthStopsAtTwo) {
  World w;
  w.breakdown = false;
  EXPECT_EQ(LevelOf(w), "2 3 0 of 1 RHKs have a breakdown for the month");
}

TEST_F(MaturityTest, TugasTambahanMinutesStopAtOne) {
  World w;
  w.rhk = false;
  EXPECT_EQ(LevelOf(w), "1 2 0 of 480 entry minutes name an RHK of the approved SKP, under 80%");
}

TEST_F(MaturityTest, EntriesOnTooFewDaysPresentStopAtZero) {
  World w;
  w.entry_days = 3;  // 60%
  EXPECT_EQ(LevelOf(w), "0 1 entries on 3 of 5 workdays present, under 80%");
}

TEST_F(MaturityTest, CountsPerOpdAndForTheTenantFromOneStreamEach) {
  Build(World{});
  // A second OPD with one employee.
  const std::string dinsos = integration::MakeNip("19900101", "201501", 1, 900);
  directory().AddOrgUnit(seeded_.code, "DINSOS", "");
  directory().AddPosition(seeded_.code, "DINSOS.STAF", "DINSOS", false);
  directory().AddEmployee(seeded_.code, dinsos);
  directory().AddAssignment(seeded_.code,
                            {dinsos, "DINSOS.STAF", identity::AssignmentKind::kDefinitif,
                             absl::CivilDay(2020, 1, 2), std::nullopt});
  av1::MaturityReport r;
  ASSERT_TRUE(Ok(Get(Token(integration::kAuditor), "", "", &r)));
  ASSERT_EQ(r.employees_size(), 9);
  for (const av1::EmployeeMaturity& m : r.employees()) {
    if (m.nip() == seeded_.staf_s1_a) {
      EXPECT_EQ(m.level(), 6);
      EXPECT_EQ(m.opd_code(), "DINKES");
    } else {
      EXPECT_EQ(m.level(), 0) << m.nip();
      EXPECT_EQ(m.reason(), "no workday present") << m.nip();
      EXPECT_EQ(m.opd_code(), m.nip() == dinsos ? "DINSOS" : "DINKES");
    }
  }
  ASSERT_EQ(r.opds_size(), 2);
  EXPECT_EQ(r.opds(0).opd_code(), "DINKES");
  EXPECT_THAT(Counts(r.opds(0)), ElementsAre(7, 0, 0, 0, 0, 0, 1));
  EXPECT_EQ(r.opds(1).opd_code(), "DINSOS");
  EXPECT_THAT(Counts(r.opds(1)), ElementsAre(1, 0, 0, 0, 0, 0, 0));
  EXPECT_THAT(Counts(r.total()), ElementsAre(8, 0, 0, 0, 0, 0, 1));
  // One stream of days and one of plans for the whole tenant, never a call per employee.
  EXPECT_EQ(attendance().CallCount("StreamDays"), 1);
  EXPECT_EQ(attendance().CallCount("DaysOf"), 0);
  EXPECT_EQ(plans().CallCount("StreamPlans"), 1);
  EXPECT_EQ(plans().CallCount("PlanOn"), 0);
}

TEST_F(MaturityTest, TenantWideRolesAndServiceOnly) {
  av1::MaturityReport r;
  for (const std::string& token :
       {Token(seeded_.staf_s1_a), Token(seeded_.kabid_p2p), Token(integration::kOpdAdmin)}) {
    EXPECT_TRUE(HasCode(Get(token, "DINKES.P2P", "", &r), grpc::StatusCode::PERMISSION_DENIED));
  }
  EXPECT_TRUE(HasCode(Get(Token(integration::kTenantAdmin), "DINKES.YANKES", seeded_.staf_s1_a, &r),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(plans().CallCount("StreamPlans"), 0);
}

TEST_F(MaturityTest, BadInputOneViolationPerField) {
  av1::GetMaturityRequest req;
  req.set_org_unit_code("DINKES\tP2P");
  req.set_year(1999);
  req.set_month(0);
  req.set_nip("123");
  av1::MaturityReport r;
  grpc::Status st = activity().GetMaturity(Ctx(ServiceToken()).get(), req, &r);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("org_unit_code", "year", "month", "nip"));
  st = Get(ServiceToken(), "", "", &r, 3);  // March has not begun on kToday
  EXPECT_THAT(ViolatedFields(st), ElementsAre("month"));
  EXPECT_EQ(attendance().CallCount("StreamDays"), 0);
}

}  // namespace
}  // namespace ekinerja::activity::it

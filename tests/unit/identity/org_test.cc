#include "domain/org.h"

#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Dinas Kominfo: the kepala dinas heads the root; a sekretariat and a bidang TI below it; two
// subbidang below the bidang.
//
//   DINAS (KADIS)
//   ├── SEKRE (SEKDIS): STAF-SEKRE
//   └── BID-TI (KABID-TI): STAF-TI
//       ├── SUB-JAR (KASUB-JAR): STAF-JAR
//       └── SUB-APL (KASUB-APL): STAF-APL
constexpr char kKadis[] = "197001011995031001";
constexpr char kSekdis[] = "197202021996032002";
constexpr char kStafSekre[] = "199503032020122003";
constexpr char kKabid[] = "197503032000031003";
constexpr char kStafTi[] = "198808082012031008";
constexpr char kKasubJar[] = "198004042005011004";
constexpr char kStafJar[] = "199005052015032005";
constexpr char kStafJar2[] = "199106062016031006";
constexpr char kKasubApl[] = "198109092006041009";
constexpr char kStafApl[] = "199207072017032007";
constexpr char kStafApl2[] = "199308082018031010";
constexpr char kOutsider[] = "198501012010011011";

const absl::CivilDay kLongAgo(2010, 1, 1);
const absl::CivilDay kMarch15(2024, 3, 15);

Assignment Holds(std::string nip, std::string position,
                 AssignmentKind kind = AssignmentKind::kDefinitif, absl::CivilDay start = kLongAgo,
                 std::optional<absl::CivilDay> end = std::nullopt) {
  return Assignment{std::move(nip), std::move(position), kind, start, end};
}

OrgSnapshot Kominfo() {
  OrgSnapshot s;
  s.units = {{"DINAS", ""},
             {"SEKRE", "DINAS"},
             {"BID-TI", "DINAS"},
             {"SUB-JAR", "BID-TI"},
             {"SUB-APL", "BID-TI"}};
  s.positions = {
      {"KADIS", "DINAS", true},       {"SEKDIS", "SEKRE", true},
      {"STAF-SEKRE", "SEKRE", false}, {"KABID-TI", "BID-TI", true},
      {"STAF-TI", "BID-TI", false},   {"KASUB-JAR", "SUB-JAR", true},
      {"STAF-JAR", "SUB-JAR", false}, {"KASUB-APL", "SUB-APL", true},
      {"STAF-APL", "SUB-APL", false},
  };
  s.assignments = {
      Holds(kKadis, "KADIS"),      Holds(kSekdis, "SEKDIS"),     Holds(kStafSekre, "STAF-SEKRE"),
      Holds(kKabid, "KABID-TI"),   Holds(kStafTi, "STAF-TI"),    Holds(kKasubJar, "KASUB-JAR"),
      Holds(kStafJar, "STAF-JAR"), Holds(kStafJar2, "STAF-JAR"), Holds(kKasubApl, "KASUB-APL"),
      Holds(kStafApl, "STAF-APL"), Holds(kStafApl2, "STAF-APL"),
  };
  return s;
}

// The same org with KASUB-APL vacant (its holder retired at the end of 2023).
OrgSnapshot KominfoWithVacantKasubApl() {
  OrgSnapshot s = Kominfo();
  for (Assignment& a : s.assignments) {
    if (a.nip == kKasubApl) a.end = absl::CivilDay(2023, 12, 31);
  }
  return s;
}

SupervisorRef Ref(std::string nip, std::string position, AssignmentKind kind,
                  SupervisorSource source) {
  return SupervisorRef{std::move(nip), std::move(position), kind, source};
}

Supervisors Of(const OrgSnapshot& s, absl::CivilDay day, std::string_view nip) {
  absl::StatusOr<Supervisors> sup = OrgIndex(s, day).SupervisorsOf(nip);
  EXPECT_TRUE(sup.ok()) << sup.status();
  return sup.ok() ? *sup : Supervisors{};
}

std::optional<SupervisorRef> AtasanOf(const OrgSnapshot& s, absl::CivilDay day,
                                      std::string_view nip) {
  return Of(s, day, nip).atasan_langsung;
}

TEST(SupervisorsOf, StaffAnswerToTheHeadOfTheirUnit) {
  Supervisors s = Of(Kominfo(), kMarch15, kStafJar);
  const SupervisorRef kasub =
      Ref(kKasubJar, "KASUB-JAR", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit);
  EXPECT_EQ(s.atasan_langsung, kasub);
  EXPECT_EQ(s.pejabat_penilai, kasub);
  EXPECT_EQ(AtasanOf(Kominfo(), kMarch15, kStafSekre),
            Ref(kSekdis, "SEKDIS", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
}

TEST(SupervisorsOf, AHeadAnswersToTheHeadOfTheParentUnit) {
  EXPECT_EQ(AtasanOf(Kominfo(), kMarch15, kKasubJar),
            Ref(kKabid, "KABID-TI", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
  EXPECT_EQ(AtasanOf(Kominfo(), kMarch15, kKabid),
            Ref(kKadis, "KADIS", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
  EXPECT_EQ(AtasanOf(Kominfo(), kMarch15, kSekdis),
            Ref(kKadis, "KADIS", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
}

TEST(SupervisorsOf, TheHeadOfARootUnitHasNone) {
  Supervisors s = Of(Kominfo(), kMarch15, kKadis);
  EXPECT_EQ(s.atasan_langsung, std::nullopt);
  EXPECT_EQ(s.pejabat_penilai, std::nullopt);
}

TEST(SupervisorsOf, APltInAVacantHeadPositionSupervises) {
  OrgSnapshot s = KominfoWithVacantKasubApl();
  s.assignments.push_back(
      Holds(kStafTi, "KASUB-APL", AssignmentKind::kPlt, absl::CivilDay(2024, 1, 2)));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl),
            Ref(kStafTi, "KASUB-APL", AssignmentKind::kPlt, SupervisorSource::kHeadOfUnit));
  // The Plt's own supervisor still comes from their own (definitive) position.
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafTi),
            Ref(kKabid, "KABID-TI", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
}

TEST(SupervisorsOf, AVacantHeadWithNobodyActingSendsStaffOneLevelUp) {
  EXPECT_EQ(AtasanOf(KominfoWithVacantKasubApl(), kMarch15, kStafApl),
            Ref(kKabid, "KABID-TI", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
}

TEST(SupervisorsOf, VacanciesAllTheWayUpEndAtTheTop) {
  OrgSnapshot s = KominfoWithVacantKasubApl();
  for (Assignment& a : s.assignments) {
    if (a.nip == kKabid || a.nip == kKadis) a.end = absl::CivilDay(2023, 12, 31);
  }
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl), std::nullopt);
  EXPECT_EQ(AtasanOf(s, kMarch15, kKasubJar), std::nullopt);
}

TEST(SupervisorsOf, APlhSupervisesFromTheFirstToTheLastDayOfTheirRange) {
  OrgSnapshot s = KominfoWithVacantKasubApl();
  s.assignments.push_back(Holds(kKasubJar, "KASUB-APL", AssignmentKind::kPlh,
                                absl::CivilDay(2024, 3, 10), absl::CivilDay(2024, 3, 20)));
  const SupervisorRef plh =
      Ref(kKasubJar, "KASUB-APL", AssignmentKind::kPlh, SupervisorSource::kHeadOfUnit);
  const SupervisorRef kabid =
      Ref(kKabid, "KABID-TI", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 9), kStafApl), kabid);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 10), kStafApl), plh);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 15), kStafApl), plh);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 20), kStafApl), plh);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 21), kStafApl), kabid);
}

TEST(SupervisorsOf, APlhActsForTheAbsentHolderAndADefinitiveHolderComesBeforeAPlt) {
  // The head is away: the Plh acts on the days of the Plh's range only.
  OrgSnapshot s = Kominfo();
  s.assignments.push_back(Holds(kStafTi, "KASUB-APL", AssignmentKind::kPlh, kMarch15, kMarch15));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl),
            Ref(kStafTi, "KASUB-APL", AssignmentKind::kPlh, SupervisorSource::kHeadOfUnit));
  EXPECT_EQ(AtasanOf(s, kMarch15 + 1, kStafApl),
            Ref(kKasubApl, "KASUB-APL", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));

  // A Plt named while a definitive holder is in place does not displace them.
  s = Kominfo();
  s.assignments.push_back(
      Holds(kKasubJar, "KASUB-APL", AssignmentKind::kPlt, absl::CivilDay(2024, 1, 2)));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl),
            Ref(kKasubApl, "KASUB-APL", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
}

TEST(SupervisorsOf, AmongTwoPltsTheLatestAppointedActs) {
  OrgSnapshot s = KominfoWithVacantKasubApl();
  s.assignments.push_back(
      Holds(kKasubJar, "KASUB-APL", AssignmentKind::kPlt, absl::CivilDay(2024, 1, 2)));
  s.assignments.push_back(
      Holds(kStafTi, "KASUB-APL", AssignmentKind::kPlt, absl::CivilDay(2024, 2, 1)));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl),
            Ref(kStafTi, "KASUB-APL", AssignmentKind::kPlt, SupervisorSource::kHeadOfUnit));
}

TEST(SupervisorsOf, AnOverrideWinsWhileInForce) {
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kStafJar, kKabid, SupervisorRole::kAtasanLangsung,
                         absl::CivilDay(2024, 3, 1), absl::CivilDay(2024, 3, 31)});
  const SupervisorRef kabid =
      Ref(kKabid, "KABID-TI", AssignmentKind::kDefinitif, SupervisorSource::kOverride);
  Supervisors in_force = Of(s, kMarch15, kStafJar);
  EXPECT_EQ(in_force.atasan_langsung, kabid);
  EXPECT_EQ(in_force.pejabat_penilai, kabid);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 31), kStafJar), kabid);

  const SupervisorRef kasub =
      Ref(kKasubJar, "KASUB-JAR", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 2, 29), kStafJar), kasub);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 4, 1), kStafJar), kasub);
  // Only the employee named is affected.
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafJar2), kasub);
}

TEST(SupervisorsOf, AnOverrideMayNameSomeoneOutsideTheTree) {
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kStafJar, kOutsider, SupervisorRole::kAtasanLangsung, kLongAgo, {}});
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafJar),
            Ref(kOutsider, "", AssignmentKind::kDefinitif, SupervisorSource::kOverride));
}

TEST(SupervisorsOf, ThePejabatPenilaiOverrideLeavesTheAtasanLangsungAlone) {
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kStafJar, kKadis, SupervisorRole::kPejabatPenilai,
                         absl::CivilDay(2024, 1, 1), std::nullopt});
  Supervisors sup = Of(s, kMarch15, kStafJar);
  EXPECT_EQ(sup.atasan_langsung,
            Ref(kKasubJar, "KASUB-JAR", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
  EXPECT_EQ(sup.pejabat_penilai,
            Ref(kKadis, "KADIS", AssignmentKind::kDefinitif, SupervisorSource::kOverride));
  // The pejabat penilai override does not make kKadis the atasan langsung.
  EXPECT_THAT(OrgIndex(s, kMarch15).DirectSubordinates(kKadis), ElementsAre(kSekdis, kKabid));
}

TEST(SupervisorsOf, TheLatestStartingOverrideWins) {
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kStafJar, kKadis, SupervisorRole::kAtasanLangsung, kLongAgo, {}});
  s.overrides.push_back(
      {kStafJar, kKabid, SupervisorRole::kAtasanLangsung, absl::CivilDay(2024, 3, 1), {}});
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafJar)->nip, kKabid);
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 2, 1), kStafJar)->nip, kKadis);
}

TEST(SupervisorsOf, AnOverrideNamingTheEmployeeThemselvesIsIgnored) {
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kStafJar, kStafJar, SupervisorRole::kAtasanLangsung, kLongAgo, {}});
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafJar),
            Ref(kKasubJar, "KASUB-JAR", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
}

TEST(SupervisorsOf, TheSupervisorOnADayIsTheOneInForceThatDay) {
  // The kasubbid of SUB-JAR changes on 15 March: the old one's last day is the 14th.
  OrgSnapshot s = Kominfo();
  for (Assignment& a : s.assignments) {
    if (a.nip == kKasubJar) a.end = absl::CivilDay(2024, 3, 14);
  }
  s.assignments.push_back(Holds(kStafTi, "KASUB-JAR", AssignmentKind::kDefinitif, kMarch15));
  // kStafTi's old definitive position is superseded by the later one.
  EXPECT_EQ(AtasanOf(s, absl::CivilDay(2024, 3, 14), kStafJar),
            Ref(kKasubJar, "KASUB-JAR", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafJar),
            Ref(kStafTi, "KASUB-JAR", AssignmentKind::kDefinitif, SupervisorSource::kHeadOfUnit));
  // On the 15th the old kasubbid has no position at all.
  EXPECT_EQ(OrgIndex(s, kMarch15).SupervisorsOf(kKasubJar).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(SupervisorsOf, APltWhoIsAMemberOfTheUnitDoesNotSuperviseThemselves) {
  OrgSnapshot s = KominfoWithVacantKasubApl();
  s.assignments.push_back(
      Holds(kStafApl, "KASUB-APL", AssignmentKind::kPlt, absl::CivilDay(2024, 1, 2)));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl),
            Ref(kKabid, "KABID-TI", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
  EXPECT_EQ(AtasanOf(s, kMarch15, kStafApl2),
            Ref(kStafApl, "KASUB-APL", AssignmentKind::kPlt, SupervisorSource::kHeadOfUnit));
}

TEST(SupervisorsOf, AHeadActingAsPltOfTheParentUnitAnswersFurtherUp) {
  // The kabid is also Plt kepala dinas while that position is vacant.
  OrgSnapshot s = Kominfo();
  for (Assignment& a : s.assignments) {
    if (a.nip == kKadis) a.end = absl::CivilDay(2024, 1, 31);
  }
  s.assignments.push_back(Holds(kKabid, "KADIS", AssignmentKind::kPlt, absl::CivilDay(2024, 2, 1)));
  EXPECT_EQ(AtasanOf(s, kMarch15, kKabid), std::nullopt);
  EXPECT_EQ(AtasanOf(s, kMarch15, kSekdis),
            Ref(kKabid, "KADIS", AssignmentKind::kPlt, SupervisorSource::kParentUnit));
}

TEST(SupervisorsOf, NotFoundWithoutADefinitiveAssignmentThatDay) {
  OrgSnapshot s = Kominfo();
  s.assignments.push_back(Holds(kOutsider, "KASUB-APL", AssignmentKind::kPlt, kLongAgo));
  OrgIndex index(s, kMarch15);
  absl::StatusOr<Supervisors> outsider = index.SupervisorsOf(kOutsider);
  EXPECT_EQ(outsider.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(outsider.status().message(),
            "employee 198501012010011011 has no definitive assignment on 2024-03-15");
  EXPECT_EQ(index.SupervisorsOf("000000000000000000").status().code(), absl::StatusCode::kNotFound);
  // Not yet started.
  s.assignments.push_back(
      Holds(kOutsider, "STAF-TI", AssignmentKind::kDefinitif, absl::CivilDay(2024, 3, 16)));
  EXPECT_EQ(OrgIndex(s, kMarch15).SupervisorsOf(kOutsider).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(OrgIndex(s, absl::CivilDay(2024, 3, 16)).SupervisorsOf(kOutsider).ok());
}

TEST(OrgIndex, TheOwnPositionIsTheLatestStartedDefinitiveOne) {
  OrgSnapshot s = Kominfo();
  // Moved to SEKRE on 1 March; the old assignment was never closed.
  s.assignments.push_back(
      Holds(kStafJar, "STAF-SEKRE", AssignmentKind::kDefinitif, absl::CivilDay(2024, 3, 1)));
  OrgIndex index(s, kMarch15);
  EXPECT_EQ(index.DefinitivePositionOf(kStafJar), "STAF-SEKRE");
  EXPECT_EQ(index.UnitOf(kStafJar), "SEKRE");
  EXPECT_EQ(index.SupervisorsOf(kStafJar)->atasan_langsung->nip, kSekdis);
  EXPECT_EQ(OrgIndex(s, absl::CivilDay(2024, 2, 29)).DefinitivePositionOf(kStafJar), "STAF-JAR");
  EXPECT_EQ(index.DefinitivePositionOf(kOutsider), std::nullopt);
  EXPECT_EQ(index.UnitOf(kOutsider), std::nullopt);
}

TEST(Subordinates, DirectAndAllOfAThreeLevelTreeIncludingThroughAPlt) {
  OrgSnapshot s = KominfoWithVacantKasubApl();
  s.assignments.push_back(
      Holds(kStafTi, "KASUB-APL", AssignmentKind::kPlt, absl::CivilDay(2024, 1, 2)));
  OrgIndex index(s, kMarch15);

  EXPECT_THAT(index.DirectSubordinates(kKadis), ElementsAre(kSekdis, kKabid));
  EXPECT_THAT(index.DirectSubordinates(kKabid), ElementsAre(kKasubJar, kStafTi));
  EXPECT_THAT(index.DirectSubordinates(kStafTi), ElementsAre(kStafApl, kStafApl2));
  EXPECT_THAT(index.DirectSubordinates(kKasubJar), ElementsAre(kStafJar, kStafJar2));
  EXPECT_THAT(index.DirectSubordinates(kStafJar), IsEmpty());
  EXPECT_THAT(index.DirectSubordinates(kOutsider), IsEmpty());

  EXPECT_THAT(index.AllSubordinates(kKabid),
              ElementsAre(kKasubJar, kStafTi, kStafJar, kStafJar2, kStafApl, kStafApl2));
  EXPECT_THAT(index.AllSubordinates(kKadis),
              ElementsAre(kSekdis, kKabid, kKasubJar, kStafTi, kStafJar, kStafJar2, kStafApl,
                          kStafApl2, kStafSekre));
  EXPECT_THAT(index.AllSubordinates(kStafTi), ElementsAre(kStafApl, kStafApl2));
  EXPECT_THAT(index.AllSubordinates(kStafJar), IsEmpty());

  EXPECT_TRUE(index.HasSubordinates(kStafTi));
  EXPECT_TRUE(index.HasSubordinates(kKadis));
  EXPECT_FALSE(index.HasSubordinates(kStafJar));
  // After the Plt ends, the staff of SUB-APL go up to the kabid and the Plt loses them.
  s.assignments.back().end = absl::CivilDay(2024, 3, 31);
  OrgIndex after(s, absl::CivilDay(2024, 4, 1));
  EXPECT_THAT(after.DirectSubordinates(kStafTi), IsEmpty());
  EXPECT_THAT(after.DirectSubordinates(kKabid),
              ElementsAre(kKasubJar, kStafTi, kStafApl, kStafApl2));
}

TEST(Subordinates, OverridesMoveEmployeesBetweenSupervisors) {
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kStafJar, kSekdis, SupervisorRole::kAtasanLangsung, kLongAgo, {}});
  OrgIndex index(s, kMarch15);
  EXPECT_THAT(index.DirectSubordinates(kKasubJar), ElementsAre(kStafJar2));
  EXPECT_THAT(index.DirectSubordinates(kSekdis), ElementsAre(kStafJar, kStafSekre));
  EXPECT_THAT(index.AllSubordinates(kSekdis), ElementsAre(kStafJar, kStafSekre));
}

TEST(Subordinates, AnOverrideCycleDoesNotHang) {
  // Two overrides that make kStafJar and kKasubJar each other's supervisor.
  OrgSnapshot s = Kominfo();
  s.overrides.push_back({kKasubJar, kStafJar, SupervisorRole::kAtasanLangsung, kLongAgo, {}});
  OrgIndex index(s, kMarch15);
  EXPECT_THAT(index.AllSubordinates(kStafJar), ElementsAre(kKasubJar, kStafJar2));
  EXPECT_THAT(index.AllSubordinates(kKasubJar), ElementsAre(kStafJar, kStafJar2));
}

TEST(OrgIndex, AParentLoopDoesNotHang) {
  OrgSnapshot s;
  s.units = {{"A", "B"}, {"B", "A"}, {"C", "A"}};
  s.positions = {{"HEAD-A", "A", true},
                 {"STAF-A", "A", false},
                 {"HEAD-B", "B", true},
                 {"HEAD-C", "C", true},
                 {"STAF-C", "C", false}};
  s.assignments = {Holds(kStafApl, "STAF-A"), Holds(kStafJar, "STAF-C")};
  OrgIndex vacant(s, kMarch15);
  EXPECT_EQ(vacant.SupervisorsOf(kStafApl)->atasan_langsung, std::nullopt);
  EXPECT_EQ(vacant.SupervisorsOf(kStafJar)->atasan_langsung, std::nullopt);

  s.assignments.push_back(Holds(kKadis, "HEAD-A"));
  s.assignments.push_back(Holds(kKabid, "HEAD-B"));
  OrgIndex held(s, kMarch15);
  EXPECT_EQ(held.SupervisorsOf(kKadis)->atasan_langsung,
            Ref(kKabid, "HEAD-B", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
  EXPECT_EQ(held.SupervisorsOf(kKabid)->atasan_langsung,
            Ref(kKadis, "HEAD-A", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
  EXPECT_EQ(held.SupervisorsOf(kStafJar)->atasan_langsung,
            Ref(kKadis, "HEAD-A", AssignmentKind::kDefinitif, SupervisorSource::kParentUnit));
  EXPECT_THAT(held.AllSubordinates(kKadis), ElementsAre(kKabid, kStafJar, kStafApl));
}

TEST(OrgIndex, AUnitWhoseParentIsUnknownIsTreatedAsARoot) {
  OrgSnapshot s;
  s.units = {{"A", "GONE"}};
  s.positions = {{"HEAD-A", "A", true}, {"STAF-A", "A", false}};
  s.assignments = {Holds(kKadis, "HEAD-A"), Holds(kStafJar, "STAF-A")};
  OrgIndex index(s, kMarch15);
  EXPECT_EQ(index.SupervisorsOf(kKadis)->atasan_langsung, std::nullopt);
  EXPECT_EQ(index.SupervisorsOf(kStafJar)->atasan_langsung->nip, kKadis);
}

TEST(OrgIndex, ScalesToTwentyThousandEmployees) {
  // One OPD, 50 bidang, 4 subbidang each: 251 units, each with a head; the rest are staff spread
  // over the subbidang.
  OrgSnapshot s;
  int next = 0;
  const auto new_nip = [&] { return absl::StrFormat("%018d", ++next); };
  const auto add_unit = [&](const std::string& code, const std::string& parent) {
    s.units.push_back({code, parent});
    s.positions.push_back({"HEAD-" + code, code, true});
    s.positions.push_back({"STAF-" + code, code, false});
    s.assignments.push_back(Holds(new_nip(), "HEAD-" + code));
  };
  add_unit("OPD", "");
  std::vector<std::string> leaves;
  for (int b = 0; b < 50; ++b) {
    const std::string bidang = absl::StrFormat("B%02d", b);
    add_unit(bidang, "OPD");
    for (int sb = 0; sb < 4; ++sb) {
      leaves.push_back(absl::StrFormat("%s-S%d", bidang, sb));
      add_unit(leaves.back(), bidang);
    }
  }
  for (size_t i = 0; next < 20000; ++i) {
    s.assignments.push_back(Holds(new_nip(), "STAF-" + leaves[i % leaves.size()]));
  }
  OrgIndex index(s, kMarch15);
  const std::string kepala = absl::StrFormat("%018d", 1);
  EXPECT_EQ(index.DirectSubordinates(kepala).size(), 50u);
  EXPECT_EQ(index.AllSubordinates(kepala).size(), 19999u);
  // Bidang B00 is the second unit: its head is employee 2, its subtree 4 heads + 4 x 99 staff.
  EXPECT_EQ(index.AllSubordinates(absl::StrFormat("%018d", 2)).size(), 4u + 4u * 99u);
}

TEST(ValidateOrgTree, AcceptsAForest) {
  EXPECT_TRUE(ValidateOrgTree(Kominfo().units).ok());
  EXPECT_TRUE(ValidateOrgTree({{"A", ""}, {"B", ""}, {"C", "B"}}).ok());
  EXPECT_TRUE(ValidateOrgTree({}).ok());
}

TEST(ValidateOrgTree, ReportsLoopsUnknownParentsAndDuplicates) {
  EXPECT_THAT(FieldViolationsOf(ValidateOrgTree({{"A", "C"}, {"B", "A"}, {"C", "B"}, {"D", "C"}})),
              ElementsAre(FieldViolation{"org_unit.parent_code",
                                         "org units form a parent loop: A -> C -> B -> A"}));
  EXPECT_THAT(FieldViolationsOf(ValidateOrgTree({{"A", "A"}}, "org_units")),
              ElementsAre(FieldViolation{"org_units", "org units form a parent loop: A -> A"}));
  EXPECT_THAT(
      FieldViolationsOf(ValidateOrgTree({{"A", ""}, {"B", "X"}, {"A", ""}})),
      ElementsAre(
          FieldViolation{"org_unit.parent_code", "org unit code \"A\" appears more than once"},
          FieldViolation{"org_unit.parent_code", "org unit \"B\" has unknown parent \"X\""}));
}

}  // namespace
}  // namespace ekinerja::identity

namespace ekinerja::identity {
namespace {

// Issue 8.1/8.3: an ADMIN_OPD's scope reaches an employee through the position that places them.
Assignment Definitive(std::string position, absl::CivilDay start,
                      std::optional<absl::CivilDay> end = std::nullopt) {
  return {"x", std::move(position), AssignmentKind::kDefinitif, start, end};
}

TEST(AdministeringPosition, IsTheDefinitivePositionInForceThatDay) {
  std::vector<Assignment> as = {
      Definitive("DISDIK.STAF", absl::CivilDay(2020, 1, 1), absl::CivilDay(2023, 12, 31)),
      Definitive("DINKES.STAF", absl::CivilDay(2024, 1, 1))};
  as.push_back({"x", "BAPPEDA.KABID", AssignmentKind::kPlt, absl::CivilDay(2024, 2, 1), {}});
  EXPECT_EQ(AdministeringPosition(as, absl::CivilDay(2022, 6, 1)), "DISDIK.STAF");
  EXPECT_EQ(AdministeringPosition(as, absl::CivilDay(2024, 3, 15)), "DINKES.STAF");
}

TEST(AdministeringPosition, BetweenPositionsIsTheLatestHeld) {
  const std::vector<Assignment> as = {
      Definitive("DISDIK.STAF", absl::CivilDay(2020, 1, 1), absl::CivilDay(2023, 12, 31)),
      Definitive("DISDIK.KASI", absl::CivilDay(2019, 1, 1), absl::CivilDay(2019, 12, 31))};
  EXPECT_EQ(AdministeringPosition(as, absl::CivilDay(2024, 3, 15)), "DISDIK.STAF");
  EXPECT_EQ(AdministeringPosition(as, absl::CivilDay(2018, 3, 15)), "DISDIK.STAF");
}

TEST(AdministeringPosition, NeverPlacedOrActingOnlyIsNone) {
  EXPECT_EQ(AdministeringPosition({}, absl::CivilDay(2024, 3, 15)), "");
  const std::vector<Assignment> acting = {
      {"x", "DINKES.KABID", AssignmentKind::kPlh, absl::CivilDay(2024, 1, 1), {}}};
  EXPECT_EQ(AdministeringPosition(acting, absl::CivilDay(2024, 3, 15)), "");
}

TEST(SubtreeOf, IsTheRootAndEveryUnitBelowItBreadthFirst) {
  const std::vector<OrgUnit> units = {
      {"PEMDA", ""},       {"DISDIK", "PEMDA"},      {"DISDIK.SD", "DISDIK"},
      {"DINKES", "PEMDA"}, {"DISDIK.SMP", "DISDIK"}, {"DISDIK.SD.1", "DISDIK.SD"}};
  EXPECT_THAT(SubtreeOf(units, "DISDIK"),
              ElementsAre("DISDIK", "DISDIK.SD", "DISDIK.SMP", "DISDIK.SD.1"));
  EXPECT_THAT(SubtreeOf(units, "DINKES"), ElementsAre("DINKES"));
  EXPECT_THAT(SubtreeOf(units, "BAPPEDA"), IsEmpty());
}

TEST(SubtreeOf, ALoopInTheParentsEndsTheWalk) {
  const std::vector<OrgUnit> units = {{"A", "B"}, {"B", "A"}, {"C", "B"}};
  EXPECT_THAT(SubtreeOf(units, "A"), ElementsAre("A", "B", "C"));
}

// DOMAIN §1: one definitive position at a time.
TEST(SucceedDefinitive, ANewPositionEndsTheOneInForceTheDayBefore) {
  std::vector<Assignment> as = {
      Definitive("DISDIK.KASI", absl::CivilDay(2015, 1, 1), absl::CivilDay(2018, 12, 31)),
      Definitive("DISDIK.STAF", absl::CivilDay(2019, 1, 1))};
  as.push_back({"x", "DINKES.KABID", AssignmentKind::kPlt, absl::CivilDay(2024, 2, 1), {}});
  const DefinitiveSuccession next =
      SucceedDefinitive(as, "DINKES.STAF", absl::CivilDay(2025, 7, 1));
  EXPECT_FALSE(next.unchanged);
  EXPECT_THAT(next.to_end, ElementsAre(1u));  // not the one that ended in 2018, not the Plt
  EXPECT_THAT(next.conflicts, IsEmpty());
}

TEST(SucceedDefinitive, TheSamePositionAlreadyHeldIsUnchanged) {
  const std::vector<Assignment> as = {Definitive("DISDIK.STAF", absl::CivilDay(2019, 1, 1))};
  for (absl::CivilDay start : {absl::CivilDay(2019, 1, 1), absl::CivilDay(2025, 7, 1)}) {
    const DefinitiveSuccession next = SucceedDefinitive(as, "DISDIK.STAF", start);
    EXPECT_TRUE(next.unchanged);
    EXPECT_THAT(next.to_end, IsEmpty());
    EXPECT_THAT(next.conflicts, IsEmpty());
  }
}

TEST(SucceedDefinitive, APositionFromTheSameDayOrLaterIsAConflict) {
  const std::vector<Assignment> as = {Definitive("DISDIK.STAF", absl::CivilDay(2025, 7, 1)),
                                      Definitive("DINKES.STAF", absl::CivilDay(2026, 1, 1))};
  const DefinitiveSuccession next =
      SucceedDefinitive(as, "BAPPEDA.STAF", absl::CivilDay(2025, 7, 1));
  EXPECT_FALSE(next.unchanged);
  EXPECT_THAT(next.to_end, IsEmpty());
  EXPECT_THAT(next.conflicts, ElementsAre(absl::CivilDay(2025, 7, 1), absl::CivilDay(2026, 1, 1)));
  // Moving the start of the same position earlier rewrites history too.
  EXPECT_THAT(SucceedDefinitive(as, "DISDIK.STAF", absl::CivilDay(2025, 6, 1)).conflicts,
              ElementsAre(absl::CivilDay(2025, 7, 1), absl::CivilDay(2026, 1, 1)));
}

// What a login's token carries (LoginRolesOf, DESIGN §5).
TEST(LoginRolesOf, AHeadIsPegawaiAndAtasanInTheirOwnUnitBeforeGrantedRoles) {
  const OrgIndex org(Kominfo(), kMarch15);
  LoginRoles login = LoginRolesOf(&org, kKasubJar, "", {Role::kAuditor});
  EXPECT_EQ(login.roles, (std::vector<Role>{Role::kPegawai, Role::kAtasan, Role::kAuditor}));
  EXPECT_EQ(login.org_unit, "SUB-JAR");
}

TEST(LoginRolesOf, StaffAreOnlyPegawaiAndTheirUnitWinsOverAnAdminUnit) {
  const OrgIndex org(Kominfo(), kMarch15);
  LoginRoles login = LoginRolesOf(&org, kStafJar, "BID-TI", {Role::kAdminOpd});
  EXPECT_EQ(login.roles, (std::vector<Role>{Role::kPegawai, Role::kAdminOpd}));
  EXPECT_EQ(login.org_unit, "SUB-JAR");
}

TEST(LoginRolesOf, AnAccountWithoutANipHasOnlyItsGrantedRolesAndAdminUnit) {
  LoginRoles login = LoginRolesOf(nullptr, "", "BID-TI", {Role::kAdminOpd});
  EXPECT_EQ(login.roles, std::vector<Role>{Role::kAdminOpd});
  EXPECT_EQ(login.org_unit, "BID-TI");
}

TEST(LoginRolesOf, AHeadWhoseUnitIsVacantBelowIsNoAtasanOfThatUnit) {
  // KASUB-APL vacant: its staff answer to KABID-TI, who stays ATASAN; nobody holds KASUB-APL.
  const OrgIndex org(KominfoWithVacantKasubApl(), kMarch15);
  EXPECT_EQ(LoginRolesOf(&org, kKabid, "", {}).roles,
            (std::vector<Role>{Role::kPegawai, Role::kAtasan}));
  EXPECT_EQ(LoginRolesOf(&org, kKasubApl, "", {}).roles, std::vector<Role>{Role::kPegawai});
}

}  // namespace
}  // namespace ekinerja::identity

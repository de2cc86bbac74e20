// The fake of identity (tests/mocks/fake_directory.h) answers as identity does, so that the
// service tests that run against it test what they claim: the same questions, asked of the shared
// gRPC Directory against the real identity (with real tokens) and of a FakeDirectory declared with
// the same seed (with its own tokens), get the same answers, before and after an employee moves,
// for callers of every kind; and the answers every service relies on (supervisors, snapshots) are
// the exact values expected, from both.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fake_directory.h"
#include "gtest/gtest.h"
#include "integration/clients/identity_client_fixture.h"
#include "integration/common/fake_seed.h"
#include "test_tokens.h"

namespace ekinerja::clients::it {
namespace {

namespace idv1 = ::ekinerja::identity::v1;

const absl::CivilDay kBeforeSeed(2019, 1, 1);
const absl::CivilDay kBeforePlt(2023, 6, 1);
const absl::CivilDay kDay(2025, 3, 12);
const absl::CivilDay kMoved(2025, 7, 1);
// A valid NIP that no seeded tenant has.
constexpr char kNobody[] = "196702271998032003";

std::vector<std::string> NipsOf(const std::vector<EmployeeUnit>& units) {
  std::vector<std::string> out;
  for (const EmployeeUnit& u : units)
    out.push_back(absl::StrCat(u.nip, "@", absl::StrJoin(u.unit_path, "/")));
  return out;
}

// Answers as one line each, so that both sides compare whole and a difference reads plainly.
std::string Describe(const std::optional<Person>& p) {
  if (!p) return "-";
  return absl::StrCat(p->nip, " ", p->name, " ", p->golongan, " ", p->position_code, " ",
                      ActingKindName(p->kind));
}
std::string Describe(const absl::StatusOr<Supervisors>& s) {
  if (!s.ok()) return absl::StatusCodeToString(s.status().code());
  return absl::StrCat("atasan: ", Describe(s->atasan_langsung),
                      "; penilai: ", Describe(s->pejabat_penilai));
}
std::string Describe(const absl::StatusOr<EmployeeSnapshot>& s) {
  if (!s.ok()) return absl::StatusCodeToString(s.status().code());
  return absl::StrJoin({s->nip, s->name, s->golongan, s->position_code, s->position_name,
                        s->position_kind, absl::StrCat(s->kelas_jabatan), s->org_unit_code,
                        s->org_unit_name, std::string(s->head_of_unit ? "head" : "not head")},
                       " | ");
}

class FakeDirectoryContractTest : public IdentityClientTest {
 protected:
  void SetUp() override {
    IdentityClientTest::SetUp();
    if (HasFatalFailure()) return;
    real_ = SeedDirectory("dinkes");
    if (HasFatalFailure()) return;
    fake_ = integration::DeclareSeedTenant(fake_directory_, "dinkes", 0);
    ASSERT_EQ(fake_.all_nips, real_.all_nips);
    const SeededTenant other = SeedTenant("lain");
    ASSERT_FALSE(HasFatalFailure());
    const SeededTenant fake_other = integration::DeclareSeedTenant(fake_directory_, "lain", 1);
    ASSERT_EQ(fake_other.all_nips, other.all_nips);

    for (const std::string& login :
         {std::string(integration::kTenantAdmin), std::string(integration::kAuditor),
          std::string(integration::kOpdAdmin), real_.kadis, real_.kabid_p2p, real_.staf_p2p,
          real_.staf_s1_a, real_.staf_s1_b, real_.staf_yankes}) {
      callers_.push_back({login, Token(real_, login), FakeToken(login)});
    }
    auto service = fake_directory_.ServiceToken("dinkes");
    ASSERT_TRUE(service.ok()) << service.status();
    callers_.push_back({"SERVICE", service_token_, *service});
    callers_.push_back({"other tenant's admin", other.admin_token, fake_other.admin_token});
    callers_.push_back({"other tenant's kadis", Token(other, other.kadis),
                        integration::SeededLogin(fake_directory_, fake_other, fake_other.kadis)});
    ASSERT_FALSE(HasFailure());
  }

  std::string FakeToken(const std::string& login) {
    return integration::SeededLogin(fake_directory_, fake_, login);
  }

  // Runs `check` against identity with `login`'s real token, then against the fake with its own.
  void ForBoth(const std::string& login,
               const std::function<void(Directory&, const std::string& token)>& check) {
    {
      SCOPED_TRACE("identity");
      check(directory(), Token(real_, login));
    }
    {
      SCOPED_TRACE("fake");
      check(fake_directory_, FakeToken(login));
    }
  }

  // Every question of the Directory, of both, on `days`.
  void ExpectSameAnswers(const std::vector<absl::CivilDay>& days) {
    Directory& real = directory();
    std::vector<std::string> nips = real_.all_nips;
    nips.push_back(kNobody);
    for (const Caller& c : callers_) {
      SCOPED_TRACE(c.name);
      for (absl::CivilDay day : days) {
        SCOPED_TRACE(absl::FormatCivilTime(day));
        for (const std::string& nip : nips) {
          SCOPED_TRACE(nip);
          EXPECT_EQ(real.CheckReadsEmployee(c.real, nip, day).code(),
                    fake_directory_.CheckReadsEmployee(c.fake, nip, day).code());
          auto real_atasan = real.AtasanOf(c.real, nip, day);
          auto fake_atasan = fake_directory_.AtasanOf(c.fake, nip, day);
          EXPECT_EQ(real_atasan.status().code(), fake_atasan.status().code());
          if (real_atasan.ok() && fake_atasan.ok()) {
            EXPECT_EQ(*real_atasan, *fake_atasan);
          }
          EXPECT_EQ(Describe(real.SupervisorsOf(c.real, nip, day)),
                    Describe(fake_directory_.SupervisorsOf(c.fake, nip, day)));
          EXPECT_EQ(Describe(real.SnapshotOf(c.real, nip, day)),
                    Describe(fake_directory_.SnapshotOf(c.fake, nip, day)));
        }
        for (const char* unit : {"", "DINKES", "DINKES.P2P", "DINKES.YANKES", "NO.SUCH.UNIT"}) {
          SCOPED_TRACE(unit);
          auto real_units = real.EmployeesOf(c.real, unit, day);
          auto fake_units = fake_directory_.EmployeesOf(c.fake, unit, day);
          ASSERT_EQ(real_units.status().code(), fake_units.status().code());
          if (real_units.ok()) {
            EXPECT_EQ(NipsOf(*real_units), NipsOf(*fake_units));
            for (size_t i = 0; i < real_units->size() && i < fake_units->size(); ++i) {
              EXPECT_EQ((*real_units)[i].position_code, (*fake_units)[i].position_code)
                  << (*real_units)[i].nip;
            }
          }
        }
      }
      EXPECT_EQ(
          real.CheckReadsEmployeeDuring(c.real, real_.staf_s1_a, days.front(), days.back()).code(),
          fake_directory_
              .CheckReadsEmployeeDuring(c.fake, real_.staf_s1_a, days.front(), days.back())
              .code());
      for (const char* unit : {"DINKES.P2P.S1", "NO.SUCH.UNIT"}) {
        EXPECT_EQ(real.CheckOrgUnit(c.real, unit).code(),
                  fake_directory_.CheckOrgUnit(c.fake, unit).code());
      }
      // Each caller asks for their own tenant's zone (what a service asks).
      const std::string tenant = absl::StartsWith(c.name, "other tenant") ? "lain" : "dinkes";
      auto real_zone = real.TenantZone(c.real, tenant);
      auto fake_zone = fake_directory_.TenantZone(c.fake, tenant);
      EXPECT_EQ(real_zone.status().code(), fake_zone.status().code());
      if (real_zone.ok() && fake_zone.ok()) {
        EXPECT_EQ(*real_zone, *fake_zone);
      }
      auto real_missing = real.MissingEmployees(c.real, nips);
      auto fake_missing = fake_directory_.MissingEmployees(c.fake, nips);
      EXPECT_EQ(real_missing.status().code(), fake_missing.status().code());
      if (real_missing.ok() && fake_missing.ok()) {
        EXPECT_EQ(*real_missing, *fake_missing);
      }
    }
  }

  // From kMoved, staf_s1_a is on Yankes' staff: in identity through its API, in the fake as
  // declared.
  void MoveStafS1AToYankes() {
    MoveEmployee(real_.staf_s1_a, "DINKES.YANKES.STAF", kMoved);
    ASSERT_FALSE(HasFatalFailure());
    fake_directory_.Move("dinkes", fake_.staf_s1_a, "DINKES.YANKES.STAF", kMoved);
  }

  // From `from`, kadis leaves for a staff position and kabid_yankes acts as Plt Kepala Dinas: in
  // identity through its API, in the fake as declared.
  void PltKadisFrom(absl::CivilDay from) {
    MoveEmployee(real_.kadis, "DINKES.STAF", from);
    ASSERT_FALSE(HasFatalFailure());
    idv1::CreateAssignmentRequest plt;
    plt.mutable_assignment()->set_nip(real_.kabid_yankes);
    plt.mutable_assignment()->set_position_code("DINKES.KADIS");
    plt.mutable_assignment()->set_kind(idv1::ASSIGNMENT_KIND_PLT);
    *plt.mutable_assignment()->mutable_start_date() = Date(from);
    idv1::Assignment out;
    ASSERT_TRUE(Ok(stub().CreateAssignment(Ctx(admin_token_).get(), plt, &out)));
    fake_directory_.Move("dinkes", fake_.kadis, "DINKES.STAF", from);
    fake_directory_.AddAssignment("dinkes", {fake_.kabid_yankes, "DINKES.KADIS",
                                             identity::AssignmentKind::kPlt, from, std::nullopt});
  }

  struct Caller {
    std::string name, real, fake;
  };
  mocks::TestTokenIssuer issuer_;
  mocks::FakeDirectory fake_directory_{issuer_, kPlatformService};
  SeededTenant real_, fake_;
  std::vector<Caller> callers_;
};

TEST_F(FakeDirectoryContractTest, AnswersAsIdentityOnTheSeededTenant) {
  ASSERT_FALSE(HasFatalFailure());
  ExpectSameAnswers({kBeforeSeed, kBeforePlt, kDay});
}

TEST_F(FakeDirectoryContractTest, AnswersAsIdentityAfterAMove) {
  ASSERT_FALSE(HasFatalFailure());
  MoveStafS1AToYankes();
  ASSERT_FALSE(HasFatalFailure());
  ExpectSameAnswers({kMoved - 1, kMoved});
}

TEST_F(FakeDirectoryContractTest, AnswersAsIdentityUnderAPltHeadOfTheParentUnit) {
  ASSERT_FALSE(HasFatalFailure());
  PltKadisFrom(kMoved);
  ASSERT_FALSE(HasFatalFailure());
  ExpectSameAnswers({kMoved - 1, kMoved});
}

TEST_F(FakeDirectoryContractTest, SupervisorsOfStaffUnderAHeadAndUnderAPlt) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant& t = real_;
  const std::string kabid_yankes =
      absl::StrCat(t.kabid_yankes, " Fitri Handayani IV/a DINKES.YANKES.KABID DEFINITIF");
  const std::string plt_kasi =
      absl::StrCat(t.staf_p2p, " Budi Hartono III/c DINKES.P2P.S1.KASI PLT");
  const std::string kabid_p2p =
      absl::StrCat(t.kabid_p2p, " Sri Wahyuni IV/a DINKES.P2P.KABID DEFINITIF");
  ForBoth(integration::kTenantAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_yankes, kDay)),
              absl::StrCat("atasan: ", kabid_yankes, "; penilai: ", kabid_yankes));
    // S1's Kasi is vacant: its Plt from kPltStart, the head of the unit above before.
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_s1_a, kDay)),
              absl::StrCat("atasan: ", plt_kasi, "; penilai: ", plt_kasi));
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_s1_a, kBeforePlt)),
              absl::StrCat("atasan: ", kabid_p2p, "; penilai: ", kabid_p2p));
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_s1_a, kBeforeSeed)), "NOT_FOUND");
    auto atasan = dir.AtasanOf(token, t.staf_s1_b, kDay);
    ASSERT_TRUE(atasan.ok()) << atasan.status();
    EXPECT_EQ(*atasan, t.staf_p2p);
  });
  // The employee asks about themselves; not about a colleague.
  ForBoth(t.staf_s1_b, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_s1_b, kDay)),
              absl::StrCat("atasan: ", plt_kasi, "; penilai: ", plt_kasi));
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_yankes, kDay)), "PERMISSION_DENIED");
  });
}

TEST_F(FakeDirectoryContractTest, SupervisorsOfAHeadUnderAPltHeadAndAtTheTop) {
  ASSERT_FALSE(HasFatalFailure());
  PltKadisFrom(kMoved);
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant& t = real_;
  const std::string kadis = absl::StrCat(t.kadis, " dr. Ahmad Santoso IV/c DINKES.KADIS DEFINITIF");
  const std::string plt_kadis =
      absl::StrCat(t.kabid_yankes, " Fitri Handayani IV/a DINKES.KADIS PLT");
  ForBoth(integration::kTenantAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.kabid_p2p, kMoved - 1)),
              absl::StrCat("atasan: ", kadis, "; penilai: ", kadis));
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.kabid_p2p, kMoved)),
              absl::StrCat("atasan: ", plt_kadis, "; penilai: ", plt_kadis));
    // The former Kepala Dinas, now on the staff of the Dinas, is under the Plt too.
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.kadis, kMoved)),
              absl::StrCat("atasan: ", plt_kadis, "; penilai: ", plt_kadis));
    // The top of the tree: the Kepala Dinas; the Plt, who heads the Dinas as well as Yankes.
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.kadis, kMoved - 1)), "atasan: -; penilai: -");
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.kabid_yankes, kMoved)), "atasan: -; penilai: -");
    auto atasan = dir.AtasanOf(token, t.kabid_yankes, kMoved);
    ASSERT_TRUE(atasan.ok()) << atasan.status();
    EXPECT_EQ(*atasan, "");
  });
}

TEST_F(FakeDirectoryContractTest, SupervisorsOfFollowAnOverride) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant& t = real_;
  const absl::CivilDay from(2025, 1, 1);
  idv1::CreateSupervisorOverrideRequest req;
  req.mutable_supervisor_override()->set_nip(t.staf_s1_b);
  req.mutable_supervisor_override()->set_supervisor_nip(t.kabid_yankes);
  req.mutable_supervisor_override()->set_role(idv1::SUPERVISOR_ROLE_PEJABAT_PENILAI);
  *req.mutable_supervisor_override()->mutable_start_date() = Date(from);
  idv1::SupervisorOverride out;
  ASSERT_TRUE(Ok(stub().CreateSupervisorOverride(Ctx(admin_token_).get(), req, &out)));
  fake_directory_.AddSupervisorOverride(
      "dinkes", {fake_.staf_s1_b, fake_.kabid_yankes, identity::SupervisorRole::kPejabatPenilai,
                 from, std::nullopt});
  const std::string plt_kasi =
      absl::StrCat(t.staf_p2p, " Budi Hartono III/c DINKES.P2P.S1.KASI PLT");
  ForBoth(integration::kTenantAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_s1_b, from)),
              absl::StrCat("atasan: ", plt_kasi, "; penilai: ", t.kabid_yankes,
                           " Fitri Handayani IV/a DINKES.YANKES.KABID DEFINITIF"));
    EXPECT_EQ(Describe(dir.SupervisorsOf(token, t.staf_s1_b, from - 1)),
              absl::StrCat("atasan: ", plt_kasi, "; penilai: ", plt_kasi));
  });
}

TEST_F(FakeDirectoryContractTest, SnapshotOfDescribesTheEmployeeAsOnTheDay) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant& t = real_;
  MoveStafS1AToYankes();
  ASSERT_FALSE(HasFatalFailure());
  ForBoth(integration::kTenantAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_s1_a, kMoved - 1)),
              absl::StrCat(t.staf_s1_a,
                           " | Dewi Lestari | III/a | DINKES.P2P.S1.STAF | Pengelola Data "
                           "Surveilans | PELAKSANA | 6 | DINKES.P2P.S1 | Seksi Surveilans dinkes | "
                           "not head"));
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_s1_a, kMoved)),
              absl::StrCat(t.staf_s1_a,
                           " | Dewi Lestari | III/a | DINKES.YANKES.STAF | Epidemiolog Kesehatan "
                           "| FUNGSIONAL | 8 | DINKES.YANKES | Bidang Pelayanan Kesehatan dinkes | "
                           "not head"));
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.kabid_p2p, kDay)),
              absl::StrCat(t.kabid_p2p,
                           " | Sri Wahyuni | IV/a | DINKES.P2P.KABID | Kepala Bidang P2P | "
                           "ADMINISTRATOR | 12 | DINKES.P2P | Bidang P2P dinkes | head"));
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.kadis, kDay)),
              absl::StrCat(t.kadis,
                           " | dr. Ahmad Santoso | IV/c | DINKES.KADIS | Kepala Dinas | JPT | 15 "
                           "| DINKES | Dinas Kesehatan dinkes | head"));
    // The Plt of S1's Kasi, as the pejabat penilai of S1's staff: through the Kasi position.
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_p2p, kDay, "DINKES.P2P.S1.KASI")),
              absl::StrCat(t.staf_p2p,
                           " | Budi Hartono | III/c | DINKES.P2P.S1.KASI | Kepala Seksi "
                           "Surveilans | PENGAWAS | 9 | DINKES.P2P.S1 | Seksi Surveilans dinkes | "
                           "head"));
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_p2p, kDay, "DINKES.P2P.STAF")),
              absl::StrCat(t.staf_p2p,
                           " | Budi Hartono | III/c | DINKES.P2P.STAF | Analis P2P | PELAKSANA | "
                           "7 | DINKES.P2P | Bidang P2P dinkes | not head"));
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_p2p, kDay, "NO.SUCH.POSITION")), "NOT_FOUND");
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_s1_a, kBeforeSeed)), "NOT_FOUND");
    EXPECT_EQ(Describe(dir.SnapshotOf(token, kNobody, kDay)), "NOT_FOUND");
  });
  ForBoth(t.staf_s1_b, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(Describe(dir.SnapshotOf(token, t.staf_yankes, kDay)), "PERMISSION_DENIED");
  });
}

std::string Describe(const std::string& nip, const EmployeePeriod& e) {
  std::vector<std::string> held;
  for (const PositionHeld& p : e.positions) {
    held.push_back(absl::StrCat(p.position_code, " ", p.kelas_jabatan, " ", p.org_unit_code, " ",
                                absl::FormatCivilTime(p.first), "..",
                                absl::FormatCivilTime(p.last)));
  }
  return absl::StrCat(e.nip == nip ? "*" : e.nip, " ", e.name, " ", e.golongan, " ", e.status, ": ",
                      absl::StrJoin(held, "; "));
}

// The employees of a month, streamed (what scoring reads): the same from both, for every caller
// and unit, after a move in the middle of the range and with one employee on CLTN.
TEST_F(FakeDirectoryContractTest, EmployeesOfPeriodAnswersAsIdentity) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant& t = real_;
  MoveStafS1AToYankes();
  ASSERT_FALSE(HasFatalFailure());
  idv1::UpdateEmployeeRequest cltn;
  cltn.mutable_employee()->set_nip(t.staf_yankes);
  cltn.mutable_employee()->set_status(idv1::EMPLOYMENT_STATUS_CLTN);
  cltn.mutable_update_mask()->add_paths("status");
  idv1::Employee updated;
  ASSERT_TRUE(Ok(stub().UpdateEmployee(Ctx(admin_token_).get(), cltn, &updated)));
  fake_directory_.SetStatus("dinkes", fake_.staf_yankes, "CLTN");

  const absl::CivilDay first = kMoved - 16, last = kMoved + 14;
  // What either answers, one line per employee ("*" for staf_s1_a), or the status code.
  auto answer = [&](Directory& dir, const std::string& token, const std::string& unit) {
    std::vector<std::string> lines;
    const absl::Status st = dir.EmployeesOfPeriod(
        token, unit, first, last,
        [&](const EmployeePeriod& e) { lines.push_back(Describe(t.staf_s1_a, e)); });
    if (!st.ok()) lines.push_back(absl::StatusCodeToString(st.code()));
    return lines;
  };
  for (const Caller& c : callers_) {
    SCOPED_TRACE(c.name);
    for (const char* unit : {"", "DINKES", "DINKES.P2P", "DINKES.YANKES", "NO.SUCH.UNIT"}) {
      SCOPED_TRACE(unit);
      EXPECT_EQ(answer(directory(), c.real, unit), answer(fake_directory_, c.fake, unit));
    }
  }
  ForBoth(integration::kTenantAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(answer(dir, token, "DINKES.YANKES"),
              (std::vector<std::string>{
                  "* Dewi Lestari III/a AKTIF: DINKES.YANKES.STAF 8 DINKES.YANKES "
                  "2025-07-01..2025-07-15",
                  absl::StrCat(t.kabid_yankes,
                               " Fitri Handayani IV/a AKTIF: DINKES.YANKES.KABID 12 DINKES.YANKES "
                               "2025-06-15..2025-07-15"),
                  absl::StrCat(t.staf_yankes,
                               " Gilang Ramadhan III/b CLTN: DINKES.YANKES.STAF 8 DINKES.YANKES "
                               "2025-06-15..2025-07-15")}));
    std::vector<std::string> all = answer(dir, token, "");
    ASSERT_EQ(all.size(), 8u);
    EXPECT_EQ(all[3],
              "* Dewi Lestari III/a AKTIF: DINKES.P2P.S1.STAF 6 DINKES.P2P.S1 "
              "2025-06-15..2025-06-30; DINKES.YANKES.STAF 8 DINKES.YANKES 2025-07-01..2025-07-15");
    EXPECT_EQ(answer(dir, token, "DINKES.P2P.S1"),
              (std::vector<std::string>{"* Dewi Lestari III/a AKTIF: DINKES.P2P.S1.STAF 6 "
                                        "DINKES.P2P.S1 2025-06-15..2025-06-30",
                                        absl::StrCat(t.staf_s1_b,
                                                     " Eko Prasetyo II/c AKTIF: DINKES.P2P.S1.STAF "
                                                     "6 DINKES.P2P.S1 2025-06-15..2025-07-15")}));
  });
  ForBoth(integration::kOpdAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(answer(dir, token, ""), std::vector<std::string>{"PERMISSION_DENIED"});
    EXPECT_EQ(answer(dir, token, "DINKES.YANKES"), std::vector<std::string>{"PERMISSION_DENIED"});
    EXPECT_EQ(answer(dir, token, "DINKES.P2P").size(), 4u);
  });
}

// The whole tenant's employees in post with their atasan, streamed (what the warning service's
// daily sweep reads): the same from both, for every caller, before and under the Plt Kepala Dinas.
TEST_F(FakeDirectoryContractTest, SupervisorsOnAnswersAsIdentity) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant& t = real_;
  auto answer = [&](Directory& dir, const std::string& token, absl::CivilDay day) {
    std::vector<std::string> lines;
    const absl::Status st = dir.SupervisorsOn(token, day, [&](const EmployeeSupervisor& e) {
      lines.push_back(absl::StrCat(e.nip, " ", e.name, " ", e.org_unit_code, " ", e.opd_code,
                                   " -> ", e.atasan_nip.empty() ? "-" : e.atasan_nip, " ",
                                   e.atasan_name));
    });
    if (!st.ok()) lines.push_back(absl::StatusCodeToString(st.code()));
    return lines;
  };
  PltKadisFrom(kMoved);
  ASSERT_FALSE(HasFatalFailure());
  for (const Caller& c : callers_) {
    SCOPED_TRACE(c.name);
    for (absl::CivilDay day : {kBeforeSeed, kBeforePlt, kMoved - 1, kMoved}) {
      SCOPED_TRACE(absl::FormatCivilTime(day));
      EXPECT_EQ(answer(directory(), c.real, day), answer(fake_directory_, c.fake, day));
    }
  }
  const std::string kadis = absl::StrCat(t.kadis, " dr. Ahmad Santoso");
  const std::string plt_kadis = absl::StrCat(t.kabid_yankes, " Fitri Handayani");
  ForBoth(integration::kTenantAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(answer(dir, token, kMoved - 1),
              (std::vector<std::string>{
                  absl::StrCat(t.kadis, " dr. Ahmad Santoso DINKES DINKES -> - "),
                  absl::StrCat(t.kabid_p2p, " Sri Wahyuni DINKES.P2P DINKES -> ", kadis),
                  absl::StrCat(t.staf_p2p, " Budi Hartono DINKES.P2P DINKES -> ", t.kabid_p2p,
                               " Sri Wahyuni"),
                  absl::StrCat(t.staf_s1_a, " Dewi Lestari DINKES.P2P.S1 DINKES -> ", t.staf_p2p,
                               " Budi Hartono"),
                  absl::StrCat(t.staf_s1_b, " Eko Prasetyo DINKES.P2P.S1 DINKES -> ", t.staf_p2p,
                               " Budi Hartono"),
                  absl::StrCat(t.kabid_yankes, " Fitri Handayani DINKES.YANKES DINKES -> ", kadis),
                  absl::StrCat(t.staf_yankes, " Gilang Ramadhan DINKES.YANKES DINKES -> ",
                               t.kabid_yankes, " Fitri Handayani"),
                  absl::StrCat(t.staf_sekretariat, " Hana Pertiwi DINKES DINKES -> ", kadis)}));
    const std::vector<std::string> under_plt = answer(dir, token, kMoved);
    ASSERT_EQ(under_plt.size(), 8u);
    EXPECT_EQ(under_plt[0],
              absl::StrCat(t.kadis, " dr. Ahmad Santoso DINKES DINKES -> ", plt_kadis));
    EXPECT_EQ(under_plt[1],
              absl::StrCat(t.kabid_p2p, " Sri Wahyuni DINKES.P2P DINKES -> ", plt_kadis));
    EXPECT_EQ(under_plt[5],
              absl::StrCat(t.kabid_yankes, " Fitri Handayani DINKES.YANKES DINKES -> - "));
  });
  ForBoth(integration::kOpdAdmin, [&](Directory& dir, const std::string& token) {
    EXPECT_EQ(answer(dir, token, kMoved), std::vector<std::string>{"PERMISSION_DENIED"});
  });
}

// The fake knows only the tokens it made, as identity accepts only its own.
TEST_F(FakeDirectoryContractTest, AStrangersTokenIsUnauthenticatedByBoth) {
  ASSERT_FALSE(HasFatalFailure());
  for (Directory* dir : {&directory(), static_cast<Directory*>(&fake_directory_)}) {
    SCOPED_TRACE(dir == &directory() ? "identity" : "fake");
    EXPECT_EQ(dir->CheckReadsEmployee("not-a-token", real_.staf_s1_a, kDay).code(),
              absl::StatusCode::kUnauthenticated);
    EXPECT_EQ(Describe(dir->SupervisorsOf("not-a-token", real_.staf_s1_a, kDay)),
              "UNAUTHENTICATED");
    EXPECT_EQ(Describe(dir->SnapshotOf("not-a-token", real_.staf_s1_a, kDay)), "UNAUTHENTICATED");
  }
  EXPECT_EQ(fake_directory_.CheckReadsEmployee(callers_[0].real, real_.staf_s1_a, kDay).code(),
            absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace ekinerja::clients::it

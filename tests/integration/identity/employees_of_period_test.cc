// StreamEmployeesOfPeriod: who held which definitive position on the days of a range (what a
// monthly TPP run reads, issue 12), on the seeded Dinas Kesehatan: a move mid-month gives two
// clipped terms, a term that ended before the range is absent (and present from its last day), a
// Plt is no term, the subtree filter, a status other than AKTIF, the keyset over more than one
// batch, the rights and the bad input.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::ElementsAre;

const absl::CivilDay kMarch1(2025, 3, 1);
const absl::CivilDay kMarch31(2025, 3, 31);
const absl::CivilDay kMoved(2025, 3, 15);

class EmployeesOfPeriodTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (HasFatalFailure()) return;
    t_ = SeedTenant("kota-a");
  }

  grpc::Status Stream(const std::string& token, const std::string& unit, bool subtree,
                      absl::CivilDay first, absl::CivilDay last,
                      std::vector<v1::EmployeeOfPeriod>* out) {
    v1::StreamEmployeesOfPeriodRequest req;
    req.set_org_unit_code(unit);
    req.set_include_subtree(subtree);
    *req.mutable_start_date() = Date(first);
    *req.mutable_end_date() = Date(last);
    return Stream(token, req, out);
  }
  grpc::Status Stream(const std::string& token, const v1::StreamEmployeesOfPeriodRequest& req,
                      std::vector<v1::EmployeeOfPeriod>* out) {
    auto ctx = Ctx(token);
    auto reader = stub().StreamEmployeesOfPeriod(ctx.get(), req);
    v1::EmployeeOfPeriod e;
    while (reader->Read(&e)) out->push_back(e);
    return reader->Finish();
  }

  // One line per employee: "nip name golongan STATUS: position kelas/nilai unit first..last; ...".
  std::vector<std::string> Lines(const std::string& token, const std::string& unit, bool subtree,
                                 absl::CivilDay first = kMarch1, absl::CivilDay last = kMarch31) {
    std::vector<v1::EmployeeOfPeriod> got;
    EXPECT_TRUE(Ok(Stream(token, unit, subtree, first, last, &got))) << unit;
    std::vector<std::string> out;
    for (const auto& e : got) {
      std::vector<std::string> terms;
      for (const auto& t : e.terms()) {
        terms.push_back(absl::StrFormat(
            "%s %d/%d %s %04d-%02d-%02d..%04d-%02d-%02d", t.position_code(), t.kelas_jabatan(),
            t.nilai_jabatan(), t.org_unit_code(), t.start_date().year(), t.start_date().month(),
            t.start_date().day(), t.end_date().year(), t.end_date().month(), t.end_date().day()));
      }
      out.push_back(absl::StrCat(e.nip(), " ", e.name(), " ", e.golongan(), " ",
                                 v1::EmploymentStatus_Name(e.status()), ": ",
                                 absl::StrJoin(terms, "; ")));
    }
    return out;
  }
  std::vector<std::string> Nips(const std::string& token, const std::string& unit, bool subtree,
                                absl::CivilDay first = kMarch1, absl::CivilDay last = kMarch31) {
    std::vector<v1::EmployeeOfPeriod> got;
    EXPECT_TRUE(Ok(Stream(token, unit, subtree, first, last, &got))) << unit;
    std::vector<std::string> out;
    for (const auto& e : got) out.push_back(e.nip());
    return out;
  }

  // As the admin, through the SIMPEG import: `nip` holds `position` of `unit` from `from` (the
  // position held before ends the day before), with `status`.
  void Import(const std::string& rows) {
    v1::ImportEmployeesRequest req;
    req.set_csv(
        absl::StrCat("nip,name,golongan,position_code,org_unit_code,status,start_date\n", rows));
    v1::ImportEmployeesResponse resp;
    ASSERT_TRUE(Ok(stub().ImportEmployees(Ctx(t_.admin_token).get(), req, &resp)));
    ASSERT_TRUE(resp.applied()) << resp.DebugString();
  }

  // As the admin: `nip`'s only assignment ends on `last`.
  void EndAssignment(const std::string& nip, absl::CivilDay last) {
    v1::ListAssignmentsRequest list;
    list.set_nip(nip);
    v1::ListAssignmentsResponse assignments;
    ASSERT_TRUE(Ok(stub().ListAssignments(Ctx(t_.admin_token).get(), list, &assignments)));
    ASSERT_EQ(assignments.assignments_size(), 1);
    v1::UpdateAssignmentRequest req;
    *req.mutable_assignment() = assignments.assignments(0);
    *req.mutable_assignment()->mutable_end_date() = Date(last);
    req.mutable_update_mask()->add_paths("end_date");
    v1::Assignment out;
    ASSERT_TRUE(Ok(stub().UpdateAssignment(Ctx(t_.admin_token).get(), req, &out)));
  }

  SeededTenant t_;
};

TEST_F(EmployeesOfPeriodTest, AMoveMidMonthGivesTwoClippedTermsInDateOrder) {
  ASSERT_FALSE(HasFatalFailure());
  Import(absl::StrCat(t_.staf_s1_a,
                      ",Dewi Lestari,III/a,DINKES.YANKES.STAF,DINKES.YANKES,aktif,2025-03-15\n"));
  ASSERT_FALSE(HasFatalFailure());
  const std::string moved = absl::StrCat(
      t_.staf_s1_a,
      " Dewi Lestari III/a EMPLOYMENT_STATUS_AKTIF: DINKES.P2P.S1.STAF 6/0 DINKES.P2P.S1 "
      "2025-03-01..2025-03-14; DINKES.YANKES.STAF 8/0 DINKES.YANKES 2025-03-15..2025-03-31");
  const std::vector<std::string> all = Lines(t_.admin_token, "", false);
  ASSERT_EQ(all.size(), 8u);
  EXPECT_EQ(all[3], moved);
  // The Plt of S1's Kasi is no term of staf_p2p: their own position only.
  EXPECT_EQ(all[2], absl::StrCat(t_.staf_p2p,
                                 " Budi Hartono III/c EMPLOYMENT_STATUS_AKTIF: DINKES.P2P.STAF 7/0 "
                                 "DINKES.P2P 2025-03-01..2025-03-31"));
  // The last day before the move, and the day of the move: one term each.
  EXPECT_THAT(
      Lines(t_.admin_token, "DINKES.P2P.S1", false, kMoved - 1, kMoved - 1),
      ElementsAre(absl::StrCat(t_.staf_s1_a,
                               " Dewi Lestari III/a EMPLOYMENT_STATUS_AKTIF: DINKES.P2P.S1.STAF "
                               "6/0 DINKES.P2P.S1 2025-03-14..2025-03-14"),
                  absl::StrCat(t_.staf_s1_b,
                               " Eko Prasetyo II/c EMPLOYMENT_STATUS_AKTIF: DINKES.P2P.S1.STAF "
                               "6/0 DINKES.P2P.S1 2025-03-14..2025-03-14")));
  EXPECT_THAT(Nips(t_.admin_token, "DINKES.P2P.S1", false, kMoved, kMoved),
              ElementsAre(t_.staf_s1_b));
}

TEST_F(EmployeesOfPeriodTest, AnEmployeeWhoLeftBeforeTheRangeIsAbsentAndPresentFromTheirLastDay) {
  ASSERT_FALSE(HasFatalFailure());
  EndAssignment(t_.staf_sekretariat, kMarch1 - 1);
  ASSERT_FALSE(HasFatalFailure());
  std::vector<std::string> without = t_.all_nips;
  without.erase(std::find(without.begin(), without.end(), t_.staf_sekretariat));
  EXPECT_EQ(Nips(t_.admin_token, "", false), without);
  const std::vector<std::string> february = Lines(t_.admin_token, "DINKES", false, kMarch1 - 1);
  EXPECT_THAT(february,
              ElementsAre(absl::StrCat(t_.kadis,
                                       " dr. Ahmad Santoso IV/c EMPLOYMENT_STATUS_AKTIF: "
                                       "DINKES.KADIS 15/0 DINKES 2025-02-28..2025-03-31"),
                          absl::StrCat(t_.staf_sekretariat,
                                       " Hana Pertiwi II/a EMPLOYMENT_STATUS_AKTIF: DINKES.STAF "
                                       "6/0 DINKES 2025-02-28..2025-02-28")));
}

TEST_F(EmployeesOfPeriodTest, AStatusOtherThanAktifIsStreamedAsItIs) {
  ASSERT_FALSE(HasFatalFailure());
  Import(absl::StrCat(t_.staf_yankes,
                      ",Gilang Ramadhan,III/b,DINKES.YANKES.STAF,DINKES.YANKES,cltn,\n"));
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_THAT(Lines(t_.admin_token, "DINKES.YANKES", false),
              ElementsAre(absl::StrCat(t_.kabid_yankes,
                                       " Fitri Handayani IV/a EMPLOYMENT_STATUS_AKTIF: "
                                       "DINKES.YANKES.KABID 12/0 DINKES.YANKES "
                                       "2025-03-01..2025-03-31"),
                          absl::StrCat(t_.staf_yankes,
                                       " Gilang Ramadhan III/b EMPLOYMENT_STATUS_CLTN: "
                                       "DINKES.YANKES.STAF 8/0 DINKES.YANKES "
                                       "2025-03-01..2025-03-31")));
}

TEST_F(EmployeesOfPeriodTest, TheSubtreeFilterKeepsOnlyTheTermsHeldInIt) {
  ASSERT_FALSE(HasFatalFailure());
  Import(absl::StrCat(t_.staf_s1_a,
                      ",Dewi Lestari,III/a,DINKES.YANKES.STAF,DINKES.YANKES,aktif,2025-03-15\n"));
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(Nips(t_.admin_token, "DINKES.P2P", true),
            (std::vector<std::string>{t_.kabid_p2p, t_.staf_p2p, t_.staf_s1_a, t_.staf_s1_b}));
  EXPECT_EQ(Nips(t_.admin_token, "DINKES.P2P", false),
            (std::vector<std::string>{t_.kabid_p2p, t_.staf_p2p}));
  EXPECT_EQ(Nips(t_.admin_token, "DINKES", true), t_.all_nips);
  // In Yankes, the moved employee holds only the second half of the month.
  EXPECT_EQ(Nips(t_.admin_token, "DINKES.YANKES", true),
            (std::vector<std::string>{t_.staf_s1_a, t_.kabid_yankes, t_.staf_yankes}));
  EXPECT_EQ(Lines(t_.admin_token, "DINKES.YANKES", true)[0],
            absl::StrCat(t_.staf_s1_a,
                         " Dewi Lestari III/a EMPLOYMENT_STATUS_AKTIF: DINKES.YANKES.STAF 8/0 "
                         "DINKES.YANKES 2025-03-15..2025-03-31"));
}

TEST_F(EmployeesOfPeriodTest, StreamsEveryEmployeeOnceAcrossBatches) {
  ASSERT_FALSE(HasFatalFailure());
  // 1,001 more staff: more than one batch (1,000 employees) between the seeded ones.
  std::string rows;
  std::vector<std::string> want = t_.all_nips;
  for (int i = 1; i <= 1001; ++i) {
    const std::string nip =
        integration::MakeNip(absl::StrFormat("199501%02d", 1 + i / 500), "202001", 1, i % 500 + 1);
    rows += absl::StrCat(nip, ",Staf ", i, ",II/a,DINKES.STAF,DINKES,aktif,2025-01-02\n");
    want.push_back(nip);
  }
  Import(rows);
  ASSERT_FALSE(HasFatalFailure());
  std::sort(want.begin(), want.end());
  ASSERT_EQ(want.size(), 1009u);
  EXPECT_EQ(Nips(t_.admin_token, "", false), want);
}

TEST_F(EmployeesOfPeriodTest, RightsFollowTheCallersReach) {
  ASSERT_FALSE(HasFatalFailure());
  const std::string opd = Token(t_, kOpdAdmin);
  const std::string auditor = Token(t_, kAuditor);
  const std::string employee = Token(t_, t_.staf_s1_a);
  const std::string atasan = Token(t_, t_.kabid_p2p);
  EXPECT_EQ(Nips(opd, "DINKES.P2P", true),
            (std::vector<std::string>{t_.kabid_p2p, t_.staf_p2p, t_.staf_s1_a, t_.staf_s1_b}));
  EXPECT_EQ(Nips(opd, "DINKES.P2P.S1", false),
            (std::vector<std::string>{t_.staf_s1_a, t_.staf_s1_b}));
  EXPECT_EQ(Nips(auditor, "", false), t_.all_nips);
  struct Case {
    const char* who;
    std::string token, unit;
    bool subtree;
  };
  for (const Case& c : {Case{"ADMIN_OPD, the whole tenant", opd, "", false},
                        Case{"ADMIN_OPD, another OPD's unit", opd, "DINKES.YANKES", false},
                        Case{"ADMIN_OPD, the unit above theirs", opd, "DINKES", false},
                        Case{"ADMIN_OPD, the subtree above theirs", opd, "DINKES", true},
                        Case{"an employee, their own unit", employee, "DINKES.P2P.S1", false},
                        Case{"a supervisor, their subtree", atasan, "DINKES.P2P", true}}) {
    SCOPED_TRACE(c.who);
    std::vector<v1::EmployeeOfPeriod> got;
    EXPECT_TRUE(HasCode(Stream(c.token, c.unit, c.subtree, kMarch1, kMarch31, &got),
                        grpc::StatusCode::PERMISSION_DENIED));
    EXPECT_TRUE(got.empty());
  }
  // Another tenant's admin reads their own tenant: nobody of kota-a.
  const SeededTenant b = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(Nips(b.admin_token, "", false), b.all_nips);
  std::vector<v1::EmployeeOfPeriod> got;
  EXPECT_TRUE(
      HasCode(Stream("", "", false, kMarch1, kMarch31, &got), grpc::StatusCode::UNAUTHENTICATED));
}

TEST_F(EmployeesOfPeriodTest, BadInputIsOneViolationPerBadField) {
  ASSERT_FALSE(HasFatalFailure());
  // A quarter: 92 days in all is the most.
  const absl::CivilDay jan1(2025, 1, 1);
  EXPECT_EQ(Nips(t_.admin_token, "DINKES.YANKES", false, jan1, jan1 + 91).size(), 2u);
  struct Case {
    const char* what;
    v1::StreamEmployeesOfPeriodRequest req;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases;
  auto with = [&](const char* what, std::vector<std::string> fields, auto change) {
    v1::StreamEmployeesOfPeriodRequest req;
    *req.mutable_start_date() = Date(jan1);
    *req.mutable_end_date() = Date(jan1 + 30);
    change(req);
    cases.push_back({what, req, std::move(fields)});
  };
  with("93 days", {"end_date"}, [&](auto& r) { *r.mutable_end_date() = Date(jan1 + 92); });
  with("no start_date", {"start_date"}, [](auto& r) { r.clear_start_date(); });
  with("no end_date", {"end_date"}, [](auto& r) { r.clear_end_date(); });
  with("end before start", {"end_date"}, [&](auto& r) { *r.mutable_end_date() = Date(jan1 - 1); });
  with("February 30", {"start_date"}, [](auto& r) {
    r.mutable_start_date()->set_month(2);
    r.mutable_start_date()->set_day(30);
  });
  with("an unknown unit", {"org_unit_code"}, [](auto& r) { r.set_org_unit_code("NO.SUCH"); });
  with("a unit code too long, and no start_date", {"org_unit_code", "start_date"}, [](auto& r) {
    r.set_org_unit_code(std::string(129, 'X'));
    r.clear_start_date();
  });
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<v1::EmployeeOfPeriod> got;
    const grpc::Status st = Stream(t_.admin_token, c.req, &got);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
    EXPECT_EQ(ViolatedFields(st), c.fields);
    EXPECT_TRUE(got.empty());
  }
}

}  // namespace
}  // namespace ekinerja::identity::it

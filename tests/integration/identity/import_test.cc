// ImportEmployees: a SIMPEG CSV export, all rows or none, with a dry run.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "google/rpc/code.pb.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

constexpr char kHeader[] = "nip,name,golongan,position_code,org_unit_code,username\n";
// Two new employees of Yankes (one with a login) and a new name for the import.
constexpr char kNadia[] = "199603032021031011";
constexpr char kOmar[] = "199707072022032012";

class ImportTest : public IdentityTest {
 protected:
  grpc::Status Import(const SeededTenant& t, const std::string& csv, bool dry_run,
                      v1::ImportEmployeesResponse* out) {
    return ImportAs(t.admin_token, csv, dry_run, out);
  }
  grpc::Status ImportAs(const std::string& token, const std::string& csv, bool dry_run,
                        v1::ImportEmployeesResponse* out) {
    v1::ImportEmployeesRequest req;
    req.set_csv(csv);
    req.set_dry_run(dry_run);
    return stub().ImportEmployees(Ctx(token).get(), req, out);
  }

  // The report's problems as "<field> <code>", in order.
  static std::vector<std::string> Problems(const v1::ImportEmployeesResponse& resp) {
    std::vector<std::string> out;
    for (const auto& p : resp.problems()) {
      out.push_back(absl::StrCat(p.field(), " ", google::rpc::Code_Name(p.code())));
    }
    return out;
  }

  // How many of `nips` the employees table holds.
  long Stored(const std::vector<std::string>& nips) {
    return db().Count(absl::StrCat("employees WHERE nip IN ('", absl::StrJoin(nips, "','"), "')"));
  }

  // Two new employees and a promotion of staf_yankes (III/b -> III/c), same position.
  static std::string GoodFile(const SeededTenant& t) {
    return absl::StrCat(
        kHeader,                                                                       //
        kNadia, ",Nadia Putri,III/a,DINKES.YANKES.STAF,DINKES.YANKES,", kNadia, "\n",  //
        kOmar, ",\"Omar, S.Kep\",II/d,DINKES.YANKES.STAF,DINKES.YANKES,\n",            //
        t.staf_yankes, ",Gilang Ramadhan,III/c,DINKES.YANKES.STAF,DINKES.YANKES,\n");
  }
};

TEST_F(ImportTest, FileWithBadRowsIsRejectedRowByRowAndNothingIsImported) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::vector<std::string> file_nips = {kNadia, "199602302021031012", "199707072022032013",
                                              "199808082023031014", "199909092024032015"};
  const std::string csv = absl::StrCat(
      kHeader,                                                                    // line 1
      kNadia, ",Nadia Putri,III/a,DINKES.YANKES.STAF,DINKES.YANKES,\n",           // 2: good
      file_nips[1], ",Bad Birthday,III/a,DINKES.YANKES.STAF,DINKES.YANKES,\n",    // 3: Feb 30
      file_nips[2], ",No Such Post,III/a,DINKES.YANKES.DOKTER,DINKES.YANKES,\n",  // 4
      file_nips[3], ",Grade Five,V/a,DINKES.YANKES.STAF,DINKES.YANKES,\n",        // 5
      file_nips[4], ",Also Good,II/b,DINKES.STAF,DINKES,\n");                     // 6: good

  for (bool dry_run : {true, false}) {
    SCOPED_TRACE(dry_run ? "dry run" : "import");
    v1::ImportEmployeesResponse resp;
    ASSERT_TRUE(Ok(Import(t, csv, dry_run, &resp)));
    EXPECT_FALSE(resp.applied());
    EXPECT_EQ(resp.rows(), 3);  // the rows that parsed
    EXPECT_EQ(resp.created(), 0);
    EXPECT_THAT(Problems(resp), UnorderedElementsAre("rows[3].nip INVALID_ARGUMENT",
                                                     "rows[4].position_code INVALID_ARGUMENT",
                                                     "rows[5].golongan INVALID_ARGUMENT"));
    for (const auto& v : resp.problems()) {
      const std::string line = v.field().substr(5, v.field().find(']') - 5);  // rows[<line>]
      EXPECT_THAT(v.description(), StartsWith("line " + line + ": ")) << v.field();
    }
    EXPECT_EQ(Stored(file_nips), 0);
    EXPECT_EQ(db().Count("employees"), 8);
    EXPECT_EQ(db().Count("assignments"), 9);
  }
  v1::GetEmployeeRequest get;
  get.set_nip(kNadia);
  v1::Employee out;
  EXPECT_TRUE(HasCode(stub().GetEmployee(Ctx(t.admin_token).get(), get, &out),
                      grpc::StatusCode::NOT_FOUND));
}

TEST_F(ImportTest, DryRunCountsRowsAndWritesNothing) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const long users = db().Count("users");

  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(Import(t, GoodFile(t), /*dry_run=*/true, &resp)));
  EXPECT_EQ(resp.rows(), 3);
  EXPECT_EQ(resp.created(), 2);
  EXPECT_EQ(resp.updated(), 1);
  EXPECT_EQ(resp.logins_created(), 1);
  EXPECT_FALSE(resp.applied());

  EXPECT_EQ(Stored({kNadia, kOmar}), 0);
  EXPECT_EQ(db().Count("employees"), 8);
  EXPECT_EQ(db().Count("assignments"), 9);
  EXPECT_EQ(db().Count("users"), users);
  auto golongan = db().Query("SELECT golongan FROM employees WHERE nip = '" + t.staf_yankes + "'");
  ASSERT_TRUE(golongan.ok()) << golongan.status();
  EXPECT_EQ((*golongan)[0][0].as<int>(), 10);  // still III/b
}

TEST_F(ImportTest, ImportCreatesAndUpdatesEmployeesAndTheirLogins) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());

  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(Import(t, GoodFile(t), /*dry_run=*/false, &resp)));
  EXPECT_EQ(resp.rows(), 3);
  EXPECT_EQ(resp.created(), 2);
  EXPECT_EQ(resp.updated(), 1);
  EXPECT_TRUE(resp.applied());
  EXPECT_EQ(db().Count("employees"), 10);
  EXPECT_EQ(db().Count("assignments"), 11);  // the promotion keeps its assignment

  v1::ListEmployeesRequest list;
  list.set_org_unit_code("DINKES.YANKES");
  v1::ListEmployeesResponse unit;
  ASSERT_TRUE(Ok(stub().ListEmployees(Ctx(t.admin_token).get(), list, &unit)));
  std::vector<std::string> nips, names, golongan;
  for (const auto& e : unit.employees()) {
    nips.push_back(e.nip());
    names.push_back(e.name());
    golongan.push_back(e.golongan());
    EXPECT_EQ(e.org_unit_code(), "DINKES.YANKES");
  }
  EXPECT_THAT(nips, ElementsAre(t.kabid_yankes, t.staf_yankes, kNadia, kOmar));
  EXPECT_THAT(names,
              ElementsAre("Fitri Handayani", "Gilang Ramadhan", "Nadia Putri", "Omar, S.Kep"));
  EXPECT_THAT(golongan, ElementsAre("IV/a", "III/c", "III/a", "II/d"));

  // Nadia's login has no password (issue 9): nothing logs in until she activates it with a code
  // (password_test.cc), and a login attempt is refused as any other.
  EXPECT_EQ(resp.logins_created(), 1);
  EXPECT_EQ(db().Count(absl::StrCat("users WHERE username = '", kNadia, "' AND nip = '", kNadia,
                                    "' AND password_hash IS NULL")),
            1);
  auto login = Login("kota-a", kNadia, "impor-rahasia-2026");
  EXPECT_EQ(login.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(login.status().message(), Login("kota-a", "nobody", "x").status().message());
  v1::ListUsersRequest users_req;
  users_req.set_page_size(100);
  v1::ListUsersResponse users;
  ASSERT_TRUE(Ok(stub().ListUsers(Ctx(t.admin_token).get(), users_req, &users)));
  for (const auto& u : users.users()) {
    EXPECT_EQ(u.has_password(), u.username() != kNadia) << u.username();
  }
  EXPECT_EQ(db().Count("audit_events WHERE action = 'EMPLOYEE_CREATE' AND detail LIKE "
                       "'%; login without password'"),
            1);
  // Omar came without a login.
  EXPECT_EQ(db().Count(absl::StrCat("users WHERE nip = '", kOmar, "'")), 0);
  // And the new staff have a supervisor at once.
  v1::GetSupervisorRequest sup;
  sup.set_nip(kOmar);
  v1::GetSupervisorResponse s;
  ASSERT_TRUE(Ok(stub().GetSupervisor(Ctx(t.admin_token).get(), sup, &s)));
  EXPECT_EQ(s.atasan_langsung().employee().nip(), t.kabid_yankes);
}

// Issue 8.9: a file with hundreds of bad rows gets its whole report, in the response body (the
// status' trailers could not carry it: 8 KiB).
TEST_F(ImportTest, EveryBadRowOfALargeFileIsReportedInTheResponse) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  std::string csv = kHeader;
  for (int i = 0; i < 300; ++i) {
    absl::StrAppend(&csv, MakeNip("19900101", "201501", 1, i + 1), ",Pegawai Baru",
                    ",V/z,DINKES.YANKES.STAF,DINKES.YANKES,\n");
  }
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(Import(t, csv, /*dry_run=*/false, &resp)));
  EXPECT_FALSE(resp.applied());
  ASSERT_EQ(resp.problems_size(), 300);
  EXPECT_EQ(resp.problems(0).field(), "rows[2].golongan");
  EXPECT_EQ(resp.problems(0).line(), 2);
  EXPECT_EQ(resp.problems(299).field(), "rows[301].golongan");
  EXPECT_EQ(resp.problems(299).line(), 301);
  EXPECT_EQ(db().Count("employees"), 8);
}

// Issue 8.1: an ADMIN_OPD rewrote employees of other OPDs through the import (moved them into its
// own unit, changed their golongan). Every row of an existing employee outside its scope is
// refused, by line, and nothing is written, dry run or not.
TEST_F(ImportTest, AdminOpdCannotRewriteAnEmployeeOutsideItsScope) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string opd = Token(t, kOpdAdmin);  // DINKES.P2P
  const std::string csv = absl::StrCat(
      "nip,name,golongan,position_code,org_unit_code\n",                     //
      t.staf_s1_b, ",Eka Saputra,III/c,DINKES.P2P.S1.STAF,DINKES.P2P.S1\n",  // 2: in scope
      t.staf_yankes, ",X,IV/e,DINKES.P2P.S1.STAF,DINKES.P2P.S1\n");          // 3: Yankes
  for (bool dry_run : {true, false}) {
    SCOPED_TRACE(dry_run ? "dry run" : "import");
    v1::ImportEmployeesResponse resp;
    ASSERT_TRUE(Ok(ImportAs(opd, csv, dry_run, &resp)));
    EXPECT_FALSE(resp.applied());
    EXPECT_EQ(resp.updated(), 0);
    EXPECT_THAT(Problems(resp), ElementsAre("rows[3].nip PERMISSION_DENIED"));
    EXPECT_THAT(resp.problems(0).description(), StartsWith("line 3: employee "));
  }
  auto row = db().Query("SELECT golongan, name FROM employees WHERE nip = '" + t.staf_yankes + "'");
  ASSERT_TRUE(row.ok()) << row.status();
  EXPECT_EQ((*row)[0][0].as<int>(), 10);  // III/b
  EXPECT_EQ(db().Count(absl::StrCat("assignments WHERE nip = '", t.staf_yankes,
                                    "' AND end_date IS NULL AND position_code = "
                                    "'DINKES.YANKES.STAF'")),
            1);

  // Its own employees it may update, and each one changed is named in the audit log.
  const std::string own =
      absl::StrCat("nip,name,golongan,position_code,org_unit_code\n", t.staf_s1_b,
                   ",Eka Saputra,III/c,DINKES.P2P.S1.STAF,"
                   "DINKES.P2P.S1\n");
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(ImportAs(opd, own, /*dry_run=*/false, &resp)));
  EXPECT_TRUE(resp.applied());
  EXPECT_EQ(resp.updated(), 1);
  EXPECT_EQ(db().Count(absl::StrCat("audit_events WHERE action = 'EMPLOYEE_UPDATE' AND target = '",
                                    t.staf_s1_b, "' AND actor = '", kOpdAdmin, "'")),
            1);
}

// Issue 8.2: CreateUser is for the ADMIN_INSTANSI; the import's username column is the same
// right.
TEST_F(ImportTest, AdminOpdCannotCreateLoginsThroughTheImport) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string opd = Token(t, kOpdAdmin);
  const long users = db().Count("users");
  const std::string with_login = absl::StrCat(
      kHeader, kNadia, ",Nadia Putri,III/a,DINKES.P2P.S1.STAF,DINKES.P2P.S1,", kNadia, "\n");
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(ImportAs(opd, with_login, /*dry_run=*/false, &resp)));
  EXPECT_FALSE(resp.applied());
  EXPECT_THAT(Problems(resp), ElementsAre("rows[2].username PERMISSION_DENIED"));
  EXPECT_EQ(db().Count("users"), users);
  EXPECT_EQ(Stored({kNadia}), 0);

  // The same row without a login is the OPD admin's to import; the tenant admin adds logins.
  const std::string without_login =
      absl::StrCat(kHeader, kNadia, ",Nadia Putri,III/a,DINKES.P2P.S1.STAF,DINKES.P2P.S1,\n");
  ASSERT_TRUE(Ok(ImportAs(opd, without_login, /*dry_run=*/false, &resp)));
  EXPECT_TRUE(resp.applied());
  EXPECT_EQ(resp.created(), 1);
  EXPECT_EQ(db().Count("users"), users);
}

// Issue 9: a password column cost an Argon2id hash per row (twenty minutes for 20,000 rows) and
// let admins choose employees' passwords. It is refused once, for the whole file.
TEST_F(ImportTest, APasswordColumnIsRefusedAndNothingIsImported) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const long users = db().Count("users");
  const std::string csv = absl::StrCat(
      "nip,name,golongan,position_code,org_unit_code,username,password\n", kNadia,
      ",Nadia Putri,III/a,DINKES.YANKES.STAF,DINKES.YANKES,", kNadia, ",impor-rahasia-2026\n");
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(Import(t, csv, /*dry_run=*/false, &resp)));
  EXPECT_FALSE(resp.applied());
  EXPECT_THAT(Problems(resp), ElementsAre("header INVALID_ARGUMENT"));
  EXPECT_EQ(resp.problems(0).description(),
            "line 1: a password column is not accepted: imported logins get no password; each "
            "employee sets one with an activation code (IssuePasswordCodes)");
  EXPECT_EQ(Stored({kNadia}), 0);
  EXPECT_EQ(db().Count("users"), users);
}

// An employee has one login (users_one_per_nip): a second username for them is a problem of its
// line, not a failed insert that loses the whole report.
TEST_F(ImportTest, AnEmployeeWithALoginGetsNoSecondOne) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string csv = absl::StrCat(kHeader, t.staf_s1_a,
                                       ",Dewi Lestari,III/a,DINKES.P2P.S1.STAF,DINKES.P2P.S1,"
                                       "dewi.lestari\n");
  v1::ImportEmployeesResponse resp;
  ASSERT_TRUE(Ok(Import(t, csv, /*dry_run=*/true, &resp)));
  EXPECT_THAT(Problems(resp), ElementsAre("rows[2].username INVALID_ARGUMENT"));
  EXPECT_EQ(resp.problems(0).description(),
            absl::StrCat("line 2: employee ", t.staf_s1_a.substr(0, 8), " ",
                         t.staf_s1_a.substr(8, 6), " ", t.staf_s1_a.substr(14, 1), " ",
                         t.staf_s1_a.substr(15), " already has the login ", t.staf_s1_a));
  // The same row with the login it has is fine.
  ASSERT_TRUE(Ok(Import(
      t,
      absl::StrCat(kHeader, t.staf_s1_a, ",Dewi Lestari,III/a,DINKES.P2P.S1.STAF,DINKES.P2P.S1,",
                   t.staf_s1_a, "\n"),
      /*dry_run=*/false, &resp)));
  EXPECT_TRUE(resp.applied());
  EXPECT_EQ(resp.logins_created(), 0);
}

}  // namespace
}  // namespace ekinerja::identity::it

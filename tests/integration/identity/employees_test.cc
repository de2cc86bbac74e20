// Employees through the API: NIP validation with nothing written, idempotent creates, and
// supervisor resolution on the seeded Dinas Kesehatan (head of unit, parent unit, Plt, override,
// date boundaries) with ListSubordinates.

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::StartsWith;

class EmployeesTest : public IdentityTest {
 protected:
  grpc::Status CreateEmployee(const std::string& token, const std::string& nip,
                              const std::string& request_id, v1::Employee* out) {
    v1::CreateEmployeeRequest req;
    req.mutable_employee()->set_nip(nip);
    req.mutable_employee()->set_name("Rina Marlina");
    req.mutable_employee()->set_golongan("III/a");
    req.set_request_id(request_id);
    return stub().CreateEmployee(Ctx(token).get(), req, out);
  }

  // GetSupervisor as the tenant admin, today when `day` is not given.
  v1::GetSupervisorResponse Supervisor(const SeededTenant& t, const std::string& nip,
                                       std::optional<absl::CivilDay> day = std::nullopt) {
    v1::GetSupervisorRequest req;
    req.set_nip(nip);
    if (day) *req.mutable_date() = Date(*day);
    v1::GetSupervisorResponse resp;
    EXPECT_TRUE(Ok(stub().GetSupervisor(Ctx(t.admin_token).get(), req, &resp))) << nip;
    return resp;
  }

  // The NIPs ListSubordinates returns, as the tenant admin.
  std::vector<std::string> Subordinates(const SeededTenant& t, const std::string& nip,
                                        bool include_subtree,
                                        std::optional<absl::CivilDay> day = std::nullopt) {
    v1::ListSubordinatesRequest req;
    req.set_nip(nip);
    req.set_include_subtree(include_subtree);
    if (day) *req.mutable_date() = Date(*day);
    v1::ListSubordinatesResponse resp;
    EXPECT_TRUE(Ok(stub().ListSubordinates(Ctx(t.admin_token).get(), req, &resp))) << nip;
    std::vector<std::string> nips;
    for (const auto& e : resp.employees()) nips.push_back(e.nip());
    return nips;
  }
};

TEST_F(EmployeesTest, CreateEmployeeRejectsEachBrokenNipRuleWithOneViolationAndWritesNothing) {
  const std::string admin = CreateTenantWithAdmin("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const long before = db().Count("employees");
  ASSERT_EQ(before, 0);

  struct Case {
    const char* rule;
    const char* nip;
  };
  for (const Case& c : {
           Case{"17 digits", "19800101200501200"},
           Case{"letters", "1980010120050120AB"},
           Case{"birth date not a real date", "196702301990031001"},
           Case{"gender digit 3", "198001012005013001"},
           Case{"sequence 000", "198001012005012000"},
           Case{"TMT before the 18th birthday", "198001011997122001"},
           Case{"TMT month 13", "198001012005132001"},
           Case{"badly grouped", "19800101 2005012 001"},
       }) {
    SCOPED_TRACE(c.rule);
    v1::Employee out;
    grpc::Status st = CreateEmployee(admin, c.nip, "", &out);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
    const auto violations = Violations(st);
    ASSERT_EQ(violations.size(), 1u);
    EXPECT_EQ(violations[0].field(), "employee.nip");
    EXPECT_THAT(violations[0].description(), StartsWith("NIP"));
    EXPECT_EQ(db().Count("employees"), before);
  }
}

TEST_F(EmployeesTest, CreateEmployeeStoresTheNipAndShowsItGroupedOnceEvenWhenRetried) {
  const std::string admin = CreateTenantWithAdmin("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string nip = "199503172020122001";

  v1::Employee created;
  ASSERT_TRUE(Ok(CreateEmployee(admin, nip, "create-rina-1", &created)));
  EXPECT_EQ(created.nip(), nip);
  EXPECT_EQ(created.nip_display(), "19950317 202012 2 001");
  EXPECT_EQ(created.name(), "Rina Marlina");
  EXPECT_EQ(created.golongan(), "III/a");
  EXPECT_EQ(created.status(), v1::EMPLOYMENT_STATUS_AKTIF);
  EXPECT_EQ(created.position_code(), "");
  EXPECT_EQ(db().Count("employees"), 1);
  auto stored = db().Query("SELECT nip FROM employees");
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ((*stored)[0][0].as<std::string>(), nip);

  // A retry with the same request id returns what the first call made.
  v1::Employee retried;
  ASSERT_TRUE(Ok(CreateEmployee(admin, nip, "create-rina-1", &retried)));
  EXPECT_EQ(retried.nip(), nip);
  EXPECT_EQ(retried.nip_display(), "19950317 202012 2 001");

  // A second create of the same NIP (also written grouped) is a duplicate.
  v1::Employee out;
  EXPECT_TRUE(HasCode(CreateEmployee(admin, nip, "", &out), grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_TRUE(HasCode(CreateEmployee(admin, "19950317 202012 2 001", "create-rina-2", &out),
                      grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(db().Count("employees"), 1);
}

TEST_F(EmployeesTest, SupervisorOfStaffIsTheHeadOfTheirUnit) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());

  const auto s = Supervisor(t, t.staf_p2p);
  ASSERT_TRUE(s.has_atasan_langsung());
  EXPECT_EQ(s.atasan_langsung().employee().nip(), t.kabid_p2p);
  EXPECT_EQ(s.atasan_langsung().employee().name(), "Sri Wahyuni");
  EXPECT_EQ(s.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_HEAD_OF_UNIT);
  EXPECT_EQ(s.atasan_langsung().position_code(), "DINKES.P2P.KABID");
  EXPECT_EQ(s.atasan_langsung().assignment_kind(), v1::ASSIGNMENT_KIND_DEFINITIF);
  // Without an override the pejabat penilai is the atasan langsung.
  EXPECT_EQ(s.pejabat_penilai().employee().nip(), t.kabid_p2p);
  EXPECT_EQ(s.pejabat_penilai().source(), v1::SUPERVISOR_SOURCE_HEAD_OF_UNIT);

  const auto root_staff = Supervisor(t, t.staf_sekretariat);
  EXPECT_EQ(root_staff.atasan_langsung().employee().nip(), t.kadis);
  EXPECT_EQ(root_staff.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_HEAD_OF_UNIT);
}

TEST_F(EmployeesTest, SupervisorOfAHeadIsTheHeadOfTheParentUnitAndTheTopHasNone) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());

  const auto s = Supervisor(t, t.kabid_p2p);
  ASSERT_TRUE(s.has_atasan_langsung());
  EXPECT_EQ(s.atasan_langsung().employee().nip(), t.kadis);
  EXPECT_EQ(s.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_PARENT_UNIT);
  EXPECT_EQ(s.atasan_langsung().position_code(), "DINKES.KADIS");
  EXPECT_EQ(s.atasan_langsung().assignment_kind(), v1::ASSIGNMENT_KIND_DEFINITIF);

  const auto top = Supervisor(t, t.kadis);
  EXPECT_FALSE(top.has_atasan_langsung());
  EXPECT_FALSE(top.has_pejabat_penilai());
}

TEST_F(EmployeesTest, UnderAVacantHeadThePltSupervisesFromTheDayTheActingStarts) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());

  const auto today = Supervisor(t, t.staf_s1_a);
  ASSERT_TRUE(today.has_atasan_langsung());
  EXPECT_EQ(today.atasan_langsung().employee().nip(), t.staf_p2p);
  EXPECT_EQ(today.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_HEAD_OF_UNIT);
  EXPECT_EQ(today.atasan_langsung().position_code(), "DINKES.P2P.S1.KASI");
  EXPECT_EQ(today.atasan_langsung().assignment_kind(), v1::ASSIGNMENT_KIND_PLT);
  // The Plt's own (definitive) position stays theirs.
  EXPECT_EQ(today.atasan_langsung().employee().position_code(), "DINKES.P2P.STAF");

  const auto first_day = Supervisor(t, t.staf_s1_a, kPltStart);
  EXPECT_EQ(first_day.atasan_langsung().employee().nip(), t.staf_p2p);
  EXPECT_EQ(first_day.atasan_langsung().assignment_kind(), v1::ASSIGNMENT_KIND_PLT);

  // The day before, the Kasi is vacant with nobody acting: the head of the unit above.
  const auto day_before = Supervisor(t, t.staf_s1_a, kPltStart - 1);
  ASSERT_TRUE(day_before.has_atasan_langsung());
  EXPECT_EQ(day_before.atasan_langsung().employee().nip(), t.kabid_p2p);
  EXPECT_EQ(day_before.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_PARENT_UNIT);
  EXPECT_EQ(day_before.atasan_langsung().position_code(), "DINKES.P2P.KABID");
  EXPECT_EQ(day_before.atasan_langsung().assignment_kind(), v1::ASSIGNMENT_KIND_DEFINITIF);

  // Before anyone's first day nobody is in the org.
  v1::GetSupervisorRequest req;
  req.set_nip(t.staf_s1_a);
  *req.mutable_date() = Date(kAssignedFrom - 1);
  v1::GetSupervisorResponse resp;
  EXPECT_TRUE(HasCode(stub().GetSupervisor(Ctx(t.admin_token).get(), req, &resp),
                      grpc::StatusCode::NOT_FOUND));
}

TEST_F(EmployeesTest, SupervisorOverrideWinsFromItsStartDate) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const absl::CivilDay from(2025, 1, 1);

  v1::CreateSupervisorOverrideRequest req;
  v1::SupervisorOverride* o = req.mutable_supervisor_override();
  o->set_nip(t.staf_s1_b);
  o->set_supervisor_nip(t.kadis);
  o->set_role(v1::SUPERVISOR_ROLE_ATASAN_LANGSUNG);
  *o->mutable_start_date() = Date(from);
  v1::SupervisorOverride created;
  ASSERT_TRUE(Ok(stub().CreateSupervisorOverride(Ctx(t.admin_token).get(), req, &created)));
  EXPECT_GT(created.id(), 0);

  const auto now = Supervisor(t, t.staf_s1_b);
  ASSERT_TRUE(now.has_atasan_langsung());
  EXPECT_EQ(now.atasan_langsung().employee().nip(), t.kadis);
  EXPECT_EQ(now.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_OVERRIDE);
  EXPECT_EQ(now.atasan_langsung().position_code(), "DINKES.KADIS");
  EXPECT_EQ(now.pejabat_penilai().employee().nip(), t.kadis);
  EXPECT_EQ(now.pejabat_penilai().source(), v1::SUPERVISOR_SOURCE_OVERRIDE);

  const auto before = Supervisor(t, t.staf_s1_b, from - 1);
  EXPECT_EQ(before.atasan_langsung().employee().nip(), t.staf_p2p);
  EXPECT_EQ(before.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_HEAD_OF_UNIT);
  EXPECT_EQ(before.atasan_langsung().assignment_kind(), v1::ASSIGNMENT_KIND_PLT);

  // The override moves the subordinate too.
  EXPECT_THAT(Subordinates(t, t.staf_p2p, false), ElementsAre(t.staf_s1_a));
  EXPECT_THAT(Subordinates(t, t.kadis, false),
              ElementsAre(t.kabid_p2p, t.staf_s1_b, t.kabid_yankes, t.staf_sekretariat));
}

TEST_F(EmployeesTest, ListSubordinatesGivesDirectReportsOrTheWholeSubtreeOnTheDayAsked) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());

  EXPECT_THAT(Subordinates(t, t.kadis, false),
              ElementsAre(t.kabid_p2p, t.kabid_yankes, t.staf_sekretariat));
  EXPECT_THAT(Subordinates(t, t.kadis, true),
              ElementsAre(t.kabid_p2p, t.staf_p2p, t.staf_s1_a, t.staf_s1_b, t.kabid_yankes,
                          t.staf_yankes, t.staf_sekretariat));
  EXPECT_THAT(Subordinates(t, t.kabid_p2p, false), ElementsAre(t.staf_p2p));
  EXPECT_THAT(Subordinates(t, t.kabid_p2p, true),
              ElementsAre(t.staf_p2p, t.staf_s1_a, t.staf_s1_b));
  EXPECT_THAT(Subordinates(t, t.staf_p2p, false), ElementsAre(t.staf_s1_a, t.staf_s1_b));
  EXPECT_THAT(Subordinates(t, t.kabid_yankes, true), ElementsAre(t.staf_yankes));
  EXPECT_THAT(Subordinates(t, t.staf_s1_a, true), ElementsAre());

  // Before the Plt started, S1's staff reported to the head of P2P.
  EXPECT_THAT(Subordinates(t, t.kabid_p2p, false, kPltStart - 1),
              ElementsAre(t.staf_p2p, t.staf_s1_a, t.staf_s1_b));
  EXPECT_THAT(Subordinates(t, t.staf_p2p, false, kPltStart - 1), ElementsAre());

  // Paged: two at a time, in NIP order.
  v1::ListSubordinatesRequest req;
  req.set_nip(t.kadis);
  req.set_include_subtree(true);
  req.set_page_size(2);
  std::vector<std::string> paged;
  for (int page = 0; page < 10; ++page) {
    v1::ListSubordinatesResponse resp;
    ASSERT_TRUE(Ok(stub().ListSubordinates(Ctx(t.admin_token).get(), req, &resp)));
    for (const auto& e : resp.employees()) paged.push_back(e.nip());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  EXPECT_THAT(paged, ElementsAreArray(Subordinates(t, t.kadis, true)));
}

// A file's NIPs are checked in one call (attendance's absence import): with allow_missing the
// answer leaves out those that do not exist, rather than failing on the first.
TEST_F(EmployeesTest, BatchGetWithAllowMissingAnswersThoseThatExist) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string nobody = MakeNip("19990101", "202001", 1, 999);
  v1::BatchGetEmployeesRequest req;
  req.add_nips(t.staf_yankes);
  req.add_nips(nobody);
  req.add_nips(t.kadis);
  v1::BatchGetEmployeesResponse resp;
  EXPECT_TRUE(HasCode(stub().BatchGetEmployees(Ctx(t.admin_token).get(), req, &resp),
                      grpc::StatusCode::NOT_FOUND));
  req.set_allow_missing(true);
  resp.Clear();
  ASSERT_TRUE(Ok(stub().BatchGetEmployees(Ctx(t.admin_token).get(), req, &resp)));
  ASSERT_EQ(resp.employees_size(), 2);
  EXPECT_EQ(resp.employees(0).nip(), t.staf_yankes);
  EXPECT_EQ(resp.employees(1).nip(), t.kadis);
  // Rights first: an employee learns nothing of who exists.
  EXPECT_TRUE(HasCode(stub().BatchGetEmployees(Ctx(Token(t, t.staf_s1_a)).get(), req, &resp),
                      grpc::StatusCode::PERMISSION_DENIED));
}

}  // namespace
}  // namespace ekinerja::identity::it

// Who may call what (DESIGN §5): tokens, each role's reach, and tenant isolation.

#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "crypto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"
#include "jwt.h"

namespace ekinerja::identity::it {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

class AuthorizationTest : public IdentityTest {
 protected:
  grpc::Status GetEmployee(const std::string& token, const std::string& nip,
                           v1::Employee* out = nullptr) {
    v1::GetEmployeeRequest req;
    req.set_nip(nip);
    v1::Employee ignored;
    return stub().GetEmployee(Ctx(token).get(), req, out ? out : &ignored);
  }

  grpc::Status ListEmployees(const std::string& token, std::vector<std::string>* nips) {
    v1::ListEmployeesRequest req;
    req.set_page_size(100);
    v1::ListEmployeesResponse resp;
    grpc::Status st = stub().ListEmployees(Ctx(token).get(), req, &resp);
    for (const auto& e : resp.employees()) nips->push_back(e.nip());
    return st;
  }

  grpc::Status CreatePosition(const std::string& token, const std::string& code,
                              const std::string& unit) {
    v1::CreatePositionRequest req;
    req.mutable_position()->set_code(code);
    req.mutable_position()->set_name("Pengelola Program");
    req.mutable_position()->set_kind(v1::POSITION_KIND_PELAKSANA);
    req.mutable_position()->set_kelas_jabatan(7);
    req.mutable_position()->set_org_unit_code(unit);
    v1::Position out;
    return stub().CreatePosition(Ctx(token).get(), req, &out);
  }

  grpc::Status CreateTenant(const std::string& token, const std::string& code) {
    v1::CreateTenantRequest req;
    req.mutable_tenant()->set_code(code);
    req.mutable_tenant()->set_name("Pemerintah " + code);
    req.mutable_tenant()->set_time_zone("Asia/Makassar");
    req.set_admin_username("admin");
    req.set_admin_password("kunci-instansi-baru-2026");
    v1::Tenant out;
    return stub().CreateTenant(Ctx(token).get(), req, &out);
  }

  grpc::Status ListAuditEvents(const std::string& token, int* count = nullptr) {
    v1::ListAuditEventsRequest req;
    req.set_page_size(1000);
    v1::ListAuditEventsResponse resp;
    grpc::Status st = stub().ListAuditEvents(Ctx(token).get(), req, &resp);
    if (count) *count = resp.events_size();
    return st;
  }

  // Claims as an employee of `t` would have them, expiring at `exp`.
  static auth::Claims EmployeeClaims(const SeededTenant& t, const std::string& nip,
                                     absl::Time exp) {
    auth::Claims c;
    c.iss = "ekinerja-identity";
    c.aud = "ekinerja";
    c.sub = nip;
    c.tenant = t.code;
    c.roles = {"PEGAWAI"};
    c.iat = absl::ToUnixSeconds(exp - absl::Minutes(15));
    c.exp = absl::ToUnixSeconds(exp);
    c.jti = auth::RandomToken(12);
    return c;
  }
};

TEST_F(AuthorizationTest, CallsWithoutAValidTokenAreUnauthenticated) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());

  EXPECT_TRUE(HasCode(GetEmployee("", t.staf_s1_a), grpc::StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(HasCode(GetEmployee("garbage", t.staf_s1_a), grpc::StatusCode::UNAUTHENTICATED));
  {  // Not a bearer token at all.
    v1::GetEmployeeRequest req;
    req.set_nip(t.staf_s1_a);
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Basic YWRtaW46YWRtaW4=");
    v1::Employee out;
    EXPECT_TRUE(HasCode(stub().GetEmployee(&ctx, req, &out), grpc::StatusCode::UNAUTHENTICATED));
  }

  // Signed with the service's own key, but expired an hour ago.
  auto expired = keys().Sign(EmployeeClaims(t, t.staf_s1_a, absl::Now() - absl::Hours(1)));
  ASSERT_TRUE(expired.ok()) << expired.status();
  EXPECT_TRUE(HasCode(GetEmployee(*expired, t.staf_s1_a), grpc::StatusCode::UNAUTHENTICATED));
  // The same claims, still valid, prove the token above failed only for its expiry.
  auto fresh = keys().Sign(EmployeeClaims(t, t.staf_s1_a, absl::Now() + absl::Minutes(5)));
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  EXPECT_TRUE(Ok(GetEmployee(*fresh, t.staf_s1_a)));

  // Valid in every way but signed by a key the service never published.
  auto foreign_key = auth::SigningKey::Generate("foreign-kid");
  ASSERT_TRUE(foreign_key.ok()) << foreign_key.status();
  auto forged = foreign_key->Sign(EmployeeClaims(t, t.staf_s1_a, absl::Now() + absl::Minutes(5)));
  ASSERT_TRUE(forged.ok()) << forged.status();
  EXPECT_TRUE(HasCode(GetEmployee(*forged, t.staf_s1_a), grpc::StatusCode::UNAUTHENTICATED));
  // ... nor by a foreign key that claims the service's kid.
  auto header = auth::PeekHeader(*fresh);
  ASSERT_TRUE(header.ok());
  auto impostor_key = auth::SigningKey::Generate(header->kid);
  ASSERT_TRUE(impostor_key.ok());
  auto impostor =
      impostor_key->Sign(EmployeeClaims(t, t.staf_s1_a, absl::Now() + absl::Minutes(5)));
  ASSERT_TRUE(impostor.ok());
  EXPECT_TRUE(HasCode(GetEmployee(*impostor, t.staf_s1_a), grpc::StatusCode::UNAUTHENTICATED));
}

TEST_F(AuthorizationTest, PegawaiReadsThemselvesButNotAColleague) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string token = Token(t, t.staf_s1_a);

  v1::Employee self;
  ASSERT_TRUE(Ok(GetEmployee(token, t.staf_s1_a, &self)));
  EXPECT_EQ(self.nip(), t.staf_s1_a);
  EXPECT_EQ(self.position_code(), "DINKES.P2P.S1.STAF");
  EXPECT_EQ(self.org_unit_code(), "DINKES.P2P.S1");
  EXPECT_TRUE(HasCode(GetEmployee(token, t.staf_s1_b), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(GetEmployee(token, t.staf_p2p), grpc::StatusCode::PERMISSION_DENIED));
  std::vector<std::string> nips;
  EXPECT_TRUE(HasCode(ListEmployees(token, &nips), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(nips, ElementsAre());
}

TEST_F(AuthorizationTest, AtasanReadsTheirSubordinatesButNobodyOutside) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string head = Token(t, t.kabid_p2p);

  EXPECT_TRUE(Ok(GetEmployee(head, t.staf_p2p)));   // direct
  EXPECT_TRUE(Ok(GetEmployee(head, t.staf_s1_a)));  // below the Plt
  EXPECT_TRUE(HasCode(GetEmployee(head, t.staf_yankes), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(GetEmployee(head, t.kadis), grpc::StatusCode::PERMISSION_DENIED));

  // The Plt reads the staff of the unit they act for, not their own colleagues' superiors.
  const std::string plt = Token(t, t.staf_p2p);
  EXPECT_TRUE(Ok(GetEmployee(plt, t.staf_s1_b)));
  EXPECT_TRUE(HasCode(GetEmployee(plt, t.kabid_p2p), grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(AuthorizationTest, AdminOpdChangesOnlyTheirSubtree) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string opd = Token(t, kOpdAdmin);

  EXPECT_TRUE(Ok(CreatePosition(opd, "DINKES.P2P.S1.PRAKOM", "DINKES.P2P.S1")));
  EXPECT_TRUE(Ok(CreatePosition(opd, "DINKES.P2P.PRAKOM", "DINKES.P2P")));
  EXPECT_TRUE(HasCode(CreatePosition(opd, "DINKES.YANKES.PRAKOM", "DINKES.YANKES"),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(
      HasCode(CreatePosition(opd, "DINKES.PRAKOM", "DINKES"), grpc::StatusCode::PERMISSION_DENIED));
  auto positions = db().Query("SELECT code FROM positions WHERE code LIKE '%PRAKOM' ORDER BY code");
  ASSERT_TRUE(positions.ok()) << positions.status();
  ASSERT_EQ(positions->size(), 2u);
  EXPECT_EQ((*positions)[0][0].as<std::string>(), "DINKES.P2P.PRAKOM");
  EXPECT_EQ((*positions)[1][0].as<std::string>(), "DINKES.P2P.S1.PRAKOM");

  // It reads the employees of its subtree only.
  EXPECT_TRUE(Ok(GetEmployee(opd, t.staf_s1_a)));
  EXPECT_TRUE(HasCode(GetEmployee(opd, t.staf_yankes), grpc::StatusCode::PERMISSION_DENIED));
  std::vector<std::string> nips;
  ASSERT_TRUE(Ok(ListEmployees(opd, &nips)));
  EXPECT_THAT(nips, ElementsAre(t.kabid_p2p, t.staf_p2p, t.staf_s1_a, t.staf_s1_b));
}

// Issue 8.3: only the position's unit was checked, so an ADMIN_OPD pulled an employee of another
// OPD into its positions. Both the position and the employee must be in its scope.
TEST_F(AuthorizationTest, AdminOpdAssignsOnlyItsOwnEmployeesToItsOwnPositions) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string opd = Token(t, kOpdAdmin);  // DINKES.P2P
  ASSERT_TRUE(Ok(CreatePosition(opd, "DINKES.P2P.PRAKOM", "DINKES.P2P")));
  auto assign = [&](const std::string& nip) {
    v1::CreateAssignmentRequest req;
    req.mutable_assignment()->set_nip(nip);
    req.mutable_assignment()->set_position_code("DINKES.P2P.PRAKOM");
    req.mutable_assignment()->set_kind(v1::ASSIGNMENT_KIND_PLH);
    *req.mutable_assignment()->mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
    v1::Assignment out;
    return stub().CreateAssignment(Ctx(opd).get(), req, &out);
  };
  const long before = db().Count("assignments");
  EXPECT_TRUE(HasCode(assign(t.staf_yankes), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(assign(t.kadis), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(db().Count("assignments"), before);
  EXPECT_TRUE(Ok(assign(t.staf_s1_a)));
  EXPECT_EQ(db().Count("assignments"), before + 1);

  // Nor may it rename, or set a supervisor for, someone outside its scope.
  v1::UpdateEmployeeRequest update;
  update.mutable_employee()->set_nip(t.staf_yankes);
  update.mutable_employee()->set_name("Diubah oleh P2P");
  update.mutable_update_mask()->add_paths("name");
  v1::Employee updated;
  EXPECT_TRUE(HasCode(stub().UpdateEmployee(Ctx(opd).get(), update, &updated),
                      grpc::StatusCode::PERMISSION_DENIED));
  update.mutable_employee()->set_nip(t.staf_s1_b);
  EXPECT_TRUE(Ok(stub().UpdateEmployee(Ctx(opd).get(), update, &updated)));
}

TEST_F(AuthorizationTest, AuditorReadsEverythingAndChangesNothing) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string auditor = Token(t, kAuditor);

  std::vector<std::string> nips;
  ASSERT_TRUE(Ok(ListEmployees(auditor, &nips)));
  EXPECT_THAT(nips, ElementsAreArray(t.all_nips));
  // The seed's: the tenant admin's ROLE_CHANGE and LOGIN, 4 units, 8 positions, 8 employees,
  // 9 assignments, 8 users; and the auditor's own LOGIN.
  int events = 0;
  ASSERT_TRUE(Ok(ListAuditEvents(auditor, &events)));
  EXPECT_EQ(events, 1 + 1 + 4 + 8 + 8 + 9 + 8 + 1);

  v1::CreateEmployeeRequest req;
  req.mutable_employee()->set_nip("199503172020122001");
  req.mutable_employee()->set_name("Rina Marlina");
  req.mutable_employee()->set_golongan("III/a");
  v1::Employee out;
  EXPECT_TRUE(HasCode(stub().CreateEmployee(Ctx(auditor).get(), req, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(CreatePosition(auditor, "DINKES.P2P.PRAKOM", "DINKES.P2P"),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(db().Count("employees"), 8);
}

TEST_F(AuthorizationTest, PlatformAdminCreatesTenantsButReadsNoPersonnel) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string platform = PlatformToken();

  EXPECT_TRUE(Ok(CreateTenant(platform, "kab-baru")));
  std::vector<std::string> nips;
  EXPECT_TRUE(HasCode(ListEmployees(platform, &nips), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(nips, ElementsAre());
  // Its token is the platform's: a tenant's NIP is nobody there.
  EXPECT_TRUE(HasCode(GetEmployee(platform, t.staf_s1_a), grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(AuthorizationTest, PegawaiCannotCreateTenantsNorReadTheAuditLog) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string pegawai = Token(t, t.staf_s1_a);

  EXPECT_TRUE(HasCode(CreateTenant(pegawai, "kab-baru"), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(ListAuditEvents(pegawai), grpc::StatusCode::PERMISSION_DENIED));
  // Nor can a tenant admin create tenants.
  EXPECT_TRUE(
      HasCode(CreateTenant(t.admin_token, "kab-baru"), grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(db().Count("tenants WHERE tenant_id = 'kab-baru'"), 0);
}

// Tenant isolation: a token of one tenant reads nothing of another.

TEST_F(AuthorizationTest, TenantBReadsNoEmployeeOfTenantA) {
  const SeededTenant a = SeedTenant("kota-a");
  const SeededTenant b = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());
  const std::string never_existed = "199912312024121999";

  // B's admin reads every B employee, and an A NIP is as unknown as one that never existed.
  grpc::Status unknown = GetEmployee(b.admin_token, never_existed);
  EXPECT_TRUE(HasCode(unknown, grpc::StatusCode::NOT_FOUND));
  for (const std::string& nip : a.all_nips) {
    v1::Employee out;
    grpc::Status st = GetEmployee(b.admin_token, nip, &out);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::NOT_FOUND)) << nip;
    EXPECT_EQ(out.nip(), "");
    EXPECT_EQ(st.error_message(),
              absl::StrReplaceAll(unknown.error_message(), {{never_existed, nip}}));
  }
  // B's employee may read nobody else; an A NIP gets exactly the answer a B colleague's gets.
  const std::string b_employee = Token(b, b.staf_s1_a);
  grpc::Status colleague = GetEmployee(b_employee, b.staf_s1_b);
  ASSERT_TRUE(HasCode(colleague, grpc::StatusCode::PERMISSION_DENIED));
  for (const std::string& nip : a.all_nips) {
    grpc::Status st = GetEmployee(b_employee, nip);
    EXPECT_TRUE(HasCode(st, grpc::StatusCode::PERMISSION_DENIED)) << nip;
    EXPECT_EQ(st.error_message(), colleague.error_message());
  }
  // B's admin cannot reach A's employees through the other reads either.
  v1::BatchGetEmployeesRequest batch;
  batch.add_nips(a.staf_s1_a);
  v1::BatchGetEmployeesResponse batch_out;
  EXPECT_TRUE(HasCode(stub().BatchGetEmployees(Ctx(b.admin_token).get(), batch, &batch_out),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(batch_out.employees_size(), 0);
  v1::GetSupervisorRequest sup;
  sup.set_nip(a.staf_s1_a);
  v1::GetSupervisorResponse sup_out;
  EXPECT_TRUE(HasCode(stub().GetSupervisor(Ctx(b.admin_token).get(), sup, &sup_out),
                      grpc::StatusCode::NOT_FOUND));
  v1::ListAssignmentsRequest assignments;
  assignments.set_nip(a.staf_s1_a);
  v1::ListAssignmentsResponse assignments_out;
  // (Whatever the code: an unknown NIP currently lists as empty.)
  stub().ListAssignments(Ctx(b.admin_token).get(), assignments, &assignments_out);
  EXPECT_EQ(assignments_out.assignments_size(), 0);
  // Nor change them.
  v1::UpdateEmployeeRequest update;
  update.mutable_employee()->set_nip(a.staf_s1_a);
  update.mutable_employee()->set_name("Diubah oleh B");
  update.mutable_update_mask()->add_paths("name");
  v1::Employee updated;
  EXPECT_TRUE(HasCode(stub().UpdateEmployee(Ctx(b.admin_token).get(), update, &updated),
                      grpc::StatusCode::NOT_FOUND));
  v1::Employee a_view;
  ASSERT_TRUE(Ok(GetEmployee(a.admin_token, a.staf_s1_a, &a_view)));
  EXPECT_EQ(a_view.name(), "Dewi Lestari");
}

TEST_F(AuthorizationTest, TenantBListsOnlyItsOwnEmployeesAndOrgUnits) {
  const SeededTenant a = SeedTenant("kota-a");
  const SeededTenant b = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());

  std::vector<std::string> b_list, a_list;
  ASSERT_TRUE(Ok(ListEmployees(b.admin_token, &b_list)));
  EXPECT_THAT(b_list, ElementsAreArray(b.all_nips));
  ASSERT_TRUE(Ok(ListEmployees(a.admin_token, &a_list)));
  EXPECT_THAT(a_list, ElementsAreArray(a.all_nips));
  EXPECT_NE(a.all_nips, b.all_nips);

  // A unit only A has is unknown to B; a code both have reads as B's own.
  v1::CreateOrgUnitRequest create;
  create.mutable_org_unit()->set_code("DINKES.GIZI");
  create.mutable_org_unit()->set_name("Bidang Gizi kota-a");
  create.mutable_org_unit()->set_parent_code("DINKES");
  v1::OrgUnit created;
  ASSERT_TRUE(Ok(stub().CreateOrgUnit(Ctx(a.admin_token).get(), create, &created)));

  const std::string b_employee = Token(b, b.staf_s1_a);
  for (const std::string& token : {b.admin_token, b_employee}) {
    v1::GetOrgUnitRequest get;
    get.set_code("DINKES.GIZI");
    v1::OrgUnit unit;
    EXPECT_TRUE(
        HasCode(stub().GetOrgUnit(Ctx(token).get(), get, &unit), grpc::StatusCode::NOT_FOUND));
    EXPECT_EQ(unit.name(), "");
    get.set_code("DINKES");
    ASSERT_TRUE(Ok(stub().GetOrgUnit(Ctx(token).get(), get, &unit)));
    EXPECT_EQ(unit.name(), "Dinas Kesehatan kota-b");

    v1::ListOrgUnitsRequest list;
    v1::ListOrgUnitsResponse units;
    ASSERT_TRUE(Ok(stub().ListOrgUnits(Ctx(token).get(), list, &units)));
    std::vector<std::string> names;
    for (const auto& u : units.org_units()) names.push_back(u.name());
    EXPECT_THAT(names, ElementsAre("Dinas Kesehatan kota-b", "Bidang P2P kota-b",
                                   "Seksi Surveilans kota-b", "Bidang Pelayanan Kesehatan kota-b"));
  }
}

TEST_F(AuthorizationTest, EachTokenCarriesItsOwnTenant) {
  const SeededTenant a = SeedTenant("kota-a");
  const SeededTenant b = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());

  auto a_claims = VerifiedClaims(Token(a, a.staf_s1_a));
  ASSERT_TRUE(a_claims.ok()) << a_claims.status();
  EXPECT_EQ(a_claims->tenant, "kota-a");
  EXPECT_EQ(a_claims->sub, a.staf_s1_a);
  auto b_claims = VerifiedClaims(Token(b, b.staf_s1_a));
  ASSERT_TRUE(b_claims.ok()) << b_claims.status();
  EXPECT_EQ(b_claims->tenant, "kota-b");
  // Logins are per tenant: A's employee does not exist in B.
  EXPECT_EQ(Login("kota-b", a.staf_s1_a, kEmployeePassword).status().code(),
            absl::StatusCode::kUnauthenticated);
  // And the profile an A token gets is A's.
  v1::Profile profile;
  ASSERT_TRUE(
      Ok(stub().GetProfile(Ctx(Token(a, a.staf_s1_a)).get(), v1::GetProfileRequest(), &profile)));
  EXPECT_EQ(profile.tenant(), "kota-a");
  EXPECT_EQ(profile.employee().nip(), a.staf_s1_a);
}

}  // namespace
}  // namespace ekinerja::identity::it

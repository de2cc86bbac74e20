// Who may call what, as one table (DESIGN §5, issue 8): every RPC of the identity service, called
// by every kind of caller, with the gRPC code each must get. Each later service adds the same
// table for its own RPCs.
//
// The callers are those of tenant kota-a (identity_fixture.h) about employee staf_s1_a of
// DINKES.P2P.S1, plus kota-b's admin and employee and the platform admin. A mutation that
// succeeds must not decide a later cell, so each call makes what is unique to its caller (codes
// and NIPs carry the caller's column) or repeats the same change. Each caller acts in its own
// tenant: kota-b's admin creating a unit in kota-b is OK, and the platform admin's own tenant
// has no units (NOT_FOUND, empty lists) and no personnel.

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

// The columns of the table.
enum Caller {
  kNone,           // no token
  kSelf,           // PEGAWAI: staf_s1_a, the employee the calls are about
  kColleague,      // PEGAWAI: staf_yankes, neither them nor their supervisor
  kAtasan,         // ATASAN: staf_p2p, Plt of the unit's head, staf_s1_a's atasan today
  kPastAtasan,     // PEGAWAI: Plh of the same head position in 2023 only
  kAdminOpd,       // ADMIN_OPD of DINKES.P2P
  kOtherAdminOpd,  // ADMIN_OPD of DINKES.YANKES
  kAdminInstansi,  // ADMIN_INSTANSI of kota-a
  kAuditorUser,    // AUDITOR
  kVerifikator,    // VERIFIKATOR_TPP
  kService,        // SERVICE account (client credentials)
  kOtherAdmin,     // kota-b's ADMIN_INSTANSI
  kOtherEmployee,  // kota-b's staf_s1_a
  kPlatform,       // PLATFORM_ADMIN
  kCallers
};

// One letter per expected code, so that a row of the table reads across: O OK,
// U UNAUTHENTICATED, D PERMISSION_DENIED, N NOT_FOUND, I INVALID_ARGUMENT, F FAILED_PRECONDITION.
char Letter(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 'O';
    case grpc::StatusCode::UNAUTHENTICATED:
      return 'U';
    case grpc::StatusCode::PERMISSION_DENIED:
      return 'D';
    case grpc::StatusCode::NOT_FOUND:
      return 'N';
    case grpc::StatusCode::INVALID_ARGUMENT:
      return 'I';
    case grpc::StatusCode::FAILED_PRECONDITION:
      return 'F';
    default:
      return '?';
  }
}

class AuthorizationMatrixTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (HasFatalFailure()) return;
    a_ = SeedTenant("kota-a");
    b_ = SeedTenant("kota-b");
    if (HasFatalFailure()) return;
    // The callers the seed does not make.
    past_atasan_ = MakeNip("19660101", "199001", 1, 990);
    Require(stub().CreateEmployee(Ctx(a_.admin_token).get(), EmployeeRequest(past_atasan_),
                                  &employee_out_),
            "past atasan");
    Require(stub().CreateAssignment(
                Ctx(a_.admin_token).get(),
                AssignmentRequest(past_atasan_, "DINKES.P2P.S1.KASI", v1::ASSIGNMENT_KIND_PLH,
                                  absl::CivilDay(2023, 1, 2), absl::CivilDay(2023, 6, 30)),
                &assignment_),
            "past atasan's Plh");
    CreateUser(past_atasan_, past_atasan_, type::v1::ROLE_UNSPECIFIED, "");
    CreateUser("admin.yankes", "", type::v1::ROLE_ADMIN_OPD, "DINKES.YANKES");
    CreateUser("verifikator", "", type::v1::ROLE_VERIFIKATOR_TPP, "");
    v1::CreateUserRequest service;
    service.mutable_user()->set_username("simpeg-sync");
    service.mutable_user()->add_roles(type::v1::ROLE_SERVICE);
    service.set_password(kServiceSecret);
    service.set_service_account(true);
    v1::User out;
    Require(stub().CreateUser(Ctx(a_.admin_token).get(), service, &out), "service account");
    if (HasFatalFailure()) return;

    tokens_[kSelf] = Token(a_, a_.staf_s1_a);
    tokens_[kColleague] = Token(a_, a_.staf_yankes);
    tokens_[kAtasan] = Token(a_, a_.staf_p2p);
    tokens_[kPastAtasan] = Token("kota-a", past_atasan_, kEmployeePassword);
    tokens_[kAdminOpd] = Token(a_, kOpdAdmin);
    tokens_[kOtherAdminOpd] = Token("kota-a", "admin.yankes", kEmployeePassword);
    tokens_[kAdminInstansi] = a_.admin_token;
    tokens_[kAuditorUser] = Token(a_, kAuditor);
    tokens_[kVerifikator] = Token("kota-a", "verifikator", kEmployeePassword);
    v1::LoginRequest client;
    client.set_tenant("kota-a");
    client.set_client_id("simpeg-sync");
    client.set_client_secret(kServiceSecret);
    v1::LoginResponse login;
    Require(stub().Login(Ctx().get(), client, &login), "service login");
    tokens_[kService] = login.access_token();
    tokens_[kOtherAdmin] = b_.admin_token;
    tokens_[kOtherEmployee] = Token(b_, b_.staf_s1_a);
    tokens_[kPlatform] = PlatformToken();
    passwords_.fill(kEmployeePassword);
    passwords_[kAdminOpd] = kOpdAdminPassword;
    passwords_[kAdminInstansi] = passwords_[kOtherAdmin] = kTenantAdminPassword;
    passwords_[kAuditorUser] = kAuditorPassword;
    passwords_[kService] = kServiceSecret;
    passwords_[kPlatform] = kPlatformAdminPassword;
  }

  static constexpr char kServiceSecret[] = "rahasia-klien-simpeg-2026";

  void Require(const grpc::Status& st, const std::string& what) { ASSERT_TRUE(Ok(st)) << what; }

  void CreateUser(const std::string& username, const std::string& nip, type::v1::Role role,
                  const std::string& admin_unit) {
    v1::CreateUserRequest req;
    req.mutable_user()->set_username(username);
    req.mutable_user()->set_nip(nip);
    if (role != type::v1::ROLE_UNSPECIFIED) req.mutable_user()->add_roles(role);
    req.mutable_user()->set_admin_org_unit_code(admin_unit);
    req.set_password(kEmployeePassword);
    v1::User out;
    Require(stub().CreateUser(Ctx(a_.admin_token).get(), req, &out), "user " + username);
  }

  static v1::CreateEmployeeRequest EmployeeRequest(const std::string& nip) {
    v1::CreateEmployeeRequest req;
    req.mutable_employee()->set_nip(nip);
    req.mutable_employee()->set_name("Pegawai Matriks");
    req.mutable_employee()->set_golongan("III/a");
    return req;
  }

  static v1::CreateAssignmentRequest AssignmentRequest(const std::string& nip,
                                                       const std::string& position,
                                                       v1::AssignmentKind kind,
                                                       absl::CivilDay start,
                                                       std::optional<absl::CivilDay> end) {
    v1::CreateAssignmentRequest req;
    v1::Assignment* a = req.mutable_assignment();
    a->set_nip(nip);
    a->set_position_code(position);
    a->set_kind(kind);
    *a->mutable_start_date() = Date(start);
    if (end) *a->mutable_end_date() = Date(*end);
    return req;
  }

  SeededTenant a_, b_;
  std::string past_atasan_;
  v1::Employee employee_out_;
  v1::Assignment assignment_;  // the past atasan's Plh
  std::array<std::string, kCallers> tokens_;
  std::array<std::string, kCallers> passwords_;  // each caller's own
};

TEST_F(AuthorizationMatrixTest, EveryRpcAnswersEveryKindOfCallerAsTheRulesSay) {
  ASSERT_FALSE(HasFatalFailure());
  const std::string& nip = a_.staf_s1_a;
  // A call as `token` by caller column `c`.
  using Call = std::function<grpc::Status(const std::string& token, int c)>;
  struct Row {
    const char* rpc;
    // One letter per caller, in the order of the enum (spaces are ignored):
    //          none self coll atas past opd opdX inst aud ver svc Badm Bemp plat
    const char* expected;
    Call call;
  };
  auto& s = stub();
  const Row rows[] = {
      {"GetJwks", "O O O O O O O O O O O O O O",
       [&](const std::string& tok, int) {
         v1::Jwks out;
         return s.GetJwks(Ctx(tok).get(), v1::GetJwksRequest(), &out);
       }},
      // Only the deployment's service accounts (tenant platform, not a column here) exchange:
      // kota-a's own SERVICE account may not (token_exchange_test.cc).
      {"ExchangeToken", "U D D D D D D D D D D D D D",
       [&](const std::string& tok, int) {
         v1::ExchangeTokenResponse out;
         return Exchange(tok, "kota-b", &out);
       }},
      {"RotateSigningKey", "U D D D D D D D D D D D D O",
       [&](const std::string& tok, int) {
         v1::RotateSigningKeyResponse out;
         return s.RotateSigningKey(Ctx(tok).get(), v1::RotateSigningKeyRequest(), &out);
       }},
      {"GetProfile", "U O O O O O O O O O O O O O",
       [&](const std::string& tok, int) {
         v1::Profile out;
         return s.GetProfile(Ctx(tok).get(), v1::GetProfileRequest(), &out);
       }},
      {"CreateTenant", "U D D D D D D D D D D D D O",
       [&](const std::string& tok, int c) {
         v1::CreateTenantRequest req;
         req.mutable_tenant()->set_code(absl::StrCat("matriks-", c));
         req.mutable_tenant()->set_name("Pemerintah Matriks");
         req.mutable_tenant()->set_time_zone("Asia/Jakarta");
         req.set_admin_username("admin");
         req.set_admin_password("kunci-instansi-baru-2026");
         v1::Tenant out;
         return s.CreateTenant(Ctx(tok).get(), req, &out);
       }},
      {"GetTenant", "U O O O O O O O O O O D D O",
       [&](const std::string& tok, int) {
         v1::GetTenantRequest req;
         req.set_code("kota-a");
         v1::Tenant out;
         return s.GetTenant(Ctx(tok).get(), req, &out);
       }},
      {"ListTenants", "U D D D D D D D D D D D D O",
       [&](const std::string& tok, int) {
         v1::ListTenantsResponse out;
         return s.ListTenants(Ctx(tok).get(), v1::ListTenantsRequest(), &out);
       }},
      {"UpdateTenant", "U D D D D D D O D D D D D O",
       [&](const std::string& tok, int) {
         v1::UpdateTenantRequest req;
         req.mutable_tenant()->set_code("kota-a");
         req.mutable_tenant()->set_name("Pemerintah Kota A");
         req.mutable_update_mask()->add_paths("name");
         v1::Tenant out;
         return s.UpdateTenant(Ctx(tok).get(), req, &out);
       }},
      {"CreateOrgUnit", "U D D D D O D O D D D O D D",
       [&](const std::string& tok, int c) {
         v1::CreateOrgUnitRequest req;
         req.mutable_org_unit()->set_code(absl::StrCat("DINKES.P2P.M", c));
         req.mutable_org_unit()->set_name("Seksi Matriks");
         req.mutable_org_unit()->set_parent_code("DINKES.P2P");
         v1::OrgUnit out;
         return s.CreateOrgUnit(Ctx(tok).get(), req, &out);
       }},
      {"GetOrgUnit", "U O O O O O O O O O O O O N",
       [&](const std::string& tok, int) {
         v1::GetOrgUnitRequest req;
         req.set_code("DINKES.P2P.S1");
         v1::OrgUnit out;
         return s.GetOrgUnit(Ctx(tok).get(), req, &out);
       }},
      {"ListOrgUnits", "U O O O O O O O O O O O O O",
       [&](const std::string& tok, int) {
         v1::ListOrgUnitsResponse out;
         return s.ListOrgUnits(Ctx(tok).get(), v1::ListOrgUnitsRequest(), &out);
       }},
      {"UpdateOrgUnit", "U D D D D O D O D D D O D N",
       [&](const std::string& tok, int) {
         v1::UpdateOrgUnitRequest req;
         req.mutable_org_unit()->set_code("DINKES.P2P.S1");
         req.mutable_org_unit()->set_name("Seksi Surveilans");
         req.mutable_update_mask()->add_paths("name");
         v1::OrgUnit out;
         return s.UpdateOrgUnit(Ctx(tok).get(), req, &out);
       }},
      {"CreatePosition", "U D D D D O D O D D D O D D",
       [&](const std::string& tok, int c) {
         v1::CreatePositionRequest req;
         v1::Position* p = req.mutable_position();
         p->set_code(absl::StrCat("DINKES.P2P.S1.M", c));
         p->set_name("Pengolah Data");
         p->set_kind(v1::POSITION_KIND_PELAKSANA);
         p->set_kelas_jabatan(7);
         p->set_org_unit_code("DINKES.P2P.S1");
         v1::Position out;
         return s.CreatePosition(Ctx(tok).get(), req, &out);
       }},
      {"ListPositions", "U O O O O O O O O O O O O O",
       [&](const std::string& tok, int) {
         v1::ListPositionsRequest req;
         req.set_org_unit_code("DINKES.P2P.S1");
         v1::ListPositionsResponse out;
         return s.ListPositions(Ctx(tok).get(), req, &out);
       }},
      {"UpdatePosition", "U D D D D O D O D D D O D N",
       [&](const std::string& tok, int) {
         v1::UpdatePositionRequest req;
         req.mutable_position()->set_code("DINKES.P2P.S1.STAF");
         req.mutable_position()->set_name("Pengelola Data Surveilans");
         req.mutable_update_mask()->add_paths("name");
         v1::Position out;
         return s.UpdatePosition(Ctx(tok).get(), req, &out);
       }},
      {"CreateEmployee", "U D D D D O O O D D D O D D",
       [&](const std::string& tok, int c) {
         v1::Employee out;
         return s.CreateEmployee(Ctx(tok).get(),
                                 EmployeeRequest(MakeNip("19950101", "202001", 1, 900 + c)), &out);
       }},
      {"GetEmployee", "U O D O D O D O O O O N D D",
       [&](const std::string& tok, int) {
         v1::GetEmployeeRequest req;
         req.set_nip(nip);
         v1::Employee out;
         return s.GetEmployee(Ctx(tok).get(), req, &out);
       }},
      {"BatchGetEmployees", "U O D O D O D O O O O N D D",
       [&](const std::string& tok, int) {
         v1::BatchGetEmployeesRequest req;
         req.add_nips(nip);
         v1::BatchGetEmployeesResponse out;
         return s.BatchGetEmployees(Ctx(tok).get(), req, &out);
       }},
      {"ListEmployees", "U D D D D O O O O O O O D D",
       [&](const std::string& tok, int) {
         v1::ListEmployeesResponse out;
         return s.ListEmployees(Ctx(tok).get(), v1::ListEmployeesRequest(), &out);
       }},
      // An ADMIN_OPD within their subtree only; each tenant's admin their own DINKES.P2P; the
      // platform's tenant has no such unit (as ListEmployees, the unit is checked first).
      {"StreamEmployeesOfPeriod", "U D D D D O D O O O O O D I",
       [&](const std::string& tok, int) {
         v1::StreamEmployeesOfPeriodRequest req;
         req.set_org_unit_code("DINKES.P2P");
         req.set_include_subtree(true);
         *req.mutable_start_date() = Date(absl::CivilDay(2025, 3, 1));
         *req.mutable_end_date() = Date(absl::CivilDay(2025, 3, 31));
         auto ctx = Ctx(tok);
         auto reader = s.StreamEmployeesOfPeriod(ctx.get(), req);
         v1::EmployeeOfPeriod out;
         while (reader->Read(&out)) {
         }
         return reader->Finish();
       }},
      // As StreamEmployeesOfPeriod: the same reach.
      {"StreamSupervisors", "U D D D D O D O O O O O D I",
       [&](const std::string& tok, int) {
         v1::StreamSupervisorsRequest req;
         req.set_org_unit_code("DINKES.P2P");
         *req.mutable_date() = Date(absl::CivilDay(2025, 3, 12));
         auto ctx = Ctx(tok);
         auto reader = s.StreamSupervisors(ctx.get(), req);
         v1::EmployeeSupervisor out;
         while (reader->Read(&out)) {
         }
         return reader->Finish();
       }},
      {"UpdateEmployee", "U D D D D O D O D D D N D D",
       [&](const std::string& tok, int) {
         v1::UpdateEmployeeRequest req;
         req.mutable_employee()->set_nip(nip);
         req.mutable_employee()->set_name("Dewi Lestari");
         req.mutable_update_mask()->add_paths("name");
         v1::Employee out;
         return s.UpdateEmployee(Ctx(tok).get(), req, &out);
       }},
      {"ImportEmployees", "U D D D D O D O D D D O D D",
       [&](const std::string& tok, int) {
         // A dry run of the employee as they are; a refused row counts as the refusal.
         v1::ImportEmployeesRequest req;
         req.set_csv(absl::StrCat("nip,name,golongan,position_code,org_unit_code\n", nip,
                                  ",Dewi Lestari,III/a,DINKES.P2P.S1.STAF,DINKES.P2P.S1\n"));
         req.set_dry_run(true);
         v1::ImportEmployeesResponse out;
         grpc::Status st = s.ImportEmployees(Ctx(tok).get(), req, &out);
         if (out.problems().empty()) return st;
         return grpc::Status(static_cast<grpc::StatusCode>(out.problems(0).code()),
                             out.problems(0).description());
       }},
      {"CreateAssignment", "U D D D D O D O D D D I D D",
       [&](const std::string& tok, int c) {
         v1::Assignment out;
         return s.CreateAssignment(
             Ctx(tok).get(),
             AssignmentRequest(nip, "DINKES.P2P.S1.KASI", v1::ASSIGNMENT_KIND_PLH,
                               absl::CivilDay(2030, 1, 1 + c), absl::CivilDay(2030, 1, 1 + c)),
             &out);
       }},
      {"ListAssignments", "U O D O D O D O O O O O D D",
       [&](const std::string& tok, int) {
         v1::ListAssignmentsRequest req;
         req.set_nip(nip);
         v1::ListAssignmentsResponse out;
         return s.ListAssignments(Ctx(tok).get(), req, &out);
       }},
      {"UpdateAssignment", "U D D D D O D O D D D N D D",
       [&](const std::string& tok, int) {
         v1::UpdateAssignmentRequest req;
         req.mutable_assignment()->set_id(assignment_.id());
         *req.mutable_assignment()->mutable_end_date() = Date(absl::CivilDay(2023, 6, 30));
         req.mutable_update_mask()->add_paths("end_date");
         v1::Assignment out;
         return s.UpdateAssignment(Ctx(tok).get(), req, &out);
       }},
      {"CreateSupervisorOverride", "U D D D D O D O D D D I D D",
       [&](const std::string& tok, int c) {
         v1::CreateSupervisorOverrideRequest req;
         v1::SupervisorOverride* o = req.mutable_supervisor_override();
         o->set_nip(nip);
         o->set_supervisor_nip(a_.kabid_p2p);
         o->set_role(v1::SUPERVISOR_ROLE_PEJABAT_PENILAI);
         *o->mutable_start_date() = Date(absl::CivilDay(2031, 1, 1 + c));
         *o->mutable_end_date() = Date(absl::CivilDay(2031, 1, 1 + c));
         v1::SupervisorOverride out;
         return s.CreateSupervisorOverride(Ctx(tok).get(), req, &out);
       }},
      {"GetSupervisor", "U O D O D O D O O O O N D D",
       [&](const std::string& tok, int) {
         v1::GetSupervisorRequest req;
         req.set_nip(nip);
         v1::GetSupervisorResponse out;
         return s.GetSupervisor(Ctx(tok).get(), req, &out);
       }},
      {"ListSubordinates", "U O D O D O D O O O O O D D",
       [&](const std::string& tok, int) {
         v1::ListSubordinatesRequest req;
         req.set_nip(nip);
         v1::ListSubordinatesResponse out;
         return s.ListSubordinates(Ctx(tok).get(), req, &out);
       }},
      {"CreateUser", "U D D D D D D O D D D O D D",
       [&](const std::string& tok, int c) {
         v1::CreateUserRequest req;
         req.mutable_user()->set_username(absl::StrCat("matriks-", c));
         req.mutable_user()->add_roles(type::v1::ROLE_AUDITOR);
         req.set_password("matriks-rahasia-2026");
         v1::User out;
         return s.CreateUser(Ctx(tok).get(), req, &out);
       }},
      {"ListUsers", "U D D D D D D O O D D O D D",
       [&](const std::string& tok, int) {
         v1::ListUsersResponse out;
         return s.ListUsers(Ctx(tok).get(), v1::ListUsersRequest(), &out);
       }},
      {"UpdateUser", "U D D D D D D O D D D O D D",
       [&](const std::string& tok, int) {
         v1::UpdateUserRequest req;
         req.mutable_user()->set_username(kAuditor);
         req.mutable_user()->set_disabled(false);
         req.mutable_update_mask()->add_paths("disabled");
         v1::User out;
         return s.UpdateUser(Ctx(tok).get(), req, &out);
       }},
      {"ListAuditEvents", "U D D D D D D O O D D O D O",
       [&](const std::string& tok, int) {
         v1::ListAuditEventsResponse out;
         return s.ListAuditEvents(Ctx(tok).get(), v1::ListAuditEventsRequest(), &out);
       }},
      // As CreateUser: the tenant's ADMIN_INSTANSI (kota-b's for its own auditor).
      {"IssuePasswordCodes", "U D D D D D D O D D D O D D",
       [&](const std::string& tok, int) {
         v1::IssuePasswordCodesRequest req;
         req.add_usernames(kAuditor);
         v1::IssuePasswordCodesResponse out;
         return s.IssuePasswordCodes(Ctx(tok).get(), req, &out);
       }},
      // Public: a token grants nothing, a wrong code is refused whoever sends it.
      {"SetPasswordWithCode", "U U U U U U U U U U U U U U",
       [&](const std::string& tok, int) {
         v1::SetPasswordWithCodeRequest req;
         req.set_tenant("kota-a");
         req.set_username("nobody-matrix");
         req.set_code("AAAA-BBBB-CCCC-DDDD");
         req.set_new_password("matriks-rahasia-2026");
         v1::SetPasswordWithCodeResponse out;
         return s.SetPasswordWithCode(Ctx(tok).get(), req, &out);
       }},
      // Everyone with a password changes their own; a service account's secret is its admin's.
      // Last: it changes the callers' passwords (their tokens stay good).
      {"ChangePassword", "U O O O O O O O O O D O O O",
       [&](const std::string& tok, int c) {
         v1::ChangePasswordRequest req;
         req.set_old_password(passwords_[c]);
         req.set_new_password(absl::StrCat("matriks-baru-", c, "-2026"));
         v1::ChangePasswordResponse out;
         return s.ChangePassword(Ctx(tok).get(), req, &out);
       }},
  };

  // Every RPC of the service has its row (the public Login, RefreshToken and Logout take
  // credentials rather than a token: auth_test.cc; the codes: password_test.cc).
  std::vector<std::string> covered = {"Login", "RefreshToken", "Logout"};
  for (const Row& row : rows) covered.push_back(row.rpc);
  const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      v1::IdentityService::service_full_name());
  ASSERT_NE(service, nullptr);
  for (int i = 0; i < service->method_count(); ++i) {
    EXPECT_NE(std::find(covered.begin(), covered.end(), service->method(i)->name()), covered.end())
        << service->method(i)->name() << " has no row";
  }

  for (const Row& row : rows) {
    std::string want = absl::StrReplaceAll(row.expected, {{" ", ""}});
    ASSERT_EQ(want.size(), static_cast<size_t>(kCallers)) << row.rpc;
    std::string got;
    for (int c = 0; c < kCallers; ++c) got += Letter(row.call(tokens_[c], c).error_code());
    EXPECT_EQ(got, want) << row.rpc << "\n  callers: none self coll atas past opd opdX inst aud "
                         << "ver svc Badm Bemp plat";
  }
}

}  // namespace
}  // namespace ekinerja::identity::it

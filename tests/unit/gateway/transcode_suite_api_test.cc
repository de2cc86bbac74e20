// The suite's own API (build/ekinerja.pb) through the transcoder: the REST calls clients make.

#include "ekinerja/activity/v1/activity.pb.h"
#include "ekinerja/attendance/v1/attendance.pb.h"
#include "ekinerja/identity/v1/identity.pb.h"
#include "ekinerja/scoring/v1/scoring.pb.h"
#include "ekinerja/skp/v1/skp.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "transcode_test_support.h"

namespace ekinerja::gateway {
namespace {

using ::ekinerja::gateway::testing::CallIs;
using ::ekinerja::gateway::testing::Suite;
namespace id = ::ekinerja::identity::v1;

constexpr char kNip[] = "196702271998032003";

std::string Rpc(absl::string_view method) {
  return absl::StrCat("/ekinerja.identity.v1.IdentityService/", method);
}

absl::StatusOr<Transcoder::Call> Call(absl::string_view method, absl::string_view path,
                                      absl::string_view query = "", absl::string_view body = "") {
  return Suite().ToGrpc(method, path, query, body);
}

TEST(SuiteApi, ServicesAreTheSuites) {
  EXPECT_THAT(Suite().Services(), ::testing::ElementsAre("ekinerja.activity.v1.ActivityService",
                                                         "ekinerja.attendance.v1.AttendanceService",
                                                         "ekinerja.identity.v1.IdentityService",
                                                         "ekinerja.scoring.v1.ScoringService",
                                                         "ekinerja.skp.v1.SkpService",
                                                         "ekinerja.warning.v1.WarningService"));
}

TEST(SuiteApi, ScoringRoutesForRunsInstrumentsAndKotak) {
  namespace sc = ::ekinerja::scoring::v1;
  EXPECT_TRUE(CallIs<sc::CreateTppRunRequest>(
      Call("POST", "/v1/tppRuns", "", R"({"year":2026,"month":3,"requestId":"maret"})"),
      "/ekinerja.scoring.v1.ScoringService/CreateTppRun",
      "year: 2026 month: 3 request_id: 'maret'"));
  EXPECT_TRUE(CallIs<sc::LockTppRunRequest>(Call("POST", "/v1/tppRuns/42:lock", "", "{}"),
                                            "/ekinerja.scoring.v1.ScoringService/LockTppRun",
                                            "id: 42"));
  EXPECT_TRUE(CallIs<sc::GetInstrumentRequest>(
      Call("GET", absl::StrCat("/v1/employees/", kNip, "/instruments/2026/3")),
      "/ekinerja.scoring.v1.ScoringService/GetInstrument",
      absl::StrCat("nip: '", kNip, "' year: 2026 month: 3")));
  EXPECT_TRUE(
      CallIs<sc::ListLowKotakRequest>(Call("GET", "/v1/kotak/2026/3/low", "orgUnitCode=DINKES"),
                                      "/ekinerja.scoring.v1.ScoringService/ListLowKotak",
                                      "year: 2026 month: 3 org_unit_code: 'DINKES'"));
}

TEST(SuiteApi, ActivityRoutesBindPathsBesideIdentitysEmployee) {
  namespace act = ::ekinerja::activity::v1;
  EXPECT_TRUE(CallIs<act::SubmitEntriesRequest>(
      Call("POST", absl::StrCat("/v1/employees/", kNip, "/entries:submit"), "",
           R"({"startDate":{"year":2026,"month":3,"day":10}})"),
      "/ekinerja.activity.v1.ActivityService/SubmitEntries",
      absl::StrCat("nip: '", kNip, "' start_date { year: 2026 month: 3 day: 10 }")));
  EXPECT_TRUE(CallIs<act::DecideEntriesRequest>(
      Call(
          "POST", "/v1/entries:decide", "",
          R"({"decision":"DECISION_REJECT","reason":"Bukti dukung belum ada.","entryIds":["7","9"]})"),
      "/ekinerja.activity.v1.ActivityService/DecideEntries",
      "decision: DECISION_REJECT reason: 'Bukti dukung belum ada.' entry_ids: [7, 9]"));
  EXPECT_TRUE(CallIs<act::GetMonthSummaryRequest>(
      Call("GET", absl::StrCat("/v1/employees/", kNip, "/activityMonths/2026/3")),
      "/ekinerja.activity.v1.ActivityService/GetMonthSummary",
      absl::StrCat("nip: '", kNip, "' year: 2026 month: 3")));
}

TEST(SuiteApi, SkpRoutesBindPathsBesideIdentitysEmployee) {
  EXPECT_TRUE(CallIs<ekinerja::skp::v1::ApproveSkpRequest>(
      Call("POST", "/v1/skps/42:approve", "", R"({"revision":2})"),
      "/ekinerja.skp.v1.SkpService/ApproveSkp", "id: 42 revision: 2"));
  EXPECT_TRUE(CallIs<ekinerja::skp::v1::ListSkpsRequest>(
      Call("GET", absl::StrCat("/v1/employees/", kNip, "/skps"), "year=2026"),
      "/ekinerja.skp.v1.SkpService/ListSkps", absl::StrCat("nip: '", kNip, "' year: 2026")));
  EXPECT_TRUE(CallIs<ekinerja::skp::v1::GetFeedback360SummaryRequest>(
      Call("GET", "/v1/skps/7/feedback360/2026-M03"),
      "/ekinerja.skp.v1.SkpService/GetFeedback360Summary", "skp_id: 7 period: '2026-M03'"));
}

TEST(SuiteApi, AttendanceDayBindsTheNipAndTheDateFromThePath) {
  EXPECT_TRUE(CallIs<ekinerja::attendance::v1::GetAttendanceDayRequest>(
      Call("GET", absl::StrCat("/v1/employees/", kNip, "/attendanceDays/2026/11/20")),
      "/ekinerja.attendance.v1.AttendanceService/GetAttendanceDay",
      absl::StrCat("nip: '", kNip, "' date { year: 2026 month: 11 day: 20 }")));
  EXPECT_TRUE(CallIs<ekinerja::attendance::v1::ApproveAbsenceRequest>(
      Call("POST", "/v1/absences/42:approve", "", "{}"),
      "/ekinerja.attendance.v1.AttendanceService/ApproveAbsence", "id: 42"));
}

TEST(SuiteApi, Login) {
  EXPECT_TRUE(CallIs<id::LoginRequest>(
      Call("POST", "/v1/auth:login", "",
           R"({"tenant":"kota-demo","username":"budi","password":"rahasia-123"})"),
      Rpc("Login"), "tenant: 'kota-demo' username: 'budi' password: 'rahasia-123'"));
}

TEST(SuiteApi, GetEmployee) {
  EXPECT_TRUE(CallIs<id::GetEmployeeRequest>(Call("GET", absl::StrCat("/v1/employees/", kNip)),
                                             Rpc("GetEmployee"),
                                             absl::StrCat("nip: '", kNip, "'")));
}

TEST(SuiteApi, GetEmployeeOnADate) {
  EXPECT_TRUE(CallIs<id::GetEmployeeRequest>(
      Call("GET", absl::StrCat("/v1/employees/", kNip), "date.year=2026&date.month=3&date.day=15"),
      Rpc("GetEmployee"), absl::StrCat("nip: '", kNip, "' date { year: 2026 month: 3 day: 15 }")));
}

TEST(SuiteApi, UpdateEmployee) {
  EXPECT_TRUE(CallIs<id::UpdateEmployeeRequest>(
      Call("PATCH", absl::StrCat("/v1/employees/", kNip), "update_mask=name,golongan,status",
           R"({"name":"Budi Santoso","golongan":"III/a","status":"EMPLOYMENT_STATUS_AKTIF"})"),
      Rpc("UpdateEmployee"),
      absl::StrCat("employee { nip: '", kNip,
                   "' name: 'Budi Santoso' golongan: 'III/a' status: EMPLOYMENT_STATUS_AKTIF } "
                   "update_mask { paths: 'name' paths: 'golongan' paths: 'status' }")));
}

TEST(SuiteApi, ListSubordinates) {
  EXPECT_TRUE(CallIs<id::ListSubordinatesRequest>(
      Call("GET", absl::StrCat("/v1/employees/", kNip, "/subordinates"),
           "include_subtree=true&date.year=2026&date.month=3&date.day=15"),
      Rpc("ListSubordinates"),
      absl::StrCat("nip: '", kNip,
                   "' date { year: 2026 month: 3 day: 15 } include_subtree: true")));
}

TEST(SuiteApi, BatchGetEmployeesIsAVerbBesideGetEmployee) {
  EXPECT_TRUE(
      CallIs<id::BatchGetEmployeesRequest>(Call("GET", "/v1/employees:batchGet", "nips=1&nips=2"),
                                           Rpc("BatchGetEmployees"), "nips: '1' nips: '2'"));
}

TEST(SuiteApi, ListEmployeesWithTrailingSlash) {
  EXPECT_TRUE(CallIs<id::ListEmployeesRequest>(
      Call("GET", "/v1/employees/", "org_unit_code=DINKES&activeOnly=true&page_size=50"),
      Rpc("ListEmployees"), "org_unit_code: 'DINKES' active_only: true page_size: 50"));
}

TEST(SuiteApi, UpdateAssignmentWithInt64PathVariableInsideTheBody) {
  EXPECT_TRUE(CallIs<id::UpdateAssignmentRequest>(
      Call("PATCH", absl::StrCat("/v1/employees/", kNip, "/assignments/42"), "update_mask=end_date",
           R"({"endDate":{"year":2026,"month":12,"day":31}})"),
      Rpc("UpdateAssignment"),
      absl::StrCat("assignment { id: 42 nip: '", kNip,
                   "' end_date { year: 2026 month: 12 day: 31 } } "
                   "update_mask { paths: 'end_date' }")));
}

TEST(SuiteApi, CreateUserWithRoles) {
  EXPECT_TRUE(CallIs<id::CreateUserRequest>(
      Call("POST", "/v1/users", "",
           R"({"user":{"username":"admin2","roles":["ROLE_ADMIN_OPD"],"adminOrgUnitCode":"DINKES"},
               "password":"panjang-sekali"})"),
      Rpc("CreateUser"),
      "user { username: 'admin2' roles: ROLE_ADMIN_OPD admin_org_unit_code: 'DINKES' } "
      "password: 'panjang-sekali'"));
}

TEST(SuiteApi, PublicGets) {
  EXPECT_TRUE(CallIs<id::GetJwksRequest>(Call("GET", "/v1/auth/jwks"), Rpc("GetJwks"), ""));
  EXPECT_TRUE(CallIs<id::GetProfileRequest>(Call("GET", "/v1/me"), Rpc("GetProfile"), ""));
}

TEST(SuiteApi, UnknownRouteAndUnknownParameter) {
  auto call = Call("GET", "/v1/employee/1");
  EXPECT_EQ(call.status().code(), absl::StatusCode::kNotFound);
  call = Call("GET", absl::StrCat("/v1/employees/", kNip), "nipp=1");
  EXPECT_EQ(call.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      call.status().message(),
      "Could not find field \"nipp\" in the type \"ekinerja.identity.v1.GetEmployeeRequest\".");
}

TEST(SuiteApi, LoginResponseJson) {
  id::LoginResponse r;
  r.set_access_token("eyJ");
  r.set_expires_in(900);
  r.set_token_type("Bearer");
  auto call = Call("POST", "/v1/auth:login", "", "{}");
  ASSERT_TRUE(call.ok());
  auto json = Suite().ResponseToJson(*call->method, r.SerializeAsString());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            R"({"accessToken":"eyJ","refreshToken":"","expiresIn":900,"tokenType":"Bearer"})");
}

TEST(SuiteApi, JwksResponseIsAnRfc7517KeySet) {
  id::Jwks jwks;
  auto* k = jwks.add_keys();
  k->set_kty("EC");
  k->set_crv("P-256");
  k->set_x("f83O");
  k->set_y("x_FE");
  k->set_kid("k1");
  k->set_use("sig");
  k->set_alg("ES256");
  auto call = Call("GET", "/v1/auth/jwks");
  ASSERT_TRUE(call.ok());
  auto json = Suite().ResponseToJson(*call->method, jwks.SerializeAsString());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            R"({"keys":[{"kty":"EC","crv":"P-256","x":"f83O","y":"x_FE","kid":"k1","use":"sig",)"
            R"("alg":"ES256"}]})");
}

}  // namespace
}  // namespace ekinerja::gateway

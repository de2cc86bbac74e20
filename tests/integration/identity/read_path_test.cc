// Identity's read path at province scale (issue 9, items 8 and 11): the org index cached per
// (tenant, day) and dropped by every replica on the org version's next change; the tenant's zone
// seen by every replica on its next call; a read of one's own record in one round trip.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "civil.h"
#include "gtest/gtest.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::identity::it {
namespace {

class ReadPathTest : public IdentityTest {
 protected:
  ReadPathTest() {
    // No health pings (SELECT 1) among the round trips a test counts.
    TuneServer([](ServerOptions& o) { o.health_interval = absl::Hours(1); });
  }

  // The tenant's org version, read behind the API.
  int64_t OrgVersion(const std::string& tenant) {
    auto r = db().Query(absl::StrCat(
        "SELECT coalesce((SELECT version FROM org_versions WHERE tenant_id = '", tenant, "'), 0)"));
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? (*r)[0][0].as<int64_t>() : -1;
  }

  static double Lookups(Replica& r, const std::string& result) {
    return CounterValue(r.host->metrics().registry(), "ekinerja_identity_org_cache_lookups_total",
                        {{"result", result}});
  }
  double Lookups(const std::string& result) {
    return CounterValue(host().metrics().registry(), "ekinerja_identity_org_cache_lookups_total",
                        {{"result", result}});
  }

  static grpc::Status GetSupervisor(v1::IdentityService::Stub& stub, const std::string& token,
                                    const std::string& nip, std::optional<absl::CivilDay> day,
                                    v1::GetSupervisorResponse* resp) {
    v1::GetSupervisorRequest req;
    req.set_nip(nip);
    if (day) *req.mutable_date() = Date(*day);
    return stub.GetSupervisor(Ctx(token).get(), req, resp);
  }
  // The NIP of `nip`'s atasan langsung asked through `stub` ("" and a test failure on an error).
  static std::string AtasanOf(v1::IdentityService::Stub& stub, const std::string& token,
                              const std::string& nip, std::optional<absl::CivilDay> day = {}) {
    v1::GetSupervisorResponse resp;
    grpc::Status s = GetSupervisor(stub, token, nip, day, &resp);
    EXPECT_TRUE(Ok(s)) << "GetSupervisor " << nip;
    return resp.atasan_langsung().employee().nip();
  }

  static grpc::Status Override(v1::IdentityService::Stub& stub, const std::string& token,
                               const std::string& nip, const std::string& supervisor) {
    v1::CreateSupervisorOverrideRequest req;
    v1::SupervisorOverride* o = req.mutable_supervisor_override();
    o->set_nip(nip);
    o->set_supervisor_nip(supervisor);
    o->set_role(v1::SUPERVISOR_ROLE_ATASAN_LANGSUNG);
    *o->mutable_start_date() = Date(kAssignedFrom);
    v1::SupervisorOverride out;
    return stub.CreateSupervisorOverride(Ctx(token).get(), req, &out);
  }

  // The roles in the access token of a login through `stub`.
  std::vector<std::string> RolesAtLogin(v1::IdentityService::Stub& stub, const std::string& tenant,
                                        const std::string& username) {
    v1::LoginRequest req;
    req.set_tenant(tenant);
    req.set_username(username);
    req.set_password(kEmployeePassword);
    v1::LoginResponse resp;
    EXPECT_TRUE(Ok(stub.Login(Ctx().get(), req, &resp))) << "login of " << username;
    auto claims = VerifiedClaims(resp.access_token());
    EXPECT_TRUE(claims.ok()) << claims.status();
    return claims.ok() ? claims->roles : std::vector<std::string>{};
  }

  static grpc::Status UpdateEmployee(v1::IdentityService::Stub& stub, const std::string& token,
                                     const v1::Employee& e, const std::string& path) {
    v1::UpdateEmployeeRequest req;
    *req.mutable_employee() = e;
    req.mutable_update_mask()->add_paths(path);
    v1::Employee out;
    return stub.UpdateEmployee(Ctx(token).get(), req, &out);
  }
};

const std::vector<std::string> kPegawai = {"PEGAWAI"};
const std::vector<std::string> kPegawaiAtasan = {"PEGAWAI", "ATASAN"};

TEST_F(ReadPathTest, AnOrgChangeThroughOneReplicaIsSeenByTheNextCallOnAnother) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  Replica* b = StartReplica();
  ASSERT_NE(b, nullptr);
  const std::string& admin = t.admin_token;  // issued by the first replica, verified by both

  // B builds the index, then serves it from its cache.
  EXPECT_EQ(AtasanOf(*b->stub, admin, t.staf_s1_a), t.staf_p2p);  // the Plt of the vacant Kasi
  const double b_hits = Lookups(*b, "hit"), b_misses = Lookups(*b, "miss");
  EXPECT_EQ(AtasanOf(*b->stub, admin, t.staf_s1_a), t.staf_p2p);
  EXPECT_EQ(Lookups(*b, "hit"), b_hits + 1);
  EXPECT_EQ(Lookups(*b, "miss"), b_misses);

  // An override made through A is what B answers on its very next call (its index is stale).
  ASSERT_TRUE(Ok(Override(stub(), admin, t.staf_s1_a, t.kadis)));
  v1::GetSupervisorResponse resp;
  ASSERT_TRUE(Ok(GetSupervisor(*b->stub, admin, t.staf_s1_a, std::nullopt, &resp)));
  EXPECT_EQ(resp.atasan_langsung().employee().nip(), t.kadis);
  EXPECT_EQ(resp.atasan_langsung().source(), v1::SUPERVISOR_SOURCE_OVERRIDE);
  EXPECT_EQ(Lookups(*b, "hit"), b_hits + 1);
  EXPECT_EQ(Lookups(*b, "miss"), b_misses + 1);

  // So is a change made outside the service (an operator's SQL): the triggers bump the version.
  ASSERT_TRUE(db().Query("DELETE FROM supervisor_overrides WHERE tenant_id = 'kota-a'").ok());
  EXPECT_EQ(AtasanOf(*b->stub, admin, t.staf_s1_a), t.staf_p2p);
  EXPECT_EQ(Lookups(*b, "miss"), b_misses + 2);

  // Login's derived ATASAN role too: staf_yankes supervises nobody, until an override through A
  // puts staf_sekretariat under them; B's next login of staf_yankes says so.
  EXPECT_EQ(RolesAtLogin(*b->stub, t.code, t.staf_yankes), kPegawai);
  EXPECT_EQ(RolesAtLogin(*b->stub, t.code, t.staf_yankes), kPegawai);
  ASSERT_TRUE(Ok(Override(stub(), admin, t.staf_sekretariat, t.staf_yankes)));
  EXPECT_EQ(RolesAtLogin(*b->stub, t.code, t.staf_yankes), kPegawaiAtasan);
  // And through A, of course.
  EXPECT_EQ(RolesAtLogin(stub(), t.code, t.staf_yankes), kPegawaiAtasan);
}

TEST_F(ReadPathTest, TheOrgIndexIsBuiltOncePerTenantDayAndVersion) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant other = SeedTenant("kota-b");
  ASSERT_FALSE(HasFatalFailure());
  const absl::CivilDay day = kPltStart + 10, day2 = kPltStart + 11;
  const double hits = Lookups("hit"), misses = Lookups("miss");
  auto expect = [&](double h, double m, const std::string& after) {
    EXPECT_EQ(Lookups("hit"), hits + h) << after;
    EXPECT_EQ(Lookups("miss"), misses + m) << after;
  };

  EXPECT_EQ(AtasanOf(stub(), t.admin_token, t.staf_s1_a, day), t.staf_p2p);
  expect(0, 1, "first GetSupervisor on the day");
  EXPECT_EQ(AtasanOf(stub(), t.admin_token, t.staf_s1_b, day), t.staf_p2p);
  expect(1, 1, "second GetSupervisor on the day");
  {
    v1::ListSubordinatesRequest req;
    req.set_nip(t.kabid_p2p);
    *req.mutable_date() = Date(day);
    req.set_include_subtree(true);
    v1::ListSubordinatesResponse resp;
    ASSERT_TRUE(Ok(stub().ListSubordinates(Ctx(t.admin_token).get(), req, &resp)));
    EXPECT_EQ(resp.employees_size(), 3);  // staf_p2p, staf_s1_a, staf_s1_b
  }
  expect(2, 1, "ListSubordinates on the day");
  EXPECT_EQ(AtasanOf(stub(), t.admin_token, t.staf_s1_a, day2), t.staf_p2p);
  expect(2, 2, "another day");
  EXPECT_EQ(AtasanOf(stub(), other.admin_token, other.staf_s1_a, day), other.staf_p2p);
  expect(2, 3, "another tenant");
  EXPECT_EQ(AtasanOf(stub(), t.admin_token, t.staf_s1_a, day), t.staf_p2p);
  expect(3, 3, "the first day again");

  // An ATASAN reading a subordinate's record is checked against the cached index.
  const std::string kabid = Token(t, t.kabid_p2p);  // a login: one lookup, of today (a miss)
  expect(3, 4, "a login");
  {
    v1::GetEmployeeRequest req;
    req.set_nip(t.staf_s1_a);
    *req.mutable_date() = Date(day);
    v1::Employee e;
    ASSERT_TRUE(Ok(stub().GetEmployee(Ctx(kabid).get(), req, &e)));
  }
  expect(4, 4, "an ATASAN's read of a subordinate");

  // A change outside the org (an employee's name) keeps the index; a change of the org does not,
  // and only for its tenant.
  v1::Employee renamed;
  renamed.set_nip(t.staf_yankes);
  renamed.set_name("Gilang R.");
  ASSERT_TRUE(Ok(UpdateEmployee(stub(), t.admin_token, renamed, "name")));
  EXPECT_EQ(AtasanOf(stub(), t.admin_token, t.staf_s1_a, day), t.staf_p2p);
  expect(5, 4, "after a rename");
  ASSERT_TRUE(Ok(Override(stub(), t.admin_token, t.staf_s1_a, t.kadis)));
  EXPECT_EQ(AtasanOf(stub(), t.admin_token, t.staf_s1_a, day), t.kadis);
  expect(5, 5, "after an override");
  EXPECT_EQ(AtasanOf(stub(), other.admin_token, other.staf_s1_a, day), other.staf_p2p);
  expect(6, 5, "the other tenant after the override");
}

TEST_F(ReadPathTest, EveryOrgChangeBumpsTheVersionInItsTransaction) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string& admin = t.admin_token;
  const std::string kNew = MakeNip("19950505", "202001", 1, 901);
  const std::string kImported = MakeNip("19960606", "202101", 2, 902);
  int64_t assignment_id = 0;

  struct Case {
    std::string name;
    bool changes_org;
    std::function<grpc::Status()> call;
  };
  const std::vector<Case> cases = {
      {"CreateOrgUnit", true,
       [&] {
         v1::CreateOrgUnitRequest req;
         req.mutable_org_unit()->set_code("DINKES.NEW");
         req.mutable_org_unit()->set_name("Bidang Baru");
         req.mutable_org_unit()->set_parent_code("DINKES");
         v1::OrgUnit out;
         return stub().CreateOrgUnit(Ctx(admin).get(), req, &out);
       }},
      {"UpdateOrgUnit", true,
       [&] {
         v1::UpdateOrgUnitRequest req;
         req.mutable_org_unit()->set_code("DINKES.NEW");
         req.mutable_org_unit()->set_parent_code("DINKES.YANKES");
         req.mutable_update_mask()->add_paths("parent_code");
         v1::OrgUnit out;
         return stub().UpdateOrgUnit(Ctx(admin).get(), req, &out);
       }},
      {"CreatePosition", true,
       [&] {
         v1::CreatePositionRequest req;
         v1::Position* p = req.mutable_position();
         p->set_code("DINKES.NEW.STAF");
         p->set_name("Staf Baru");
         p->set_kind(v1::POSITION_KIND_PELAKSANA);
         p->set_kelas_jabatan(6);
         p->set_org_unit_code("DINKES.NEW");
         v1::Position out;
         return stub().CreatePosition(Ctx(admin).get(), req, &out);
       }},
      {"UpdatePosition", true,
       [&] {
         v1::UpdatePositionRequest req;
         req.mutable_position()->set_code("DINKES.NEW.STAF");
         req.mutable_position()->set_head_of_unit(true);
         req.mutable_update_mask()->add_paths("head_of_unit");
         v1::Position out;
         return stub().UpdatePosition(Ctx(admin).get(), req, &out);
       }},
      {"CreateEmployee", false,
       [&] {
         v1::CreateEmployeeRequest req;
         req.mutable_employee()->set_nip(kNew);
         req.mutable_employee()->set_name("Pegawai Baru");
         req.mutable_employee()->set_golongan("II/a");
         v1::Employee out;
         return stub().CreateEmployee(Ctx(admin).get(), req, &out);
       }},
      {"CreateAssignment", true,
       [&] {
         v1::CreateAssignmentRequest req;
         v1::Assignment* a = req.mutable_assignment();
         a->set_nip(kNew);
         a->set_position_code("DINKES.NEW.STAF");
         a->set_kind(v1::ASSIGNMENT_KIND_DEFINITIF);
         *a->mutable_start_date() = Date(kAssignedFrom);
         v1::Assignment out;
         grpc::Status s = stub().CreateAssignment(Ctx(admin).get(), req, &out);
         assignment_id = out.id();
         return s;
       }},
      {"UpdateAssignment", true,
       [&] {
         v1::UpdateAssignmentRequest req;
         req.mutable_assignment()->set_id(assignment_id);
         *req.mutable_assignment()->mutable_end_date() = Date(kPltStart);
         req.mutable_update_mask()->add_paths("end_date");
         v1::Assignment out;
         return stub().UpdateAssignment(Ctx(admin).get(), req, &out);
       }},
      {"CreateSupervisorOverride", true,
       [&] { return Override(stub(), admin, t.staf_s1_b, t.kadis); }},
      {"UpdateEmployee of the name", false,
       [&] {
         v1::Employee e;
         e.set_nip(kNew);
         e.set_name("Pegawai Lama");
         return UpdateEmployee(stub(), admin, e, "name");
       }},
      {"UpdateEmployee of the status", true,
       [&] {
         v1::Employee e;
         e.set_nip(kNew);
         e.set_status(v1::EMPLOYMENT_STATUS_PENSIUN);
         return UpdateEmployee(stub(), admin, e, "status");
       }},
      {"ImportEmployees", true,
       [&] {
         v1::ImportEmployeesRequest req;
         req.set_csv(absl::StrCat("nip,name,golongan,position_code,org_unit_code,username\n",
                                  kImported, ",Pegawai Impor,II/b,DINKES.STAF,DINKES,\n"));
         v1::ImportEmployeesResponse out;
         grpc::Status s = stub().ImportEmployees(Ctx(admin).get(), req, &out);
         if (s.ok() && !out.applied()) return grpc::Status(grpc::StatusCode::INTERNAL, "refused");
         return s;
       }},
      {"GetSupervisor", false, [&] {
         v1::GetSupervisorResponse out;
         return GetSupervisor(stub(), admin, t.staf_s1_a, std::nullopt, &out);
       }}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const int64_t before = OrgVersion(t.code);
    ASSERT_TRUE(Ok(c.call()));
    if (c.changes_org) {
      EXPECT_GT(OrgVersion(t.code), before);
    } else {
      EXPECT_EQ(OrgVersion(t.code), before);
    }
  }

  // A change that rolls back leaves the version as it was: it moves with the change or not at all.
  const int64_t before = OrgVersion(t.code);
  EXPECT_FALSE(db().Query("UPDATE org_units SET name = 'x' WHERE tenant_id = 'kota-a'; "
                          "SELECT 1 / 0")
                   .ok());
  EXPECT_EQ(OrgVersion(t.code), before);
  EXPECT_EQ(db().Count("org_units WHERE name = 'x'"), 0);
}

TEST_F(ReadPathTest, ATimeZoneChangeThroughOneReplicaHoldsOnAnotherAtItsNextCall) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  Replica* b = StartReplica();
  ASSERT_NE(b, nullptr);
  // The zone a tenant has before the change: one whose date differs from Jakarta's now (the API
  // accepts only WIB, WITA and WIT, two hours apart, so it is written behind the API). Before
  // 17:00 in Jakarta, UTC-12 (19 hours behind) is still on the day before; from 17:00, UTC+14
  // (7 hours ahead) is on the next. A minute before midnight in Jakarta, wait for the new day.
  const absl::TimeZone jakarta = absl::FixedTimeZone(7 * 3600);
  while (absl::ToCivilSecond(absl::Now(), jakarta).hour() == 23 &&
         absl::ToCivilSecond(absl::Now(), jakarta).minute() == 59) {
    absl::SleepFor(absl::Seconds(1));
  }
  const absl::CivilSecond jakarta_now = absl::ToCivilSecond(absl::Now(), jakarta);
  const absl::CivilDay jakarta_today(jakarta_now);
  const std::string before_zone = jakarta_now.hour() < 17 ? "Etc/GMT+12" : "Pacific/Kiritimati";
  SCOPED_TRACE(
      absl::StrCat("Jakarta ", absl::FormatCivilTime(jakarta_now), ", before ", before_zone));
  ASSERT_TRUE(db().Query(absl::StrCat("UPDATE tenants SET time_zone = '", before_zone,
                                      "' WHERE tenant_id = 'kota-a'"))
                  .ok());

  // A new employee placed for Jakarta's today only: in the org today in Jakarta, not in the zone
  // before.
  const std::string nip = MakeNip("19990909", "202201", 1, 909);
  {
    v1::CreateEmployeeRequest req;
    req.mutable_employee()->set_nip(nip);
    req.mutable_employee()->set_name("Pegawai Baru");
    req.mutable_employee()->set_golongan("II/a");
    v1::Employee out;
    ASSERT_TRUE(Ok(stub().CreateEmployee(Ctx(t.admin_token).get(), req, &out)));
    v1::CreateAssignmentRequest areq;
    v1::Assignment* a = areq.mutable_assignment();
    a->set_nip(nip);
    a->set_position_code("DINKES.P2P.S1.STAF");
    a->set_kind(v1::ASSIGNMENT_KIND_DEFINITIF);
    *a->mutable_start_date() = Date(jakarta_today);
    *a->mutable_end_date() = Date(jakarta_today);
    v1::Assignment aout;
    ASSERT_TRUE(Ok(stub().CreateAssignment(Ctx(t.admin_token).get(), areq, &aout)));
  }
  // Today's position as B answers, through the one-statement read (the admin reads the whole
  // tenant), and GetSupervisor's today (NOT_FOUND: not in the org that day).
  auto position_on_b = [&] {
    v1::GetEmployeeRequest req;
    req.set_nip(nip);
    v1::Employee e;
    EXPECT_TRUE(Ok(b->stub->GetEmployee(Ctx(t.admin_token).get(), req, &e)));
    return e.position_code();
  };
  auto supervisor_code_on_b = [&] {
    v1::GetSupervisorResponse resp;
    return GetSupervisor(*b->stub, t.admin_token, nip, std::nullopt, &resp).error_code();
  };
  EXPECT_EQ(position_on_b(), "");
  EXPECT_EQ(supervisor_code_on_b(), grpc::StatusCode::NOT_FOUND);

  // UpdateTenant through A: B's next calls are in Jakarta's today.
  v1::UpdateTenantRequest req;
  req.mutable_tenant()->set_code(t.code);
  req.mutable_tenant()->set_time_zone("Asia/Jakarta");
  req.mutable_update_mask()->add_paths("time_zone");
  v1::Tenant out;
  ASSERT_TRUE(Ok(stub().UpdateTenant(Ctx(t.admin_token).get(), req, &out)));
  EXPECT_EQ(position_on_b(), "DINKES.P2P.S1.STAF");
  EXPECT_EQ(supervisor_code_on_b(), grpc::StatusCode::OK);
}

TEST_F(ReadPathTest, ReadingOnesOwnRecordIsOneRoundTrip) {
  const SeededTenant t = SeedTenant("kota-a");
  ASSERT_FALSE(HasFatalFailure());
  const std::string self = Token(t, t.staf_s1_a);
  const std::string kabid = Token(t, t.kabid_p2p);  // ATASAN of staf_s1_a
  auto get = [&](const std::string& token, const std::string& nip,
                 std::optional<absl::CivilDay> day, v1::Employee* e) {
    v1::GetEmployeeRequest req;
    req.set_nip(nip);
    if (day) *req.mutable_date() = Date(*day);
    return stub().GetEmployee(Ctx(token).get(), req, e);
  };
  v1::Employee e;
  ASSERT_TRUE(Ok(get(self, t.staf_s1_a, std::nullopt, &e)));  // the token's keys are loaded now
  auto round_trips = [&] { return host().pool().round_trips(); };

  int64_t before = round_trips();
  e.Clear();
  ASSERT_TRUE(Ok(get(self, t.staf_s1_a, std::nullopt, &e)));
  EXPECT_EQ(round_trips() - before, 1);
  EXPECT_EQ(e.position_code(), "DINKES.P2P.S1.STAF");
  EXPECT_EQ(e.org_unit_code(), "DINKES.P2P.S1");

  before = round_trips();
  e.Clear();
  ASSERT_TRUE(Ok(get(self, t.staf_s1_a, kAssignedFrom - 1, &e)));  // before any position
  EXPECT_EQ(round_trips() - before, 1);
  EXPECT_EQ(e.nip(), t.staf_s1_a);
  EXPECT_EQ(e.position_code(), "");

  // A role that reads the whole tenant: one too.
  before = round_trips();
  ASSERT_TRUE(Ok(get(t.admin_token, t.staf_s1_b, std::nullopt, &e)));
  EXPECT_EQ(round_trips() - before, 1);
  EXPECT_EQ(e.nip(), t.staf_s1_b);

  // A supervisor's read is checked in a transaction: the zone, the org version (the index their
  // login built is still current), the read.
  before = round_trips();
  ASSERT_TRUE(Ok(get(kabid, t.staf_s1_a, std::nullopt, &e)));
  EXPECT_EQ(round_trips() - before, 5);  // BEGIN, tenant, org version, read, COMMIT

  // An employee who is not there is NOT_FOUND, in one round trip.
  before = round_trips();
  EXPECT_TRUE(HasCode(get(t.admin_token, MakeNip("19991231", "202212", 2, 999), std::nullopt, &e),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(round_trips() - before, 1);

  // And a PEGAWAI's read of someone else is refused as before.
  EXPECT_TRUE(HasCode(get(self, t.kadis, std::nullopt, &e), grpc::StatusCode::PERMISSION_DENIED));
}

}  // namespace
}  // namespace ekinerja::identity::it

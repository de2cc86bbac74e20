// The gRPC Directory (services/common/clients/identity_directory.cc) against the fixture's real
// identity service and its seeded Dinas Kesehatan: rights are identity's, asked with the caller's
// own token; supervisors resolve through the Plt; org-unit listings carry unit paths and are cached
// per caller; the deployment-wide service account logs in once and exchanges its token once per
// tenant.

#include "clients/directory.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/clients/identity_client_fixture.h"

namespace ekinerja::clients::it {
namespace {

namespace idv1 = ::ekinerja::identity::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kTenant[] = "dinkes";
// S1's Kasi is vacant throughout; staf_p2p acts in it as Plt from 2024-01-01 (identity fixture).
const absl::CivilDay kDay(2025, 3, 12);  // a Wednesday, everyone assigned
const absl::CivilDay kBeforePlt(2023, 6, 1);
// Before anyone of the seed held a position.
const absl::CivilDay kBeforeSeed(2019, 1, 1);

MATCHER_P2(Unit, nip, path, "") { return arg.nip == nip && arg.unit_path == path; }

const std::vector<std::string> kPathP2p = {"DINKES", "DINKES.P2P"};
const std::vector<std::string> kPathS1 = {"DINKES", "DINKES.P2P", "DINKES.P2P.S1"};
const std::vector<std::string> kPathYankes = {"DINKES", "DINKES.YANKES"};
const std::vector<std::string> kPathDinkes = {"DINKES"};

class DirectoryTest : public IdentityClientTest {
 protected:
  void SetUp() override {
    IdentityClientTest::SetUp();
    if (HasFatalFailure()) return;
    t_ = SeedDirectory(kTenant);
  }

  // A directory of its own against the same identity (beside the fixture's one).
  std::unique_ptr<Directory> NewDirectory(ServiceCredential credential,
                                          absl::Duration cache_for = absl::Minutes(2)) {
    return MakeIdentityDirectory(
        grpc::CreateChannel(identity_address(), grpc::InsecureChannelCredentials()),
        std::move(credential), absl::Seconds(5), cache_for);
  }

  int64_t AuditCount(const std::string& action, const std::string& actor) {
    return db().Count(
        absl::StrCat("audit_events WHERE action = '", action, "' AND actor = '", actor, "'"));
  }

  SeededTenant t_;
};

TEST_F(DirectoryTest, SupervisorReadsSubordinatesButNotPeers) {
  ASSERT_FALSE(HasFatalFailure());
  Directory& dir = directory();
  const std::string plt = Token(t_, t_.staf_p2p);  // Plt Kasi of S1
  EXPECT_TRUE(dir.CheckReadsEmployee(plt, t_.staf_s1_a, kDay).ok());
  EXPECT_TRUE(dir.CheckReadsEmployee(plt, t_.staf_p2p, kDay).ok());  // themselves
  const absl::Status peer = dir.CheckReadsEmployee(plt, t_.staf_yankes, kDay);
  EXPECT_EQ(peer.code(), absl::StatusCode::kPermissionDenied) << peer;
  EXPECT_EQ(peer.message(), "the caller may not read this employee");  // identity's own message
  // Before the Plt began, S1's staff were not theirs.
  EXPECT_EQ(dir.CheckReadsEmployee(plt, t_.staf_s1_a, kBeforePlt).code(),
            absl::StatusCode::kPermissionDenied);

  const std::string kabid = Token(t_, t_.kabid_p2p);
  EXPECT_TRUE(dir.CheckReadsEmployee(kabid, t_.staf_s1_b, kDay).ok());  // through the Plt
  EXPECT_EQ(dir.CheckReadsEmployee(kabid, t_.kadis, kDay).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(dir.CheckReadsEmployee(Token(t_, t_.staf_s1_a), t_.staf_s1_b, kDay).code(),
            absl::StatusCode::kPermissionDenied);

  const std::string opd = Token(t_, identity::it::kOpdAdmin);  // ADMIN_OPD of DINKES.P2P
  EXPECT_TRUE(dir.CheckReadsEmployee(opd, t_.staf_s1_b, kDay).ok());
  EXPECT_EQ(dir.CheckReadsEmployee(opd, t_.staf_yankes, kDay).code(),
            absl::StatusCode::kPermissionDenied);

  EXPECT_TRUE(dir.CheckReadsEmployee(service_token_, t_.staf_yankes, kDay).ok());
  EXPECT_EQ(dir.CheckReadsEmployee(admin_token_, "199901012020011999", kDay).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(dir.CheckReadsEmployee("not-a-token", t_.staf_s1_a, kDay).code(),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(DirectoryTest, AnotherTenantDoesNotSeeTheEmployee) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant other = SeedTenant("kota-lain");
  ASSERT_FALSE(HasFatalFailure());
  Directory& dir = directory();
  EXPECT_EQ(dir.CheckReadsEmployee(other.admin_token, t_.staf_p2p, kDay).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(dir.CheckReadsEmployee(Token(other, other.kadis), t_.staf_p2p, kDay).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(dir.AtasanOf(other.admin_token, t_.staf_s1_a, kDay).status().code(),
            absl::StatusCode::kNotFound);
  auto theirs = dir.EmployeesOf(other.admin_token, "DINKES.P2P.S1", kDay);
  ASSERT_TRUE(theirs.ok()) << theirs.status();
  EXPECT_THAT(*theirs, ElementsAre(Unit(other.staf_s1_a, kPathS1), Unit(other.staf_s1_b, kPathS1)));
}

TEST_F(DirectoryTest, AtasanOfFollowsThePltAndTheTree) {
  ASSERT_FALSE(HasFatalFailure());
  Directory& dir = directory();
  const std::string own = Token(t_, t_.staf_s1_a);
  auto atasan = dir.AtasanOf(own, t_.staf_s1_a, kDay);
  ASSERT_TRUE(atasan.ok()) << atasan.status();
  EXPECT_EQ(*atasan, t_.staf_p2p);  // the Plt
  atasan = dir.AtasanOf(own, t_.staf_s1_a, kBeforePlt);
  ASSERT_TRUE(atasan.ok()) << atasan.status();
  EXPECT_EQ(*atasan, t_.kabid_p2p);  // head vacant, nobody acting: the unit above

  // The Plt asks about a subordinate, as an approval does.
  atasan = dir.AtasanOf(Token(t_, t_.staf_p2p), t_.staf_s1_b, kDay);
  ASSERT_TRUE(atasan.ok()) << atasan.status();
  EXPECT_EQ(*atasan, t_.staf_p2p);
  atasan = dir.AtasanOf(admin_token_, t_.staf_p2p, kDay);
  ASSERT_TRUE(atasan.ok()) << atasan.status();
  EXPECT_EQ(*atasan, t_.kabid_p2p);
  atasan = dir.AtasanOf(service_token_, t_.staf_sekretariat, kDay);
  ASSERT_TRUE(atasan.ok()) << atasan.status();
  EXPECT_EQ(*atasan, t_.kadis);
  atasan = dir.AtasanOf(admin_token_, t_.kadis, kDay);
  ASSERT_TRUE(atasan.ok()) << atasan.status();
  EXPECT_EQ(*atasan, "");  // the top of the tree

  EXPECT_EQ(dir.AtasanOf(own, t_.staf_yankes, kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(dir.AtasanOf(admin_token_, t_.staf_s1_a, kBeforeSeed).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(DirectoryTest, EmployeesOfSubtreeGivesNipsAndUnitPaths) {
  ASSERT_FALSE(HasFatalFailure());
  Directory& dir = directory();
  auto got = dir.EmployeesOf(admin_token_, "DINKES.P2P", kDay);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_THAT(*got, ElementsAre(Unit(t_.kabid_p2p, kPathP2p), Unit(t_.staf_p2p, kPathP2p),
                                Unit(t_.staf_s1_a, kPathS1), Unit(t_.staf_s1_b, kPathS1)));
  // Each with their definitive position that day (staf_p2p's own, not the Plt one).
  std::vector<std::string> positions;
  for (const auto& e : *got) positions.push_back(e.position_code);
  EXPECT_THAT(positions, ElementsAre("DINKES.P2P.KABID", "DINKES.P2P.STAF", "DINKES.P2P.S1.STAF",
                                     "DINKES.P2P.S1.STAF"));

  got = dir.EmployeesOf(service_token_, "DINKES.P2P.S1", kDay);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_THAT(*got, ElementsAre(Unit(t_.staf_s1_a, kPathS1), Unit(t_.staf_s1_b, kPathS1)));

  got = dir.EmployeesOf(service_token_, "", kDay);  // the whole tenant
  ASSERT_TRUE(got.ok()) << got.status();
  std::vector<std::string> nips;
  for (const auto& e : *got) nips.push_back(e.nip);
  EXPECT_EQ(nips, t_.all_nips);
  for (const auto& e : *got) {
    std::vector<std::string> want = e.nip == t_.kadis || e.nip == t_.staf_sekretariat ? kPathDinkes
                                    : e.nip == t_.kabid_yankes || e.nip == t_.staf_yankes
                                        ? kPathYankes
                                    : e.nip == t_.staf_s1_a || e.nip == t_.staf_s1_b ? kPathS1
                                                                                     : kPathP2p;
    EXPECT_EQ(e.unit_path, want) << e.nip;
  }

  got = dir.EmployeesOf(admin_token_, "DINKES", kBeforeSeed);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(got->empty());
}

TEST_F(DirectoryTest, EmployeesOfIsScopedByTheCaller) {
  ASSERT_FALSE(HasFatalFailure());
  Directory& dir = directory();
  const std::string opd = Token(t_, identity::it::kOpdAdmin);  // ADMIN_OPD of DINKES.P2P
  auto got = dir.EmployeesOf(opd, "DINKES.P2P.S1", kDay);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_THAT(*got, ElementsAre(Unit(t_.staf_s1_a, kPathS1), Unit(t_.staf_s1_b, kPathS1)));
  got = dir.EmployeesOf(opd, "", kDay);  // "" = their whole scope
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->size(), 4u);
  EXPECT_EQ(dir.EmployeesOf(opd, "DINKES", kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
  // Identity lists employees only for admins, auditors, verifikators and services: a supervisor
  // is refused even for their own unit.
  EXPECT_EQ(dir.EmployeesOf(Token(t_, t_.kabid_p2p), "DINKES.P2P", kDay).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(dir.EmployeesOf(admin_token_, "NO.SUCH.UNIT", kDay).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(DirectoryTest, EmployeesOfIsCachedPerCallerAndDay) {
  ASSERT_FALSE(HasFatalFailure());
  auto dir = NewDirectory({});
  auto first = dir->EmployeesOf(admin_token_, "DINKES.YANKES", kDay);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 2u);

  // A newcomer in YANKES from 2024.
  const std::string newcomer = identity::it::MakeNip("19950505", "202001", 1, 77);
  {
    idv1::CreateEmployeeRequest req;
    req.mutable_employee()->set_nip(newcomer);
    req.mutable_employee()->set_name("Intan Permata");
    req.mutable_employee()->set_golongan("III/a");
    idv1::Employee out;
    ASSERT_TRUE(Ok(stub().CreateEmployee(Ctx(admin_token_).get(), req, &out)));
    idv1::CreateAssignmentRequest a;
    a.mutable_assignment()->set_nip(newcomer);
    a.mutable_assignment()->set_position_code("DINKES.YANKES.STAF");
    a.mutable_assignment()->set_kind(idv1::ASSIGNMENT_KIND_DEFINITIF);
    *a.mutable_assignment()->mutable_start_date() = Date(absl::CivilDay(2024, 1, 1));
    idv1::Assignment created;
    ASSERT_TRUE(Ok(stub().CreateAssignment(Ctx(admin_token_).get(), a, &created)));
  }
  // The cached answer stands for the same caller, unit and day...
  auto again = dir->EmployeesOf(admin_token_, "DINKES.YANKES", kDay);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->size(), 2u);
  // ...another day, another caller, or no cache ask identity again.
  auto next_day = dir->EmployeesOf(admin_token_, "DINKES.YANKES", kDay + 1);
  ASSERT_TRUE(next_day.ok()) << next_day.status();
  EXPECT_EQ(next_day->size(), 3u);
  auto as_service = dir->EmployeesOf(service_token_, "DINKES.YANKES", kDay);
  ASSERT_TRUE(as_service.ok()) << as_service.status();
  EXPECT_EQ(as_service->size(), 3u);
  auto uncached =
      NewDirectory({}, absl::ZeroDuration())->EmployeesOf(admin_token_, "DINKES.YANKES", kDay);
  ASSERT_TRUE(uncached.ok()) << uncached.status();
  EXPECT_THAT(*uncached,
              ElementsAre(Unit(t_.kabid_yankes, kPathYankes), Unit(t_.staf_yankes, kPathYankes),
                          Unit(newcomer, kPathYankes)));
  // Nobody is answered from another caller's entry: the OPD admin of P2P is still refused.
  EXPECT_EQ(
      dir->EmployeesOf(Token(t_, identity::it::kOpdAdmin), "DINKES.YANKES", kDay).status().code(),
      absl::StatusCode::kPermissionDenied);
}

TEST_F(DirectoryTest, ServiceTokenLogsInOnceAndExchangesOncePerTenant) {
  ASSERT_FALSE(HasFatalFailure());
  const SeededTenant other = SeedTenant("lain");
  ASSERT_FALSE(HasFatalFailure());
  auto dir = NewDirectory({kPlatformService, kPlatformServiceSecret});
  const int64_t logins = AuditCount("LOGIN", kPlatformService);
  const int64_t exchanges = AuditCount("TOKEN_EXCHANGE", kPlatformService);
  auto token = dir->ServiceToken(kTenant);
  ASSERT_TRUE(token.ok()) << token.status();
  auto claims = VerifiedClaims(*token);
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->tenant, kTenant);
  EXPECT_EQ(claims->sub, kPlatformService);
  EXPECT_EQ(claims->act_sub, kPlatformService);
  EXPECT_THAT(claims->roles, ElementsAre("SERVICE"));
  auto again = dir->ServiceToken(kTenant);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, *token);  // cached
  // Another tenant: the same login, one more exchange.
  auto lain = dir->ServiceToken(other.code);
  ASSERT_TRUE(lain.ok()) << lain.status();
  auto lain_claims = VerifiedClaims(*lain);
  ASSERT_TRUE(lain_claims.ok()) << lain_claims.status();
  EXPECT_EQ(lain_claims->tenant, "lain");
  EXPECT_EQ(AuditCount("LOGIN", kPlatformService), logins + 1);
  EXPECT_EQ(AuditCount("TOKEN_EXCHANGE", kPlatformService), exchanges + 2);

  // The fixture's directory has the same account.
  auto fixture_token = directory().ServiceToken(kTenant);
  ASSERT_TRUE(fixture_token.ok()) << fixture_token.status();
  auto all = directory().EmployeesOf(*fixture_token, "", kDay);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->size(), t_.all_nips.size());
}

TEST_F(DirectoryTest, ServiceTokenOfAnUnknownTenantIsNotFound) {
  ASSERT_FALSE(HasFatalFailure());
  auto none = directory().ServiceToken("kab-lain");
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(none.status().message(), "identity: no tenant kab-lain");
}

TEST_F(DirectoryTest, ServiceTokenWithoutAnAccountIsFailedPrecondition) {
  ASSERT_FALSE(HasFatalFailure());
  auto none = NewDirectory({})->ServiceToken(kTenant);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(none.status().message(),
            "no identity service account configured (--identity_client_id, "
            "--identity_client_secret_file)");
}

TEST_F(DirectoryTest, RefusedServiceLoginIsNotRetriedAtOnce) {
  ASSERT_FALSE(HasFatalFailure());
  auto dir = NewDirectory({kPlatformService, "not-the-secret"});
  const int64_t failures = AuditCount("LOGIN_FAILED", kPlatformService);
  for (int i = 0; i < 3; ++i) {
    auto token = dir->ServiceToken(kTenant);
    EXPECT_EQ(token.status().code(), absl::StatusCode::kUnauthenticated) << token.status();
    EXPECT_THAT(std::string(token.status().message()),
                HasSubstr("identity refused the service account ekinerja-attendance "
                          "(--identity_client_id, --identity_client_secret_file)"));
  }
  // One failed login, not three: repeated failures would lock the account.
  EXPECT_EQ(AuditCount("LOGIN_FAILED", kPlatformService), failures + 1);
}

TEST_F(DirectoryTest, UnreachableIdentityIsUnavailable) {
  ASSERT_FALSE(HasFatalFailure());
  // Nobody listens on port 1: every call fails fast as UNAVAILABLE, never hangs.
  auto dir =
      MakeIdentityDirectory(grpc::CreateChannel("127.0.0.1:1", grpc::InsecureChannelCredentials()),
                            {kPlatformService, kPlatformServiceSecret}, absl::Seconds(2));
  const absl::Status read = dir->CheckReadsEmployee(admin_token_, t_.staf_s1_a, kDay);
  EXPECT_EQ(read.code(), absl::StatusCode::kUnavailable) << read;
  EXPECT_THAT(std::string(read.message()), HasSubstr("identity: GetEmployee: "));
  EXPECT_EQ(dir->AtasanOf(admin_token_, t_.staf_s1_a, kDay).status().code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(dir->SupervisorsOf(admin_token_, t_.staf_s1_a, kDay).status().code(),
            absl::StatusCode::kUnavailable);
  const absl::Status snapshot = dir->SnapshotOf(admin_token_, t_.staf_s1_a, kDay).status();
  EXPECT_EQ(snapshot.code(), absl::StatusCode::kUnavailable) << snapshot;
  EXPECT_THAT(std::string(snapshot.message()), HasSubstr("identity: GetEmployee: "));
  EXPECT_EQ(dir->EmployeesOf(admin_token_, "", kDay).status().code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(dir->ServiceToken(kTenant).status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace ekinerja::clients::it

// The fake of identity (tests/mocks/fake_directory.h) answers as identity does, so that the
// attendance tests that run against it test what they claim: the same questions, asked of
// attendance's gRPC Directory against the real identity (with real tokens) and of a FakeDirectory
// declared with the same seed (with its own tokens), get the same answers, before and after an
// employee moves, for callers of every kind.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fake_directory.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_identity_fixture.h"
#include "integration/attendance/fake_seed.h"
#include "test_tokens.h"

namespace ekinerja::attendance::it {
namespace {

const absl::CivilDay kBeforeSeed(2019, 1, 1);
const absl::CivilDay kBeforePlt(2023, 6, 1);
const absl::CivilDay kMoved(2025, 7, 1);

std::vector<std::string> NipsOf(const std::vector<EmployeeUnit>& units) {
  std::vector<std::string> out;
  for (const EmployeeUnit& u : units)
    out.push_back(absl::StrCat(u.nip, "@", absl::StrJoin(u.unit_path, "/")));
  return out;
}

class FakeDirectoryContractTest : public AttendanceIdentityTest {
 protected:
  void SetUp() override {
    AttendanceIdentityTest::SetUp();
    if (HasFatalFailure()) return;
    real_ = SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    fake_ = DeclareSeedTenant(fake_directory_, "dinkes", 0);
    ASSERT_EQ(fake_.all_nips, real_.all_nips);
    const SeededTenant other = SeedTenant("lain");
    ASSERT_FALSE(HasFatalFailure());
    const SeededTenant fake_other = DeclareSeedTenant(fake_directory_, "lain", 1);
    ASSERT_EQ(fake_other.all_nips, other.all_nips);

    for (const std::string& login :
         {std::string(integration::kTenantAdmin), std::string(integration::kAuditor),
          std::string(integration::kOpdAdmin), real_.kadis, real_.kabid_p2p, real_.staf_p2p,
          real_.staf_s1_a, real_.staf_s1_b, real_.staf_yankes}) {
      callers_.push_back({login, Token(real_, login), SeededLogin(fake_directory_, fake_, login)});
    }
    auto service = fake_directory_.ServiceToken("dinkes");
    ASSERT_TRUE(service.ok()) << service.status();
    callers_.push_back({"SERVICE", service_token_, *service});
    callers_.push_back({"other tenant's admin", other.admin_token, fake_other.admin_token});
    callers_.push_back({"other tenant's kadis", Token(other, other.kadis),
                        SeededLogin(fake_directory_, fake_other, fake_other.kadis)});
    ASSERT_FALSE(HasFailure());
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
        }
        for (const char* unit : {"", "DINKES", "DINKES.P2P", "DINKES.YANKES", "NO.SUCH.UNIT"}) {
          SCOPED_TRACE(unit);
          auto real_units = real.EmployeesOf(c.real, unit, day);
          auto fake_units = fake_directory_.EmployeesOf(c.fake, unit, day);
          ASSERT_EQ(real_units.status().code(), fake_units.status().code());
          if (real_units.ok()) {
            EXPECT_EQ(NipsOf(*real_units), NipsOf(*fake_units));
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
      auto real_missing = real.MissingEmployees(c.real, nips);
      auto fake_missing = fake_directory_.MissingEmployees(c.fake, nips);
      EXPECT_EQ(real_missing.status().code(), fake_missing.status().code());
      if (real_missing.ok() && fake_missing.ok()) {
        EXPECT_EQ(*real_missing, *fake_missing);
      }
    }
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
  ExpectSameAnswers({kBeforeSeed, kBeforePlt, kWednesday});
}

TEST_F(FakeDirectoryContractTest, AnswersAsIdentityAfterAMove) {
  ASSERT_FALSE(HasFatalFailure());
  MoveEmployee(real_.staf_s1_a, "DINKES.YANKES.STAF", kMoved);
  ASSERT_FALSE(HasFatalFailure());
  fake_directory_.Move("dinkes", fake_.staf_s1_a, "DINKES.YANKES.STAF", kMoved);
  ExpectSameAnswers({kMoved - 1, kMoved});
}

// The fake knows only the tokens it made, as identity accepts only its own.
TEST_F(FakeDirectoryContractTest, AStrangersTokenIsUnauthenticatedByBoth) {
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(directory().CheckReadsEmployee("not-a-token", real_.staf_s1_a, kWednesday).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(fake_directory_.CheckReadsEmployee("not-a-token", real_.staf_s1_a, kWednesday).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(
      fake_directory_.CheckReadsEmployee(callers_[0].real, real_.staf_s1_a, kWednesday).code(),
      absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace ekinerja::attendance::it

#pragma once

// The attendance service alone, per test, against fakes of its peers (tests/mocks): its own
// Postgres schema, the service built by BuildAttendance as main.cc builds it, on port 0, with a
// FakeDirectory for identity and tokens signed by a TestTokenIssuer whose key it trusts. The
// tests here are about attendance; those about its conversation with identity run the real one
// (attendance_identity_fixture.h).
//
//   SeedAttendance("dinkes") declares the tenant of integration/common/seed_org.h to the fake
//   directory (SeedTenant), starts attendance with the deployment-wide service account
//   kPlatformService, registers kDevice (Asia/Jakarta, in service from kDeviceInService) and maps
//   PIN "1".."6" on it to kadis, kabid_p2p, staf_p2p, staf_s1_a, staf_s1_b, staf_yankes (in that
//   order).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "fake_directory.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_process.h"
#include "integration/common/fake_seed.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/seed_org.h"
#include "test_tokens.h"

namespace ekinerja::attendance::it {

using integration::Date;
using integration::HasCode;
using integration::Ok;
using integration::SeededTenant;
using integration::ViolatedFields;

using integration::kPlatformService;

class AttendanceTest : public ::testing::Test {
 protected:
  void TearDown() override { attendance_.Shutdown(); }

  // Declares `code` and starts attendance for it (see above). Fails the test on any error.
  SeededTenant SeedAttendance(const std::string& code);
  // Declares tenant `code` to the fake directory: the org, its employees and the logins of
  // seed_org.h (with the tenant admin's token in admin_token). NIPs differ between the tenants of
  // one test.
  SeededTenant SeedTenant(const std::string& code);
  // As identity's ImportEmployees would: `nip`'s definitive position is `position` from `from`.
  void MoveEmployee(const std::string& nip, const std::string& position, absl::CivilDay from) {
    directory_->Move(seeded_.code, nip, position, from);
  }

  // The access token of a seeded login (the tenant admin, an employee's NIP, kAuditor, kOpdAdmin).
  std::string Token(const SeededTenant& t, const std::string& username);
  // A login of `tenant` made here: `nip` for an employee, `role` added, `admin_unit` for an
  // ADMIN_OPD.
  std::string LoginAs(const std::string& tenant, const std::string& username,
                      const std::string& nip, std::vector<Role> roles,
                      const std::string& admin_unit);
  // The platform operator's token (tenant platform, PLATFORM_ADMIN).
  std::string PlatformToken();
  // The admin token of a second tenant, "lain" (declared on first use).
  std::string OtherAdmin() {
    if (other_admin_.empty()) other_admin_ = SeedTenant("lain").admin_token;
    return other_admin_;
  }

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = "") {
    return integration::Ctx(token);
  }

  av1::AttendanceService::Stub& att() { return attendance_.stub(); }
  // A new channel to the service (for a peer's client of it).
  std::shared_ptr<grpc::Channel> Channel() const {
    return grpc::CreateChannel(absl::StrCat("127.0.0.1:", attendance_.port()),
                               grpc::InsecureChannelCredentials());
  }
  AttendanceServiceImpl& service() { return attendance_.service(); }
  AttendanceMetrics& att_metrics() { return attendance_.metrics(); }
  mocks::FakeDirectory& directory() { return *directory_; }
  const integration::TestSchema& att_db() const { return attendance_.db(); }

  // The instant of `local` on the wall clock of `zone` ("Asia/Jakarta").
  static google::protobuf::Timestamp At(absl::CivilSecond local,
                                        const std::string& zone = "Asia/Jakarta");
  // PushPunches of one message; OK or the stream's status.
  grpc::Status Push(const std::string& token, const std::vector<av1::RawPunch>& punches,
                    av1::IngestReport* report);
  static av1::RawPunch Punch(const std::string& pin, absl::CivilSecond local,
                             const std::string& device = kDevice,
                             const std::string& zone = "Asia/Jakarta");
  // The day as `token` reads it (a test failure, and an empty day, when the call fails).
  av1::AttendanceDay Day(const std::string& token, const std::string& nip, absl::CivilDay day);
  // A row count of the attendance schema.
  int64_t Count(const std::string& sql);

  // Tokens of the seeded tenant: its admin's, and a SERVICE token of it (kPlatformService's, as
  // the directory's ServiceToken gives it).
  std::string admin_token_, service_token_;
  SeededTenant seeded_;

 private:
  mocks::TestTokenIssuer tokens_;
  std::shared_ptr<mocks::FakeDirectory> directory_ =
      std::make_shared<mocks::FakeDirectory>(tokens_, kPlatformService);
  AttendanceProcess attendance_;
  int seeded_tenants_ = 0;
  std::string other_admin_;
};

}  // namespace ekinerja::attendance::it

#pragma once

// The attendance service in-process, per test, beside the real identity service (its fixture:
// own Postgres schema, a seeded Dinas Kesehatan with supervisors, a Plt, an auditor and an OPD
// admin): attendance gets its own schema, is wired as main.cc wires it (identity's JWKS, the gRPC
// Directory against identity, the tenant's service account), and serves on port 0.
//
//   SeedAttendance("dinkes") seeds the tenant (SeedTenant), starts attendance with the
//   deployment-wide service account (identity's kPlatformService), registers kDevice (Asia/Jakarta,
//   in service from kDeviceInService) and maps PIN "1".."6" on it to kadis, kabid_p2p, staf_p2p,
//   staf_s1_a, staf_s1_b, staf_yankes (in that order).

#include <memory>
#include <string>
#include <vector>

#include "api/attendance_metrics.h"
#include "api/attendance_service.h"
#include "attendance_sql.h"
#include "civil.h"
#include "clients/directory.h"
#include "ekinerja/attendance/v1/attendance.grpc.pb.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::attendance::it {

namespace av1 = ::ekinerja::attendance::v1;
using identity::it::Date;
using identity::it::HasCode;
using identity::it::Ok;
using identity::it::SeededTenant;
using identity::it::ViolatedFields;

using identity::it::kPlatformService;
using identity::it::kPlatformServiceSecret;
constexpr char kDevice[] = "ZK-DINKES-01";
const absl::CivilDay kDeviceInService(2024, 1, 1);

// A valid NIP that no seeded tenant has.
constexpr char kNobody[] = "196702271998032003";

// A weekday well in the past, when everyone is assigned (a Wednesday).
const absl::CivilDay kWednesday(2025, 3, 12);

class AttendanceTest : public identity::it::IdentityTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Seeds `code` and starts attendance for it (see above). Fails the test on any error.
  SeededTenant SeedAttendance(const std::string& code);
  // As the seeded tenant's admin in identity: ends `nip`'s only assignment the day before `from`
  // and gives them `position` (definitive) from `from`. Fails the test on any error.
  void MoveEmployee(const std::string& nip, const std::string& position, absl::CivilDay from);
  // Starts attendance with this service account (SeedAttendance calls it); once per test.
  void StartAttendance(ServiceCredential credential);

  av1::AttendanceService::Stub& att() { return *att_stub_; }
  AttendanceServiceImpl& service() { return *service_; }
  AttendanceMetrics& att_metrics() { return *metrics_; }
  Directory& directory() { return *directory_; }
  const integration::TestSchema& att_db() const { return *att_schema_; }
  std::string identity_address();

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
  // The admin token of a second tenant, "lain" (seeded in identity on first use).
  std::string OtherAdmin() {
    if (other_admin_.empty()) other_admin_ = SeedTenant("lain").admin_token;
    return other_admin_;
  }

  // Tokens of the seeded tenant: its admin's, and a SERVICE token of it (kPlatformService's,
  // exchanged).
  std::string admin_token_, service_token_;
  SeededTenant seeded_;

 private:
  std::unique_ptr<integration::TestSchema> att_schema_;
  std::unique_ptr<ServiceHost> att_host_;
  std::shared_ptr<AttendanceMetrics> metrics_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<AttendanceServiceImpl> service_;
  std::shared_ptr<auth::JwksCache> att_jwks_;
  std::unique_ptr<av1::AttendanceService::Stub> att_stub_;
  std::string other_admin_;
};

}  // namespace ekinerja::attendance::it

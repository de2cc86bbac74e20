#pragma once

// The attendance service in-process beside the REAL identity service (its fixture: own Postgres
// schema, the seeded Dinas Kesehatan of integration/common/seed_org.h), for the tests about the
// conversation between the two: attendance gets its own schema and is built by BuildAttendance
// with the clients main.cc gives it (the gRPC Directory against identity with the deployment-wide
// service account, identity's JWKS). Every other attendance test runs against fakes
// (attendance_fixture.h).
//
//   SeedAttendance("dinkes") seeds the tenant in identity (SeedTenant), starts attendance,
//   registers kDevice and maps PIN "1".."6" on it to kadis, kabid_p2p, staf_p2p, staf_s1_a,
//   staf_s1_b, staf_yankes (in that order).

#include <memory>
#include <string>

#include "clients/directory.h"
#include "integration/attendance/attendance_process.h"
#include "integration/identity/identity_fixture.h"

namespace ekinerja::attendance::it {

using identity::it::Date;
using identity::it::HasCode;
using identity::it::kPlatformService;
using identity::it::kPlatformServiceSecret;
using identity::it::Ok;
using identity::it::SeededTenant;

class AttendanceIdentityTest : public identity::it::IdentityTest {
 protected:
  void TearDown() override;

  // Seeds `code` in identity and starts attendance for it (see above). Fails the test on any
  // error.
  SeededTenant SeedAttendance(const std::string& code);
  // As the seeded tenant's admin in identity: ends `nip`'s only assignment the day before `from`
  // and gives them `position` (definitive) from `from`. Fails the test on any error.
  void MoveEmployee(const std::string& nip, const std::string& position, absl::CivilDay from);

  av1::AttendanceService::Stub& att() { return attendance_.stub(); }
  // Attendance's own Directory (the gRPC one, against identity).
  Directory& directory() { return *directory_; }
  std::string identity_address();

  // Tokens of the seeded tenant: its admin's, and a SERVICE token of it (kPlatformService's,
  // exchanged).
  std::string admin_token_, service_token_;
  SeededTenant seeded_;

 private:
  std::shared_ptr<Directory> directory_;
  AttendanceProcess attendance_;
};

}  // namespace ekinerja::attendance::it

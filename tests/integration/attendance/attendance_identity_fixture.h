#pragma once

// The attendance service in-process beside the REAL identity service (the identity client's
// fixture: identity's own Postgres schema, the seeded Dinas Kesehatan of
// integration/common/seed_org.h, the gRPC Directory with the deployment-wide service account), for
// the tests about the conversation between the two: attendance gets its own schema and is built by
// BuildAttendance with the clients main.cc gives it (that Directory, identity's JWKS). Every other
// attendance test runs against fakes (attendance_fixture.h).
//
//   SeedAttendance("dinkes") seeds the tenant in identity (SeedDirectory), starts attendance,
//   registers kDevice and maps PIN "1".."6" on it to kadis, kabid_p2p, staf_p2p, staf_s1_a,
//   staf_s1_b, staf_yankes (in that order).

#include <string>

#include "integration/attendance/attendance_process.h"
#include "integration/clients/identity_client_fixture.h"

namespace ekinerja::attendance::it {

using clients::it::Date;
using clients::it::kPlatformService;
using clients::it::kPlatformServiceSecret;
using clients::it::Ok;
using clients::it::SeededTenant;
using identity::it::HasCode;

class AttendanceIdentityTest : public clients::it::IdentityClientTest {
 protected:
  void TearDown() override;

  // Seeds `code` in identity and starts attendance for it (see above). Fails the test on any
  // error.
  SeededTenant SeedAttendance(const std::string& code);

  av1::AttendanceService::Stub& att() { return attendance_.stub(); }

 private:
  AttendanceProcess attendance_;
};

}  // namespace ekinerja::attendance::it

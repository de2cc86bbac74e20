#include "integration/attendance/attendance_identity_fixture.h"

#include "jwks_proto.h"

namespace ekinerja::attendance::it {

void AttendanceIdentityTest::TearDown() {
  attendance_.Shutdown();
  IdentityClientTest::TearDown();
}

SeededTenant AttendanceIdentityTest::SeedAttendance(const std::string& code) {
  SeedDirectory(code);
  if (HasFatalFailure()) return seeded_;
  // The clients main.cc builds from its identity channel.
  AttendanceClients clients;
  clients.directory = directory_;
  clients.public_keys = auth::FetchJwksFromIdentity(
      grpc::CreateChannel(identity_address(), grpc::InsecureChannelCredentials()),
      absl::Seconds(5));
  attendance_.Start(std::move(clients));
  if (HasFatalFailure()) return seeded_;
  attendance_.RegisterDevice(admin_token_,
                             {seeded_.kadis, seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a,
                              seeded_.staf_s1_b, seeded_.staf_yankes});
  return seeded_;
}

}  // namespace ekinerja::attendance::it

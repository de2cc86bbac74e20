#include "integration/attendance/attendance_fixture.h"

#include "date_proto.h"

namespace ekinerja::attendance::it {

SeededTenant AttendanceTest::SeedTenant(const std::string& code) {
  return integration::DeclareSeedTenant(*directory_, code, seeded_tenants_++);
}

std::string AttendanceTest::Token(const SeededTenant& t, const std::string& username) {
  return integration::SeededLogin(*directory_, t, username);
}

std::string AttendanceTest::LoginAs(const std::string& tenant, const std::string& username,
                                    const std::string& nip, std::vector<Role> roles,
                                    const std::string& admin_unit) {
  return directory_->Login({tenant, username, nip, std::move(roles), admin_unit});
}

std::string AttendanceTest::PlatformToken() {
  return LoginAs("platform", "admin", "", {Role::kPlatformAdmin}, "");
}

SeededTenant AttendanceTest::SeedAttendance(const std::string& code) {
  seeded_ = SeedTenant(code);
  admin_token_ = seeded_.admin_token;
  AttendanceClients clients;
  clients.directory = directory_;
  clients.public_keys = tokens_.PublicKeys();
  attendance_.Start(std::move(clients));
  if (HasFatalFailure()) return seeded_;
  auto service = directory_->ServiceToken(code);
  EXPECT_TRUE(service.ok()) << service.status();
  service_token_ = service.value_or("");
  attendance_.RegisterDevice(admin_token_,
                             {seeded_.kadis, seeded_.kabid_p2p, seeded_.staf_p2p, seeded_.staf_s1_a,
                              seeded_.staf_s1_b, seeded_.staf_yankes});
  directory_->ClearCalls();
  return seeded_;
}

google::protobuf::Timestamp AttendanceTest::At(absl::CivilSecond local, const std::string& zone) {
  return ToProtoTimestamp(absl::FromCivil(local, LoadZone(zone).value()));
}

av1::RawPunch AttendanceTest::Punch(const std::string& pin, absl::CivilSecond local,
                                    const std::string& device, const std::string& zone) {
  av1::RawPunch p;
  p.set_device_serial(device);
  p.set_pin(pin);
  *p.mutable_punch_time() = At(local, zone);
  return p;
}

grpc::Status AttendanceTest::Push(const std::string& token,
                                  const std::vector<av1::RawPunch>& punches,
                                  av1::IngestReport* report) {
  auto ctx = Ctx(token);
  auto writer = att().PushPunches(ctx.get(), report);
  av1::PushPunchesRequest msg;
  for (const auto& p : punches) *msg.add_punches() = p;
  writer->Write(msg);
  writer->WritesDone();
  return writer->Finish();
}

av1::AttendanceDay AttendanceTest::Day(const std::string& token, const std::string& nip,
                                       absl::CivilDay day) {
  av1::GetAttendanceDayRequest req;
  req.set_nip(nip);
  *req.mutable_date() = Date(day);
  av1::AttendanceDay out;
  EXPECT_TRUE(Ok(att().GetAttendanceDay(Ctx(token).get(), req, &out)))
      << nip << " " << FormatDate(day);
  return out;
}

int64_t AttendanceTest::Count(const std::string& sql) {
  auto r = att_db().Query(sql);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok() || r->empty()) return -1;
  return (*r)[0][0].as<int64_t>();
}

}  // namespace ekinerja::attendance::it

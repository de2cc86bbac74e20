#include "integration/attendance/attendance_fixture.h"

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "date_proto.h"
#include "jwks_proto.h"

namespace ekinerja::attendance::it {

void AttendanceTest::SetUp() {
  IdentityTest::SetUp();
  if (HasFatalFailure()) return;
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  att_schema_ = std::move(*schema);
}

void AttendanceTest::TearDown() {
  att_stub_.reset();
  if (att_host_) att_host_->Shutdown();
  service_.reset();
  directory_.reset();
  att_host_.reset();
  att_jwks_.reset();
  metrics_.reset();
  att_schema_.reset();
  IdentityTest::TearDown();
}

std::string AttendanceTest::identity_address() {
  return absl::StrCat("127.0.0.1:", host().grpc_port());
}

void AttendanceTest::StartAttendance(ServiceCredential credential) {
  ServerOptions options;
  options.service = "attendance";
  options.grpc_port = 0;
  options.metrics_port = -1;
  options.db_url = att_schema_->url();
  options.db_schema = att_schema_->name();
  options.db_pool_size = 4;
  options.drain = absl::Seconds(1);
  auto host = ServiceHost::Create(options, embedded::attendance_sql());
  ASSERT_TRUE(host.ok()) << host.status();
  att_host_ = std::move(*host);

  auto channel = grpc::CreateChannel(identity_address(), grpc::InsecureChannelCredentials());
  directory_ = MakeIdentityDirectory(channel, std::move(credential));
  metrics_ = std::make_shared<AttendanceMetrics>(att_host_->metrics().registry());
  service_ = std::make_unique<AttendanceServiceImpl>(att_host_->pool(), *directory_, *metrics_);
  att_jwks_ =
      std::make_shared<auth::JwksCache>(auth::FetchJwksFromIdentity(channel, absl::Seconds(5)));
  const absl::Status st = att_host_->Start(
      {service_.get()},
      std::make_shared<JwtTokenVerifier>(att_jwks_, "ekinerja-identity", "ekinerja"), {});
  ASSERT_TRUE(st.ok()) << st;
  att_stub_ = av1::AttendanceService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", att_host_->grpc_port()), grpc::InsecureChannelCredentials()));
}

void AttendanceTest::MoveEmployee(const std::string& nip, const std::string& position,
                                  absl::CivilDay from) {
  namespace idv1 = ::ekinerja::identity::v1;
  idv1::ListAssignmentsRequest list;
  list.set_nip(nip);
  idv1::ListAssignmentsResponse assignments;
  ASSERT_TRUE(Ok(stub().ListAssignments(Ctx(admin_token_).get(), list, &assignments)));
  ASSERT_EQ(assignments.assignments_size(), 1);
  idv1::UpdateAssignmentRequest end;
  *end.mutable_assignment() = assignments.assignments(0);
  *end.mutable_assignment()->mutable_end_date() = Date(from - 1);
  end.mutable_update_mask()->add_paths("end_date");
  idv1::Assignment out;
  ASSERT_TRUE(Ok(stub().UpdateAssignment(Ctx(admin_token_).get(), end, &out)));
  idv1::CreateAssignmentRequest move;
  move.mutable_assignment()->set_nip(nip);
  move.mutable_assignment()->set_position_code(position);
  move.mutable_assignment()->set_kind(idv1::ASSIGNMENT_KIND_DEFINITIF);
  *move.mutable_assignment()->mutable_start_date() = Date(from);
  ASSERT_TRUE(Ok(stub().CreateAssignment(Ctx(admin_token_).get(), move, &out)));
}

SeededTenant AttendanceTest::SeedAttendance(const std::string& code) {
  seeded_ = SeedTenant(code);
  if (HasFatalFailure()) return seeded_;
  admin_token_ = seeded_.admin_token;

  identity::v1::ExchangeTokenResponse token;
  EXPECT_TRUE(Ok(Exchange(PlatformServiceToken(), code, &token)));
  service_token_ = token.access_token();

  StartAttendance({kPlatformService, kPlatformServiceSecret});
  if (HasFatalFailure()) return seeded_;

  av1::RegisterDeviceRequest reg;
  reg.mutable_device()->set_serial_number(kDevice);
  reg.mutable_device()->set_time_zone("Asia/Jakarta");
  reg.mutable_device()->set_org_unit_code("DINKES");
  *reg.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
  av1::Device device;
  EXPECT_TRUE(Ok(att().RegisterDevice(Ctx(admin_token_).get(), reg, &device)));
  const std::vector<std::string> nips = {seeded_.kadis,     seeded_.kabid_p2p, seeded_.staf_p2p,
                                         seeded_.staf_s1_a, seeded_.staf_s1_b, seeded_.staf_yankes};
  for (size_t i = 0; i < nips.size(); ++i) {
    av1::MapPinRequest map;
    map.mutable_pin_mapping()->set_device_serial(kDevice);
    map.mutable_pin_mapping()->set_pin(std::to_string(i + 1));
    map.mutable_pin_mapping()->set_nip(nips[i]);
    av1::PinMapping out;
    EXPECT_TRUE(Ok(att().MapPin(Ctx(admin_token_).get(), map, &out))) << "PIN " << i + 1;
  }
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

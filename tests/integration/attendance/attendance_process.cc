#include "integration/attendance/attendance_process.h"

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "integration/common/grpc_expect.h"
#include "integration/common/test_host.h"

namespace ekinerja::attendance::it {

void AttendanceProcess::Start(AttendanceClients clients) {
  auto schema = integration::TestSchema::Create();
  ASSERT_TRUE(schema.ok()) << schema.status();
  schema_ = std::move(*schema);
  auto host =
      ServiceHost::Create(integration::TestServerOptions("attendance", *schema_), AttendanceSql());
  ASSERT_TRUE(host.ok()) << host.status();
  host_ = std::move(*host);
  // ADMS is started by the tests that play a device, with a registry of its own (adms_test.cc).
  auto built = BuildAttendance(*host_, AttendanceOptions(), std::move(clients));
  ASSERT_TRUE(built.ok()) << built.status();
  built_ = *std::move(built);
  const absl::Status st =
      host_->Start(built_.setup.services, built_.setup.verifier, built_.setup.public_methods);
  ASSERT_TRUE(st.ok()) << st;
  stub_ = av1::AttendanceService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->grpc_port()), grpc::InsecureChannelCredentials()));
}

int AttendanceProcess::port() const { return host_->grpc_port(); }

void AttendanceProcess::Shutdown() {
  stub_.reset();
  if (host_) host_->Shutdown();  // no call runs into the service from here on
  built_ = Attendance();
  host_.reset();
  schema_.reset();
}

void AttendanceProcess::RegisterDevice(const std::string& admin_token,
                                       const std::vector<std::string>& nips) {
  using integration::Ctx;
  using integration::Ok;
  av1::RegisterDeviceRequest reg;
  reg.mutable_device()->set_serial_number(kDevice);
  reg.mutable_device()->set_time_zone("Asia/Jakarta");
  reg.mutable_device()->set_org_unit_code("DINKES");
  *reg.mutable_device()->mutable_in_service_date() = integration::Date(kDeviceInService);
  av1::Device device;
  EXPECT_TRUE(Ok(stub().RegisterDevice(Ctx(admin_token).get(), reg, &device)));
  for (size_t i = 0; i < nips.size(); ++i) {
    av1::MapPinRequest map;
    map.mutable_pin_mapping()->set_device_serial(kDevice);
    map.mutable_pin_mapping()->set_pin(std::to_string(i + 1));
    map.mutable_pin_mapping()->set_nip(nips[i]);
    av1::PinMapping out;
    EXPECT_TRUE(Ok(stub().MapPin(Ctx(admin_token).get(), map, &out))) << "PIN " << i + 1;
  }
}

}  // namespace ekinerja::attendance::it

#pragma once

// The attendance service in-process for one test, as both attendance fixtures start it: its own
// Postgres schema, the service built by BuildAttendance (as main.cc builds it) with the clients the
// fixture gives (fakes, or the real identity), gRPC on port 0 and a stub to it.

#include <memory>
#include <string>
#include <vector>

#include "attendance_wiring.h"
#include "ekinerja/attendance/v1/attendance.grpc.pb.h"
#include "integration/common/test_db.h"

namespace ekinerja::attendance::it {

namespace av1 = ::ekinerja::attendance::v1;

// The device SeedAttendance registers (Asia/Jakarta, in service from kDeviceInService).
constexpr char kDevice[] = "ZK-DINKES-01";
const absl::CivilDay kDeviceInService(2024, 1, 1);

// A valid NIP that no seeded tenant has.
constexpr char kNobody[] = "196702271998032003";

// A weekday well in the past, when everyone is assigned (a Wednesday).
const absl::CivilDay kWednesday(2025, 3, 12);

class AttendanceProcess {
 public:
  ~AttendanceProcess() { Shutdown(); }

  // Creates the schema and starts the service with `clients` (a fatal test failure otherwise).
  void Start(AttendanceClients clients);
  void Shutdown();

  av1::AttendanceService::Stub& stub() { return *stub_; }
  // The gRPC port it listens on (for a peer's client of it).
  int port() const;
  AttendanceServiceImpl& service() { return *built_.service; }
  AttendanceMetrics& metrics() { return *built_.metrics; }
  const integration::TestSchema& db() const { return *schema_; }

  // As the tenant admin: registers kDevice for org unit DINKES and maps PIN "1", "2", ... to
  // `nips` in order (test failures otherwise).
  void RegisterDevice(const std::string& admin_token, const std::vector<std::string>& nips);

 private:
  std::unique_ptr<integration::TestSchema> schema_;
  std::unique_ptr<ServiceHost> host_;
  Attendance built_;
  std::unique_ptr<av1::AttendanceService::Stub> stub_;
};

}  // namespace ekinerja::attendance::it

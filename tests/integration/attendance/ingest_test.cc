// Punches through PushPunches and ImportAttendanceLog (ADMS has adms_test.cc): idempotency,
// quarantine, unknown PINs counted once mapped, per-line errors, bad input and rights; and what
// the stored punches make of the day.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "integration/attendance/attendance_fixture.h"

namespace ekinerja::attendance::it {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class IngestTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
  }

  int64_t Punches() { return Count("SELECT count(*) FROM punches"); }
  int64_t Quarantined() { return Count("SELECT count(*) FROM quarantined_punches"); }
};

const absl::CivilSecond kIn(2025, 3, 12, 7, 25, 0);
const absl::CivilSecond kOut(2025, 3, 12, 16, 5, 0);

TEST_F(IngestTest, SameBatchTwiceLeavesTheSameRowsAndReportsDuplicates) {
  ASSERT_FALSE(HasFatalFailure());
  const absl::CivilSecond tomorrow =
      absl::ToCivilSecond(absl::Now() + absl::Hours(24), LoadZone("Asia/Jakarta").value());
  const std::vector<av1::RawPunch> batch = {
      Punch("1", kIn),
      Punch("1", kOut),                                      // kadis: in and out
      Punch("77", kIn),                                      // nobody's PIN
      Punch("2", tomorrow),                                  // a clock ahead by a day
      Punch("2", absl::CivilSecond(2023, 12, 31, 8, 0, 0)),  // before the in-service date
  };
  av1::IngestReport first;
  ASSERT_TRUE(Ok(Push(service_token_, batch, &first)));
  EXPECT_EQ(first.accepted(), 2);
  EXPECT_EQ(first.unknown_pin(), 1);
  EXPECT_EQ(first.quarantined(), 2);
  EXPECT_EQ(first.duplicate(), 0);
  EXPECT_EQ(first.days_recomputed(), 3);  // kadis on the 11th, 12th and 13th

  av1::IngestReport second;
  ASSERT_TRUE(Ok(Push(service_token_, batch, &second)));
  EXPECT_EQ(second.accepted(), 0);
  EXPECT_EQ(second.unknown_pin(), 0);
  EXPECT_EQ(second.quarantined(), 0);
  EXPECT_EQ(second.duplicate(), 5);
  EXPECT_EQ(Punches(), 3);
  EXPECT_EQ(Quarantined(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM quarantined_punches WHERE reason = 'future'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM punches WHERE source = 'grpc' AND nip IS NULL"), 1);

  const av1::AttendanceDay day = Day(admin_token_, seeded_.kadis, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_HADIR);
  EXPECT_EQ(day.first_in_local(), "07:25:00");
  EXPECT_EQ(day.last_out_local(), "16:05:00");
  EXPECT_EQ(day.scheduled().start(), "07:30");
  EXPECT_EQ(day.scheduled().end(), "16:00");
  EXPECT_TRUE(day.checked_in());
}

TEST_F(IngestTest, BadPunchesAreNamedByFieldAndNothingOfTheMessageIsStored) {
  ASSERT_FALSE(HasFatalFailure());
  av1::RawPunch no_time = Punch("1", kIn);
  no_time.clear_punch_time();
  av1::RawPunch bad_status = Punch("1", kOut);
  bad_status.set_status(-1);
  av1::IngestReport report;
  const grpc::Status st = Push(service_token_,
                               {Punch("", kIn), Punch("1", kIn, "ZK-NOWHERE"), no_time,
                                Punch("1-x", kIn), bad_status, Punch("2", kIn)},
                               &report);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("punches[0].pin", "punches[1].device_serial", "punches[2].punch_time",
                          "punches[3].pin", "punches[4].status"));
  EXPECT_EQ(Punches(), 0);
  EXPECT_EQ(Quarantined(), 0);
}

TEST_F(IngestTest, OnlyServiceAccountsAndTheAdminPushAndOnlyToTheirOwnDevices) {
  ASSERT_FALSE(HasFatalFailure());
  av1::IngestReport report;
  EXPECT_TRUE(HasCode(Push(Token(seeded_, seeded_.kadis), {Punch("1", kIn)}, &report),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(Push("", {Punch("1", kIn)}, &report), grpc::StatusCode::UNAUTHENTICATED));
  // Another tenant's admin does not see this tenant's device.
  const SeededTenant other = SeedTenant("kota-lain");
  ASSERT_FALSE(HasFatalFailure());
  const grpc::Status st = Push(other.admin_token, {Punch("1", kIn)}, &report);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("punches[0].device_serial"));
  EXPECT_EQ(Punches(), 0);
  // The admin may.
  ASSERT_TRUE(Ok(Push(admin_token_, {Punch("1", kIn)}, &report)));
  EXPECT_EQ(report.accepted(), 1);
}

TEST_F(IngestTest, UnknownPinsAreListedAndCountedOnceMapped) {
  ASSERT_FALSE(HasFatalFailure());
  av1::IngestReport report;
  ASSERT_TRUE(Ok(Push(service_token_,
                      {Punch("77", absl::CivilSecond(2025, 3, 12, 7, 20, 0)),
                       Punch("77", absl::CivilSecond(2025, 3, 12, 16, 10, 0))},
                      &report)));
  EXPECT_EQ(report.unknown_pin(), 2);

  av1::ListUnknownPinsResponse unknown;
  ASSERT_TRUE(Ok(att().ListUnknownPins(Ctx(admin_token_).get(), {}, &unknown)));
  ASSERT_EQ(unknown.unknown_pins_size(), 1);
  EXPECT_EQ(unknown.unknown_pins(0).device_serial(), kDevice);
  EXPECT_EQ(unknown.unknown_pins(0).pin(), "77");
  EXPECT_EQ(unknown.unknown_pins(0).punch_count(), 2);
  // An employee may not list them.
  EXPECT_TRUE(HasCode(att().ListUnknownPins(Ctx(Token(seeded_, seeded_.kadis)).get(), {}, &unknown),
                      grpc::StatusCode::PERMISSION_DENIED));

  // Before the mapping the employee has no punch that day.
  EXPECT_EQ(Day(admin_token_, seeded_.staf_yankes, kWednesday).status(),
            av1::DAY_STATUS_TANPA_KETERANGAN);
  av1::MapPinRequest map;
  map.mutable_pin_mapping()->set_pin("77");  // on every device of the tenant
  map.mutable_pin_mapping()->set_nip(seeded_.staf_yankes);
  av1::PinMapping mapped;
  ASSERT_TRUE(Ok(att().MapPin(Ctx(admin_token_).get(), map, &mapped)));
  EXPECT_EQ(mapped.punches_assigned(), 2);

  ASSERT_TRUE(Ok(att().ListUnknownPins(Ctx(admin_token_).get(), {}, &unknown)));
  EXPECT_THAT(unknown.unknown_pins(), IsEmpty());
  const av1::AttendanceDay day = Day(admin_token_, seeded_.staf_yankes, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_HADIR);
  EXPECT_EQ(day.first_in_local(), "07:20:00");
  EXPECT_EQ(day.last_out_local(), "16:10:00");
}

TEST_F(IngestTest, MapPinRefusesBadInputAndStrangers) {
  ASSERT_FALSE(HasFatalFailure());
  const int64_t before = Count("SELECT count(*) FROM pin_mappings");
  av1::MapPinRequest map;
  map.mutable_pin_mapping()->set_device_serial("ZK DINKES");
  map.mutable_pin_mapping()->set_pin("");
  map.mutable_pin_mapping()->set_nip("123");
  av1::PinMapping out;
  grpc::Status st = att().MapPin(Ctx(admin_token_).get(), map, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("pin_mapping.device_serial", "pin_mapping.pin", "pin_mapping.nip"));
  // A well-formed NIP of nobody in the tenant.
  map.mutable_pin_mapping()->set_device_serial(kDevice);
  map.mutable_pin_mapping()->set_pin("88");
  map.mutable_pin_mapping()->set_nip(integration::MakeNip("19900101", "201501", 1, 999));
  st = att().MapPin(Ctx(admin_token_).get(), map, &out);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("pin_mapping.nip"));
  // Employees and other tenants' admins map nothing here.
  map.mutable_pin_mapping()->set_nip(seeded_.staf_yankes);
  EXPECT_TRUE(HasCode(att().MapPin(Ctx(Token(seeded_, seeded_.kadis)).get(), map, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  const SeededTenant other = SeedTenant("kota-lain");
  ASSERT_FALSE(HasFatalFailure());
  st = att().MapPin(Ctx(other.admin_token).get(), map, &out);
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT)) << "not their employee";
  EXPECT_EQ(Count("SELECT count(*) FROM pin_mappings"), before);
}

TEST_F(IngestTest, ImportedLogReportsBadLinesByNumberAndStoresTheRest) {
  ASSERT_FALSE(HasFatalFailure());
  av1::ImportAttendanceLogRequest req;
  req.set_device_serial(kDevice);
  req.set_format(av1::LOG_FORMAT_ATTLOG);
  req.set_content(
      "3\t2025-03-12 08:01:00\t0\t1\n"
      "3\t2025-13-12 08:01:00\t0\t1\n"
      "3\t2025-03-12 16:00:00\t1\t1\n");
  av1::ImportAttendanceLogResponse resp;
  ASSERT_TRUE(Ok(att().ImportAttendanceLog(Ctx(admin_token_).get(), req, &resp)));
  EXPECT_EQ(resp.report().accepted(), 2);
  ASSERT_EQ(resp.errors_size(), 1);
  EXPECT_EQ(resp.errors(0).line(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM punches WHERE source = 'import'"), 2);

  // 08:01 on a 07:30 day: 31 minutes late, tier 2; out at 16:00 on time.
  const av1::AttendanceDay day = Day(admin_token_, seeded_.staf_p2p, kWednesday);
  EXPECT_EQ(day.status(), av1::DAY_STATUS_TERLAMBAT);
  EXPECT_EQ(day.minutes_late(), 31);
  EXPECT_EQ(day.tl_tier(), 2);
  EXPECT_EQ(day.minutes_early(), 0);
  EXPECT_EQ(day.psw_tier(), 0);

  // The same file again: all duplicates.
  ASSERT_TRUE(Ok(att().ImportAttendanceLog(Ctx(admin_token_).get(), req, &resp)));
  EXPECT_EQ(resp.report().duplicate(), 2);
  EXPECT_EQ(resp.report().accepted(), 0);

  // Bad requests and callers write nothing.
  av1::ImportAttendanceLogRequest bad;
  grpc::Status st = att().ImportAttendanceLog(Ctx(admin_token_).get(), bad, &resp);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st), ElementsAre("device_serial", "format", "content"));
  EXPECT_TRUE(
      HasCode(att().ImportAttendanceLog(Ctx(Token(seeded_, seeded_.kadis)).get(), req, &resp),
              grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Punches(), 2);
}

TEST_F(IngestTest, EachPunchIsReadOnItsOwnDevicesWallClock) {
  ASSERT_FALSE(HasFatalFailure());
  av1::RegisterDeviceRequest reg;
  reg.mutable_device()->set_serial_number("ZK-MAKASSAR");
  reg.mutable_device()->set_time_zone("Asia/Makassar");
  *reg.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
  av1::Device device;
  ASSERT_TRUE(Ok(att().RegisterDevice(Ctx(admin_token_).get(), reg, &device)));
  av1::MapPinRequest map;
  map.mutable_pin_mapping()->set_device_serial("ZK-MAKASSAR");
  map.mutable_pin_mapping()->set_pin("500");
  map.mutable_pin_mapping()->set_nip(seeded_.kadis);
  av1::PinMapping mapped;
  ASSERT_TRUE(Ok(att().MapPin(Ctx(admin_token_).get(), map, &mapped)));

  // In at 08:20 WITA (07:20 in Jakarta): on that device's clock, 50 minutes late. Out on the
  // Jakarta device at 16:00 WIB.
  av1::IngestReport report;
  ASSERT_TRUE(Ok(
      Push(service_token_,
           {Punch("500", absl::CivilSecond(2025, 3, 12, 8, 20, 0), "ZK-MAKASSAR", "Asia/Makassar"),
            Punch("1", absl::CivilSecond(2025, 3, 12, 16, 0, 0))},
           &report)));
  EXPECT_EQ(report.accepted(), 2);
  const av1::AttendanceDay day = Day(admin_token_, seeded_.kadis, kWednesday);
  EXPECT_EQ(day.first_in_local(), "08:20:00");
  EXPECT_EQ(day.first_in_time().seconds(), At(absl::CivilSecond(2025, 3, 12, 7, 20, 0)).seconds());
  EXPECT_EQ(day.minutes_late(), 50);
  EXPECT_EQ(day.tl_tier(), 2);
  EXPECT_EQ(day.last_out_local(), "16:00:00");
  EXPECT_EQ(day.status(), av1::DAY_STATUS_TERLAMBAT);

  // Device bookkeeping: registering the serial again fails; the list shows last contact.
  EXPECT_TRUE(HasCode(att().RegisterDevice(Ctx(admin_token_).get(), reg, &device),
                      grpc::StatusCode::ALREADY_EXISTS));
  av1::ListDevicesResponse devices;
  ASSERT_TRUE(Ok(att().ListDevices(Ctx(admin_token_).get(), {}, &devices)));
  ASSERT_EQ(devices.devices_size(), 2);
  EXPECT_EQ(devices.devices(0).serial_number(), "ZK-DINKES-01");
  EXPECT_TRUE(devices.devices(0).has_last_seen_time());
  EXPECT_EQ(devices.devices(1).serial_number(), "ZK-MAKASSAR");
  EXPECT_TRUE(devices.devices(1).has_last_seen_time());
}

TEST_F(IngestTest, RegisterDeviceNamesEveryBadFieldAndNeedsTheAdmin) {
  ASSERT_FALSE(HasFatalFailure());
  av1::RegisterDeviceRequest reg;
  reg.mutable_device()->set_serial_number("zk/01");
  reg.mutable_device()->set_time_zone("Asia/Tokyo");
  av1::Device device;
  const grpc::Status st = att().RegisterDevice(Ctx(admin_token_).get(), reg, &device);
  ASSERT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              ElementsAre("device.serial_number", "device.time_zone", "device.in_service_date"));
  reg.mutable_device()->set_serial_number("ZK-02");
  reg.mutable_device()->set_time_zone("Asia/Jayapura");
  *reg.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
  EXPECT_TRUE(HasCode(att().RegisterDevice(Ctx(Token(seeded_, seeded_.kadis)).get(), reg, &device),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("SELECT count(*) FROM devices"), 1);
}

}  // namespace
}  // namespace ekinerja::attendance::it

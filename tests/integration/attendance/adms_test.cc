// The ZKTeco ADMS ("iclock") push endpoint, played as a device plays it: a real HTTP client against
// AdmsHandler on an HttpServer on port 0, over the in-process attendance service and its Postgres
// schema (DOMAIN §4).

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "adms/adms_handler.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "http_server.h"
#include "http_status.h"
#include "integration/attendance/attendance_fixture.h"
#include "integration/common/http_get.h"
#include "prometheus/registry.h"

namespace ekinerja::attendance::it {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

int HttpOf(absl::StatusCode code) {
  return HttpStatusFromGrpc(static_cast<grpc::StatusCode>(code));
}

constexpr char kCdata[] = "/iclock/cdata";

// Two punches of mapped PINs (kadis at 07:25:00, staf_p2p at 07:41:10 Jakarta time, fingerprint
// and face) and one of a PIN nobody has, as a device pushes them (trailing reserved fields).
constexpr char kAttlog[] =
    "1\t2025-03-12 07:25:00\t0\t1\t0\t0\t0\t0\t0\t0\n"
    "3\t2025-03-12 07:41:10\t0\t15\t0\t0\t0\t0\t0\t0\n"
    "77\t2025-03-12 08:02:00\t0\t1\t0\t0\t0\t0\t0\t0\n";

class AdmsTest : public AttendanceTest {
 protected:
  void SetUp() override {
    AttendanceTest::SetUp();
    if (HasFatalFailure()) return;
    SeedAttendance("dinkes");
    if (HasFatalFailure()) return;
    // The handler counts its requests in a registry of its own, which the test reads.
    handler_ = std::make_unique<AdmsHandler>(service().ingestor(), adms_metrics_, 2);
    HttpServerOptions options;
    options.port = 0;
    auto server = HttpServer::Start(options, handler_.get());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
  }

  void TearDown() override {
    server_.reset();  // before the handler it calls
    handler_.reset();
    AttendanceTest::TearDown();
  }

  integration::HttpResponse Get(const std::string& target) {
    auto r = integration::HttpGet(server_->port(), target);
    EXPECT_TRUE(r.ok()) << target << ": " << r.status();
    return r.ok() ? *std::move(r) : integration::HttpResponse{};
  }
  integration::HttpResponse Post(const std::string& target, const std::string& body) {
    auto r = integration::HttpPost(server_->port(), target, body);
    EXPECT_TRUE(r.ok()) << target << ": " << r.status();
    return r.ok() ? *std::move(r) : integration::HttpResponse{};
  }
  static std::string AttlogTarget(const std::string& serial) {
    return absl::StrCat(kCdata, "?SN=", serial, "&table=ATTLOG&Stamp=9999");
  }

  // Every stored punch as "device|pin|UTC instant|source|nip or -|status|verify", in (pin,
  // instant) order.
  std::vector<std::string> Punches() {
    auto r = att_db().Query(
        "SELECT device_serial, pin, to_char(punch_time AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD HH24:MI:SS'), source, coalesce(nip, '-'), coalesce(status::text, '-'), "
        "coalesce(verify::text, '-') FROM punches ORDER BY pin, punch_time");
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& row : *r) {
      std::vector<std::string> cells;
      for (const auto& field : row) cells.push_back(field.c_str());
      out.push_back(absl::StrJoin(cells, "|"));
    }
    return out;
  }

  // SELECT count(*) FROM `from` in the attendance schema ("punches WHERE ...").
  long CountOf(const std::string& from) { return att_db().Count(from); }

  void RegisterDevice(const std::string& serial, const std::string& zone) {
    av1::RegisterDeviceRequest reg;
    reg.mutable_device()->set_serial_number(serial);
    reg.mutable_device()->set_time_zone(zone);
    reg.mutable_device()->set_org_unit_code("DINKES");
    *reg.mutable_device()->mutable_in_service_date() = Date(kDeviceInService);
    av1::Device device;
    ASSERT_TRUE(Ok(att().RegisterDevice(Ctx(admin_token_).get(), reg, &device)));
  }

  // ekinerja_attendance_adms_requests_total{endpoint,code} (0 when never counted).
  double AdmsRequests(const std::string& endpoint, int code) {
    for (const auto& family : registry_.Collect()) {
      if (family.name != "ekinerja_attendance_adms_requests_total") continue;
      for (const auto& metric : family.metric) {
        std::string e, c;
        for (const auto& label : metric.label) {
          if (label.name == "endpoint") e = label.value;
          if (label.name == "code") c = label.value;
        }
        if (e == endpoint && c == std::to_string(code)) return metric.counter.value;
      }
    }
    return 0;
  }

  prometheus::Registry registry_;
  AttendanceMetrics adms_metrics_{registry_};
  std::unique_ptr<AdmsHandler> handler_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(AdmsTest, HandshakeAnswersTheOptionsBlockInTheDevicesZone) {
  const auto r =
      Get(absl::StrCat(kCdata, "?SN=", kDevice, "&options=all&pushver=2.4.1&language=69"));
  EXPECT_EQ(r.status, 200);
  EXPECT_THAT(r.headers, HasSubstr("Content-Type: text/plain\r\n"));
  // Date: the device sets its clock from it (with TimeZone).
  const size_t date = r.headers.find("\r\nDate: ");
  ASSERT_NE(date, std::string::npos) << r.headers;
  const std::string date_value =
      r.headers.substr(date + 8, r.headers.find("\r\n", date + 2) - (date + 8));
  absl::Time sent;
  std::string error;
  ASSERT_TRUE(
      absl::ParseTime("%a, %d %b %Y %H:%M:%S GMT", date_value, absl::UTCTimeZone(), &sent, &error))
      << date_value << ": " << error;
  EXPECT_LT(absl::AbsDuration(absl::Now() - sent), absl::Minutes(1)) << date_value;
  EXPECT_EQ(r.body, absl::StrCat("GET OPTION FROM: ", kDevice,
                                 "\n"
                                 "ATTLOGStamp=None\n"
                                 "OPERLOGStamp=9999\n"
                                 "ATTPHOTOStamp=None\n"
                                 "ErrorDelay=30\n"
                                 "Delay=10\n"
                                 "TransTimes=00:00;14:05\n"
                                 "TransInterval=1\n"
                                 "TransFlag=TransData AttLog\n"
                                 "TimeZone=7\n"
                                 "Realtime=1\n"
                                 "Encrypt=None\n"));

  // WITA and WIT devices get their own offset.
  RegisterDevice("ZK-MAKASSAR-01", "Asia/Makassar");
  RegisterDevice("ZK-JAYAPURA-01", "Asia/Jayapura");
  EXPECT_THAT(Get(absl::StrCat(kCdata, "?SN=ZK-MAKASSAR-01&options=all")).body,
              HasSubstr("\nTimeZone=8\n"));
  EXPECT_THAT(Get(absl::StrCat(kCdata, "?SN=ZK-JAYAPURA-01&options=all")).body,
              HasSubstr("\nTimeZone=9\n"));
  // Older firmware asks without options=all: the same block.
  EXPECT_THAT(Get(absl::StrCat(kCdata, "?SN=", kDevice)).body,
              StartsWith(absl::StrCat("GET OPTION FROM: ", kDevice, "\n")));
}

TEST_F(AdmsTest, AttlogPostStoresThePunchesOnTheDevicesWallClock) {
  const auto r = Post(AttlogTarget(kDevice), kAttlog);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "OK");
  EXPECT_THAT(r.headers, HasSubstr("Content-Type: text/plain\r\n"));
  // Asia/Jakarta is UTC+7; the unknown PIN is kept without a NIP.
  EXPECT_THAT(
      Punches(),
      ElementsAre(absl::StrCat(kDevice, "|1|2025-03-12 00:25:00|adms|", seeded_.kadis, "|0|1"),
                  absl::StrCat(kDevice, "|3|2025-03-12 00:41:10|adms|", seeded_.staf_p2p, "|0|15"),
                  absl::StrCat(kDevice, "|77|2025-03-12 01:02:00|adms|-|0|1")));
  EXPECT_EQ(CountOf("quarantined_punches"), 0);
}

TEST_F(AdmsTest, TheSamePostTwiceStoresThePunchesOnce) {
  ASSERT_EQ(Post(AttlogTarget(kDevice), kAttlog).body, "OK");
  const std::vector<std::string> first = Punches();
  ASSERT_EQ(first.size(), 3u);

  // A retry (the device did not get the first answer) is acknowledged again and changes nothing.
  const auto again = Post(AttlogTarget(kDevice), kAttlog);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, "OK");
  EXPECT_EQ(Punches(), first);
  EXPECT_EQ(CountOf("punches"), 3);

  // The ingestion path counts them as duplicates.
  ParsedLog parsed = ParseAttlog(kAttlog);
  ASSERT_THAT(parsed.errors, IsEmpty());
  auto device = service().ingestor().SeenDevice(kDevice);
  ASSERT_TRUE(device.ok()) << device.status();
  auto counts = service().ingestor().IngestLog(*device, parsed.punches, store::Source::kAdms);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->accepted, 0);
  EXPECT_EQ(counts->duplicate, 3);
}

TEST_F(AdmsTest, BadLinesAreSkippedAndTheGoodOnesStored) {
  const std::string body =
      "1\t2025-03-12 07:25:00\t0\t1\t0\t0\t0\t0\t0\t0\n"
      "2\t2025-02-30 07:30:00\t0\t1\t0\t0\t0\t0\t0\t0\n"  // no such day
      "this is not a punch\n"
      "3\t2025-03-12 16:05:00\t1\t1\t0\t0\t0\t0\t0\t0\n";
  const auto r = Post(AttlogTarget(kDevice), body);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "OK");
  EXPECT_THAT(
      Punches(),
      ElementsAre(absl::StrCat(kDevice, "|1|2025-03-12 00:25:00|adms|", seeded_.kadis, "|0|1"),
                  absl::StrCat(kDevice, "|3|2025-03-12 09:05:00|adms|", seeded_.staf_p2p, "|1|1")));

  // Nothing but bad lines: acknowledged (sending them again would not mend them), nothing stored.
  EXPECT_EQ(Post(AttlogTarget(kDevice), "garbage\n").body, "OK");
  EXPECT_EQ(CountOf("punches"), 2);
}

TEST_F(AdmsTest, UnknownOrMissingSerialIsRefusedAndNothingStored) {
  const int forbidden = HttpOf(absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Post(AttlogTarget("ZK-NOT-REGISTERED"), kAttlog).status, forbidden);
  EXPECT_EQ(Get(absl::StrCat(kCdata, "?SN=ZK-NOT-REGISTERED&options=all")).status, forbidden);
  EXPECT_EQ(Get("/iclock/getrequest?SN=ZK-NOT-REGISTERED").status, forbidden);
  EXPECT_EQ(Post(absl::StrCat(kCdata, "?table=ATTLOG"), kAttlog).status, forbidden);
  EXPECT_EQ(Get("/iclock/getrequest").status, forbidden);
  EXPECT_EQ(Get("/iclock/getrequest?SN=").status, forbidden);
  // Parameters are case-sensitive, as devices send them.
  EXPECT_EQ(Post(absl::StrCat(kCdata, "?sn=", kDevice, "&table=ATTLOG"), kAttlog).status,
            forbidden);
  EXPECT_EQ(CountOf("punches"), 0);
  EXPECT_EQ(CountOf("quarantined_punches"), 0);
  EXPECT_EQ(AdmsRequests("cdata", forbidden), 4);
  EXPECT_EQ(AdmsRequests("getrequest", forbidden), 3);
}

TEST_F(AdmsTest, OtherTablesAreAcknowledgedAndIgnored) {
  const auto operlog = Post(absl::StrCat(kCdata, "?SN=", kDevice, "&table=OPERLOG&Stamp=1"),
                            "OPLOG 4\t0\t2025-03-12 07:00:00\t0\t0\t0\t0\n");
  EXPECT_EQ(operlog.status, 200);
  EXPECT_EQ(operlog.body, "OK");
  const auto photo =
      Post(absl::StrCat(kCdata, "?SN=", kDevice, "&table=ATTPHOTO"), "PIN=1\nSN=x\nsize=3\nCMD=u");
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.body, "OK");
  EXPECT_EQ(CountOf("punches"), 0);
}

TEST_F(AdmsTest, GetRequestAndDeviceCmdAnswerOk) {
  const auto get = Get(absl::StrCat("/iclock/getrequest?SN=", kDevice, "&INFO=Ver%206.60,3,2,0"));
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body, "OK");
  const auto cmd = Post(absl::StrCat("/iclock/devicecmd?SN=", kDevice), "ID=1&Return=0&CMD=INFO");
  EXPECT_EQ(cmd.status, 200);
  EXPECT_EQ(cmd.body, "OK");
  EXPECT_EQ(AdmsRequests("getrequest", 200), 1);
  EXPECT_EQ(AdmsRequests("devicecmd", 200), 1);
}

TEST_F(AdmsTest, EveryRequestMarksTheDeviceSeen) {
  const std::string last_seen = "devices WHERE serial_number = 'ZK-DINKES-01' AND ";
  EXPECT_EQ(CountOf(last_seen + "last_seen_time IS NULL"), 1);
  ASSERT_EQ(Get(absl::StrCat("/iclock/getrequest?SN=", kDevice)).status, 200);
  EXPECT_EQ(CountOf(last_seen + "last_seen_time > now() - interval '1 minute'"), 1);

  // Later requests move it on.
  ASSERT_TRUE(att_db().Query("UPDATE devices SET last_seen_time = now() - interval '1 day'").ok());
  ASSERT_EQ(Post(AttlogTarget(kDevice), kAttlog).status, 200);
  EXPECT_EQ(CountOf(last_seen + "last_seen_time > now() - interval '1 minute'"), 1);
}

TEST_F(AdmsTest, SerialIsUrlDecoded) {
  EXPECT_EQ(Post(absl::StrCat(kCdata, "?SN=ZK%2DDINKES%2d01&table=ATTLOG"), kAttlog).body, "OK");
  EXPECT_EQ(CountOf("punches"), 3);
}

TEST_F(AdmsTest, UnknownPathsAndWrongMethodsAreRefused) {
  const auto missing = Get(absl::StrCat("/iclock/nothing?SN=", kDevice));
  EXPECT_EQ(missing.status, HttpOf(absl::StatusCode::kNotFound));
  EXPECT_EQ(Get("/").status, HttpOf(absl::StatusCode::kNotFound));
  EXPECT_EQ(Get(absl::StrCat("/iclock/cdata/x?SN=", kDevice)).status,
            HttpOf(absl::StatusCode::kNotFound));

  auto put = integration::HttpRequest(server_->port(), "PUT", AttlogTarget(kDevice), kAttlog,
                                      "text/plain");
  ASSERT_TRUE(put.ok()) << put.status();
  EXPECT_EQ(put->status, 405);
  EXPECT_THAT(put->headers, HasSubstr("Allow: GET, POST\r\n"));
  const auto post_getrequest = Post(absl::StrCat("/iclock/getrequest?SN=", kDevice), "");
  EXPECT_EQ(post_getrequest.status, 405);
  EXPECT_THAT(post_getrequest.headers, HasSubstr("Allow: GET\r\n"));
  const auto get_devicecmd = Get(absl::StrCat("/iclock/devicecmd?SN=", kDevice));
  EXPECT_EQ(get_devicecmd.status, 405);
  EXPECT_THAT(get_devicecmd.headers, HasSubstr("Allow: POST\r\n"));
  EXPECT_EQ(CountOf("punches"), 0);
  EXPECT_EQ(AdmsRequests("other", HttpOf(absl::StatusCode::kNotFound)), 3);
  EXPECT_EQ(AdmsRequests("cdata", 405), 1);
  EXPECT_EQ(AdmsRequests("getrequest", 405), 1);
  EXPECT_EQ(AdmsRequests("devicecmd", 405), 1);
}

TEST_F(AdmsTest, PunchesNotStoredAreNeverAcknowledged) {
  // The database refuses every insert into punches (as a full disk would).
  ASSERT_TRUE(att_db()
                  .Query("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                         "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$; "
                         "CREATE TRIGGER refuse BEFORE INSERT ON punches "
                         "FOR EACH STATEMENT EXECUTE FUNCTION refuse()")
                  .ok());
  const auto refused = Post(AttlogTarget(kDevice), kAttlog);
  EXPECT_EQ(refused.status, HttpOf(absl::StatusCode::kInternal));
  EXPECT_NE(refused.body, "OK");
  EXPECT_EQ(CountOf("punches"), 0);

  // The device sends them again once the database is back.
  ASSERT_TRUE(att_db().Query("DROP TRIGGER refuse ON punches").ok());
  const auto retried = Post(AttlogTarget(kDevice), kAttlog);
  EXPECT_EQ(retried.status, 200);
  EXPECT_EQ(retried.body, "OK");
  EXPECT_EQ(CountOf("punches"), 3);
}

}  // namespace
}  // namespace ekinerja::attendance::it

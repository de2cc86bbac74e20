#include "adms/adms_handler.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/asio/post.hpp"
#include "boost/asio/thread_pool.hpp"
#include "boost/beast/http/field.hpp"
#include "boost/beast/http/verb.hpp"
#include "domain/attlog.h"
#include "http_status.h"
#include "log.h"

namespace ekinerja::attendance {

namespace http = boost::beast::http;

namespace {

constexpr char kCdata[] = "/iclock/cdata";
constexpr char kGetRequest[] = "/iclock/getrequest";
constexpr char kDeviceCmd[] = "/iclock/devicecmd";

// The `endpoint` label of ekinerja_attendance_adms_requests_total.
constexpr char kCdataLabel[] = "cdata";
constexpr char kGetRequestLabel[] = "getrequest";
constexpr char kDeviceCmdLabel[] = "devicecmd";
constexpr char kOtherLabel[] = "other";

// A known iclock path asked with a method it does not take: 405 with Allow. No gRPC code maps to
// 405 (UNIMPLEMENTED would say 501, "the server cannot do this at all"), so this one code is
// written here rather than taken from HttpStatusFromGrpc.
constexpr int kMethodNotAllowed = 405;

// How many bad ATTLOG lines of one request are logged one by one; the rest only counted.
constexpr size_t kMaxLoggedBadLines = 20;
// The longest serial written to a log line (devices' serials are ~15 characters; the query
// string is the client's).
constexpr size_t kMaxLoggedSerial = 64;

int HttpStatus(absl::StatusCode code) {
  return HttpStatusFromGrpc(static_cast<grpc::StatusCode>(code));
}
const int kOk = HttpStatus(absl::StatusCode::kOk);

absl::string_view Sv(boost::beast::string_view s) { return absl::string_view(s.data(), s.size()); }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded: "+" is a space, "%XX" a byte; a "%" not followed by two hex
// digits stays as it is.
std::string FormDecode(absl::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out.push_back(' ');
    } else if (in[i] == '%' && i + 2 < in.size() && HexDigit(in[i + 1]) >= 0 &&
               HexDigit(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(in[i + 1]) * 16 + HexDigit(in[i + 2])));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

// The decoded value of the first parameter named exactly `name` (case-sensitive, as devices send
// SN, table, options), or nullopt. A parameter without "=" has the value "".
std::optional<std::string> QueryParam(absl::string_view query, absl::string_view name) {
  for (absl::string_view param : absl::StrSplit(query, '&')) {
    const size_t eq = param.find('=');
    const absl::string_view key = param.substr(0, eq);
    if (FormDecode(key) != name) continue;
    return eq == absl::string_view::npos ? std::string() : FormDecode(param.substr(eq + 1));
  }
  return std::nullopt;
}

// The HTTP Date header (RFC 7231 IMF-fixdate). Devices set their clock from it and the TimeZone
// of the options block (PUSH SDK: "the equipment synchronizes its time according to the HTTP
// header"). Spelled out so that no locale can change the names.
std::string HttpDate(absl::Time now) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const absl::CivilSecond t = absl::ToCivilSecond(now, absl::UTCTimeZone());
  const int weekday = static_cast<int>(absl::GetWeekday(t));  // Monday = 0
  return absl::StrFormat("%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[weekday], t.day(),
                         kMonths[t.month() - 1], t.year(), t.hour(), t.minute(), t.second());
}

HttpResponse TextResponse(int status, std::string body) {
  HttpResponse r(static_cast<http::status>(status), 11);
  r.set(http::field::content_type, "text/plain");
  r.set(http::field::date, HttpDate(absl::Now()));
  r.body() = std::move(body);
  return r;
}

// A refusal: the status and its reason phrase as the body.
HttpResponse ErrorResponse(int status) {
  return TextResponse(status, std::string(HttpReason(status)));
}

// The `endpoint` label of a request path.
absl::string_view EndpointOf(absl::string_view path) {
  if (path == kCdata) return kCdataLabel;
  if (path == kGetRequest) return kGetRequestLabel;
  if (path == kDeviceCmd) return kDeviceCmdLabel;
  return kOtherLabel;
}

std::string LoggedSerial(absl::string_view serial) {
  return std::string(serial.substr(0, kMaxLoggedSerial));
}

// The device's UTC offset now, as the TimeZone option says it: whole hours ("7", "8", "9" for
// WIB, WITA, WIT; "-3"), or minutes for a zone off the hour ("330" for +05:30), which firmware
// reads as minutes because it is beyond ±24.
std::string TimeZoneOption(const absl::TimeZone& zone, absl::Time now) {
  const int offset_seconds = zone.At(now).offset;
  if (offset_seconds % 3600 == 0) return absl::StrCat(offset_seconds / 3600);
  return absl::StrCat(offset_seconds / 60);
}

// The options block of the handshake (GET /iclock/cdata?SN=...&options=all): what the device
// uploads and when. No upload stamps are kept here (ATTLOGStamp=None), so a device may send
// records again; punches are idempotent (device, PIN, instant). OPERLOGStamp=9999 and TransFlag
// (attendance logs only) say operation logs, photos and user data are not wanted; Realtime=1 pushes
// each punch as it happens, TransTimes/TransInterval are the batch uploads besides; ErrorDelay and
// Delay are the seconds between retries after an error and between polls of getrequest; TimeZone
// with the Date header sets the device's clock; Encrypt=None: plain text.
std::string OptionsBlock(const std::string& serial, const std::string& time_zone) {
  return absl::StrCat("GET OPTION FROM: ", serial,
                      "\n"
                      "ATTLOGStamp=None\n"
                      "OPERLOGStamp=9999\n"
                      "ATTPHOTOStamp=None\n"
                      "ErrorDelay=30\n"
                      "Delay=10\n"
                      "TransTimes=00:00;14:05\n"
                      "TransInterval=1\n"
                      "TransFlag=TransData AttLog\n"
                      "TimeZone=",
                      time_zone,
                      "\n"
                      "Realtime=1\n"
                      "Encrypt=None\n");
}

HttpResponse Handshake(const store::DeviceRow& device) {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(device.time_zone, &zone)) {
    // Registration checks the zone, so this is a broken installation (no tzdata), not the device.
    LogError(
        "ADMS handshake: the device's time zone does not load",
        {{"tenant", device.tenant}, {"serial", device.serial}, {"time_zone", device.time_zone}});
    return ErrorResponse(HttpStatus(absl::StatusCode::kInternal));
  }
  LogInfo("ADMS handshake", {{"tenant", device.tenant}, {"serial", device.serial}});
  return TextResponse(kOk, OptionsBlock(device.serial, TimeZoneOption(zone, absl::Now())));
}

HttpResponse AttLog(Ingestor& ingestor, const store::DeviceRow& device,
                    const HttpRequest& request) {
  ParsedLog parsed = ParseAttlog(request.message.body());
  for (size_t i = 0; i < parsed.errors.size() && i < kMaxLoggedBadLines; ++i) {
    LogWarn("ADMS ATTLOG line rejected", {{"tenant", device.tenant},
                                          {"serial", device.serial},
                                          {"line", std::to_string(parsed.errors[i].line)},
                                          {"reason", parsed.errors[i].reason}});
  }
  if (parsed.errors.size() > kMaxLoggedBadLines) {
    LogWarn("ADMS ATTLOG: more lines rejected",
            {{"tenant", device.tenant},
             {"serial", device.serial},
             {"not_logged", std::to_string(parsed.errors.size() - kMaxLoggedBadLines)}});
  }
  // A request of bad lines only is acknowledged too: sending them again would not mend them.
  if (parsed.punches.empty()) return TextResponse(kOk, "OK");

  absl::StatusOr<IngestCounts> counts =
      ingestor.IngestLog(device, parsed.punches, store::Source::kAdms);
  if (!counts.ok()) {
    // Never "OK" for punches not stored: the device keeps them and sends them again.
    LogError("ADMS ATTLOG not stored", {{"tenant", device.tenant},
                                        {"serial", device.serial},
                                        {"punches", std::to_string(parsed.punches.size())},
                                        {"error", counts.status().ToString()}});
    return ErrorResponse(HttpStatus(counts.status().code()));
  }
  LogDebug("ADMS ATTLOG stored", {{"tenant", device.tenant},
                                  {"serial", device.serial},
                                  {"accepted", std::to_string(counts->accepted)},
                                  {"duplicate", std::to_string(counts->duplicate)},
                                  {"quarantined", std::to_string(counts->quarantined)},
                                  {"unknown_pin", std::to_string(counts->unknown_pin)},
                                  {"bad_lines", std::to_string(parsed.errors.size())},
                                  {"remote", request.remote_address}});
  return TextResponse(kOk, "OK");
}

// One request, answered: refused (unknown path, wrong method, no or unregistered SN) or served.
HttpResponse Serve(Ingestor& ingestor, const HttpRequest& request, absl::string_view path,
                   absl::string_view query) {
  const http::verb method = request.message.method();
  const bool cdata = path == kCdata;
  if (!cdata && path != kGetRequest && path != kDeviceCmd) {
    // Debug: the port faces the devices' networks, and scanners try every path.
    LogDebug("ADMS path not found",
             {{"path", path.substr(0, 200)}, {"remote", request.remote_address}});
    return ErrorResponse(HttpStatus(absl::StatusCode::kNotFound));
  }
  const char* allow = cdata ? "GET, POST" : path == kGetRequest ? "GET" : "POST";
  const bool allowed = cdata ? (method == http::verb::get || method == http::verb::post)
                       : path == kGetRequest ? method == http::verb::get
                                             : method == http::verb::post;
  if (!allowed) {
    HttpResponse r = ErrorResponse(kMethodNotAllowed);
    r.set(http::field::allow, allow);
    return r;
  }

  const std::string serial = QueryParam(query, "SN").value_or("");
  if (serial.empty()) {
    LogWarn("ADMS request without SN refused",
            {{"path", path}, {"remote", request.remote_address}});
    return ErrorResponse(HttpStatus(absl::StatusCode::kPermissionDenied));
  }
  absl::StatusOr<store::DeviceRow> device = ingestor.SeenDevice(serial);
  if (!device.ok()) {
    if (absl::IsNotFound(device.status())) {
      LogWarn(
          "ADMS request from an unregistered device refused",
          {{"serial", LoggedSerial(serial)}, {"path", path}, {"remote", request.remote_address}});
      return ErrorResponse(HttpStatus(absl::StatusCode::kPermissionDenied));
    }
    LogError("ADMS device lookup failed", {{"serial", LoggedSerial(serial)},
                                           {"path", path},
                                           {"remote", request.remote_address},
                                           {"error", device.status().ToString()}});
    return ErrorResponse(HttpStatus(device.status().code()));
  }

  if (cdata && method == http::verb::get) return Handshake(*device);
  if (cdata && QueryParam(query, "table").value_or("") == "ATTLOG") {
    return AttLog(ingestor, *device, request);
  }
  // POST cdata of another table (OPERLOG, ATTPHOTO, ...), getrequest (no commands are ever
  // queued), devicecmd (results of commands never sent): acknowledged.
  return TextResponse(kOk, "OK");
}

}  // namespace

AdmsHandler::AdmsHandler(Ingestor& ingestor, AttendanceMetrics& metrics, int threads)
    : ingestor_(ingestor),
      metrics_(metrics),
      pool_(std::make_unique<boost::asio::thread_pool>(std::max(1, threads))) {}

AdmsHandler::~AdmsHandler() {
  // Lets the requests already posted finish (their answers go to a server that may have stopped,
  // which drops them); nothing is posted any more since the server stopped before us.
  pool_->join();
}

void AdmsHandler::Handle(HttpRequest request, Responder respond) {
  boost::asio::post(
      *pool_, [this, request = std::move(request), respond = std::move(respond)]() mutable {
        const absl::string_view target = Sv(request.message.target());
        const size_t question = target.find('?');
        const absl::string_view path = target.substr(0, question);
        const absl::string_view query =
            question == absl::string_view::npos ? absl::string_view() : target.substr(question + 1);
        const absl::string_view endpoint = EndpointOf(path);
        HttpResponse response;
        try {
          response = Serve(ingestor_, request, path, query);
        } catch (const std::exception& e) {
          // The answer must go out whatever happened: the connection waits for it.
          LogError("ADMS request failed", {{"path", path.substr(0, 200)}, {"error", e.what()}});
          response = ErrorResponse(HttpStatus(absl::StatusCode::kInternal));
        }
        metrics_.AdmsRequest(endpoint, static_cast<int>(response.result_int()));
        respond(std::move(response));
      });
}

HttpResponse AdmsHandler::Refuse(int http_status, absl::string_view message,
                                 const HttpRequestMessage* header,
                                 absl::string_view remote_address) {
  absl::string_view endpoint = kOtherLabel;
  std::string serial;
  if (header != nullptr) {
    const absl::string_view target = Sv(header->target());
    const size_t question = target.find('?');
    const absl::string_view path = target.substr(0, question);
    endpoint = EndpointOf(path);
    if (question != absl::string_view::npos) {
      serial = LoggedSerial(QueryParam(target.substr(question + 1), "SN").value_or(""));
    }
  }
  LogWarn("ADMS request refused", {{"serial", serial},
                                   {"remote", remote_address},
                                   {"status", std::to_string(http_status)},
                                   {"error", message}});
  metrics_.AdmsRequest(endpoint, http_status);
  return ErrorResponse(http_status);
}

}  // namespace ekinerja::attendance

#pragma once

// Attendance log files as devices write them (DOMAIN §4): the ZKTeco ATTLOG form that devices push
// over ADMS and that USB exports hold, and the CSV export of other systems. Both give the same
// output: the good punches, and one error per bad line with its number. A bad line never stops
// the good ones (ImportAttendanceLog reports the errors and keeps the rest).
//
// Times are the device's wall clock (absl::CivilSecond): the caller knows the device and turns them
// into instants in its zone.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace ekinerja::attendance {

// The longest PIN a device user may have.
inline constexpr size_t kMaxPinLength = 32;

struct LogPunch {
  int line = 0;     // physical line, 1-based
  std::string pin;  // 1..32 ASCII letters and digits
  absl::CivilSecond local_time;
  std::optional<int> status;  // ZKTeco: 0 check-in, 1 check-out, …; unreliable, kept for audit
  std::optional<int> verify;  // ZKTeco: 1 fingerprint, 15 face, …
};

struct LogLineError {
  int line = 0;
  std::string reason;

  bool operator==(const LogLineError& o) const { return line == o.line && reason == o.reason; }
};

struct ParsedLog {
  std::vector<LogPunch> punches;
  std::vector<LogLineError> errors;  // in line order
};

// ATTLOG: one punch per line, tab-separated `PIN, YYYY-MM-DD HH:MM:SS, status, verify, workcode,
// reserved…`; everything after the datetime is optional, workcode and later are ignored. Lines end
// in LF or CRLF; a UTF-8 BOM, blank lines and spaces around a field are accepted.
ParsedLog ParseAttlog(std::string_view text);

// CSV export: a header line naming the columns (`pin` and `datetime` required, `status` and
// `verify` optional; any order, any case), then `pin,datetime[,status,verify]` rows with the same
// field rules as ATTLOG. No quoting (no field can hold a comma). A row may leave out trailing
// optional cells; a row with more cells than the header is an error. A bad header is an error on
// its line and no row is read.
ParsedLog ParseAttendanceCsv(std::string_view text);

// The field checks shared by both forms: PinError is nullopt for a good PIN, else the reason.
// PIN: 1..32 ASCII letters and digits. Datetime: exactly "YYYY-MM-DD HH:MM:SS", a real calendar
// date (year 0001-9999), hours 00-23, minutes and seconds 00-59.
std::optional<std::string> PinError(std::string_view pin);
std::optional<absl::CivilSecond> ParseLogDateTime(std::string_view text);

}  // namespace ekinerja::attendance

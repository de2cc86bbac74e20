// libFuzzer: the attendance log parsers (ATTLOG and CSV export). The same input is read as both
// forms. Parsing never crashes; every non-blank line ends up as exactly one punch or one error (or,
// for CSV, as the header), line numbers rise and stay within the input, and every punch has a valid
// PIN and a time that formats back to the datetime it was read from.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "domain/attlog.h"

namespace {

using ekinerja::attendance::LogPunch;
using ekinerja::attendance::ParseAttendanceCsv;
using ekinerja::attendance::ParseAttlog;
using ekinerja::attendance::ParsedLog;
using ekinerja::attendance::ParseLogDateTime;
using ekinerja::attendance::PinError;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

std::string Format(const absl::CivilSecond& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", static_cast<int>(t.year()),
                t.month(), t.day(), t.hour(), t.minute(), t.second());
  return buf;
}

void CheckLog(const ParsedLog& log, int lines) {
  int last = 0;
  size_t p = 0;
  size_t e = 0;
  // Merge punches and errors by line: strictly rising, no line twice.
  while (p < log.punches.size() || e < log.errors.size()) {
    int line;
    if (e == log.errors.size() ||
        (p < log.punches.size() && log.punches[p].line < log.errors[e].line)) {
      const LogPunch& punch = log.punches[p++];
      Check(!PinError(punch.pin).has_value());
      const std::string text = Format(punch.local_time);
      Check(ParseLogDateTime(text) == punch.local_time);
      Check(!punch.status || (*punch.status >= 0 && *punch.status <= 999));
      Check(!punch.verify || (*punch.verify >= 0 && *punch.verify <= 999));
      line = punch.line;
    } else {
      Check(!log.errors[e].reason.empty());
      line = log.errors[e++].line;
    }
    Check(line > last && line <= lines);
    last = line;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  int lines = 0;
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\n' || i + 1 == input.size()) ++lines;
  }
  CheckLog(ParseAttlog(input), lines);
  CheckLog(ParseAttendanceCsv(input), lines);
  return 0;
}

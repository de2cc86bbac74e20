#include "domain/attlog.h"

#include <array>
#include <string>

#include "civil.h"

namespace ekinerja::attendance {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Quoted for an error message, cut short so that a garbage line cannot make a huge report.
std::string Quote(std::string_view s) {
  constexpr size_t kMax = 40;
  return "\"" + std::string(s.substr(0, kMax)) + (s.size() > kMax ? "...\"" : "\"");
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t from = 0;
  while (true) {
    const size_t at = s.find(sep, from);
    if (at == std::string_view::npos) {
      out.push_back(s.substr(from));
      return out;
    }
    out.push_back(s.substr(from, at - from));
    from = at + 1;
  }
}

// Calls `line_fn(number, line)` for each physical line without its LF or CRLF, after a BOM.
template <typename Fn>
void ForEachLine(std::string_view text, Fn line_fn) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int number = 0;
  while (!text.empty()) {
    ++number;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line_fn(number, line);
  }
}

// A small non-negative code (status, verify): 1..3 digits. Empty is "absent".
std::optional<std::string> ParseCode(std::string_view name, std::string_view text,
                                     std::optional<int>& out) {
  if (text.empty()) return std::nullopt;
  const std::string bad = std::string(name) + " " + Quote(text) + " is not a number 0-999";
  if (text.size() > 3) return bad;
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return bad;
    value = value * 10 + (c - '0');
  }
  out = value;
  return std::nullopt;
}

// The fields of one punch, trimmed: pin, datetime, status, verify ("" when absent). Fills `punch`
// or returns the reason.
std::optional<std::string> ReadPunch(std::string_view pin, std::string_view datetime,
                                     std::string_view status, std::string_view verify,
                                     LogPunch& punch) {
  if (auto err = PinError(pin)) return err;
  if (datetime.empty()) return std::string("datetime is missing");
  const std::optional<absl::CivilSecond> when = ParseLogDateTime(datetime);
  if (!when) {
    return "datetime " + Quote(datetime) + " is not a real time in the form YYYY-MM-DD HH:MM:SS";
  }
  punch.pin = std::string(pin);
  punch.local_time = *when;
  if (auto err = ParseCode("status", status, punch.status)) return err;
  if (auto err = ParseCode("verify", verify, punch.verify)) return err;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> PinError(std::string_view pin) {
  if (pin.empty()) return std::string("PIN is empty");
  if (pin.size() > kMaxPinLength) {
    return "PIN of " + std::to_string(pin.size()) + " characters is longer than 32";
  }
  for (char c : pin) {
    if (!IsAlnum(c)) return "PIN " + Quote(pin) + " has a character other than a letter or digit";
  }
  return std::nullopt;
}

std::optional<absl::CivilSecond> ParseLogDateTime(std::string_view text) {
  if (text.size() != 19 || text[10] != ' ' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const absl::StatusOr<absl::CivilDay> day = ParseDate(text.substr(0, 10));
  if (!day.ok()) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    const char a = text[11 + 3 * i];
    const char b = text[12 + 3 * i];
    if (!IsDigit(a) || !IsDigit(b)) return std::nullopt;
    parts[i] = (a - '0') * 10 + (b - '0');
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return absl::CivilSecond(day->year(), day->month(), day->day(), parts[0], parts[1], parts[2]);
}

ParsedLog ParseAttlog(std::string_view text) {
  ParsedLog out;
  ForEachLine(text, [&](int number, std::string_view line) {
    if (Trim(line).empty()) return;
    const std::vector<std::string_view> fields = Split(line, '\t');
    auto field = [&](size_t i) { return i < fields.size() ? Trim(fields[i]) : std::string_view(); };
    LogPunch punch;
    punch.line = number;
    if (auto err = ReadPunch(field(0), field(1), field(2), field(3), punch)) {
      out.errors.push_back({number, *std::move(err)});
      return;
    }
    out.punches.push_back(std::move(punch));
  });
  return out;
}

ParsedLog ParseAttendanceCsv(std::string_view text) {
  ParsedLog out;
  enum Column { kPin, kDateTime, kStatus, kVerify };
  std::array<int, 4> column = {-1, -1, -1, -1};
  size_t header_cells = 0;
  bool header_seen = false;
  bool header_ok = false;
  ForEachLine(text, [&](int number, std::string_view line) {
    if (Trim(line).empty()) return;
    const std::vector<std::string_view> cells = Split(line, ',');
    if (!header_seen) {
      header_seen = true;
      header_cells = cells.size();
      static constexpr const char* kNames[] = {"pin", "datetime", "status", "verify"};
      for (size_t i = 0; i < cells.size(); ++i) {
        const std::string name = Lower(Trim(cells[i]));
        bool known = false;
        for (int c = 0; c < 4; ++c) {
          if (name != kNames[c]) continue;
          known = true;
          if (column[c] != -1) {
            out.errors.push_back({number, "header names column " + name + " twice"});
            return;
          }
          column[c] = static_cast<int>(i);
        }
        if (!known) {
          out.errors.push_back({number, "header has unknown column " + Quote(Trim(cells[i]))});
          return;
        }
      }
      if (column[kPin] == -1 || column[kDateTime] == -1) {
        out.errors.push_back({number, "header must name the columns pin and datetime"});
        return;
      }
      header_ok = true;
      return;
    }
    if (!header_ok) return;  // reported once, on the header
    if (cells.size() > header_cells) {
      out.errors.push_back({number, std::to_string(cells.size()) + " fields, the header has " +
                                        std::to_string(header_cells)});
      return;
    }
    auto cell = [&](Column c) {
      const int i = column[c];
      return i >= 0 && static_cast<size_t>(i) < cells.size() ? Trim(cells[i]) : std::string_view();
    };
    LogPunch punch;
    punch.line = number;
    if (auto err = ReadPunch(cell(kPin), cell(kDateTime), cell(kStatus), cell(kVerify), punch)) {
      out.errors.push_back({number, *std::move(err)});
      return;
    }
    out.punches.push_back(std::move(punch));
  });
  return out;
}

}  // namespace ekinerja::attendance

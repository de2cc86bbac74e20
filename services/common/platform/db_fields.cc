#include "db_fields.h"

#include "absl/strings/str_cat.h"
#include "civil.h"

namespace ekinerja::db {

absl::Time Micros(const pqxx::field& f) { return absl::FromUnixMicros(f.as<int64_t>()); }

std::optional<absl::Time> OptMicros(const pqxx::field& f) {
  const int64_t us = f.as<int64_t>();
  if (us == 0) return std::nullopt;
  return absl::FromUnixMicros(us);
}

int64_t ToMicros(absl::Time t) { return absl::ToUnixMicros(t); }

absl::CivilDay Day(const pqxx::field& f) { return ParseDate(f.as<std::string>()).value(); }

std::optional<absl::CivilDay> OptDay(const pqxx::field& f) {
  const std::string s = f.as<std::string>();
  if (s.empty()) return std::nullopt;
  return ParseDate(s).value();
}

std::string DayText(std::optional<absl::CivilDay> d) { return d ? FormatDate(*d) : ""; }

namespace {
void AppendQuoted(std::string* out, const std::string& s) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('"');
}
}  // namespace

std::string ArrayLiteral(const std::vector<std::optional<std::string>>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    if (items[i]) {
      AppendQuoted(&out, *items[i]);
    } else {
      out += "NULL";
    }
  }
  out.push_back('}');
  return out;
}

std::string ArrayLiteral(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendQuoted(&out, items[i]);
  }
  out.push_back('}');
  return out;
}

}  // namespace ekinerja::db

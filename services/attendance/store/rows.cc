#include "store/rows.h"

#include <array>
#include <optional>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "db_fields.h"

namespace ekinerja::attendance::store {
namespace {

using db::Day;
using db::Micros;
using db::OptDay;
using db::OptMicros;

// An int[] of seven minutes (NULL for a day off) as array_to_string(a, ',', '') writes it.
std::array<std::optional<int>, 7> MinuteList(const std::string& text) {
  std::array<std::optional<int>, 7> out;
  size_t i = 0;
  for (absl::string_view item : absl::StrSplit(text, ',')) {
    if (i >= out.size()) break;
    int value = 0;
    if (!item.empty() && absl::SimpleAtoi(item, &value)) out[i] = value;
    ++i;
  }
  return out;
}

std::optional<int> OptInt(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<int>();
}

RequestState StateOf(const pqxx::field& f) {
  return ParseRequestState(f.as<std::string>()).value_or(RequestState::kPending);
}

}  // namespace

TemplateRow ToTemplate(const pqxx::row& r) {
  TemplateRow t;
  t.code = r["code"].as<std::string>();
  t.name = r["name"].as<std::string>();
  t.week.code = t.code;
  const auto starts = MinuteList(r["start_minutes"].as<std::string>());
  const auto ends = MinuteList(r["end_minutes"].as<std::string>());
  for (size_t i = 0; i < 7; ++i) {
    if (starts[i] && ends[i]) t.week.days[i] = WorkHours{*starts[i], *ends[i]};
  }
  return t;
}

AssignmentRow ToAssignment(const pqxx::row& r) {
  AssignmentRow a;
  a.id = r["id"].as<int64_t>();
  a.template_code = r["template_code"].as<std::string>();
  a.nip = r["nip"].as<std::string>();
  a.org_unit_code = r["org_unit_code"].as<std::string>();
  a.start = Day(r["start_date"]);
  a.end = OptDay(r["end_date"]);
  return a;
}

RosterEntry ToRosterEntry(const pqxx::row& r) {
  RosterEntry e;
  e.day = Day(r["day"]);
  if (!r["start_minute"].is_null()) {
    e.hours = WorkHours{r["start_minute"].as<int>(), r["end_minute"].as<int>(0)};
  }
  return e;
}

HolidayRow ToHoliday(const pqxx::row& r) {
  return {Day(r["day"]), r["name"].as<std::string>(), r["kind"].as<std::string>()};
}

AbsenceRow ToAbsence(const pqxx::row& r) {
  AbsenceRow a;
  a.id = r["id"].as<int64_t>();
  a.nip = r["nip"].as<std::string>();
  a.kind = r["kind"].as<std::string>();
  a.start = Day(r["start_date"]);
  a.end = Day(r["end_date"]);
  a.reason = r["reason"].as<std::string>();
  a.evidence_uri = r["evidence_uri"].as<std::string>();
  a.state = StateOf(r["state"]);
  a.created_by = r["created_by"].as<std::string>();
  a.decided_by = r["decided_by"].as<std::string>();
  a.decision_note = r["decision_note"].as<std::string>();
  a.decide_time = OptMicros(r["decide_us"]);
  a.create_time = Micros(r["create_us"]);
  return a;
}

CorrectionRow ToCorrection(const pqxx::row& r) {
  CorrectionRow c;
  c.id = r["id"].as<int64_t>();
  c.nip = r["nip"].as<std::string>();
  c.day = Day(r["day"]);
  c.check_in_minute = OptInt(r["check_in_minute"]);
  c.check_out_minute = OptInt(r["check_out_minute"]);
  c.time_zone = r["time_zone"].as<std::string>();
  c.reason = r["reason"].as<std::string>();
  c.evidence_uri = r["evidence_uri"].as<std::string>();
  c.state = StateOf(r["state"]);
  c.created_by = r["created_by"].as<std::string>();
  c.decided_by = r["decided_by"].as<std::string>();
  c.decision_note = r["decision_note"].as<std::string>();
  c.decide_time = OptMicros(r["decide_us"]);
  c.create_time = Micros(r["create_us"]);
  return c;
}

}  // namespace ekinerja::attendance::store

#include "store/calendar_store.h"

#include <utility>

#include "attendance_sql.h"
#include "civil.h"
#include "db_fields.h"
#include "store/rows.h"

namespace ekinerja::attendance::store {
namespace {

using db::DayText;

std::optional<std::string> OptInt(std::optional<int> v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

}  // namespace

bool InsertTemplate(db::Tx& tx, const std::string& tenant, const TemplateRow& row) {
  std::vector<std::optional<std::string>> starts, ends;
  for (const std::optional<WorkHours>& day : row.week.days) {
    starts.push_back(day ? OptInt(day->start_minute) : std::nullopt);
    ends.push_back(day ? OptInt(day->end_minute) : std::nullopt);
  }
  return !tx.Exec(sql::kCalTemplateInsert, tenant, row.code, row.name, db::ArrayLiteral(starts),
                  db::ArrayLiteral(ends))
              .empty();
}

std::optional<TemplateRow> GetTemplate(db::Tx& tx, const std::string& tenant,
                                       const std::string& code) {
  auto r = tx.Exec(sql::kCalTemplateGet, tenant, code);
  if (r.empty()) return std::nullopt;
  return ToTemplate(r[0]);
}

std::vector<TemplateRow> ListTemplates(db::Tx& tx, const std::string& tenant) {
  std::vector<TemplateRow> out;
  for (const auto& r : tx.Exec(sql::kCalTemplateList, tenant)) out.push_back(ToTemplate(r));
  return out;
}

int64_t InsertAssignment(db::Tx& tx, const std::string& tenant, const AssignmentRow& row,
                         const std::string& request_id, bool* replayed) {
  auto r = tx.Exec(sql::kCalAssignmentInsert, tenant, row.template_code, row.nip, row.org_unit_code,
                   FormatDate(row.start), DayText(row.end), request_id);
  *replayed = r.empty();
  if (!r.empty()) return r[0]["id"].as<int64_t>();
  // ON CONFLICT DO NOTHING waited for the other writer of this request id: its row is there.
  std::optional<AssignmentRow> earlier = FindAssignmentByRequestId(tx, tenant, request_id);
  return earlier ? earlier->id : 0;
}

std::optional<AssignmentRow> GetAssignment(db::Tx& tx, const std::string& tenant, int64_t id) {
  auto r = tx.Exec(sql::kCalAssignmentGet, tenant, id);
  if (r.empty()) return std::nullopt;
  return ToAssignment(r[0]);
}

std::optional<AssignmentRow> FindAssignmentByRequestId(db::Tx& tx, const std::string& tenant,
                                                       const std::string& request_id) {
  if (request_id.empty()) return std::nullopt;
  auto r = tx.Exec(sql::kCalAssignmentByRequest, tenant, request_id);
  if (r.empty()) return std::nullopt;
  return ToAssignment(r[0]);
}

std::vector<AssignmentRow> ListAssignments(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip, int64_t after_id, int limit) {
  std::vector<AssignmentRow> out;
  for (const auto& r : tx.Exec(sql::kCalAssignmentList, tenant, nip, after_id, limit)) {
    out.push_back(ToAssignment(r));
  }
  return out;
}

std::vector<AssignmentRow> AllAssignments(db::Tx& tx, const std::string& tenant) {
  std::vector<AssignmentRow> out;
  for (const auto& r : tx.Exec(sql::kCalAssignmentAll, tenant)) out.push_back(ToAssignment(r));
  return out;
}

void UpsertRosterDays(db::Tx& tx, const std::string& tenant, const std::string& nip,
                      const std::vector<RosterEntry>& days) {
  std::vector<std::string> dates;
  std::vector<std::optional<std::string>> starts, ends;
  for (const RosterEntry& e : days) {
    dates.push_back(FormatDate(e.day));
    starts.push_back(e.hours ? OptInt(e.hours->start_minute) : std::nullopt);
    ends.push_back(e.hours ? OptInt(e.hours->end_minute) : std::nullopt);
  }
  tx.Exec(sql::kCalRosterUpsert, tenant, nip, db::ArrayLiteral(dates), db::ArrayLiteral(starts),
          db::ArrayLiteral(ends));
}

std::vector<RosterEntry> ListRosterDays(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, absl::CivilDay first,
                                        absl::CivilDay last) {
  std::vector<RosterEntry> out;
  for (const auto& r :
       tx.Exec(sql::kCalRosterList, tenant, nip, FormatDate(first), FormatDate(last))) {
    out.push_back(ToRosterEntry(r));
  }
  return out;
}

bool InsertHoliday(db::Tx& tx, const std::string& tenant, const HolidayRow& row) {
  return !tx.Exec(sql::kCalHolidayInsert, tenant, FormatDate(row.day), row.name, row.kind).empty();
}

bool DeleteHoliday(db::Tx& tx, const std::string& tenant, absl::CivilDay day) {
  return !tx.Exec(sql::kCalHolidayDelete, tenant, FormatDate(day)).empty();
}

std::vector<HolidayRow> ListHolidays(db::Tx& tx, const std::string& tenant, absl::CivilDay first,
                                     absl::CivilDay last) {
  std::vector<HolidayRow> out;
  for (const auto& r : tx.Exec(sql::kCalHolidayList, tenant, FormatDate(first), FormatDate(last))) {
    out.push_back(ToHoliday(r));
  }
  return out;
}

std::vector<std::string> NipsWithSummaries(db::Tx& tx, const std::string& tenant,
                                           absl::CivilDay first, absl::CivilDay last) {
  std::vector<std::string> out;
  for (const auto& r : tx.Exec(sql::kCalSummaryNips, tenant, FormatDate(first), FormatDate(last))) {
    out.push_back(r["nip"].as<std::string>());
  }
  return out;
}

}  // namespace ekinerja::attendance::store

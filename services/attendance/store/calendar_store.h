#pragma once

// The store of the tenant's calendars as the API edits them (rules are in store.h): schedule
// templates, schedule assignments, roster days and holidays, through the named statements of
// sql/queries_calendar.sql. Each function runs in a transaction the caller holds and filters by
// tenant; rows are the structs of store.h.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "db.h"
#include "store/attendance_store.h"

namespace ekinerja::attendance::store {

// ---- schedule templates ----------------------------------------------------------------------

// Inserts the template; false (nothing written) when the tenant has one with that code.
bool InsertTemplate(db::Tx& tx, const std::string& tenant, const TemplateRow& row);
// The tenant's own template `code` (built-ins are not stored).
std::optional<TemplateRow> GetTemplate(db::Tx& tx, const std::string& tenant,
                                       const std::string& code);
// The tenant's own templates, by code.
std::vector<TemplateRow> ListTemplates(db::Tx& tx, const std::string& tenant);

// ---- schedule assignments --------------------------------------------------------------------

// Inserts the assignment with `request_id` ("" for none) and returns its id. When `request_id`
// was used before, nothing is written and the earlier assignment's id is returned with
// `replayed` set.
int64_t InsertAssignment(db::Tx& tx, const std::string& tenant, const AssignmentRow& row,
                         const std::string& request_id, bool* replayed);
std::optional<AssignmentRow> GetAssignment(db::Tx& tx, const std::string& tenant, int64_t id);
// The assignment created with `request_id`, if any.
std::optional<AssignmentRow> FindAssignmentByRequestId(db::Tx& tx, const std::string& tenant,
                                                       const std::string& request_id);
// Assignments by id after `after_id` (at most `limit`); only `nip`'s own when it is not "".
std::vector<AssignmentRow> ListAssignments(db::Tx& tx, const std::string& tenant,
                                           const std::string& nip, int64_t after_id, int limit);
// Every assignment of the tenant, by id.
std::vector<AssignmentRow> AllAssignments(db::Tx& tx, const std::string& tenant);

// ---- roster days -----------------------------------------------------------------------------

// Inserts or replaces one employee's roster entries, in one statement (days must be distinct).
void UpsertRosterDays(db::Tx& tx, const std::string& tenant, const std::string& nip,
                      const std::vector<RosterEntry>& days);
// The employee's roster entries from `first` to `last`, by day.
std::vector<RosterEntry> ListRosterDays(db::Tx& tx, const std::string& tenant,
                                        const std::string& nip, absl::CivilDay first,
                                        absl::CivilDay last);

// ---- holidays --------------------------------------------------------------------------------

// Inserts the holiday; false (nothing written) when the tenant has one that day.
bool InsertHoliday(db::Tx& tx, const std::string& tenant, const HolidayRow& row);
// Deletes the holiday of `day`; false when there was none.
bool DeleteHoliday(db::Tx& tx, const std::string& tenant, absl::CivilDay day);
// The holidays from `first` to `last`, by day.
std::vector<HolidayRow> ListHolidays(db::Tx& tx, const std::string& tenant, absl::CivilDay first,
                                     absl::CivilDay last);

// ---- summaries -------------------------------------------------------------------------------

// The distinct NIPs with a stored day summary from `first` to `last`, sorted.
std::vector<std::string> NipsWithSummaries(db::Tx& tx, const std::string& tenant,
                                           absl::CivilDay first, absl::CivilDay last);

}  // namespace ekinerja::attendance::store

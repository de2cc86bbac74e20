#pragma once

// Reading the rows of the store's statements, one function per row shape, by column name: the
// statements that return a shape (queries*.sql) name its columns alike, so that every store file
// reads a template, an assignment, a roster day, a holiday, an absence or a correction the same
// way.

#include "pqxx/pqxx"
#include "store/attendance_store.h"

namespace ekinerja::attendance::store {

// code, name, start_minutes and end_minutes (array_to_string(…, ',', ''): '' for a day off).
TemplateRow ToTemplate(const pqxx::row& r);
// id, template_code, nip, org_unit_code, start_date, end_date ('' when open).
AssignmentRow ToAssignment(const pqxx::row& r);
// day, start_minute (NULL: rostered off), end_minute.
RosterEntry ToRosterEntry(const pqxx::row& r);
// day, name, kind.
HolidayRow ToHoliday(const pqxx::row& r);
// The columns of queries_requests.sql's absences and corrections (decide_us 0 while pending).
AbsenceRow ToAbsence(const pqxx::row& r);
CorrectionRow ToCorrection(const pqxx::row& r);

}  // namespace ekinerja::attendance::store

#pragma once

// Month locks (month_lock.h) as each service that holds a month's inputs stores them: its own
// month_locks table (activity V001, attendance V004), read and written through its named
// statements `get` (year, month, locked, reference, locked_by, update_time in microseconds) and
// `set` (tenant, year, month, locked, reference, by), and answered as its own MonthLock message.

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "date_proto.h"
#include "db.h"

namespace ekinerja::db {

struct MonthLockRow {
  int year = 0, month = 0;
  bool locked = false;
  std::string reference, locked_by;
  std::optional<absl::Time> update_time;
};

// The month's lock row (unlocked, without update_time, when there never was one).
MonthLockRow GetMonthLock(Tx& tx, const Query& get, const std::string& tenant, int year, int month);
// Locks or unlocks the month with `reference`, by `by`; the row as it is then.
MonthLockRow SetMonthLock(Tx& tx, const Query& get, const Query& set, const std::string& tenant,
                          int year, int month, bool locked, const std::string& reference,
                          const std::string& by);

// Into a service's MonthLock message (year, month, locked, reference, locked_by, update_time).
template <typename MonthLockProto>
void MonthLockToProto(const MonthLockRow& row, MonthLockProto* out) {
  out->set_year(row.year);
  out->set_month(row.month);
  out->set_locked(row.locked);
  out->set_reference(row.reference);
  out->set_locked_by(row.locked_by);
  if (row.update_time) *out->mutable_update_time() = ToProtoTimestamp(*row.update_time);
}

}  // namespace ekinerja::db

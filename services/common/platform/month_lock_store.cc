#include "month_lock_store.h"

#include "db_fields.h"

namespace ekinerja::db {

MonthLockRow GetMonthLock(Tx& tx, const Query& get, const std::string& tenant, int year,
                          int month) {
  MonthLockRow out;
  out.year = year;
  out.month = month;
  auto r = tx.Exec(get, tenant, year, month);
  if (r.empty()) return out;
  out.locked = r[0]["locked"].as<bool>();
  out.reference = r[0]["reference"].as<std::string>();
  out.locked_by = r[0]["locked_by"].as<std::string>();
  out.update_time = Micros(r[0]["update_time"]);
  return out;
}

MonthLockRow SetMonthLock(Tx& tx, const Query& get, const Query& set, const std::string& tenant,
                          int year, int month, bool locked, const std::string& reference,
                          const std::string& by) {
  tx.Exec(set, tenant, year, month, locked, reference, by);
  return GetMonthLock(tx, get, tenant, year, month);
}

}  // namespace ekinerja::db

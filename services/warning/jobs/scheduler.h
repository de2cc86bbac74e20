#pragma once

// The sweeps' clock (DOMAIN §8): every `interval`, for each tenant whose rule set asks for it
// (WarningRules.scheduled), the daily sweep of every day whose report deadline has passed in the
// tenant's own zone and that no sweep finished yet (at most `catch_up_days` back, oldest first:
// the streaks count the days in order), and the early reminder of today once its hour has come.
// Every replica runs one; the tenant's advisory lock lets one of them sweep a day and the others
// find it done (sweep.h), so nothing is swept twice and a replica that dies is replaced by the
// next one's tick.

#include <functional>
#include <string>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "clients/directory.h"
#include "db.h"
#include "jobs/sweep.h"

namespace ekinerja::warning {

struct SchedulerOptions {
  // 0: no thread (Tick only, as the tests call it).
  absl::Duration interval = absl::Minutes(1);
  int catch_up_days = 7;
};

class Scheduler {
 public:
  Scheduler(db::Pool& pool, clients::Directory& directory, Sweeper& sweeper,
            SchedulerOptions options);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // One pass over the scheduled tenants; how many sweeps it finished.
  int Tick();

 private:
  // The sweeps `tenant` is due; how many finished.
  absl::StatusOr<int> TickTenant(const std::string& tenant);

  db::Pool& pool_;
  clients::Directory& directory_;
  Sweeper& sweeper_;
  const SchedulerOptions options_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace ekinerja::warning

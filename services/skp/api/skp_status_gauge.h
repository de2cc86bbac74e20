#pragma once

// Keeps ekinerja_skp_skps (SKPs by status, SkpMetrics) current: one count over every tenant on
// start and then every `every`, on its own thread, until destroyed. A failed count is logged and
// the gauge keeps its last values. Each replica counts the same shared tables, so every replica
// reports the same figure (dashboards take max, not sum).

#include <memory>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "api/skp_metrics.h"
#include "db.h"

namespace ekinerja::skp {

class SkpStatusGauge {
 public:
  // `every` <= 0: no thread; Refresh() only.
  SkpStatusGauge(db::Pool& pool, std::shared_ptr<SkpMetrics> metrics, absl::Duration every);
  ~SkpStatusGauge();
  SkpStatusGauge(const SkpStatusGauge&) = delete;
  SkpStatusGauge& operator=(const SkpStatusGauge&) = delete;

  // Counts now.
  absl::Status Refresh();

 private:
  db::Pool& pool_;
  std::shared_ptr<SkpMetrics> metrics_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace ekinerja::skp

#include "api/skp_status_gauge.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "log.h"
#include "skp_sql.h"
#include "status.h"

namespace ekinerja::skp {

SkpStatusGauge::SkpStatusGauge(db::Pool& pool, std::shared_ptr<SkpMetrics> metrics,
                               absl::Duration every)
    : pool_(pool), metrics_(std::move(metrics)) {
  if (every <= absl::ZeroDuration()) return;
  thread_ = std::thread([this, every] {
    do {
      if (absl::Status st = Refresh(); !st.ok()) {
        LogError(absl::StrCat("counting SKPs by status: ", st.ToString()));
      }
    } while (!stop_.WaitForNotificationWithTimeout(every));
  });
}

SkpStatusGauge::~SkpStatusGauge() {
  stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

absl::Status SkpStatusGauge::Refresh() {
  std::map<std::string, int64_t> counts;
  EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    for (const auto& r : tx.Exec(sql::kStatusCounts)) {
      counts[r["status"].as<std::string>()] = r["skps"].as<int64_t>();
    }
    return absl::OkStatus();
  }));
  metrics_->SkpsByStatus(counts);
  return absl::OkStatus();
}

}  // namespace ekinerja::skp

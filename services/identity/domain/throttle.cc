#include "domain/throttle.h"

#include <algorithm>

namespace ekinerja::identity {

absl::Duration LoginBackoff(int failures, int free_failures, absl::Duration first,
                            absl::Duration max) {
  if (failures < free_failures) return absl::ZeroDuration();
  absl::Duration d = first;
  for (int i = free_failures; i < failures && d < max; ++i) d *= 2;
  return std::min(d, max);
}

bool SourceThrottle::Allowed(const std::string& source, absl::Time now) {
  absl::MutexLock lock(&mu_);
  auto it = windows_.find(source);
  if (it == windows_.end() || now - it->second.start >= window_) return true;
  return it->second.failures < max_failures_;
}

void SourceThrottle::RecordFailure(const std::string& source, absl::Time now) {
  absl::MutexLock lock(&mu_);
  DropExpired(now);
  Window& w = windows_[source];
  if (w.failures == 0 || now - w.start >= window_) w = Window{now, 0};
  ++w.failures;
}

void SourceThrottle::DropExpired(absl::Time now) {
  // A sweep per window keeps the map as small as the sources of one window.
  if (now - last_sweep_ < window_) return;
  last_sweep_ = now;
  for (auto it = windows_.begin(); it != windows_.end();) {
    if (now - it->second.start >= window_) {
      windows_.erase(it++);
    } else {
      ++it;
    }
  }
}

}  // namespace ekinerja::identity

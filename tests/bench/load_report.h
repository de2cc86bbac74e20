#pragma once

// What every closed-loop load client of tests/bench reports: each worker's latencies of good
// answers inside the measured window and its errors, merged into one line
//   <name> <concurrency> <requests> <seconds> <rps> <p50_ms> <p99_ms> <errors>
// with nearest-rank percentiles; error kinds and workers that could not start go to stderr.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace ekinerja::bench {

struct WorkerResult {
  std::vector<uint32_t> latencies_us;  // good answers inside the measured window
  int64_t errors = 0;                  // other answers inside the window
  std::map<std::string, int64_t> error_kinds;
  std::string setup_error;  // the worker could not start
};

// The shape of a closed-loop run, checked: "" when sound, else what is wrong with the flags.
struct LoadPlan {
  int concurrency = 0, seconds = 0, warmup = 0;
  int64_t max_requests = 0;
  int64_t PerWorkerCap() const { return std::max<int64_t>(1, max_requests / concurrency); }
};
inline std::string CheckLoadPlan(const LoadPlan& p, int max_concurrency, int max_seconds) {
  if (p.concurrency < 1 || p.concurrency > max_concurrency) {
    return "--concurrency must be 1.." + std::to_string(max_concurrency);
  }
  if (p.seconds < 1 || p.seconds > max_seconds) {
    return "--seconds must be 1.." + std::to_string(max_seconds);
  }
  if (p.warmup < 0 || p.warmup > 60) return "--warmup_seconds must be 0..60";
  if (p.max_requests < 1) return "--max_requests must be positive";
  return "";
}

// Prints the line; returns the exit code (1 when a worker could not start or nothing succeeded).
inline int Report(const char* tool, const std::string& name, int concurrency, int seconds,
                  const std::vector<WorkerResult>& results) {
  std::vector<uint32_t> all;
  int64_t errors = 0;
  std::map<std::string, int64_t> kinds;
  int failed_setups = 0;
  for (size_t w = 0; w < results.size(); ++w) {
    const WorkerResult& r = results[w];
    if (!r.setup_error.empty() && ++failed_setups <= 3) {
      std::fprintf(stderr, "%s: %s worker %zu: %s\n", tool, name.c_str(), w, r.setup_error.c_str());
    }
    all.insert(all.end(), r.latencies_us.begin(), r.latencies_us.end());
    errors += r.errors;
    for (const auto& [k, v] : r.error_kinds) kinds[k] += v;
  }
  for (const auto& [k, v] : kinds) {
    std::fprintf(stderr, "%s: %s: %lld x %s\n", tool, name.c_str(), static_cast<long long>(v),
                 k.c_str());
  }
  if (failed_setups > 0) {
    std::fprintf(stderr, "%s: %d of %d %s workers could not start\n", tool, failed_setups,
                 concurrency, name.c_str());
    return 1;
  }
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) -> double {
    if (all.empty()) return 0;
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(all.size())));
    rank = std::clamp<size_t>(rank, 1, all.size());
    return all[rank - 1] / 1000.0;
  };
  std::printf("%s %d %zu %d %.1f %.2f %.2f %lld\n", name.c_str(), concurrency, all.size(), seconds,
              static_cast<double>(all.size()) / seconds, pct(50), pct(99),
              static_cast<long long>(errors));
  std::fflush(stdout);
  return all.empty() ? 1 : 0;
}

}  // namespace ekinerja::bench

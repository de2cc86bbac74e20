#include "civil.h"

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace ekinerja {
namespace {

// The input quoted for an error message, cut short: requests may carry megabytes in one field.
std::string Quote(std::string_view s) {
  constexpr size_t kMax = 40;
  return "\"" + std::string(s.substr(0, kMax)) + (s.size() > kMax ? "...\"" : "\"");
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Value of the decimal digits s[from, from + n); the caller has checked they are digits.
int Digits(std::string_view s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// IANA names are ASCII letters, digits and "/_-+" ("America/Port-au-Prince", "Etc/GMT+7").
// absl (cctz) would also read "localtime" (the machine's zone) or any absolute file path, neither
// of which may come from a request.
bool LooksLikeIanaName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name == "localtime") return false;
  if (name.find("..") != std::string_view::npos) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '/' ||
              c == '_' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

class ZoneCache {
 public:
  absl::StatusOr<absl::TimeZone> Get(std::string_view name) {
    {
      absl::ReaderMutexLock lock(&mu_);
      // absl::string_view is not std::string_view in Debian's abseil
      // (ABSL_OPTION_USE_STD_STRING_VIEW is 0), so the heterogeneous lookup needs the absl type.
      auto it = zones_.find(absl::string_view(name.data(), name.size()));
      if (it != zones_.end()) return it->second;
    }
    absl::TimeZone tz;
    // Only successes are cached: the set of real zones is bounded, the set of bad names is not.
    if (!LooksLikeIanaName(name) || !absl::LoadTimeZone(std::string(name), &tz)) {
      return absl::InvalidArgumentError("unknown time zone " + Quote(name));
    }
    absl::MutexLock lock(&mu_);
    zones_.emplace(std::string(name), tz);
    return tz;
  }

 private:
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, absl::TimeZone> zones_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

absl::StatusOr<absl::CivilDay> ParseDate(std::string_view iso) {
  auto bad = [&] {
    return absl::InvalidArgumentError(Quote(iso) + " is not a date in the form YYYY-MM-DD");
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return bad();
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!IsDigit(iso[i])) return bad();
  }
  const int year = Digits(iso, 0, 4);
  const int month = Digits(iso, 5, 2);
  const int day = Digits(iso, 8, 2);
  // absl::CivilDay normalises (2026-02-30 becomes 2026-03-02), so an impossible date shows up as a
  // round trip that changes a field.
  const absl::CivilDay d(year, month, day);
  if (year == 0 || d.year() != year || d.month() != month || d.day() != day) {
    return absl::InvalidArgumentError(Quote(iso) + " is not a calendar date");
  }
  return d;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::StatusOr<absl::TimeZone> LoadZone(std::string_view iana) {
  static ZoneCache* cache = new ZoneCache();  // Never destroyed: used from any thread until exit.
  return cache->Get(iana);
}

bool IsIndonesianZone(std::string_view iana) {
  return iana == "Asia/Jakarta" || iana == "Asia/Makassar" || iana == "Asia/Jayapura";
}

absl::CivilDay LocalDay(absl::Time t, absl::TimeZone tz) { return absl::ToCivilDay(t, tz); }

absl::Time StartOfDay(absl::CivilDay day, absl::TimeZone tz) {
  const absl::TimeZone::TimeInfo info = tz.At(absl::CivilSecond(day));
  // In a skipped hour `pre` would lie before the transition, i.e. in the previous day.
  return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
}

bool DateRange::Contains(absl::CivilDay day) const {
  return day >= start && (!end.has_value() || day <= *end);
}

}  // namespace ekinerja

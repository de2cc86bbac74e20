#include "api/rpc_support.h"

#include <utility>

#include "absl/strings/strip.h"
#include "date_proto.h"
#include "domain/work_dates.h"
#include "log.h"
#include "status.h"

namespace ekinerja::attendance {

void RecomputeAfterCommit(Recomputer& recomputer, const std::string& tenant,
                          std::vector<store::DayKey> keys) {
  if (keys.empty()) return;
  const size_t count = keys.size();
  absl::StatusOr<int64_t> done = recomputer.Recompute(tenant, std::move(keys));
  if (!done.ok()) {
    LogWarn("recompute after a change failed; the days stay dirty for the next reader",
            {{"days", std::to_string(count)}, {"error", done.status().message()}});
  }
}

std::vector<store::DayKey> DayKeys(const std::vector<std::string>& nips, absl::CivilDay first,
                                   absl::CivilDay last) {
  std::vector<store::DayKey> keys;
  if (last < first) return keys;
  keys.reserve(nips.size() * static_cast<size_t>(last - first + 1));
  for (const std::string& nip : nips) {
    for (absl::CivilDay d = first; d <= last; ++d) keys.push_back({nip, d});
  }
  return keys;
}

absl::StatusOr<absl::CivilDay> ParseWorkDate(const WorkDateWindow& window,
                                             const google::type::Date& date,
                                             const std::string& field) {
  if (!IsSet(date)) return InvalidField(field, "required");
  EK_ASSIGN_OR_RETURN(const absl::CivilDay day, FromProtoDate(date, field));
  if (std::optional<std::string> error = WorkDateError(window, day))
    return InvalidField(field, *error);
  return day;
}

absl::StatusOr<DateRange> ParseDateSpan(const WorkDateWindow& window,
                                        const google::type::Date& start,
                                        const google::type::Date& end, const std::string& prefix,
                                        bool end_required) {
  return FromProtoDateRange(start, end, prefix, end_required,
                            [&](absl::CivilDay day) { return WorkDateError(window, day); });
}

absl::Status NotFoundAsField(const absl::Status& status, const std::string& field) {
  if (!absl::IsNotFound(status)) return status;
  return InvalidField(field, std::string(status.message()));
}

std::string EnumSuffix(const std::string& name, std::string_view prefix) {
  absl::string_view n(name);
  absl::ConsumePrefix(&n, absl::string_view(prefix.data(), prefix.size()));
  return std::string(n);
}

}  // namespace ekinerja::attendance

#include "api/rpc_support.h"

#include <utility>

#include "absl/strings/strip.h"
#include "date_proto.h"
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

absl::StatusOr<DateSpan> ParseDateSpan(const google::type::Date& start,
                                       const google::type::Date& end, const std::string& prefix,
                                       bool end_required) {
  Violations v;
  std::optional<absl::CivilDay> s, e;
  if (!IsSet(start)) {
    v.Add(prefix + "start_date", "required");
  } else {
    absl::StatusOr<absl::CivilDay> parsed = FromProtoDate(start, prefix + "start_date");
    v.Merge(parsed.status());
    if (parsed.ok()) s = *parsed;
  }
  if (!IsSet(end)) {
    if (end_required) v.Add(prefix + "end_date", "required");
  } else {
    absl::StatusOr<absl::CivilDay> parsed = FromProtoDate(end, prefix + "end_date");
    v.Merge(parsed.status());
    if (parsed.ok()) e = *parsed;
    if (s && e && *e < *s) v.Add(prefix + "end_date", "before start_date");
  }
  EK_RETURN_IF_ERROR(v.ToStatus());
  return DateSpan{*s, e};
}

absl::Status ValidateRequestId(const std::string& request_id, const std::string& field) {
  if (request_id.size() > 128) return InvalidField(field, "at most 128 characters");
  return absl::OkStatus();
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

#include "pipeline/recompute.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "civil.h"
#include "domain/calendar.h"
#include "domain/day_classifier.h"
#include "log.h"
#include "status.h"

namespace ekinerja::attendance {
namespace {

// Keys per transaction: bounds the statement sizes and the time a chunk holds its locks.
constexpr size_t kChunkKeys = 20000;
// Advisory-lock buckets of NIPs; a recompute locks the buckets of its employees.
constexpr int kLockBuckets = 1024;

// Everything one chunk's days are computed from, indexed for the per-day lookups.
class DayContext {
 public:
  DayContext(store::RecomputeInputs in,
             absl::flat_hash_map<std::string, std::vector<std::string>> unit_paths)
      : in_(std::move(in)), unit_paths_(std::move(unit_paths)) {
    templates_.emplace(DefaultFiveDayWeek().code, DefaultFiveDayWeek());
    templates_.emplace(DefaultSixDayWeek().code, DefaultSixDayWeek());
    for (const auto& t : in_.templates) templates_.insert_or_assign(t.code, t.week);
    for (const auto& r : in_.roster) roster_[r.nip].push_back(r.entry);
    for (const auto& h : in_.holidays) holidays_.insert(h.day);
    for (size_t i = 0; i < in_.punches.size(); ++i) {
      auto& range = punches_[in_.punches[i].nip];
      if (range.second == 0) range.first = i;
      range.second = i + 1;
    }
  }

  const store::RulesRow& rules() const { return in_.rules; }

  absl::StatusOr<store::SummaryRow> Compute(const store::DayKey& key) const {
    store::SummaryRow row;
    row.nip = key.nip;
    row.day = key.day;

    static const std::vector<RosterEntry> kNoRoster;
    static const std::vector<std::string> kNoPath;
    const auto roster = roster_.find(key.nip);
    const auto path = unit_paths_.find(key.nip);
    const std::string code = TemplateCodeOn(
        key.day, key.nip, path == unit_paths_.end() ? kNoPath : path->second, in_.assignments);
    const auto week = templates_.find(code);
    if (week == templates_.end()) {
      return absl::FailedPreconditionError(absl::StrCat("schedule template ", code, " is missing"));
    }

    DayInputs inputs;
    inputs.date = key.day;
    inputs.hours =
        HoursFor(key.day, week->second, roster == roster_.end() ? kNoRoster : roster->second);
    inputs.holiday = holidays_.count(key.day) > 0;
    inputs.tiers = in_.rules.tiers;
    inputs.window_margin_minutes = in_.rules.window_margin_minutes;
    for (const auto& a : in_.absences) {
      if (a.nip == key.nip && a.start <= key.day && key.day <= a.end) {
        inputs.absence = AbsenceCategory(a.kind);
        row.absence_id = a.id;
        row.absence_kind = a.kind;
        break;  // the earliest approved absence covering the day
      }
    }

    // The employee's punches within two days of the date; the shift window picks its own.
    const absl::Time from = StartOfDay(key.day - 2, absl::UTCTimeZone());
    const absl::Time to = StartOfDay(key.day + 3, absl::UTCTimeZone());
    if (const auto range = punches_.find(key.nip); range != punches_.end()) {
      for (size_t i = range->second.first; i < range->second.second; ++i) {
        const auto& p = in_.punches[i];
        if (p.at < from || p.at >= to) continue;
        EK_ASSIGN_OR_RETURN(absl::TimeZone zone, LoadZone(p.time_zone));
        inputs.punches.push_back({p.at, zone});
      }
    }
    // Approved corrections add the punches the devices missed, on the tenant's wall clock of
    // their filing.
    for (const auto& c : in_.corrections) {
      if (c.nip != key.nip || c.day != key.day) continue;
      EK_ASSIGN_OR_RETURN(absl::TimeZone zone, LoadZone(c.time_zone));
      for (const Punch& p :
           CorrectionPunches(key.day, inputs.hours, c.check_in_minute, c.check_out_minute, zone)) {
        inputs.punches.push_back(p);
      }
      row.correction_id = c.id;
    }

    row.scheduled = inputs.hours;
    if (inputs.holiday) row.scheduled.reset();
    row.summary = ClassifyDay(inputs);
    row.checked_in = row.summary.first_in.has_value() ||
                     (row.absence_id != 0 && inputs.absence == AbsenceKind::kDinasLuar);
    return row;
  }

 private:
  store::RecomputeInputs in_;
  absl::flat_hash_map<std::string, std::vector<std::string>> unit_paths_;
  std::map<std::string, WeekTemplate> templates_;
  absl::flat_hash_map<std::string, std::vector<RosterEntry>> roster_;
  std::set<absl::CivilDay> holidays_;
  // [first, last) of each employee's punches in in_.punches (sorted by nip, instant).
  absl::flat_hash_map<std::string, std::pair<size_t, size_t>> punches_;
};

}  // namespace

Recomputer::Recomputer(db::Pool& pool, clients::Directory& directory, AttendanceMetrics& metrics)
    : pool_(pool), directory_(directory), metrics_(metrics) {}

absl::StatusOr<absl::CivilDay> Recomputer::LastStorableDay(const std::string& tenant) {
  store::RulesRow rules;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
    rules = store::GetRules(tx, tenant);
    return absl::OkStatus();
  }));
  EK_ASSIGN_OR_RETURN(absl::TimeZone zone, LoadZone(rules.time_zone));
  return LocalDay(absl::Now(), zone) + 1;
}

absl::StatusOr<int64_t> Recomputer::Recompute(const std::string& tenant,
                                              std::vector<store::DayKey> keys) {
  const absl::Time start = absl::Now();
  EK_ASSIGN_OR_RETURN(const absl::CivilDay last_storable, LastStorableDay(tenant));
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const store::DayKey& k) { return k.day > last_storable; }),
             keys.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  int64_t stored = 0;
  for (size_t begin = 0; begin < keys.size();) {
    // A chunk ends between employees, so that each employee's days are computed together.
    size_t end = std::min(keys.size(), begin + kChunkKeys);
    while (end < keys.size() && keys[end].nip == keys[end - 1].nip) ++end;
    const std::vector<store::DayKey> chunk(keys.begin() + begin, keys.begin() + end);
    begin = end;

    std::vector<std::string> nips;
    absl::CivilDay first = chunk.front().day, last = chunk.front().day;
    for (const auto& k : chunk) {
      if (nips.empty() || nips.back() != k.nip) nips.push_back(k.nip);
      first = std::min(first, k.day);
      last = std::max(last, k.day);
    }
    std::vector<std::string> buckets;
    for (const auto& nip : nips) {
      // std::hash of a string is the same in every replica (absl::Hash is seeded per process).
      buckets.push_back(
          std::to_string(std::hash<std::string>{}(tenant + "/" + nip) % kLockBuckets));
    }
    std::sort(buckets.begin(), buckets.end());
    buckets.erase(std::unique(buckets.begin(), buckets.end()), buckets.end());

    size_t left = 0;  // frozen days of the chunk, not stored
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::LockNipBuckets(tx, buckets);
      // A stored day of a locked month stays as the TPP run read it (and dirty, until unlocked).
      std::vector<store::DayKey> open = chunk;
      const std::vector<store::DayKey> frozen = store::FrozenKeys(tx, tenant, nips, first, last);
      if (!frozen.empty()) {
        open.erase(std::remove_if(open.begin(), open.end(),
                                  [&](const store::DayKey& k) {
                                    return std::binary_search(frozen.begin(), frozen.end(), k);
                                  }),
                   open.end());
      }
      left = chunk.size() - open.size();
      store::RecomputeInputs in = store::LoadRecomputeInputs(tx, tenant, nips, first, last);
      absl::flat_hash_map<std::string, std::vector<std::string>> paths;
      const bool by_unit = std::any_of(in.assignments.begin(), in.assignments.end(),
                                       [](const auto& a) { return !a.org_unit_code.empty(); });
      if (by_unit) {
        // Units as identity has them on the chunk's last day (employees rarely move mid-range).
        EK_ASSIGN_OR_RETURN(std::string token, directory_.ServiceToken(tenant));
        EK_ASSIGN_OR_RETURN(auto employees, directory_.EmployeesOf(token, "", last));
        for (auto& e : employees) paths.emplace(e.nip, std::move(e.unit_path));
      }
      const DayContext context(std::move(in), std::move(paths));
      std::vector<store::SummaryRow> rows;
      rows.reserve(open.size());
      for (const auto& key : open) {
        EK_ASSIGN_OR_RETURN(store::SummaryRow row, context.Compute(key));
        rows.push_back(std::move(row));
      }
      store::UpsertSummaries(tx, tenant, rows);
      return absl::OkStatus();
    }));
    stored += static_cast<int64_t>(chunk.size() - left);
  }
  metrics_.Recomputed(stored, absl::Now() - start);
  return stored;
}

absl::StatusOr<int64_t> Recomputer::Refresh(const std::string& tenant,
                                            const std::vector<std::string>& nips,
                                            absl::CivilDay first, absl::CivilDay last) {
  EK_ASSIGN_OR_RETURN(const absl::CivilDay last_storable, LastStorableDay(tenant));
  last = std::min(last, last_storable);
  if (nips.empty() || last < first) return 0;
  std::vector<store::DayKey> stale;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
    stale = store::StaleKeys(tx, tenant, nips, first, last);
    return absl::OkStatus();
  }));
  if (stale.empty()) return 0;
  return Recompute(tenant, std::move(stale));
}

}  // namespace ekinerja::attendance

#include "domain/org.h"

#include <algorithm>
#include <deque>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "civil.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

// This abseil build has its own string_view, distinct from std's; map lookups go through it.
absl::string_view Key(std::string_view s) { return absl::string_view(s.data(), s.size()); }

const std::string* Find(const absl::flat_hash_map<std::string, std::string>& map,
                        std::string_view key) {
  auto it = map.find(Key(key));
  return it == map.end() ? nullptr : &it->second;
}

bool InForce(absl::CivilDay start, const std::optional<absl::CivilDay>& end, absl::CivilDay day) {
  return DateRange{start, end}.Contains(day);
}

// Definitive before Plt before Plh when choosing who holds a position.
// Who acts for a position when several hold it that day. A Plh is appointed for the days the
// holder is away (cuti, dinas luar), so while in force the Plh acts; a Plt fills a vacancy, so the
// definitive holder comes before them.
int Rank(AssignmentKind kind) {
  switch (kind) {
    case AssignmentKind::kPlh:
      return 0;
    case AssignmentKind::kDefinitif:
      return 1;
    case AssignmentKind::kPlt:
      return 2;
  }
  return 3;
}

}  // namespace

absl::Status ValidateOrgTree(const std::vector<OrgUnit>& units, std::string_view field) {
  Violations violations;
  const std::string f(field);
  absl::flat_hash_map<std::string, std::string> parent;
  for (const OrgUnit& u : units) {
    if (!parent.emplace(u.code, u.parent_code).second) {
      violations.Add(f, absl::StrCat("org unit code \"", u.code, "\" appears more than once"));
    }
  }
  for (const OrgUnit& u : units) {
    if (!u.parent_code.empty() && !parent.contains(u.parent_code)) {
      violations.Add(
          f, absl::StrCat("org unit \"", u.code, "\" has unknown parent \"", u.parent_code, "\""));
    }
  }
  // Walk up from every unit once; a unit met again on the current walk closes a loop.
  enum State { kOnWalk, kDone };
  absl::flat_hash_map<std::string, State> state;
  for (const OrgUnit& u : units) {
    std::vector<std::string> walk;
    std::string code = u.code;
    while (!code.empty() && parent.contains(code)) {
      auto it = state.find(code);
      if (it != state.end()) {
        if (it->second == kOnWalk) {
          auto first = std::find(walk.begin(), walk.end(), code);
          std::vector<std::string> loop(first, walk.end());
          loop.push_back(code);
          violations.Add(
              f, absl::StrCat("org units form a parent loop: ", absl::StrJoin(loop, " -> ")));
        }
        break;
      }
      state[code] = kOnWalk;
      walk.push_back(code);
      code = parent[code];
    }
    for (const std::string& c : walk) state[c] = kDone;
  }
  return violations.ToStatus("invalid org tree");
}

OrgIndex::OrgIndex(const OrgSnapshot& snapshot, absl::CivilDay date) : date_(date) {
  for (const OrgUnit& u : snapshot.units) parent_of_unit_.emplace(u.code, u.parent_code);
  for (const Position& p : snapshot.positions) {
    unit_of_position_.emplace(p.code, p.org_unit_code);
    if (!p.head_of_unit) continue;
    // At most one head per unit is the rule; should the data break it, the smaller code wins so
    // that the answer does not depend on load order.
    auto [it, inserted] = head_of_unit_.emplace(p.org_unit_code, p.code);
    if (!inserted && p.code < it->second) it->second = p.code;
  }

  // Each employee's own position: the definitive assignment in force with the latest start.
  for (const Assignment& a : snapshot.assignments) {
    if (a.kind != AssignmentKind::kDefinitif || !InForce(a.start, a.end, date)) continue;
    Holding h{a.nip, a.position_code, a.kind, a.start};
    auto [it, inserted] = own_position_.emplace(a.nip, h);
    if (inserted) continue;
    const Holding& cur = it->second;
    if (h.start > cur.start || (h.start == cur.start && h.position_code < cur.position_code)) {
      it->second = std::move(h);
    }
  }

  // Who holds each position. A definitive assignment counts only if it is the employee's own
  // position that day (an overlapping older one is superseded, not a second chair).
  const auto better = [](const Holding& x, const Holding& y) {
    if (Rank(x.kind) != Rank(y.kind)) return Rank(x.kind) < Rank(y.kind);
    if (x.start != y.start) return x.start > y.start;
    return x.nip < y.nip;
  };
  for (const Assignment& a : snapshot.assignments) {
    if (!InForce(a.start, a.end, date)) continue;
    if (a.kind == AssignmentKind::kDefinitif &&
        own_position_.find(a.nip)->second.position_code != a.position_code) {
      continue;
    }
    Holding h{a.nip, a.position_code, a.kind, a.start};
    auto [it, inserted] = holder_.emplace(a.position_code, h);
    if (inserted) continue;
    if (better(h, it->second)) it->second = std::move(h);
  }

  // The override in force per employee and role: latest start, then the later in the snapshot.
  absl::flat_hash_map<std::string, const Override*> atasan_override;
  absl::flat_hash_map<std::string, const Override*> penilai_override;
  for (const Override& o : snapshot.overrides) {
    if (o.supervisor_nip == o.nip || !InForce(o.start, o.end, date)) continue;
    auto& chosen =
        (o.role == SupervisorRole::kAtasanLangsung ? atasan_override : penilai_override)[o.nip];
    if (chosen == nullptr || o.start >= chosen->start) chosen = &o;
  }
  const auto override_ref = [&](const Override& o) {
    SupervisorRef ref{o.supervisor_nip, "", AssignmentKind::kDefinitif,
                      SupervisorSource::kOverride};
    auto own = own_position_.find(o.supervisor_nip);
    if (own != own_position_.end()) ref.position_code = own->second.position_code;
    return ref;
  };

  supervisors_.reserve(own_position_.size());
  for (const auto& [nip, own] : own_position_) {
    Supervisors s;
    auto o = atasan_override.find(nip);
    s.atasan_langsung = o != atasan_override.end() ? override_ref(*o->second)
                                                   : TreeSupervisorOf(nip, own.position_code);
    auto p = penilai_override.find(nip);
    s.pejabat_penilai = p != penilai_override.end() ? override_ref(*p->second) : s.atasan_langsung;
    if (s.atasan_langsung) direct_subordinates_[s.atasan_langsung->nip].push_back(nip);
    supervisors_.emplace(nip, std::move(s));
  }
  for (auto& [supervisor, subordinates] : direct_subordinates_) {
    std::sort(subordinates.begin(), subordinates.end());
  }
}

std::optional<SupervisorRef> OrgIndex::TreeSupervisorOf(std::string_view nip,
                                                        std::string_view own_position) const {
  const std::string* own_unit = Find(unit_of_position_, own_position);
  if (own_unit == nullptr) return std::nullopt;
  std::string_view unit = *own_unit;
  // A tree has fewer levels than units; more steps than that means a parent loop.
  for (size_t step = 0; step <= parent_of_unit_.size() && !unit.empty(); ++step) {
    if (const std::string* head = Find(head_of_unit_, unit)) {
      auto holder = holder_.find(Key(*head));
      // A vacant head, or one held by the employee themselves, sends the question one level up.
      if (holder != holder_.end() && holder->second.nip != nip) {
        return SupervisorRef{
            holder->second.nip, *head, holder->second.kind,
            step == 0 ? SupervisorSource::kHeadOfUnit : SupervisorSource::kParentUnit};
      }
    }
    const std::string* parent = Find(parent_of_unit_, unit);
    if (parent == nullptr) break;
    unit = *parent;
  }
  return std::nullopt;
}

absl::StatusOr<Supervisors> OrgIndex::SupervisorsOf(std::string_view nip) const {
  auto it = supervisors_.find(Key(nip));
  if (it == supervisors_.end()) {
    return absl::NotFoundError(absl::StrCat(
        "employee ", Key(nip), " has no definitive assignment on ", absl::FormatCivilTime(date_)));
  }
  return it->second;
}

std::vector<std::string> OrgIndex::DirectSubordinates(std::string_view supervisor_nip) const {
  auto it = direct_subordinates_.find(Key(supervisor_nip));
  if (it == direct_subordinates_.end()) return {};
  return it->second;
}

std::vector<std::string> OrgIndex::AllSubordinates(std::string_view supervisor_nip) const {
  std::vector<std::string> found;
  absl::flat_hash_set<absl::string_view> seen = {Key(supervisor_nip)};
  std::vector<absl::string_view> queue = {Key(supervisor_nip)};
  while (!queue.empty()) {
    absl::string_view next = queue.back();
    queue.pop_back();
    auto it = direct_subordinates_.find(next);
    if (it == direct_subordinates_.end()) continue;
    for (const std::string& s : it->second) {
      if (!seen.insert(s).second) continue;
      found.push_back(s);
      queue.push_back(s);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

bool OrgIndex::HasSubordinates(std::string_view nip) const {
  return direct_subordinates_.contains(Key(nip));
}

std::optional<std::string> OrgIndex::DefinitivePositionOf(std::string_view nip) const {
  auto it = own_position_.find(Key(nip));
  if (it == own_position_.end()) return std::nullopt;
  return it->second.position_code;
}

std::optional<std::string> OrgIndex::UnitOf(std::string_view nip) const {
  auto it = own_position_.find(Key(nip));
  if (it == own_position_.end()) return std::nullopt;
  const std::string* unit = Find(unit_of_position_, it->second.position_code);
  if (unit == nullptr) return std::nullopt;
  return *unit;
}

std::string AdministeringPosition(const std::vector<Assignment>& assignments, absl::CivilDay day) {
  const Assignment* in_force = nullptr;
  const Assignment* latest = nullptr;
  for (const auto& a : assignments) {
    if (a.kind != AssignmentKind::kDefinitif) continue;
    if (InForce(a.start, a.end, day) && (in_force == nullptr || a.start > in_force->start)) {
      in_force = &a;
    }
    if (latest == nullptr || a.start > latest->start) latest = &a;
  }
  if (in_force != nullptr) return in_force->position_code;
  return latest == nullptr ? "" : latest->position_code;
}

std::vector<std::string> SubtreeOf(const std::vector<OrgUnit>& units, const std::string& root) {
  absl::flat_hash_map<std::string, std::vector<std::string>> children;
  bool known = false;
  for (const auto& u : units) {
    children[u.parent_code].push_back(u.code);
    known = known || u.code == root;
  }
  std::vector<std::string> out;
  if (!known) return out;
  absl::flat_hash_set<std::string> seen;
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    std::string code = std::move(queue.front());
    queue.pop_front();
    if (!seen.insert(code).second) continue;
    for (const auto& c : children[code]) queue.push_back(c);
    out.push_back(std::move(code));
  }
  return out;
}

DefinitiveSuccession SucceedDefinitive(const std::vector<Assignment>& assignments,
                                       std::string_view position, absl::CivilDay start) {
  DefinitiveSuccession out;
  for (size_t i = 0; i < assignments.size(); ++i) {
    const Assignment& a = assignments[i];
    if (a.kind != AssignmentKind::kDefinitif) continue;
    if (a.end && *a.end < start) continue;
    if (a.position_code == position && a.start <= start) {
      out.unchanged = true;
    } else if (a.start < start) {
      out.to_end.push_back(i);
    } else {
      out.conflicts.push_back(a.start);
    }
  }
  return out;
}

LoginRoles LoginRolesOf(const OrgIndex* org, const std::string& nip, const std::string& admin_unit,
                        const std::vector<Role>& granted) {
  LoginRoles out;
  out.org_unit = admin_unit;
  if (!nip.empty() && org != nullptr) {
    out.roles.push_back(Role::kPegawai);
    if (org->HasSubordinates(nip)) out.roles.push_back(Role::kAtasan);
    if (std::optional<std::string> unit = org->UnitOf(nip)) out.org_unit = *unit;
  }
  out.roles.insert(out.roles.end(), granted.begin(), granted.end());
  return out;
}

}  // namespace ekinerja::identity

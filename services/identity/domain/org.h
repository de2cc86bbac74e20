#pragma once

// Supervisor resolution on the OPD tree (DOMAIN §1): who is an employee's atasan langsung and
// pejabat penilai on a given day, and whom a supervisor supervises. Pure: the store loads an
// OrgSnapshot, OrgIndex answers from it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "role.h"

namespace ekinerja::identity {

enum class AssignmentKind {
  kDefinitif,  // the employee's own position
  kPlt,        // pelaksana tugas: acting in a vacant position
  kPlh,        // pelaksana harian: acting while the holder is away
};

struct OrgUnit {
  std::string code;
  std::string parent_code;  // "" = root (an OPD)
};

struct Position {
  std::string code;
  std::string org_unit_code;
  bool head_of_unit = false;
};

// An employee holding a position from `start` to `end`, both inclusive; no end = open.
struct Assignment {
  std::string nip;
  std::string position_code;
  AssignmentKind kind = AssignmentKind::kDefinitif;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;
};

enum class SupervisorRole { kAtasanLangsung, kPejabatPenilai };

// An explicit supervisor that wins over the tree, from `start` to `end` (inclusive).
struct Override {
  std::string nip;
  std::string supervisor_nip;
  SupervisorRole role = SupervisorRole::kAtasanLangsung;
  absl::CivilDay start;
  std::optional<absl::CivilDay> end;
};

// Everything needed to resolve supervisors on one date (the store loads it; it may hold more than
// is in force that day: OrgIndex filters by date).
struct OrgSnapshot {
  std::vector<OrgUnit> units;
  std::vector<Position> positions;
  std::vector<Assignment> assignments;
  std::vector<Override> overrides;
};

enum class SupervisorSource {
  kHeadOfUnit,  // the head of the employee's own unit
  kParentUnit,  // the employee heads their unit (or its head is vacant): the head of a unit above
  kOverride,    // an explicit Override
};

struct SupervisorRef {
  std::string nip;
  // The position through which they supervise and how they hold it. For an override: the
  // supervisor's definitive position that day ("" if none), kind kDefinitif.
  std::string position_code;
  AssignmentKind kind = AssignmentKind::kDefinitif;
  SupervisorSource source = SupervisorSource::kHeadOfUnit;

  bool operator==(const SupervisorRef& o) const {
    return nip == o.nip && position_code == o.position_code && kind == o.kind && source == o.source;
  }
};

struct Supervisors {
  std::optional<SupervisorRef> atasan_langsung;  // nullopt at the top of the tree
  std::optional<SupervisorRef> pejabat_penilai;
};

// Checks that the units form a forest: codes are unique, every parent_code names a unit of the
// list, and no parent chain loops. INVALID_ARGUMENT with one violation on `field` per problem
// (run it on the tree as it would be after a CreateOrgUnit/UpdateOrgUnit).
absl::Status ValidateOrgTree(const std::vector<OrgUnit>& units,
                             std::string_view field = "org_unit.parent_code");

// The position through which an admin's scope reaches an employee (DESIGN §5: an ADMIN_OPD
// administers only the employees of their subtree): their definitive position in force on `day`,
// else the definitive position they held or will hold latest (an employee between positions stays
// with the unit they were last in); "" for an employee never placed, whom any admin of the tenant
// may place. `assignments` are the employee's own.
std::string AdministeringPosition(const std::vector<Assignment>& assignments, absl::CivilDay day);

// The codes of `root` and every unit below it, root first, breadth first (empty if `root` is not a
// unit of the list): an ADMIN_OPD's scope (DESIGN §5). A parent chain that loops cannot hang it.
std::vector<std::string> SubtreeOf(const std::vector<OrgUnit>& units, const std::string& root);

// An employee holds one definitive position at a time (DOMAIN §1): placing them in `position` from
// `start` (an import row, a mutasi) keeps a definitive assignment to the same position that has
// already begun, ends the day before `start` every other one in force then, and refuses to rewrite
// history: a definitive assignment beginning on or after `start` (other than the same position's
// own start) is a conflict. Assignments that ended before `start` and acting ones are left alone.
struct DefinitiveSuccession {
  bool unchanged = false;                 // `position` is already held from on or before `start`
  std::vector<size_t> to_end;             // indices into the assignments, to end on start - 1
  std::vector<absl::CivilDay> conflicts;  // starts of definitive assignments that block `start`
};
DefinitiveSuccession SucceedDefinitive(const std::vector<Assignment>& assignments,
                                       std::string_view position, absl::CivilDay start);

// The org as it stands on one date, indexed once so that every query is a lookup.
//
// Rules (DOMAIN §1), all on `date`, with start and end dates inclusive:
// - An employee's own position is their definitive assignment in force (if several overlap, the
//   latest start; then the smaller position code). Without one they are not in the org that day.
// - Who acts for a position: a Plh in force (appointed while the holder is away), else its
//   definitive holder (one whose own position it is), else a Plt (appointed to a vacancy); among
//   equals the latest start, then the smaller NIP.
// - Atasan langsung: the holder of the head position of the employee's unit; when that head
//   position is vacant or held by the employee themselves (they head the unit, or act in it as
//   Plt/Plh), the holder of the parent unit's head, and so on up. Nobody above the root; a parent
//   chain that loops, or names an unknown unit, ends the climb.
// - An Override for kAtasanLangsung in force wins (latest start, then later in the snapshot).
//   The pejabat penilai is the atasan langsung unless a kPejabatPenilai override is in force.
//   Overrides naming the employee as their own supervisor are ignored.
class OrgIndex {
 public:
  OrgIndex(const OrgSnapshot& snapshot, absl::CivilDay date);

  absl::CivilDay date() const { return date_; }

  // NOT_FOUND if `nip` has no definitive assignment in force on date().
  absl::StatusOr<Supervisors> SupervisorsOf(std::string_view nip) const;

  // Those whose atasan langsung is `supervisor_nip` (overrides included), sorted by NIP.
  std::vector<std::string> DirectSubordinates(std::string_view supervisor_nip) const;
  // Everyone below `supervisor_nip` through the atasan langsung relation, sorted, without
  // duplicates and without `supervisor_nip` itself (override cycles cannot hang it).
  std::vector<std::string> AllSubordinates(std::string_view supervisor_nip) const;
  // True when someone has `nip` as atasan langsung: the derived ATASAN role (DESIGN §5).
  bool HasSubordinates(std::string_view nip) const;

  // The employee's own position on date(), and its unit.
  std::optional<std::string> DefinitivePositionOf(std::string_view nip) const;
  std::optional<std::string> UnitOf(std::string_view nip) const;

 private:
  struct Holding {
    std::string nip;
    std::string position_code;
    AssignmentKind kind = AssignmentKind::kDefinitif;
    absl::CivilDay start;
  };

  std::optional<SupervisorRef> TreeSupervisorOf(std::string_view nip,
                                                std::string_view own_position) const;

  absl::CivilDay date_;
  absl::flat_hash_map<std::string, std::string> parent_of_unit_;
  absl::flat_hash_map<std::string, std::string> head_of_unit_;  // unit -> head position
  absl::flat_hash_map<std::string, std::string> unit_of_position_;
  absl::flat_hash_map<std::string, Holding> own_position_;  // nip -> definitive holding
  absl::flat_hash_map<std::string, Holding> holder_;        // position -> who holds it
  absl::flat_hash_map<std::string, Supervisors> supervisors_;
  absl::flat_hash_map<std::string, std::vector<std::string>> direct_subordinates_;
};

// What a login's token says on `org`'s date (DESIGN §5): PEGAWAI for an employee's login (`nip`
// set), ATASAN while someone has them as atasan langsung, then the roles granted to the account;
// and the org unit: the employee's own unit that day, else the account's admin unit. `org` is read
// only for an employee's login (it may be null otherwise).
struct LoginRoles {
  std::vector<Role> roles;
  std::string org_unit;
};
LoginRoles LoginRolesOf(const OrgIndex* org, const std::string& nip, const std::string& admin_unit,
                        const std::vector<Role>& granted);

}  // namespace ekinerja::identity

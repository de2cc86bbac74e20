#pragma once

// The daily status of one employee on one date (DOMAIN §4, and §6.3 for how a missing check-in or
// check-out is tiered): HADIR, TERLAMBAT, PULANG_CEPAT, both, TANPA_KETERANGAN, the approved
// absence, or LIBUR; with first in, last out, minutes late and early, and the TL/PSW tiers that the
// TPP disiplin deductions count.
//
// How punches are read:
// - A punch's time is read on the wall clock of its DEVICE's zone (DESIGN §6): an employee who
//   punches in WITA and out in WIT has each punch compared with the schedule in that device's zone.
// - The shift window of a work date runs from `start − window_margin_minutes` (inclusive) to
//   `end + window_margin_minutes` (exclusive), default 4 hours each side, in minutes from the work
//   date's local midnight: 03:30–20:00 for a 07:30–16:00 day, 18:00 to 10:00 the next morning for a
//   22:00–06:00 night shift. Only punches inside the window count for the date; the caller passes
//   the punches of the date and its neighbours and the window picks them.
// - The device's IN/OUT flag is ignored (it is unreliable): of two or more punches the first (in
//   local time, ties by instant) is the check-in and the last the check-out.
// - A single punch before the midpoint of the scheduled hours is a check-in without a check-out
//   (PSW tier 4); at or after the midpoint it is a check-out without a check-in (TL tier 4).
// - Minutes late = whole minutes from the scheduled start to the check-in, floored, 0 when on time
//   or early: 07:30:59 is 0 minutes late, 07:31:00 is 1. Minutes early = whole minutes from the
//   check-out to the scheduled end, floored: 15:59:01 for a 16:00 end is 0 minutes early.
// - Precedence: a holiday or a day off is LIBUR; otherwise an approved absence covering the day
//   gives the absence's status (it wins over missing punches and over punches, which are still
//   reported as first in / last out but carry no minutes or tiers); otherwise no punch in the
//   window is TANPA_KETERANGAN (which carries no TL/PSW tier, DOMAIN §6.3); otherwise the tiers
//   decide HADIR / TERLAMBAT / PULANG_CEPAT / TERLAMBAT_DAN_PULANG_CEPAT (a missing check-out makes
//   the day PULANG_CEPAT with PSW tier 4, a missing check-in TERLAMBAT with TL tier 4).
// - Windows of neighbouring days may overlap (a night shift ending 06:00 before a 07:30 day
//   shift): each day claims every punch in its own window; rosters that chain shifts that closely
//   need a smaller window_margin_minutes.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/schedule.h"

namespace ekinerja::attendance {

// Absences with a reason (DOMAIN §4), approved; kNone when no absence covers the day.
enum class AbsenceKind { kNone, kIzin, kSakit, kCuti, kDinasLuar, kTugasBelajar };

enum class DayStatus {
  kHadir,
  kTerlambat,
  kPulangCepat,
  kTerlambatDanPulangCepat,
  kTanpaKeterangan,
  kIzin,
  kSakit,
  kCuti,
  kDinasLuar,
  kTugasBelajar,
  kLibur,
};

// "HADIR", "TERLAMBAT_DAN_PULANG_CEPAT", "DINAS_LUAR", … (the names of the API's enum values).
std::string_view DayStatusName(DayStatus status);
// The status of a name DayStatusName gives; nullopt for any other text.
std::optional<DayStatus> DayStatusFromName(std::string_view name);

// The late/early tiers (DOMAIN §4 table) as data: tier n covers minutes up to `max_minutes[n-1]`
// inclusive, tier 4 everything above max_minutes[2]; 0 minutes is tier 0.
struct TierThresholds {
  std::array<int, 3> max_minutes{};
};

// The default of DOMAIN §4 (Permentan 68/2012 style): 1–30, 31–60, 61–90, 91+.
TierThresholds DefaultTierThresholds();

// The tier (0–4) of `minutes` late or early.
int TierOf(int minutes, const TierThresholds& tiers);

// One fingerprint/face punch: the instant and the zone of the device it was made on.
struct Punch {
  absl::Time at;
  absl::TimeZone zone;
};

struct DayInputs {
  absl::CivilDay date;
  std::optional<WorkHours> hours;  // nullopt: a day off (weekend, rostered off)
  bool holiday = false;            // national holiday or cuti bersama of the tenant
  AbsenceKind absence = AbsenceKind::kNone;
  std::vector<Punch> punches;  // any order; those outside the shift window are ignored
  TierThresholds tiers = DefaultTierThresholds();
  int window_margin_minutes = 4 * 60;
};

// A punch as the summary reports it: the instant and the wall-clock time on its device.
struct LocalPunch {
  absl::Time at;
  absl::CivilSecond local;

  bool operator==(const LocalPunch& o) const { return at == o.at && local == o.local; }
};

struct DaySummary {
  DayStatus status = DayStatus::kTanpaKeterangan;
  std::optional<LocalPunch> first_in;  // nullopt: no check-in
  std::optional<LocalPunch> last_out;  // nullopt: no check-out
  int minutes_late = 0;
  int minutes_early = 0;
  int tl_tier = 0;   // terlambat: 0–4
  int psw_tier = 0;  // pulang sebelum waktunya: 0–4
};

DaySummary ClassifyDay(const DayInputs& inputs);

}  // namespace ekinerja::attendance

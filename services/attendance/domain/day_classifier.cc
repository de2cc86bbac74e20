#include "domain/day_classifier.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace ekinerja::attendance {
namespace {

// A punch inside the window, with its offset in seconds from the work date's local midnight.
struct WindowPunch {
  int64_t offset_seconds;
  LocalPunch punch;
};

DayStatus AbsenceStatus(AbsenceKind kind) {
  switch (kind) {
    case AbsenceKind::kIzin:
      return DayStatus::kIzin;
    case AbsenceKind::kSakit:
      return DayStatus::kSakit;
    case AbsenceKind::kCuti:
      return DayStatus::kCuti;
    case AbsenceKind::kDinasLuar:
      return DayStatus::kDinasLuar;
    case AbsenceKind::kTugasBelajar:
      return DayStatus::kTugasBelajar;
    case AbsenceKind::kNone:
      break;
  }
  return DayStatus::kTanpaKeterangan;
}

// Whole minutes of a positive span, floored; 0 for a span of zero or less.
int WholeMinutes(int64_t seconds) { return seconds > 0 ? static_cast<int>(seconds / 60) : 0; }

}  // namespace

std::optional<DayStatus> DayStatusFromName(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(DayStatus::kLibur); ++i) {
    const auto status = static_cast<DayStatus>(i);
    if (DayStatusName(status) == name) return status;
  }
  return std::nullopt;
}

std::string_view DayStatusName(DayStatus status) {
  switch (status) {
    case DayStatus::kHadir:
      return "HADIR";
    case DayStatus::kTerlambat:
      return "TERLAMBAT";
    case DayStatus::kPulangCepat:
      return "PULANG_CEPAT";
    case DayStatus::kTerlambatDanPulangCepat:
      return "TERLAMBAT_DAN_PULANG_CEPAT";
    case DayStatus::kTanpaKeterangan:
      return "TANPA_KETERANGAN";
    case DayStatus::kIzin:
      return "IZIN";
    case DayStatus::kSakit:
      return "SAKIT";
    case DayStatus::kCuti:
      return "CUTI";
    case DayStatus::kDinasLuar:
      return "DINAS_LUAR";
    case DayStatus::kTugasBelajar:
      return "TUGAS_BELAJAR";
    case DayStatus::kLibur:
      return "LIBUR";
  }
  return "UNSPECIFIED";
}

TierThresholds DefaultTierThresholds() { return TierThresholds{{30, 60, 90}}; }

int TierOf(int minutes, const TierThresholds& tiers) {
  if (minutes <= 0) return 0;
  for (int i = 0; i < 3; ++i) {
    if (minutes <= tiers.max_minutes[i]) return i + 1;
  }
  return 4;
}

DaySummary ClassifyDay(const DayInputs& in) {
  DaySummary out;
  if (in.holiday || !in.hours) {
    out.status = DayStatus::kLibur;
    return out;
  }
  const WorkHours& hours = *in.hours;
  const int64_t start = int64_t{hours.start_minute} * 60;
  const int64_t end = int64_t{hours.end_minute} * 60;
  const int64_t margin = int64_t{in.window_margin_minutes} * 60;
  const absl::CivilSecond midnight(in.date);

  std::vector<WindowPunch> window;
  for (const Punch& p : in.punches) {
    const absl::CivilSecond local = absl::ToCivilSecond(p.at, p.zone);
    const int64_t offset = local - midnight;
    if (offset >= start - margin && offset < end + margin) {
      window.push_back({offset, {p.at, local}});
    }
  }
  std::sort(window.begin(), window.end(), [](const WindowPunch& a, const WindowPunch& b) {
    return std::tie(a.offset_seconds, a.punch.at) < std::tie(b.offset_seconds, b.punch.at);
  });

  if (in.absence != AbsenceKind::kNone) {
    out.status = AbsenceStatus(in.absence);
    if (!window.empty()) {
      out.first_in = window.front().punch;
      if (window.size() > 1) out.last_out = window.back().punch;
    }
    return out;
  }
  if (window.empty()) {
    out.status = DayStatus::kTanpaKeterangan;
    return out;
  }

  std::optional<WindowPunch> in_punch;
  std::optional<WindowPunch> out_punch;
  if (window.size() >= 2) {
    in_punch = window.front();
    out_punch = window.back();
  } else if (2 * window.front().offset_seconds < start + end) {  // before the midpoint
    in_punch = window.front();
  } else {
    out_punch = window.front();
  }

  if (in_punch) {
    out.first_in = in_punch->punch;
    out.minutes_late = WholeMinutes(in_punch->offset_seconds - start);
    out.tl_tier = TierOf(out.minutes_late, in.tiers);
  } else {
    out.tl_tier = 4;  // check-out without check-in (DOMAIN §6.3)
  }
  if (out_punch) {
    out.last_out = out_punch->punch;
    out.minutes_early = WholeMinutes(end - out_punch->offset_seconds);
    out.psw_tier = TierOf(out.minutes_early, in.tiers);
  } else {
    out.psw_tier = 4;  // check-in without check-out (DOMAIN §6.3)
  }

  const bool late = out.tl_tier > 0;
  const bool early = out.psw_tier > 0;
  out.status = late && early ? DayStatus::kTerlambatDanPulangCepat
               : late        ? DayStatus::kTerlambat
               : early       ? DayStatus::kPulangCepat
                             : DayStatus::kHadir;
  return out;
}

}  // namespace ekinerja::attendance

#pragma once

// Absences as requests (DOMAIN §4): the kinds of absence by the names the API and the store use,
// and the check of an absence's dates. How each kind counts for a day is AbsenceCategory
// (domain/calendar.h).

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"

namespace ekinerja::attendance {

// The absence kinds, as stored and as the API's enum names without "ABSENCE_KIND_" (the enum's
// order): IZIN, SAKIT, CUTI_TAHUNAN, CUTI_BESAR, CUTI_SAKIT, CUTI_MELAHIRKAN, CUTI_ALASAN_PENTING,
// DINAS_LUAR, TUGAS_BELAJAR.
const std::array<std::string_view, 9>& AbsenceKindNames();
bool IsAbsenceKindName(std::string_view name);

// The longest absence: its end at most this many days after its start (tugas belajar is entered
// per year).
inline constexpr int kMaxAbsenceSpanDays = 366;

// nullopt when [start, end] is a valid absence range, else the reason (end before start, longer
// than kMaxAbsenceSpanDays).
std::optional<std::string> AbsenceRangeError(absl::CivilDay start, absl::CivilDay end);

}  // namespace ekinerja::attendance

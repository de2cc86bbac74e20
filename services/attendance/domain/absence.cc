#include "domain/absence.h"

#include "absl/strings/str_cat.h"

namespace ekinerja::attendance {

const std::array<std::string_view, 9>& AbsenceKindNames() {
  static constexpr std::array<std::string_view, 9> kNames = {
      "IZIN",          "SAKIT",           "CUTI_TAHUNAN",        "CUTI_BESAR",
      "CUTI_SAKIT",    "CUTI_MELAHIRKAN", "CUTI_ALASAN_PENTING", "DINAS_LUAR",
      "TUGAS_BELAJAR",
  };
  return kNames;
}

bool IsAbsenceKindName(std::string_view name) {
  for (std::string_view n : AbsenceKindNames()) {
    if (n == name) return true;
  }
  return false;
}

std::optional<std::string> AbsenceRangeError(absl::CivilDay start, absl::CivilDay end) {
  if (end < start) return std::string("before start_date");
  if (end - start > kMaxAbsenceSpanDays) {
    return absl::StrCat("at most ", kMaxAbsenceSpanDays, " days after start_date");
  }
  return std::nullopt;
}

}  // namespace ekinerja::attendance

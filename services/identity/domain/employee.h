#pragma once

#include <string_view>

#include "absl/status/statusor.h"

namespace ekinerja::identity {

// Employment status (DOMAIN §1). Only kAktif employees owe daily reports and receive TPP.
enum class EmploymentStatus {
  kAktif,
  kCltn,  // cuti di luar tanggungan negara
  kTugasBelajar,
  kPensiun,
  kMutasiKeluar,
  kDiberhentikan,
};

// "aktif", "cltn", "tugas_belajar", "pensiun", "mutasi_keluar", "diberhentikan" (case-insensitive,
// as SIMPEG exports and the CSV import spell them). Anything else is INVALID_ARGUMENT with one
// violation on `field`.
absl::StatusOr<EmploymentStatus> ParseEmploymentStatus(std::string_view text,
                                                       std::string_view field);

// The lower-case name ParseEmploymentStatus reads: EmploymentStatusName(kTugasBelajar) ==
// "tugas_belajar".
std::string_view EmploymentStatusName(EmploymentStatus status);

}  // namespace ekinerja::identity

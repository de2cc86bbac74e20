#include "domain/employee.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

constexpr std::pair<EmploymentStatus, std::string_view> kNames[] = {
    {EmploymentStatus::kAktif, "aktif"},
    {EmploymentStatus::kCltn, "cltn"},
    {EmploymentStatus::kTugasBelajar, "tugas_belajar"},
    {EmploymentStatus::kPensiun, "pensiun"},
    {EmploymentStatus::kMutasiKeluar, "mutasi_keluar"},
    {EmploymentStatus::kDiberhentikan, "diberhentikan"},
};

}  // namespace

absl::StatusOr<EmploymentStatus> ParseEmploymentStatus(std::string_view text,
                                                       std::string_view field) {
  const std::string lower = absl::AsciiStrToLower(std::string(text));
  for (const auto& [status, name] : kNames) {
    if (lower == name) return status;
  }
  return InvalidField(std::string(field),
                      absl::StrCat("status must be one of aktif, cltn, tugas_belajar, pensiun, "
                                   "mutasi_keluar, diberhentikan; got \"",
                                   std::string(text), "\""));
}

std::string_view EmploymentStatusName(EmploymentStatus status) {
  for (const auto& [s, name] : kNames) {
    if (s == status) return name;
  }
  return "";
}

}  // namespace ekinerja::identity

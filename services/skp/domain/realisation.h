#pragma once

// Realisation during the year (DOMAIN §2; PermenPANRB 6/2022, realisasi and bukti dukung per
// periode penilaian): the employee records, per IKI, what was realised in a period of the SKP's
// evaluation kind (monthly or quarterly, the rules in force on the SKP's start date) or for the
// whole year, with evidence: a link, or one small file of an accepted type.

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "domain/periods.h"
#include "status.h"

namespace ekinerja::skp {

// The evidence file types the service keeps: "application/pdf", "image/jpeg", "image/png".
bool IsEvidenceContentType(std::string_view content_type);

// What an evidence of a realisation may be: none, an https:// link, or a file (`has_file`) of an
// accepted type and 1..max_bytes bytes with a name; never both. One violation per bad field:
// "evidence_link", "evidence_file" (both given), "evidence_file.file_name",
// "evidence_file.content_type", "evidence_file.content". Text rules of the link and the name are
// the caller's (text.h).
std::vector<FieldViolation> EvidenceViolations(std::string_view link, bool has_file,
                                               std::string_view file_name,
                                               std::string_view content_type, int64_t size_bytes,
                                               int64_t max_bytes);

}  // namespace ekinerja::skp

#pragma once

// Evidence (bukti dukung) of a recorded piece of work: a link, or one small file of an accepted
// type. The SKP service's realisations (DOMAIN §2; PermenPANRB 6/2022, realisasi and bukti dukung
// per periode penilaian) and the activity service's daily entries (DOMAIN §5, "evidence (file or
// link)") take the same kinds.

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "status.h"

namespace ekinerja {

// The evidence file types the services keep: "application/pdf", "image/jpeg", "image/png".
bool IsEvidenceContentType(absl::string_view content_type);

// What an evidence may be: none, an https:// link, or a file (`has_file`) of an accepted type and
// 1..max_bytes bytes with a name; never both. One violation per bad field: "evidence_link",
// "evidence_file" (both given), "evidence_file.file_name", "evidence_file.content_type",
// "evidence_file.content". Text rules of the link and the name are the caller's (text.h).
std::vector<FieldViolation> EvidenceViolations(absl::string_view link, bool has_file,
                                               absl::string_view file_name,
                                               absl::string_view content_type, int64_t size_bytes,
                                               int64_t max_bytes);

// Adds to `v` one violation per bad evidence field, each named `prefix` + the field above: the
// text rules of the link (kUriText) and the file name (kNameText) first, then
// EvidenceViolations. What every RPC that takes evidence checks.
void CheckEvidence(Violations& v, absl::string_view prefix, absl::string_view link, bool has_file,
                   absl::string_view file_name, absl::string_view content_type, int64_t size_bytes,
                   int64_t max_bytes);

}  // namespace ekinerja

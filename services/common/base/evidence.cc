#include "evidence.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "text.h"

namespace ekinerja {

bool IsEvidenceContentType(absl::string_view content_type) {
  return content_type == "application/pdf" || content_type == "image/jpeg" ||
         content_type == "image/png";
}

std::vector<FieldViolation> EvidenceViolations(absl::string_view link, bool has_file,
                                               absl::string_view file_name,
                                               absl::string_view content_type, int64_t size_bytes,
                                               int64_t max_bytes) {
  std::vector<FieldViolation> out;
  if (!link.empty() && link.substr(0, 8) != "https://") {
    out.push_back({"evidence_link", "an https:// link"});
  }
  if (!has_file) return out;
  if (!link.empty()) {
    out.push_back({"evidence_file", "at most one of evidence_link and evidence_file"});
  }
  if (file_name.empty()) out.push_back({"evidence_file.file_name", "required"});
  if (!IsEvidenceContentType(content_type)) {
    out.push_back({"evidence_file.content_type", "application/pdf, image/jpeg or image/png"});
  }
  if (size_bytes < 1 || size_bytes > max_bytes) {
    out.push_back({"evidence_file.content", absl::StrCat("1 to ", max_bytes, " bytes")});
  }
  return out;
}

void CheckEvidence(Violations& v, absl::string_view prefix, absl::string_view link, bool has_file,
                   absl::string_view file_name, absl::string_view content_type, int64_t size_bytes,
                   int64_t max_bytes) {
  const bool link_text = CheckText(v, absl::StrCat(prefix, "evidence_link"), link, kUriText);
  const bool name_text =
      CheckText(v, absl::StrCat(prefix, "evidence_file.file_name"), file_name, kNameText);
  for (FieldViolation& e :
       EvidenceViolations(link, has_file, file_name, content_type, size_bytes, max_bytes)) {
    // One violation per field: the text rule's comes first.
    if ((e.field == "evidence_link" && !link_text) ||
        (e.field == "evidence_file.file_name" && !name_text)) {
      continue;
    }
    v.Add(absl::StrCat(prefix, e.field), std::move(e.description));
  }
}

}  // namespace ekinerja

// libFuzzer: the absence import's CSV parser (ImportAbsences), outside data typed into
// spreadsheets. Parsing never crashes; every row it returns is one that passed every check (an
// 18-digit NIP, a known kind, end not before start and at most 366 days on, a bounded reason),
// rows come in rising line order, and a file with any violation is never half accepted silently:
// violations and rows may both be present, and the caller rejects the import on any violation.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/absence.h"
#include "domain/absence_csv.h"
#include "status.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ekinerja::attendance;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ekinerja::Violations violations;
  const std::vector<AbsenceImportRow> rows = ParseAbsenceCsv(text, WorkDateWindow{}, violations);
  int last_line = 0;
  for (const auto& r : rows) {
    Check(r.line > last_line);
    last_line = r.line;
    Check(r.nip.size() == 18);
    for (char c : r.nip) Check(c >= '0' && c <= '9');
    Check(IsAbsenceKindName(r.kind));
    Check(r.start <= r.end && r.end - r.start <= 366);
    Check(!TextProblem(r.reason, kReasonText));
  }
  for (const auto& v : violations.list()) Check(!v.field.empty());
  return 0;
}

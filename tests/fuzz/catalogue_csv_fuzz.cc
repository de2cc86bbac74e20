// libFuzzer: the norma waktu catalogue import's CSV parser (ImportCatalogue), outside data typed
// into spreadsheets. Parsing never crashes; every item it returns passes CatalogueItemViolations,
// codes are unique within the file, and every problem names a field.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "absl/strings/string_view.h"
#include "domain/catalogue.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ekinerja::activity;
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const CatalogueImport got = ParseCatalogueCsv(text);
  std::set<std::string> codes;
  for (const CatalogueItem& item : got.items) {
    Check(CatalogueItemViolations(item, "").empty());
    Check(codes.insert(item.code).second);
  }
  for (const auto& v : got.problems) Check(!v.field.empty());
  Check(!got.items.empty() || !got.problems.empty());
  return 0;
}

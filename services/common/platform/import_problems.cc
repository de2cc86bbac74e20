#include "import_problems.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"

namespace ekinerja {

int ImportLineOf(absl::string_view field) {
  int line = 0;
  if (!absl::ConsumePrefix(&field, "rows[")) return 0;
  if (!absl::SimpleAtoi(field.substr(0, field.find(']')), &line)) return 0;
  return line;
}

void AddImportProblems(const std::vector<FieldViolation>& violations, google::rpc::Code code,
                       google::protobuf::RepeatedPtrField<type::v1::ImportProblem>* out) {
  for (const FieldViolation& v : violations) {
    type::v1::ImportProblem* p = out->Add();
    p->set_line(ImportLineOf(v.field));
    p->set_field(v.field);
    p->set_description(v.description);
    p->set_code(code);
  }
  std::stable_sort(out->pointer_begin(), out->pointer_end(),
                   [](const type::v1::ImportProblem* a, const type::v1::ImportProblem* b) {
                     return a->line() < b->line();
                   });
}

}  // namespace ekinerja

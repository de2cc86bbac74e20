#pragma once

// The per-line report of the file imports (ekinerja.type.v1.ImportProblem), from the violations
// their validation collects on "rows[<line>].<column>" fields.

#include <vector>

#include "absl/strings/string_view.h"
#include "ekinerja/type/v1/import_problem.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "google/rpc/code.pb.h"
#include "status.h"

namespace ekinerja {

// The line a "rows[<line>]..." field names; 0 for any other field.
int ImportLineOf(absl::string_view field);

// Adds each violation to `out` with `code`, then orders the whole report by line (stable, so the
// problems of one line keep their order).
void AddImportProblems(const std::vector<FieldViolation>& violations, google::rpc::Code code,
                       google::protobuf::RepeatedPtrField<type::v1::ImportProblem>* out);

}  // namespace ekinerja

# Build-time half of ekinerja_embed_sql: writes OUT (the files' text) and HEADER (their declaration
# and one db::Query constant per `-- name:` of the queries*.sql files) from FILES (under DIR). Each
# is rewritten only when its text changes, so that an edit of one statement recompiles only the
# embedded file.
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST)
string(REPLACE "|" ";" FILES "${FILES}")
get_filename_component(header_name ${HEADER} NAME)

set(body "// Generated from ${DIR}; do not edit.\n#include \"${header_name}\"\n\nnamespace ekinerja::embedded {\nnamespace {\nconstexpr EmbeddedFile kFiles[] = {\n")
set(constants "")
set(names "")
set(identifiers "")
foreach(f ${FILES})
  file(RELATIVE_PATH rel ${DIR} ${f})
  file(READ ${f} content)
  string(APPEND body "    {\"${rel}\", R\"ekinerja_sql(${content})ekinerja_sql\"},\n")
  # Named statements, as db::NamedQueriesOf reads them at start: files queries*.sql, lines
  # `-- name: <name>`. Migrations are not queries.
  if(NOT rel MATCHES "^queries.*\\.sql$")
    continue()
  endif()
  file(STRINGS ${f} name_lines REGEX "^[ \t]*-- name:")
  foreach(line ${name_lines})
    string(REGEX REPLACE "^[ \t]*-- name:" "" q "${line}")
    string(STRIP "${q}" q)
    if(NOT q MATCHES "^[a-z][a-z0-9_]*$")
      message(FATAL_ERROR "${f}: query name '${q}' is not a lower-case identifier")
    endif()
    if(q IN_LIST names)
      message(FATAL_ERROR "${f}: query ${q} is named twice")
    endif()
    list(APPEND names ${q})
    # tenant_get -> kTenantGet
    set(id "k")
    string(REPLACE "_" ";" parts "${q}")
    foreach(part ${parts})
      string(SUBSTRING "${part}" 0 1 first)
      string(SUBSTRING "${part}" 1 -1 rest)
      string(TOUPPER "${first}" first)
      string(APPEND id "${first}${rest}")
    endforeach()
    if(id IN_LIST identifiers)
      message(FATAL_ERROR "${f}: query ${q} makes the constant ${id} a second time")
    endif()
    list(APPEND identifiers ${id})
    string(APPEND constants "inline constexpr db::Query ${id}{\"${q}\"};  // ${rel}\n")
  endforeach()
endforeach()
string(APPEND body "};\n}  // namespace\n\nabsl::Span<const EmbeddedFile> ${NAME}_sql() { return kFiles; }\n\n}  // namespace ekinerja::embedded\n")

file(CONFIGURE OUTPUT ${HEADER}.tmp @ONLY CONTENT [=[
// Generated from @DIR@; do not edit.
#pragma once

#include "absl/types/span.h"
#include "db.h"
#include "embedded.h"

namespace ekinerja::embedded {
// Every .sql file of @NAME@ (migrations V*.sql, named statements queries*.sql), by path.
absl::Span<const EmbeddedFile> @NAME@_sql();
}  // namespace ekinerja::embedded

// The named statements of @NAME@, one per `-- name:` of its queries*.sql, for db::Tx::Exec.
namespace ekinerja::@NAME@::sql {
@constants@}  // namespace ekinerja::@NAME@::sql
]=])
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(COPY_FILE ${HEADER}.tmp ${HEADER} ONLY_IF_DIFFERENT)

#!/usr/bin/env bash
# Typed queries (issue 9): the generator of <service>_sql.h, and what its constants buy.
#
# 1. embed_sql_gen.cmake on throwaway files: one db::Query constant per `-- name:` of the
#    queries*.sql files, none for a migration; a name used twice (in one file or across files), or
#    one that is not a lower-case identifier, fails the generation; outputs are rewritten only when
#    their text changes (so ninja rebuilds nothing).
# 2. A misspelt statement is a compile error: a call of db::Tx::Exec with a constant of the real
#    identity_sql.h compiles (-fsyntax-only); with a misspelt constant or a plain string it does
#    not. The first must compile, so that the others fail for the reason asserted.
#
# Usage: typed_queries_test.sh <cmake> <embed_sql_gen.cmake> <c++ compiler> <include dirs>
# (the include dirs ;-separated, as CMake lists them)
set -euo pipefail
export LC_ALL=C  # the compiler quotes names in ASCII

cmake="$1"
generator="$2"
cxx="$3"
IFS=';' read -r -a dirs <<<"$4"
# shellcheck source=../../../lib/shell_test.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../../../lib/shell_test.sh"

# ---- 1. the generator --------------------------------------------------------------------------

# Runs the generator over the .sql files in ${scratch}/sql; sets rc and out.
generate() {
  local files
  files="$(find "${scratch}/sql" -name '*.sql' | sort | paste -sd '|')"
  rc=0
  out="$("${cmake}" -DNAME=demo "-DDIR=${scratch}/sql" "-DOUT=${scratch}/demo_sql_embedded.cc" \
    "-DHEADER=${scratch}/include/demo_sql.h" "-DFILES=${files}" -P "${generator}" 2>&1)" || rc=$?
}

mkdir -p "${scratch}/sql" "${scratch}/include"
cat >"${scratch}/sql/V001__init.sql" <<'SQL'
-- name: not_a_query (a migration's comment)
CREATE TABLE t (a int);
SQL
cat >"${scratch}/sql/queries.sql" <<'SQL'
-- Header comment.

-- name: tenant_get
SELECT 1 AS one; -- a semicolon
  -- name:   user_by_nip2  
SELECT 2 AS two
SQL
cat >"${scratch}/sql/queries_calendar.sql" <<'SQL'
-- name: cal_holiday_list
SELECT 3 AS three
SQL
generate
((rc == 0)) || fail "good files: exit ${rc}, want 0"$'\n'"${out}"
header="${scratch}/include/demo_sql.h"
embedded="${scratch}/demo_sql_embedded.cc"
want='inline constexpr db::Query kTenantGet{"tenant_get"};  // queries.sql
inline constexpr db::Query kUserByNip2{"user_by_nip2"};  // queries.sql
inline constexpr db::Query kCalHolidayList{"cal_holiday_list"};  // queries_calendar.sql'
got="$(grep 'db::Query' "${header}" || true)"
[[ "${got}" == "${want}" ]] || fail "constants:"$'\n'"${got}"$'\n'"want:"$'\n'"${want}"
grep -qxF 'absl::Span<const EmbeddedFile> demo_sql();' "${header}" ||
  fail "the header does not declare demo_sql()"
grep -qxF 'namespace ekinerja::demo::sql {' "${header}" ||
  fail "the constants are not in ekinerja::demo::sql"
grep -qF '{"V001__init.sql", R"ekinerja_sql(-- name: not_a_query' "${embedded}" ||
  fail "the migration is not embedded"
grep -qF '#include "demo_sql.h"' "${embedded}" ||
  fail "the embedded files do not include their header"

# Unchanged text: neither output is rewritten.
touch -d '2000-01-01' "${header}" "${embedded}"
generate
for f in "${header}" "${embedded}"; do
  [[ "$(stat -c %Y "${f}")" == "$(date -d '2000-01-01' +%s)" ]] || fail "unchanged ${f} rewritten"
done

# A name twice across files, twice in one file, not an identifier, or making the same constant.
expect_refused() {
  local what="$1" message="$2"
  generate
  ((rc != 0)) || fail "${what}: generated; want an error"
  # CMake wraps its messages: compare with the lines joined.
  grep -qF -- "${message}" <<<"$(tr -s ' \n' ' ' <<<"${out}")" ||
    fail "${what}: not the error wanted:"$'\n'"${out}"
}
printf -- '-- name: tenant_get\nSELECT 4\n' >"${scratch}/sql/queries_more.sql"
expect_refused "a name in two files" "queries_more.sql: query tenant_get is named twice"
printf -- '-- name: x\nSELECT 4\n-- name: x\nSELECT 5\n' >"${scratch}/sql/queries_more.sql"
expect_refused "a name twice in one file" "queries_more.sql: query x is named twice"
printf -- '-- name: Get-User\nSELECT 4\n' >"${scratch}/sql/queries_more.sql"
expect_refused "a name with a capital and a dash" \
  "query name 'Get-User' is not a lower-case identifier"
printf -- '-- name: tenant__get\nSELECT 4\n' >"${scratch}/sql/queries_more.sql"
expect_refused "two names of one constant" "query tenant__get makes the constant kTenantGet"

# ---- 2. a misspelt statement does not compile ----------------------------------------------------

flags=(-std=c++17 -fsyntax-only)
for d in "${dirs[@]}"; do
  [[ -n "${d}" ]] && flags+=("-I${d}")
done

# Compiles a call of Exec with $1 as the statement; sets rc and out.
compile() {
  cat >"${scratch}/probe.cc" <<CC
#include <string>

#include "identity_sql.h"

namespace ekinerja::identity {
pqxx::result Probe(db::Tx& tx) { return tx.Exec($1, std::string("demo")); }
}  // namespace ekinerja::identity
CC
  rc=0
  out="$("${cxx}" "${flags[@]}" "${scratch}/probe.cc" 2>&1)" || rc=$?
}

compile 'sql::kTenantGet'
((rc == 0)) || fail "sql::kTenantGet: exit ${rc}, want 0"$'\n'"${out}"

compile 'sql::kTenantGett'
((rc != 0)) || fail "sql::kTenantGett compiled; want an error"
grep -qE "'kTenantGett' is not a member of|no member named 'kTenantGett'" <<<"${out}" ||
  fail "sql::kTenantGett: not the error wanted:"$'\n'"${out}"

compile '"tenant_get"'
((rc != 0)) || fail "Exec(\"tenant_get\") compiled; want an error"
grep -qE "no matching (member )?function for call to" <<<"${out}" ||
  fail "Exec(\"tenant_get\"): not the error wanted:"$'\n'"${out}"

finish typed_queries_test

#!/usr/bin/env bash
# Tests embed_sql_gen.cmake (the build's SQL embedding) on throwaway files: one db::Query constant
# per `-- name:` of the queries*.sql files, none for a migration; a name used twice (in one file or
# across files), or one that is not a lower-case identifier, fails the generation; outputs are
# rewritten only when their text changes.
#
# Usage: embed_sql_gen_test.sh <cmake> <embed_sql_gen.cmake>
set -euo pipefail

cmake="$1"
script="$2"
dir="$(mktemp -d -t ekinerja-embed.XXXXXX)"
trap 'rm -rf "${dir}"' EXIT

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Runs the generator over the .sql files in ${dir}/sql; sets rc and out.
generate() {
  local files
  files="$(find "${dir}/sql" -name '*.sql' | sort | paste -sd '|')"
  rc=0
  out="$("${cmake}" -DNAME=demo "-DDIR=${dir}/sql" "-DOUT=${dir}/demo_sql_embedded.cc" \
    "-DHEADER=${dir}/include/demo_sql.h" "-DFILES=${files}" -P "${script}" 2>&1)" || rc=$?
}

mkdir -p "${dir}/sql" "${dir}/include"
cat >"${dir}/sql/V001__init.sql" <<'SQL'
-- name: not_a_query (a migration's comment)
CREATE TABLE t (a int);
SQL
cat >"${dir}/sql/queries.sql" <<'SQL'
-- Header comment.

-- name: tenant_get
SELECT 1 AS one; -- a semicolon
  -- name:   user_by_nip2  
SELECT 2 AS two
SQL
cat >"${dir}/sql/queries_calendar.sql" <<'SQL'
-- name: cal_holiday_list
SELECT 3 AS three
SQL
generate
((rc == 0)) || fail "good files: exit ${rc}, want 0"$'\n'"${out}"
want='inline constexpr db::Query kTenantGet{"tenant_get"};  // queries.sql
inline constexpr db::Query kUserByNip2{"user_by_nip2"};  // queries.sql
inline constexpr db::Query kCalHolidayList{"cal_holiday_list"};  // queries_calendar.sql'
got="$(grep 'db::Query' "${dir}/include/demo_sql.h" || true)"
[[ "${got}" == "${want}" ]] || fail "constants:"$'\n'"${got}"$'\n'"want:"$'\n'"${want}"
grep -qxF 'absl::Span<const EmbeddedFile> demo_sql();' "${dir}/include/demo_sql.h" ||
  fail "the header does not declare demo_sql()"
grep -qxF 'namespace ekinerja::demo::sql {' "${dir}/include/demo_sql.h" ||
  fail "the constants are not in ekinerja::demo::sql"
grep -qF '{"V001__init.sql", R"ekinerja_sql(-- name: not_a_query' "${dir}/demo_sql_embedded.cc" ||
  fail "the migration is not embedded"
grep -qF '#include "demo_sql.h"' "${dir}/demo_sql_embedded.cc" ||
  fail "the embedded files do not include their header"

# Unchanged text: neither output is rewritten (ninja then rebuilds nothing).
touch -d '2000-01-01' "${dir}/include/demo_sql.h" "${dir}/demo_sql_embedded.cc"
generate
[[ "$(stat -c %Y "${dir}/include/demo_sql.h")" == "$(date -d '2000-01-01' +%s)" ]] ||
  fail "an unchanged header was rewritten"
[[ "$(stat -c %Y "${dir}/demo_sql_embedded.cc")" == "$(date -d '2000-01-01' +%s)" ]] ||
  fail "unchanged embedded files were rewritten"

# A name twice across files, twice in one file, not an identifier, or making the same constant.
expect_refused() {
  local what="$1" message="$2"
  generate
  ((rc != 0)) || fail "${what}: generated; want an error"
  # CMake wraps its messages: compare with the lines joined.
  grep -qF -- "${message}" <<<"$(tr -s ' \n' ' ' <<<"${out}")" ||
    fail "${what}: not the error wanted:"$'\n'"${out}"
}
printf -- '-- name: tenant_get\nSELECT 4\n' >"${dir}/sql/queries_more.sql"
expect_refused "a name in two files" "queries_more.sql: query tenant_get is named twice"
printf -- '-- name: x\nSELECT 4\n-- name: x\nSELECT 5\n' >"${dir}/sql/queries_more.sql"
expect_refused "a name twice in one file" "queries_more.sql: query x is named twice"
printf -- '-- name: Get-User\nSELECT 4\n' >"${dir}/sql/queries_more.sql"
expect_refused "a name with a capital and a dash" \
  "query name 'Get-User' is not a lower-case identifier"
printf -- '-- name: tenant__get\nSELECT 4\n' >"${dir}/sql/queries_more.sql"
expect_refused "two names of one constant" "query tenant__get makes the constant kTenantGet"

if ((failures > 0)); then
  exit 1
fi
echo "embed_sql_gen: constants of queries*.sql only; duplicates and bad names refused"

#!/usr/bin/env bash
# A misspelt statement is a compile error (issue 9, typed queries): compiles, with -fsyntax-only,
# a call of db::Tx::Exec with a constant of the header the build generates from identity's
# queries.sql (identity_sql.h), then with a misspelt constant and with a plain string. The first
# must compile, so that the other two fail for the reason asserted, not for a broken setup.
#
# Usage: typed_queries_compile_test.sh <c++ compiler> <include dirs, ';'-separated>
set -euo pipefail
export LC_ALL=C  # the compiler quotes names in ASCII

cxx="$1"
IFS=';' read -r -a dirs <<<"$2"
flags=(-std=c++17 -fsyntax-only)
for d in "${dirs[@]}"; do
  [[ -n "${d}" ]] && flags+=("-I${d}")
done

work="$(mktemp -d -t ekinerja-typedq.XXXXXX)"
trap 'rm -rf "${work}"' EXIT

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Compiles a call of Exec with $1 as the statement; sets rc and out.
compile() {
  cat >"${work}/probe.cc" <<CC
#include <string>

#include "identity_sql.h"

namespace ekinerja::identity {
pqxx::result Probe(db::Tx& tx) { return tx.Exec($1, std::string("demo")); }
}  // namespace ekinerja::identity
CC
  rc=0
  out="$("${cxx}" "${flags[@]}" "${work}/probe.cc" 2>&1)" || rc=$?
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

if ((failures > 0)); then
  exit 1
fi
echo "typed queries: a constant compiles; a misspelt one and a string do not"

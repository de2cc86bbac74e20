#!/usr/bin/env bash
# Tests check_layers.sh on a throwaway tree, so the layering check cannot pass silently: a clean
# tree passes, and a domain or base file including gRPC, protobuf, pqxx and the rest is refused
# with its path:line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check="${here}/check_layers.sh"
# shellcheck source=../lib/shell_test.sh
source "${here}/../lib/shell_test.sh"
tree="${scratch}"

# Runs the check over the tree; sets rc and out (stdout and stderr).
run_check() {
  rc=0
  out="$("${check}" "${tree}" 2>&1)" || rc=$?
}

expect_line() {
  grep -qxF -- "$1" <<<"${out}" || fail "missing line: $1"$'\n'"got:"$'\n'"${out}"
}

rule='services/*/domain and services/common/base may include only the C++ standard library, absl and base headers (DESIGN §3)'

# Nothing to scan is an error, not a pass.
run_check
((rc == 2)) || fail "empty tree: exit ${rc}, want 2"

mkdir -p "${tree}/services/common/base" "${tree}/services/skp/domain/rules"
cat >"${tree}/services/common/base/nip.h" <<'CC'
#pragma once
#include <string>
#include "absl/status/statusor.h"
CC
cat >"${tree}/services/skp/domain/target.cc" <<'CC'
#include "domain/target.h"

#include <vector>
#include "absl/strings/str_cat.h"
#include "nip.h"
#include "status.h"
// #include "grpcpp/grpcpp.h" is named in a comment only
CC
run_check
((rc == 0)) || fail "clean tree: exit ${rc}, want 0"$'\n'"${out}"

# The issue's case: a domain file including grpcpp/grpcpp.h.
cat >"${tree}/services/skp/domain/target_api.cc" <<'CC'
#include "domain/target.h"

#include "grpcpp/grpcpp.h"
CC
run_check
((rc == 1)) || fail "grpcpp in domain: exit ${rc}, want 1"
expect_line "services/skp/domain/target_api.cc:3: domain code includes <grpcpp/grpcpp.h>; ${rule}"
printf '%s\n' "${out}"

# Every other kind, in a nested domain folder and in the base, with <> and "" and "# include".
cat >"${tree}/services/skp/domain/rules/store.h" <<'CC'
#pragma once
#include <pqxx/pqxx>
#include <libpq-fe.h>
#  include "ekinerja/skp/v1/skp.pb.h"
#include "google/protobuf/message.h"
#include "../../../common/platform/db.h"
CC
cat >"${tree}/services/common/base/sign.cc" <<'CC'
#include "sign.h"
#include <openssl/evp.h>
#include <sodium.h>
#include "prometheus/counter.h"
#include <grpc/grpc.h>
#include "ekinerja/identity/v1/identity.grpc.pb.h"
#include <boost/beast.hpp>
CC
run_check
((rc == 1)) || fail "every kind: exit ${rc}, want 1"
expect_line "services/skp/domain/rules/store.h:2: domain code includes <pqxx/pqxx>; ${rule}"
expect_line "services/skp/domain/rules/store.h:3: domain code includes <libpq-fe.h>; ${rule}"
expect_line "services/skp/domain/rules/store.h:4: domain code includes <ekinerja/skp/v1/skp.pb.h>; ${rule}"
expect_line "services/skp/domain/rules/store.h:5: domain code includes <google/protobuf/message.h>; ${rule}"
expect_line "services/skp/domain/rules/store.h:6: domain code includes <../../../common/platform/db.h>; ${rule}"
expect_line "services/common/base/sign.cc:2: base code includes <openssl/evp.h>; ${rule}"
expect_line "services/common/base/sign.cc:3: base code includes <sodium.h>; ${rule}"
expect_line "services/common/base/sign.cc:4: base code includes <prometheus/counter.h>; ${rule}"
expect_line "services/common/base/sign.cc:5: base code includes <grpc/grpc.h>; ${rule}"
expect_line "services/common/base/sign.cc:6: base code includes <ekinerja/identity/v1/identity.grpc.pb.h>; ${rule}"
expect_line "services/common/base/sign.cc:7: base code includes <boost/beast.hpp>; ${rule}"
# Exactly those and the grpcpp line: nothing of the clean files.
count="$(grep -c ' code includes ' <<<"${out}")"
((count == 12)) || fail "want 12 refusals, got ${count}"

finish check_layers_test

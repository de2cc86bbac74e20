#!/usr/bin/env bash
# The layering check (DESIGN §3-4): domain code (services/*/domain) and the base of
# services/common (services/common/base) may include only the C++ standard library, absl and
# base headers. Link dependencies cannot stop an include of a header that sits in /usr/include
# (gRPC, protobuf, pqxx, ...), so this scans every file under those directories and fails on an
# #include of gRPC, protobuf (any *.pb.h), pqxx/libpq, Prometheus, OpenSSL, libsodium, Boost or a
# platform header by path, naming each as path:line.
#
# Usage: check_layers.sh [<repo root>]   (default: the repository holding this script)
set -euo pipefail

root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "${root}"

# What a base or domain file may not include: header paths matched as extended regexes.
forbidden='^(grpc|grpcpp|grpc\+\+)/|^google/protobuf/|\.pb\.h$|^pqxx(/|$)|^libpq-fe\.h$|^libpq/|^postgresql/|^prometheus/|^openssl/|^sodium(\.h$|/)|^boost/|(^|/)platform/'

shopt -s nullglob
dirs=(services/*/domain services/common/base)
# A layout change must not leave the check scanning nothing: services/common/base and at least one
# domain directory exist.
if [[ ! -d services/common/base ]] || ((${#dirs[@]} < 2)); then
  echo "check_layers: nothing to scan under ${root} (expected services/common/base and services/*/domain)" >&2
  exit 2
fi

status=0
scanned=0
while IFS= read -r -d '' file; do
  scanned=$((scanned + 1))
  layer=domain
  [[ "${file}" == services/common/base/* ]] && layer=base
  line_no=0
  while IFS= read -r line || [[ -n "${line}" ]]; do
    line_no=$((line_no + 1))
    if [[ "${line}" =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*[\<\"]([^\>\"]+)[\>\"] ]]; then
      header="${BASH_REMATCH[1]}"
      if [[ "${header}" =~ ${forbidden} ]]; then
        echo "${file}:${line_no}: ${layer} code includes <${header}>; services/*/domain and services/common/base may include only the C++ standard library, absl and base headers (DESIGN §3)"
        status=1
      fi
    fi
  done <"${file}"
done < <(find "${dirs[@]}" -type f -print0 | sort -z)

if ((status != 0)); then
  exit 1
fi
echo "check_layers: ${scanned} files under ${dirs[*]} include nothing outside the base"

# Sourced by the shell tests (tests/layering, tests/unit/common/platform): a scratch folder
# ${scratch} removed at exit, `fail MESSAGE` to count a failure and go on, and `finish NAME` to end
# (exit 1 after any failure).
scratch="$(mktemp -d -t ekinerja-test.XXXXXX)"
trap 'rm -rf "${scratch}"' EXIT

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

finish() {
  if ((failures > 0)); then
    echo "$1: ${failures} failure(s)" >&2
    exit 1
  fi
  echo "$1: ok"
}

#pragma once

// The i-th bench employee's NIP (Perka BKN 22/2007, DOMAIN §1), deterministic and unique: birth
// dates are consecutive days from 1965-01-01 (so no two collide), TMT CPNS 19-28 years later,
// gender 1/2, sequence 001-999. Each is checked with the suite's own parser; the bench stops on
// a bad one. Shared by identity_bench and attendance_bench.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "nip.h"

namespace ekinerja::bench {

inline std::string BenchNip(int i) {
  const absl::CivilDay birth = absl::CivilDay(1965, 1, 1) + i;
  const int tmt_year = static_cast<int>(birth.year()) + 19 + i % 10;
  const int tmt_month = 1 + (i * 5) % 12;
  const int gender = 1 + i % 2;
  const int sequence = 1 + (i * 7) % 999;
  std::string nip = absl::StrFormat("%04d%02d%02d%04d%02d%d%03d", birth.year(), birth.month(),
                                    birth.day(), tmt_year, tmt_month, gender, sequence);
  if (!ekinerja::IsValidNip(nip)) {
    std::fprintf(stderr, "bench: generated an invalid NIP %s\n", nip.c_str());
    std::exit(1);
  }
  return nip;
}

}  // namespace ekinerja::bench

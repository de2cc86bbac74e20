#include "money.h"

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

namespace ekinerja {

int64_t MulDivRoundHalfUp(int64_t a, int64_t num, int64_t den) {
  if (den == 0) {
    std::fputs("ekinerja::MulDivRoundHalfUp: zero denominator\n", stderr);
    std::abort();
  }
  // |a × num| < 2^126 and |den| <= 2^63, so nothing below overflows 128 bits.
  __int128 p = static_cast<__int128>(a) * num;
  __int128 d = den;
  if (d < 0) {
    p = -p;
    d = -d;
  }
  __int128 q = p / d;  // Truncates towards zero.
  __int128 r = p % d;  // Same sign as p.
  if (r < 0) r = -r;
  if (2 * r >= d) q += (p < 0) ? -1 : 1;
  if (q > std::numeric_limits<int64_t>::max()) return std::numeric_limits<int64_t>::max();
  if (q < std::numeric_limits<int64_t>::min()) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(q);
}

int64_t ApplyBasisPoints(int64_t amount_idr, int64_t bp) {
  return MulDivRoundHalfUp(amount_idr, bp, kBasisPointsPerWhole);
}

std::string FormatRupiah(int64_t amount_idr) {
  // The magnitude as unsigned, so that INT64_MIN has one too.
  uint64_t magnitude =
      amount_idr < 0 ? ~static_cast<uint64_t>(amount_idr) + 1 : static_cast<uint64_t>(amount_idr);
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return (amount_idr < 0 ? "-Rp " : "Rp ") + grouped;
}

}  // namespace ekinerja

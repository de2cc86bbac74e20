#pragma once

// Integer rupiah and basis points (DESIGN §6): no floating point anywhere money is computed.
// Each monetary line is rounded to whole rupiah here, and totals are sums of rounded lines.

#include <cstdint>
#include <string>

namespace ekinerja {

// 100% in basis points (1.25% = 125 bp).
inline constexpr int64_t kBasisPointsPerWhole = 10000;

// a × num / den rounded to the nearest integer, halves away from zero (2.5 → 3, -2.5 → -3), so a
// negative amount (a reversal) rounds to exactly the negation of its positive counterpart.
// Exact for every int64 input: the product is formed in 128 bits. Preconditions: den != 0 (a zero
// denominator is a caller bug and aborts the process; a negative one flips the sign as in
// arithmetic). A result beyond int64 saturates at INT64_MAX / INT64_MIN, which cannot happen for
// amounts up to 10^13 rupiah and factors num / den up to 10^5.
int64_t MulDivRoundHalfUp(int64_t a, int64_t num, int64_t den);

// amount_idr × bp / 10000, rounded half up (away from zero for negatives) to whole rupiah:
// 3.333.333 × 50 bp = 16.666,665 → 16.667; 100 × 50 bp = 0,5 → 1; 1 × 50 bp = 0,005 → 0.
int64_t ApplyBasisPoints(int64_t amount_idr, int64_t bp);

// "Rp 1.234.567", "Rp 0", "-Rp 5" (Indonesian thousands separator is the dot).
std::string FormatRupiah(int64_t amount_idr);

}  // namespace ekinerja

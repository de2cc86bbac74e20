#pragma once

// An exact fraction for the PP 46 / Perka BKN 1/2013 scores (DOMAIN §3): the efficiency boundary
// is discontinuous at exactly 24% and the predikat is read from a value rounded half up, so no
// double may sit on the decision path. Numerator and denominator are 128-bit and kept reduced; an
// operation whose result does not fit marks the value invalid (sticky, like NaN), and the
// functions that return one check it, so an overflow is an error and never a wrong score.

#include <cstdint>
#include <ostream>
#include <string>

namespace ekinerja {

class Rational {
 public:
  Rational() = default;
  Rational(int64_t whole) : num_(whole) {}  // NOLINT(google-explicit-constructor): 100 reads as 100
  // num / den; den == 0 gives an invalid value.
  Rational(int64_t num, int64_t den);

  bool valid() const { return valid_; }
  bool IsZero() const { return valid_ && num_ == 0; }
  // The reduced numerator and denominator (den > 0), for the wire; both fit an int64 when the
  // value was made of int64 parts by a ratio or a min (capaian, approval ratio).
  int64_t numerator() const { return static_cast<int64_t>(num_); }
  int64_t denominator() const { return static_cast<int64_t>(den_); }

  // The value × 100 rounded to an integer, halves away from zero (half-up for the non-negative
  // scores): 90.995 → 9100, 90.994999… → 9099, -67.675 → -6768. 0 for an invalid value.
  int64_t RoundedHundredths() const;
  // The reported form, two decimals half up: "91.00", "67.67", "-5.50"; "invalid" when invalid.
  std::string ToFixed2() const;
  // "176/3", "100", "invalid": the exact value, for tests and for a clerk's check.
  std::string ToString() const;

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  // Division by zero gives an invalid value.
  friend Rational operator/(const Rational& a, const Rational& b);
  // Exact comparisons; an invalid value compares equal only to another invalid value and is never
  // less or greater than anything.
  friend bool operator==(const Rational& a, const Rational& b);
  friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }
  friend bool operator<(const Rational& a, const Rational& b);
  friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
  friend bool operator<=(const Rational& a, const Rational& b);
  friend bool operator>=(const Rational& a, const Rational& b) { return b <= a; }

 private:
  static Rational Make(__int128 num, __int128 den);
  static Rational Invalid();

  __int128 num_ = 0;
  __int128 den_ = 1;
  bool valid_ = true;
};

std::ostream& operator<<(std::ostream& os, const Rational& r);

}  // namespace ekinerja

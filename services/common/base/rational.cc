#include "rational.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ekinerja {
namespace {

__int128 Abs(__int128 v) { return v < 0 ? -v : v; }

__int128 Gcd(__int128 a, __int128 b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    const __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// a × b, false when it does not fit in 128 bits.
bool Mul(__int128 a, __int128 b, __int128* out) { return !__builtin_mul_overflow(a, b, out); }
bool Add(__int128 a, __int128 b, __int128* out) { return !__builtin_add_overflow(a, b, out); }

std::string Int128ToString(__int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  // Digits of |v| from the least significant; -(min) is not formed because |v| stays unsigned.
  unsigned __int128 u =
      negative ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  std::string digits;
  while (u != 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

Rational::Rational(int64_t num, int64_t den) { *this = Make(num, den); }

Rational Rational::Invalid() {
  Rational r;
  r.valid_ = false;
  return r;
}

Rational Rational::Make(__int128 num, __int128 den) {
  if (den == 0) return Invalid();
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const __int128 g = Gcd(num, den);
  Rational r;
  r.num_ = num / g;
  r.den_ = den / g;
  return r;
}

Rational operator+(const Rational& a, const Rational& b) {
  if (!a.valid_ || !b.valid_) return Rational::Invalid();
  // a/b + c/d over lcm(b, d), which keeps the products small for the usual denominators.
  const __int128 g = Gcd(a.den_, b.den_);
  __int128 left, right, num, den;
  if (!Mul(a.num_, b.den_ / g, &left) || !Mul(b.num_, a.den_ / g, &right) ||
      !Add(left, right, &num) || !Mul(a.den_, b.den_ / g, &den)) {
    return Rational::Invalid();
  }
  return Rational::Make(num, den);
}

Rational operator-(const Rational& a, const Rational& b) {
  if (!b.valid_) return Rational::Invalid();
  Rational negated = b;
  negated.num_ = -b.num_;
  return a + negated;
}

Rational operator*(const Rational& a, const Rational& b) {
  if (!a.valid_ || !b.valid_) return Rational::Invalid();
  // Cross-reduce first so that the products stay as small as the result.
  const __int128 g1 = Gcd(a.num_, b.den_);
  const __int128 g2 = Gcd(b.num_, a.den_);
  const __int128 an = g1 == 0 ? a.num_ : a.num_ / g1;
  const __int128 bd = g1 == 0 ? b.den_ : b.den_ / g1;
  const __int128 bn = g2 == 0 ? b.num_ : b.num_ / g2;
  const __int128 ad = g2 == 0 ? a.den_ : a.den_ / g2;
  __int128 num, den;
  if (!Mul(an, bn, &num) || !Mul(ad, bd, &den)) return Rational::Invalid();
  return Rational::Make(num, den);
}

Rational operator/(const Rational& a, const Rational& b) {
  if (!a.valid_ || !b.valid_ || b.num_ == 0) return Rational::Invalid();
  Rational inverse;
  inverse.num_ = b.den_;
  inverse.den_ = b.num_;
  if (inverse.den_ < 0) {
    inverse.num_ = -inverse.num_;
    inverse.den_ = -inverse.den_;
  }
  return a * inverse;
}

bool operator==(const Rational& a, const Rational& b) {
  if (!a.valid_ || !b.valid_) return a.valid_ == b.valid_;
  return a.num_ == b.num_ && a.den_ == b.den_;  // both reduced
}

bool operator<(const Rational& a, const Rational& b) {
  if (!a.valid_ || !b.valid_) return false;
  const Rational diff = a - b;
  return diff.valid_ && diff.num_ < 0;
}

bool operator<=(const Rational& a, const Rational& b) {
  if (!a.valid_ || !b.valid_) return false;
  const Rational diff = a - b;
  return diff.valid_ && diff.num_ <= 0;
}

int64_t Rational::RoundedHundredths() const {
  if (!valid_) return 0;
  // |v| × 100, then + den/2 and floor: floor((200|n| + d) / 2d) rounds halves up on |v|.
  __int128 scaled, twice, num;
  if (!Mul(Abs(num_), 200, &scaled) || !Add(scaled, den_, &num) || !Mul(den_, 2, &twice)) {
    return 0;
  }
  const __int128 magnitude = num / twice;
  return static_cast<int64_t>(num_ < 0 ? -magnitude : magnitude);
}

std::string Rational::ToFixed2() const {
  if (!valid_) return "invalid";
  const int64_t h = RoundedHundredths();
  const int64_t magnitude = h < 0 ? -h : h;
  std::string cents = std::to_string(magnitude % 100);
  if (cents.size() < 2) cents.insert(cents.begin(), '0');
  return (h < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

std::string Rational::ToString() const {
  if (!valid_) return "invalid";
  if (den_ == 1) return Int128ToString(num_);
  return Int128ToString(num_) + "/" + Int128ToString(den_);
}

std::ostream& operator<<(std::ostream& os, const Rational& r) { return os << r.ToString(); }

}  // namespace ekinerja

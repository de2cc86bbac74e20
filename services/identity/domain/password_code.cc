#include "domain/password_code.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford's base32
static_assert(sizeof(kAlphabet) == 33);

}  // namespace

std::string FormatPasswordCode(std::string_view random_bytes) {
  unsigned char bytes[kPasswordCodeBytes] = {};
  for (size_t i = 0; i < random_bytes.size() && i < sizeof(bytes); ++i) {
    bytes[i] = static_cast<unsigned char>(random_bytes[i]);
  }
  std::string out;
  for (int c = 0; c < kPasswordCodeChars; ++c) {
    // Character c takes bits [5c, 5c + 5) of the bytes, most significant first.
    int value = 0;
    for (int b = 0; b < 5; ++b) {
      const int bit = 5 * c + b;
      value = (value << 1) | ((bytes[bit / 8] >> (7 - bit % 8)) & 1);
    }
    if (c > 0 && c % 4 == 0) out += '-';
    out += kAlphabet[value];
  }
  return out;
}

absl::StatusOr<std::string> NormalizePasswordCode(std::string_view typed, std::string_view field) {
  std::string out;
  bool ok = typed.size() <= 64;
  for (size_t i = 0; ok && i < typed.size(); ++i) {
    char c = absl::ascii_toupper(static_cast<unsigned char>(typed[i]));
    if (c == '-' || c == ' ') continue;
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const bool in_alphabet = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'U');
    ok = in_alphabet && out.size() < static_cast<size_t>(kPasswordCodeChars);
    out += c;
  }
  if (!ok || out.size() != static_cast<size_t>(kPasswordCodeChars)) {
    return InvalidField(std::string(field),
                        absl::StrCat("a code is ", kPasswordCodeChars,
                                     " letters and digits, as issued (XXXX-XXXX-XXXX-XXXX)"));
  }
  return out;
}

}  // namespace ekinerja::identity

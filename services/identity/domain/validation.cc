#include "domain/validation.h"

#include <iterator>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLower(c) || IsUpper(c) || IsDigit(c); }

absl::Status Bad(std::string_view field, std::string description) {
  return InvalidField(std::string(field), std::move(description));
}

// UTF-8 code points (bytes that do not continue a sequence); byte counts would make a name in
// non-Latin script look two or three times longer than it is.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

absl::Status ValidateCode(std::string_view code, std::string_view field, std::string_view what) {
  if (code.empty() || code.size() > 64) {
    return Bad(field,
               absl::StrCat(std::string(what), " must be 1-64 characters, got ", code.size()));
  }
  for (char c : code) {
    if (!IsAlnum(c) && c != '.' && c != '_' && c != '-') {
      return Bad(field, absl::StrCat(std::string(what), " \"", std::string(code),
                                     "\" may contain only letters, digits, '.', '_' and '-'"));
    }
  }
  return absl::OkStatus();
}

constexpr const char* kGolonganNames[] = {
    "I/a",   "I/b",   "I/c",   "I/d",    //
    "II/a",  "II/b",  "II/c",  "II/d",   //
    "III/a", "III/b", "III/c", "III/d",  //
    "IV/a",  "IV/b",  "IV/c",  "IV/d",  "IV/e",
};
static_assert(std::size(kGolonganNames) == kMaxGolongan);

}  // namespace

absl::Status ValidateTenantCode(std::string_view code, std::string_view field) {
  const std::string shown = absl::StrCat("tenant code \"", std::string(code), "\"");
  if (code.size() < 2 || code.size() > 32) {
    return Bad(field, absl::StrCat(shown, " must be 2-32 characters, got ", code.size()));
  }
  if (!IsLower(code.front())) return Bad(field, absl::StrCat(shown, " must start with a-z"));
  for (char c : code) {
    if (!IsLower(c) && !IsDigit(c) && c != '-') {
      return Bad(field,
                 absl::StrCat(shown, " may contain only lower-case letters, digits and '-'"));
    }
  }
  if (code == "platform") {
    return Bad(field, "tenant code \"platform\" is reserved for the deployment's operator");
  }
  return absl::OkStatus();
}

absl::Status ValidateOrgUnitCode(std::string_view code, std::string_view field) {
  return ValidateCode(code, field, "org unit code");
}

absl::Status ValidatePositionCode(std::string_view code, std::string_view field) {
  return ValidateCode(code, field, "position code");
}

absl::StatusOr<int> ParseGolongan(std::string_view text, std::string_view field) {
  const size_t slash = text.find('/');
  if (slash != std::string_view::npos && slash + 2 == text.size()) {
    const std::string_view roman = text.substr(0, slash);
    const char letter = absl::ascii_tolower(static_cast<unsigned char>(text.back()));
    int first = 0;  // golongan of ruang a
    int ruang = 4;  // letters a..d, IV has a..e
    if (roman == "I") {
      first = 1;
    } else if (roman == "II") {
      first = 5;
    } else if (roman == "III") {
      first = 9;
    } else if (roman == "IV") {
      first = 13;
      ruang = 5;
    }
    if (first != 0 && letter >= 'a' && letter < 'a' + ruang) return first + (letter - 'a');
  }
  return Bad(field, absl::StrCat("golongan must be one of I/a-I/d, II/a-II/d, III/a-III/d, "
                                 "IV/a-IV/e; got \"",
                                 std::string(text), "\""));
}

std::string GolonganName(int golongan) {
  if (golongan < kMinGolongan || golongan > kMaxGolongan) return "";
  return kGolonganNames[golongan - 1];
}

absl::Status ValidateKelasJabatan(int kelas, std::string_view field) {
  if (kelas < 1 || kelas > 17) {
    return Bad(field, absl::StrCat("kelas jabatan must be 1-17, got ", kelas));
  }
  return absl::OkStatus();
}

absl::Status ValidateName(std::string_view name, std::string_view field) {
  const absl::string_view stripped =
      absl::StripAsciiWhitespace(absl::string_view(name.data(), name.size()));
  if (stripped.empty()) return Bad(field, "name must not be blank");
  for (char c : stripped) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      return Bad(field, "name must not contain control characters (line breaks, tabs)");
    }
  }
  const size_t length = CodePoints(std::string_view(stripped.data(), stripped.size()));
  if (length > kMaxNameLength) {
    return Bad(field,
               absl::StrCat("name must be at most ", kMaxNameLength, " characters, got ", length));
  }
  return absl::OkStatus();
}

absl::Status ValidateUsername(std::string_view username, std::string_view field) {
  if (username.size() < 3 || username.size() > 64) {
    return Bad(field, absl::StrCat("username must be 3-64 characters, got ", username.size()));
  }
  if (!IsAlnum(username.front())) {
    return Bad(field, "username must start with a letter or digit");
  }
  for (char c : username) {
    if (!IsAlnum(c) && c != '.' && c != '_' && c != '-' && c != '@') {
      return Bad(field, "username may contain only letters, digits, '.', '_', '-' and '@'");
    }
  }
  return absl::OkStatus();
}

absl::Status ValidatePassword(std::string_view password, std::string_view field) {
  // The password itself never appears in a description: descriptions reach logs.
  if (password.size() > static_cast<size_t>(kMaxPasswordBytes)) {
    return Bad(field, absl::StrCat("password must be at most ", kMaxPasswordBytes, " bytes"));
  }
  if (CodePoints(password) < static_cast<size_t>(kMinPasswordLength)) {
    return Bad(field,
               absl::StrCat("password must be at least ", kMinPasswordLength, " characters"));
  }
  return absl::OkStatus();
}

}  // namespace ekinerja::identity

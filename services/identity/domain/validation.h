#pragma once

// Field rules of the identity API's plain values. Each check returns INVALID_ARGUMENT with one
// field violation on `field` (the request path, e.g. "org_unit.code" or "rows[4].golongan").

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ekinerja::identity {

// Tenant codes: lower-case letters, digits and '-', 2-32 characters, starting with a letter
// ("kota-demo"). "platform" is reserved for the deployment's operator (DESIGN §5).
absl::Status ValidateTenantCode(std::string_view code, std::string_view field);

// Org unit and position codes: A-Z a-z 0-9 '.' '_' '-', 1-64 characters.
absl::Status ValidateOrgUnitCode(std::string_view code, std::string_view field);
absl::Status ValidatePositionCode(std::string_view code, std::string_view field);

// Golongan/ruang (DOMAIN §1): "I/a".."I/d" = 1..4, "II/a".."II/d" = 5..8, "III/a".."III/d" =
// 9..12, "IV/a".."IV/e" = 13..17. The roman numeral is upper case; the letter may be either case
// ("III/A").
constexpr int kMinGolongan = 1;
constexpr int kMaxGolongan = 17;
absl::StatusOr<int> ParseGolongan(std::string_view text, std::string_view field);
// "I/a".."IV/e" for 1..17; "" for anything else.
std::string GolonganName(int golongan);

// Kelas jabatan 1-17 (DOMAIN §1).
absl::Status ValidateKelasJabatan(int kelas, std::string_view field);

// Names of people, units, positions and tenants: not blank, at most 200 characters (UTF-8 code
// points) once leading and trailing whitespace is stripped, and no control characters (a line
// break or tab in a name breaks every list and report that shows it). Callers store the stripped
// name.
constexpr int kMaxNameLength = 200;
absl::Status ValidateName(std::string_view name, std::string_view field);

// Usernames: 3-64 characters of A-Z a-z 0-9 '.' '_' '-' '@', starting with a letter or digit (an
// employee's username is usually their 18-digit NIP).
absl::Status ValidateUsername(std::string_view username, std::string_view field);

// Passwords: at least 10 characters (UTF-8 code points); at most 256 bytes so that a request
// cannot make the server hash megabytes. The length rule of the password policy
// (password_policy.h), which is what a password being set must pass.
constexpr int kMinPasswordLength = 10;
constexpr int kMaxPasswordBytes = 256;
absl::Status ValidatePassword(std::string_view password, std::string_view field);

}  // namespace ekinerja::identity

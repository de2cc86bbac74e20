#pragma once

// One-time activation and reset codes (issue 9): 80 random bits written as 16 characters of
// Crockford's base32 (digits and upper-case letters without I, L, O and U, so nothing reads as
// something else), shown in groups of four: "7KQM-2HXD-R9TA-VC4E". People type them from a
// letter or a message, so the form they type back is forgiving: any case, with or without the
// dashes and spaces, O for 0 and I or L for 1.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace ekinerja::identity {

// Random bytes per code, and the characters that write them (8 bits each, 5 per character).
inline constexpr int kPasswordCodeBytes = 10;
inline constexpr int kPasswordCodeChars = 16;

// The code written from kPasswordCodeBytes random bytes (fewer are padded with zeros, more are
// ignored), in groups of four.
std::string FormatPasswordCode(std::string_view random_bytes);

// The canonical form of a code as a person typed it: the 16 characters, upper case, without
// separators, O read as 0 and I, L as 1. INVALID_ARGUMENT on `field` unless that is what it is.
// It is also the form the code's hash is taken of.
absl::StatusOr<std::string> NormalizePasswordCode(std::string_view typed, std::string_view field);

}  // namespace ekinerja::identity

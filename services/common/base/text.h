#pragma once

// One validation of free text for every service (issue 8): each text field of a request is
// checked against a TextRule before it goes anywhere, so that a NUL byte, a control character or
// broken UTF-8 is a field violation rather than a database error or a silently cut string.
// Absl-only: domain code may use it.
//
//   Violations v;
//   CheckText(v, "absence.reason", a.reason(), kNoteText);
//   CheckText(v, "device.serial_number", d.serial_number(), kIdText);
//   EK_RETURN_IF_ERROR(v.ToStatus());

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "status.h"

namespace ekinerja {

// What one text field may hold. Every rule refuses invalid UTF-8 (overlong forms, surrogates,
// beyond U+10FFFF), NUL, the other C0 controls, DEL and the C1 controls (U+0080-U+009F).
struct TextRule {
  // Maximum length in Unicode code points (characters as a user counts them), not bytes.
  int max_chars = 0;
  // Line breaks and tabs ('\n', '\r', '\t') allowed: multi-line reasons, notes, file contents.
  // Codes, ids, names and serials are one line.
  bool multiline = false;
};

// The usual shapes; a field with its own limit writes its own TextRule{n, multiline}.
inline constexpr TextRule kIdText{128, false};        // request ids, codes, serials, PINs
inline constexpr TextRule kNameText{200, false};      // names, descriptions, zones
inline constexpr TextRule kNoteText{2000, true};      // reasons, decision notes
inline constexpr TextRule kUriText{2000, false};      // links to evidence
inline constexpr TextRule kFileText{16 << 20, true};  // an uploaded CSV or log, as text

// What is wrong with `value` under `rule`, as one fixed short description that never quotes the
// value ("not valid UTF-8", "contains a control character", "contains a line break or tab",
// "at most 128 characters"); nullopt when it is acceptable. The empty string is acceptable:
// whether a field is required is the caller's rule.
std::optional<std::string> TextProblem(absl::string_view value, TextRule rule);

// The code point starting at `s[*i]`, advancing `*i` past it; nullopt (and `*i` unchanged) for a
// byte sequence that is not well-formed UTF-8 (RFC 3629: shortest form only, no surrogates, at
// most U+10FFFF).
std::optional<uint32_t> NextCodePoint(absl::string_view s, size_t* i);

// The contents of a JSON string literal (without the quotes) for `s`: `"` and `\` escaped,
// \b \f \n \r \t by name, other control characters as \u00XX (lower-case hex), valid UTF-8 passed
// through unchanged and each byte of invalid UTF-8 replaced by \ufffd, so the output is always
// valid JSON (logs, JWT claims).
std::string JsonEscape(absl::string_view s);

// Adds one violation on `field` to `v` when `value` breaks `rule` (TextProblem); returns whether
// the value was acceptable.
bool CheckText(Violations& v, absl::string_view field, absl::string_view value, TextRule rule);

// At most `max_bytes` of `text`, cut at a character boundary ("..." where cut), with each byte
// that is not valid UTF-8, and each control character but tab and newline, replaced by '?': what
// travels back to a client as text (status messages, field violations) is valid UTF-8, as proto3
// strings must be, and never a long echo of what it sent.
std::string SafePrefix(absl::string_view text, size_t max_bytes);

}  // namespace ekinerja

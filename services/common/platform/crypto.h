#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

// Small cryptographic helpers shared by the auth code: random opaque tokens (refresh tokens,
// jti), SHA-256 fingerprints (refresh tokens are stored hashed) and the unpadded base64url
// encoding JWTs and JWKs use (RFC 7515 §2).
namespace ekinerja::auth {

// Initializes libsodium once per process (thread-safe). Returns false if libsodium could not
// initialize, which leaves its functions unusable. Every helper here that needs libsodium calls it.
bool InitSodium();

// `bytes` random bytes from libsodium's CSPRNG, base64url without padding ("" when bytes <= 0).
std::string RandomToken(int bytes);

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

// Base64url without padding.
std::string Base64UrlEncode(std::string_view data);

// Inverse of Base64UrlEncode. Accepts only the canonical unpadded form (no '=', no whitespace, no
// '+' or '/', unused trailing bits zero), so one byte string has exactly one accepted encoding;
// INVALID_ARGUMENT otherwise.
absl::StatusOr<std::string> Base64UrlDecode(std::string_view encoded);

}  // namespace ekinerja::auth

#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

// Small cryptographic helpers shared by the auth code: random opaque tokens (refresh tokens,
// jti), SHA-256 fingerprints (refresh tokens are stored hashed), HMAC-SHA256 (webhook signatures),
// the unpadded base64url encoding JWTs and JWKs use (RFC 7515 §2), and AES-256-GCM sealing of
// secrets at rest under a key-encryption key (identity's signing keys).
namespace ekinerja::auth {

// Initializes libsodium once per process (thread-safe). Returns false if libsodium could not
// initialize, which leaves its functions unusable. Every helper here that needs libsodium calls it.
bool InitSodium();

// `bytes` random bytes from libsodium's CSPRNG, base64url without padding ("" when bytes <= 0).
std::string RandomToken(int bytes);

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

// Lower-case hex HMAC-SHA256 (RFC 2104) of `data` under `key`, of any length (64 characters): the
// signature of the warning service's webhooks, which the Pemda's relay recomputes.
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// Base64url without padding.
std::string Base64UrlEncode(std::string_view data);

// Inverse of Base64UrlEncode. Accepts only the canonical unpadded form (no '=', no whitespace, no
// '+' or '/', unused trailing bits zero), so one byte string has exactly one accepted encoding;
// INVALID_ARGUMENT otherwise.
absl::StatusOr<std::string> Base64UrlDecode(std::string_view encoded);

// ---- secrets at rest: AES-256-GCM (NIST SP 800-38D) ----

// A 256-bit key-encryption key and its id: the first 16 hex digits of SHA-256 over a fixed label
// and the key, stored beside what it sealed so that the right key is known (and a wrong one named)
// without trying it. The id reveals nothing usable about the key.
struct Aes256Key {
  std::string id;
  std::string bytes;  // 32
};

// A key as an operator writes it: standard base64 of exactly 32 bytes (`openssl rand -base64 32`),
// whitespace around it ignored. INVALID_ARGUMENT otherwise, never quoting the text.
absl::StatusOr<Aes256Key> ParseAes256Key(std::string_view text);

// What SealAes256Gcm made: a random 96-bit nonce and the ciphertext with its 128-bit tag appended.
struct Sealed {
  std::string nonce, ciphertext;
};

// Encrypts and authenticates `plaintext` and `aad` (what the secret belongs to, e.g. its row's
// key: a sealed value copied to another row does not open) under `key`, with a fresh random nonce.
Sealed SealAes256Gcm(const Aes256Key& key, std::string_view plaintext, std::string_view aad);
// The plaintext; INVALID_ARGUMENT when the nonce is not 12 bytes or the ciphertext is shorter
// than the tag, PERMISSION_DENIED when it does not authenticate (a wrong key, a different aad,
// or a changed nonce, ciphertext or tag).
absl::StatusOr<std::string> OpenAes256Gcm(const Aes256Key& key, const Sealed& sealed,
                                          std::string_view aad);

}  // namespace ekinerja::auth

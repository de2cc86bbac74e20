#include "password.h"

#include <sodium.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "crypto.h"

namespace ekinerja::auth {
namespace {

// libsodium reads hash strings as C strings: they must fit its buffer and carry no NUL, and only
// Argon2id is accepted (crypto_pwhash_str_verify would also take argon2i).
bool IsArgon2idHashString(std::string_view s) {
  return s.substr(0, sizeof(crypto_pwhash_argon2id_STRPREFIX) - 1) ==
             crypto_pwhash_argon2id_STRPREFIX &&
         s.size() < crypto_pwhash_STRBYTES && s.find('\0') == std::string_view::npos;
}

}  // namespace

PasswordHashParams PasswordHashParams::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashParams PasswordHashParams::Fast() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

absl::StatusOr<std::string> HashPassword(std::string_view password, PasswordHashParams params) {
  if (!InitSodium()) return absl::InternalError("libsodium failed to initialize");
  if (params.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
      params.opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
      params.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
      params.memlimit > crypto_pwhash_argon2id_MEMLIMIT_MAX) {
    return absl::InvalidArgumentError(absl::StrCat(
        "argon2id params out of range: opslimit=", params.opslimit, " memlimit=", params.memlimit));
  }
  if (password.size() > crypto_pwhash_argon2id_PASSWD_MAX) {
    return absl::InvalidArgumentError("password too long");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params.opslimit, params.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::ResourceExhaustedError("argon2id: out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  if (!InitSodium() || !IsArgon2idHashString(stored_hash)) return false;
  const std::string hash(stored_hash);  // NUL-terminated for libsodium.
  return crypto_pwhash_argon2id_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view stored_hash, PasswordHashParams params) {
  if (!InitSodium() || !IsArgon2idHashString(stored_hash)) return true;
  const std::string hash(stored_hash);
  return crypto_pwhash_argon2id_str_needs_rehash(hash.c_str(), params.opslimit, params.memlimit) !=
         0;
}

}  // namespace ekinerja::auth

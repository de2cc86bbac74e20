#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

// Password hashing with Argon2id (libsodium crypto_pwhash), DESIGN.md §5. The stored form is the
// self-describing "$argon2id$v=19$m=...,t=...,p=1$salt$hash" string, so the cost can be raised
// later and old hashes still verify; NeedsRehash says when to re-hash on a successful login.
namespace ekinerja::auth {

struct PasswordHashParams {
  unsigned long long opslimit;
  size_t memlimit;  // bytes

  // libsodium's interactive limits (~64 MiB, 2 passes): what production logins use.
  static PasswordHashParams Interactive();
  // The minimum libsodium allows: for tests and benchmarks only, never for stored passwords.
  static PasswordHashParams Fast();
};

// A fresh random salt every call, so two hashes of one password differ. RESOURCE_EXHAUSTED when
// libsodium cannot allocate the memory the params ask for, INVALID_ARGUMENT for params outside
// libsodium's limits.
absl::StatusOr<std::string> HashPassword(std::string_view password, PasswordHashParams params);

// True only when `stored_hash` is an Argon2id hash string and `password` matches it. Anything else
// (empty, argon2i, bcrypt, truncated, embedded NUL) is false.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// True when `stored_hash` was made with parameters other than `params`, or is not an Argon2id hash
// string at all.
bool NeedsRehash(std::string_view stored_hash, PasswordHashParams params);

}  // namespace ekinerja::auth

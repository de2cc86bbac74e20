#pragma once

// The password policy (issue 9): what every password a person sets must be, wherever it is set
// (CreateTenant, CreateUser, UpdateUser, SetPasswordWithCode, ChangePassword, the platform
// admin's first start). Guessable passwords are what gets accounts taken over; these rules refuse
// the guesses an attacker tries first, and say which rule failed without echoing the password.

#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace ekinerja::identity {

// Whose password it is: the rules that depend on the account read it.
struct PasswordOwner {
  std::string_view username;
  std::string_view nip;  // "" for an account that belongs to no employee
};

// OK, or INVALID_ARGUMENT with one violation on `field` naming the first rule that fails, in
// this order:
//   1. at most 256 bytes and at least 10 characters (ValidatePassword);
//   2. does not contain the owner's NIP;
//   3. does not contain the owner's username, ignoring case;
//   4. is not a common password: ignoring case, neither the whole password nor its word (what is
//      left once digits and symbols are taken off both ends: "Bismillah2024!" -> "bismillah") is
//      on CommonPasswords().
absl::Status CheckPasswordPolicy(std::string_view password, PasswordOwner owner,
                                 std::string_view field);

// The built-in list (lower case): the most used passwords worldwide and in Indonesia, and the
// words they are made of. Small on purpose: it refuses what guessers try first, not everything.
const std::vector<std::string_view>& CommonPasswords();

}  // namespace ekinerja::identity

#include "domain/password_policy.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "domain/validation.h"
#include "status.h"

namespace ekinerja::identity {
namespace {

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }

// The word of a password: its lower-case form without the digits and symbols at either end.
std::string_view WordOf(std::string_view lower) {
  size_t begin = 0, end = lower.size();
  while (begin < end && !IsAsciiLetter(lower[begin])) ++begin;
  while (end > begin && !IsAsciiLetter(lower[end - 1])) --end;
  return lower.substr(begin, end - begin);
}

}  // namespace

const std::vector<std::string_view>& CommonPasswords() {
  // Whole passwords (at least 10 characters: shorter ones fail the length rule) and the words of
  // the common "word + digits" passwords, from the published lists of leaked passwords and the
  // Indonesian ones (religious phrases, the country, cities, the office itself).
  static const auto* list = new std::vector<std::string_view>{
      // Keyboard and digit runs.
      "0000000000",
      "0123456789",
      "0987654321",
      "1111111111",
      "1122334455",
      "1212121212",
      "1234512345",
      "1234567890",
      "12345678910",
      "123456789a",
      "123123123123",
      "1q2w3e4r5t",
      "1qaz2wsx3edc",
      "a1b2c3d4e5",
      "abcdefghij",
      "asdfghjkl",
      "qwertyuiop",
      "qazwsxedc",
      "zxcvbnm",
      "qwerty",
      "qwertz",
      "azerty",
      "abcdef",
      "abc",
      // English words of the leaked lists.
      "password",
      "passw0rd",
      "p@ssw0rd",
      "p@ssword",
      "passwd",
      "pass",
      "admin",
      "administrator",
      "root",
      "user",
      "guest",
      "test",
      "testing",
      "welcome",
      "letmein",
      "changeme",
      "default",
      "secret",
      "iloveyou",
      "love",
      "dragon",
      "monkey",
      "football",
      "baseball",
      "sunshine",
      "princess",
      "superman",
      "batman",
      "master",
      "shadow",
      "trustno",
      "whatever",
      "freedom",
      "starwars",
      "computer",
      "internet",
      "login",
      "hello",
      // Indonesian.
      "bismillah",
      "bismillahirrahmanirrahim",
      "alhamdulillah",
      "assalamualaikum",
      "insyaallah",
      "allahuakbar",
      "subhanallah",
      "mashaallah",
      "indonesia",
      "indonesiaraya",
      "merdeka",
      "pancasila",
      "garuda",
      "nusantara",
      "jakarta",
      "surabaya",
      "bandung",
      "semarang",
      "medan",
      "makassar",
      "yogyakarta",
      "jogja",
      "rahasia",
      "rahasiaku",
      "katasandi",
      "sandi",
      "sayang",
      "sayangku",
      "cinta",
      "cintaku",
      "aku",
      "kamu",
      "akucintakamu",
      "kucing",
      "anjing",
      "sukses",
      "selamat",
      "semangat",
      "bangsa",
      "negara",
      "juara",
      "persija",
      "persib",
      // The office itself.
      "pegawai",
      "kepegawaian",
      "kinerja",
      "ekinerja",
      "e-kinerja",
      "skp",
      "tpp",
      "asn",
      "pns",
      "pppk",
      "bkpsdm",
      "bkd",
      "bkn",
      "pemda",
      "pemkot",
      "pemkab",
      "instansi",
      "dinas",
      "absensi",
      "presensi",
  };
  return *list;
}

absl::Status CheckPasswordPolicy(std::string_view password, PasswordOwner owner,
                                 std::string_view field) {
  EK_RETURN_IF_ERROR(ValidatePassword(password, field));
  const std::string f(field);
  if (!owner.nip.empty() && password.find(owner.nip) != std::string_view::npos) {
    return InvalidField(f, "password must not contain the NIP");
  }
  const std::string lower = absl::AsciiStrToLower(std::string(password));
  if (!owner.username.empty() &&
      lower.find(absl::AsciiStrToLower(std::string(owner.username))) != std::string::npos) {
    return InvalidField(f, "password must not contain the username");
  }
  const std::vector<std::string_view>& common = CommonPasswords();
  const std::string_view word = WordOf(lower);
  if (std::find(common.begin(), common.end(), std::string_view(lower)) != common.end() ||
      (!word.empty() && std::find(common.begin(), common.end(), word) != common.end())) {
    return InvalidField(f,
                        "password is too common (a well-known password, or one with digits or "
                        "symbols added); choose another");
  }
  return absl::OkStatus();
}

}  // namespace ekinerja::identity

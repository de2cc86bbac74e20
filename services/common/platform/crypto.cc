#include "crypto.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"

namespace ekinerja::auth {

bool InitSodium() {
  // sodium_init() is itself idempotent, but the static makes the first call the only one that
  // does work and lets every later call return without touching libsodium's state.
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string RandomToken(int bytes) {
  if (bytes <= 0) return "";
  if (!InitSodium()) std::abort();  // No safe fallback for a CSPRNG that cannot start.
  std::string raw(static_cast<size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  return Base64UrlEncode(raw);
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1) {
    std::abort();  // Only fails when OpenSSL cannot allocate or SHA-256 is missing.
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), static_cast<size_t>(len)));
}

// Debian's abseil is built with its own absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0), so
// std::string_view does not convert implicitly.
std::string Base64UrlEncode(std::string_view data) {
  return absl::WebSafeBase64Escape(absl::string_view(data.data(), data.size()));
}

absl::StatusOr<std::string> Base64UrlDecode(std::string_view encoded) {
  const absl::string_view in(encoded.data(), encoded.size());
  std::string decoded;
  // absl also accepts padding, whitespace and non-zero trailing bits; the re-encoding check
  // rejects all three, so a token cannot be altered without altering what it decodes to.
  if (!absl::WebSafeBase64Unescape(in, &decoded) || absl::WebSafeBase64Escape(decoded) != in) {
    return absl::InvalidArgumentError("invalid base64url");
  }
  return decoded;
}

}  // namespace ekinerja::auth

#include "crypto.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

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

std::string HmacSha256Hex(std::string_view key, std::string_view data) {
  if (!InitSodium()) std::abort();
  // The _init API, not crypto_auth_hmacsha256(): that one takes only 32-byte keys, and a tenant's
  // webhook secret is whatever its operator typed (RFC 2104 hashes a key longer than the block).
  crypto_auth_hmacsha256_state state;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(mac), sizeof(mac)));
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

namespace {

constexpr size_t kKeyBytes = 32, kNonceBytes = 12, kTagBytes = 16;

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* Bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

}  // namespace

absl::StatusOr<Aes256Key> ParseAes256Key(std::string_view text) {
  const absl::string_view trimmed =
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size()));
  std::string bytes;
  if (!absl::Base64Unescape(trimmed, &bytes) || bytes.size() != kKeyBytes) {
    return absl::InvalidArgumentError(
        "a key is the base64 of 32 random bytes (openssl rand -base64 32)");
  }
  Aes256Key key;
  key.id = Sha256Hex(absl::StrCat("ekinerja key-encryption key id\n", bytes)).substr(0, 16);
  key.bytes = std::move(bytes);
  return key;
}

Sealed SealAes256Gcm(const Aes256Key& key, std::string_view plaintext, std::string_view aad) {
  if (key.bytes.size() != kKeyBytes || !InitSodium()) std::abort();  // ParseAes256Key made it
  Sealed out;
  out.nonce.resize(kNonceBytes);
  randombytes_buf(out.nonce.data(), out.nonce.size());
  out.ciphertext.resize(plaintext.size() + kTagBytes);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0, final_len = 0;
  // Only allocation failures make these fail: there is no safe way on without the cipher.
  if (ctx == nullptr ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key.bytes),
                         Bytes(out.nonce)) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, Bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), Bytes(out.ciphertext), &len, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), Bytes(out.ciphertext) + len, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                          Bytes(out.ciphertext) + plaintext.size()) != 1) {
    std::abort();
  }
  return out;
}

absl::StatusOr<std::string> OpenAes256Gcm(const Aes256Key& key, const Sealed& sealed,
                                          std::string_view aad) {
  if (key.bytes.size() != kKeyBytes || sealed.nonce.size() != kNonceBytes ||
      sealed.ciphertext.size() < kTagBytes) {
    return absl::InvalidArgumentError("not an AES-256-GCM sealed value");
  }
  const size_t n = sealed.ciphertext.size() - kTagBytes;
  std::string plain(n, '\0');
  std::string tag = sealed.ciphertext.substr(n);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0, final_len = 0;
  if (ctx == nullptr ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key.bytes),
                         Bytes(sealed.nonce)) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, Bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), Bytes(plain), &len, Bytes(sealed.ciphertext),
                        static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), Bytes(plain) + len, &final_len) != 1) {
    return absl::PermissionDeniedError(
        "the sealed value does not authenticate: a wrong key, or altered");
  }
  return plain;
}

}  // namespace ekinerja::auth

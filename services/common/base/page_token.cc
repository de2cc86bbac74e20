#include "page_token.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "status.h"

namespace ekinerja {
namespace {

// Layout before base64: version (1 byte) | FNV-1a 64 of the fingerprint (8 bytes, big-endian) |
// last key | FNV-1a 64 of everything before it, truncated to 4 bytes (detects damaged tokens).
constexpr char kVersion = 1;
constexpr size_t kFingerprintBytes = 8;
constexpr size_t kChecksumBytes = 4;
constexpr size_t kMinTokenBytes = 1 + kFingerprintBytes + kChecksumBytes;

// FNV-1a 64: stable across processes and builds (unlike absl::Hash), so a token issued by one
// replica is accepted by another. Not a security measure.
uint64_t Fnv1a64(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

void AppendBigEndian(uint64_t v, size_t bytes, std::string* out) {
  for (size_t i = bytes; i > 0; --i) out->push_back(static_cast<char>((v >> (8 * (i - 1))) & 0xff));
}

std::string FingerprintBytes(std::string_view query_fingerprint) {
  std::string out;
  AppendBigEndian(Fnv1a64(query_fingerprint), kFingerprintBytes, &out);
  return out;
}

std::string ChecksumBytes(std::string_view body) {
  std::string out;
  AppendBigEndian(Fnv1a64(body) >> 32, kChecksumBytes, &out);
  return out;
}

}  // namespace

std::string EncodePageToken(std::string_view last_key, std::string_view query_fingerprint) {
  std::string raw;
  raw.reserve(kMinTokenBytes + last_key.size());
  raw.push_back(kVersion);
  raw += FingerprintBytes(query_fingerprint);
  raw.append(last_key.data(), last_key.size());
  raw += ChecksumBytes(raw);
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(std::string_view token,
                                            std::string_view query_fingerprint) {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(absl::string_view(token.data(), token.size()), &raw) ||
      raw.size() < kMinTokenBytes || raw[0] != kVersion) {
    return InvalidField("page_token", "is not a page token issued by this service");
  }
  const std::string_view body(raw.data(), raw.size() - kChecksumBytes);
  if (raw.compare(body.size(), kChecksumBytes, ChecksumBytes(body)) != 0) {
    return InvalidField("page_token", "is damaged");
  }
  if (raw.compare(1, kFingerprintBytes, FingerprintBytes(query_fingerprint)) != 0) {
    return InvalidField("page_token",
                        "was issued for a different query; repeat the request's other fields "
                        "unchanged or start again without a token");
  }
  return std::string(body.substr(1 + kFingerprintBytes));
}

absl::StatusOr<int> PageSize(int requested, int default_size, int max_size) {
  if (requested < 0) return InvalidField("page_size", "must not be negative");
  if (requested == 0) return std::min(default_size, max_size);
  return std::min(requested, max_size);
}

absl::StatusOr<int64_t> DecodeIdPageToken(std::string_view token,
                                          std::string_view query_fingerprint) {
  EK_ASSIGN_OR_RETURN(const std::string key, DecodePageToken(token, query_fingerprint));
  int64_t id = 0;
  if (!key.empty() && !absl::SimpleAtoi(key, &id)) {
    return InvalidField("page_token", "is not a page token of this list");
  }
  return id;
}

}  // namespace ekinerja

#include "http/request_id.h"

#include <cstdint>

#include "absl/random/random.h"
#include "absl/strings/str_format.h"

namespace ekinerja::gateway {

std::string RequestIdFromHeader(absl::string_view header) {
  if (header.empty() || header.size() > 128) return NewRequestId();
  for (char c : header) {
    if (c <= 0x20 || c >= 0x7f) return NewRequestId();
  }
  return std::string(header);
}

std::string NewRequestId() {
  thread_local absl::BitGen gen;
  const uint64_t hi = absl::Uniform<uint64_t>(gen);
  const uint64_t lo = absl::Uniform<uint64_t>(gen);
  return absl::StrFormat("%08x-%04x-4%03x-%04x-%012x", hi >> 32, (hi >> 16) & 0xffff, hi & 0x0fff,
                         0x8000 | ((lo >> 48) & 0x3fff), lo & 0xffffffffffffULL);
}

}  // namespace ekinerja::gateway

#include "http/forwarded_for.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace ekinerja::gateway {

std::string ForwardedFor(const std::vector<absl::string_view>& client_values,
                         absl::string_view peer) {
  if (peer.empty()) return "";
  std::string out;
  for (absl::string_view value : client_values) {
    value = absl::StripAsciiWhitespace(value);
    if (value.empty() ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) {
      continue;
    }
    absl::StrAppend(&out, value, ", ");
  }
  absl::StrAppend(&out, peer);
  return out;
}

}  // namespace ekinerja::gateway

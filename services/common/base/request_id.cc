#include "request_id.h"

#include "text.h"

namespace ekinerja {

bool CheckRequestIdText(Violations& v, absl::string_view request_id) {
  return CheckText(v, "request_id", request_id, kIdText);
}

absl::Status RequestIdRace() {
  return absl::AbortedError("a concurrent call used this request_id; retry");
}

}  // namespace ekinerja

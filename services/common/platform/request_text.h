#pragma once

// The platform's floor under every request (issue 8): no string field of any request message, at
// any depth, may hold invalid UTF-8, a NUL or another control character (line breaks and tabs
// aside). The auth interceptor runs it on every unary and server-streaming request before the
// handler, so that such a value is INVALID_ARGUMENT naming its field in every service, rather
// than a database error or a silently cut string. Each field's own rule (length, one line) is
// the handler's: CheckText (text.h).

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace ekinerja {

// OK, or INVALID_ARGUMENT with one violation per bad string field, named by its path in proto
// field names ("employee.name", "nips[3]").
absl::Status CheckRequestText(const google::protobuf::Message& request);

}  // namespace ekinerja

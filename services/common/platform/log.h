#pragma once

// Structured logs (DESIGN §4): one JSON object per line on stderr, e.g.
//   {"time":"2026-03-15T09:30:00.123Z","level":"info","service":"skp","method":
//    "/ekinerja.skp.v1.SkpService/GetSkp","tenant":"pemda-x","request_id":"abc","msg":"...","k":"v"}
// Keys in that order; method, tenant and request_id appear when known (from ScopedLogContext or
// passed as fields); extra fields follow msg. Every value is a JSON string.

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/string_view.h"

namespace ekinerja {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Names the service in every line ("identity", "skp", ...). Call once at start, before threads.
void InitLogging(std::string service);

// Lines below `level` are dropped cheaply. The default is kInfo.
void SetMinLogLevel(LogLevel level);

// One extra key/value of a line, written {"key", value}. The value may be any string type, also
// absl::string_view (absl::Status::message()), which Debian's abseil does not make
// std::string_view. Both views must outlive the Log call (temporaries in the call are fine).
struct LogField {
  template <typename V,
            typename = std::enable_if_t<std::is_convertible_v<const V&, std::string_view>>>
  LogField(std::string_view k, const V& v) : key(k), value(v) {}
  LogField(std::string_view k, absl::string_view v) : key(k), value(v.data(), v.size()) {}

  std::string_view key;
  std::string_view value;
};
using LogFields = std::initializer_list<LogField>;

// Writes one line with one write(2), so lines from concurrent threads never interleave. A field
// named method, tenant or request_id sets that key (overriding the scoped context); a field named
// time, level, service or msg is written as "field.<name>" so it cannot shadow the standard key.
void Log(LogLevel level, std::string_view msg, LogFields fields = {});

inline void LogDebug(std::string_view msg, LogFields fields = {}) {
  Log(LogLevel::kDebug, msg, fields);
}
inline void LogInfo(std::string_view msg, LogFields fields = {}) {
  Log(LogLevel::kInfo, msg, fields);
}
inline void LogWarn(std::string_view msg, LogFields fields = {}) {
  Log(LogLevel::kWarn, msg, fields);
}
inline void LogError(std::string_view msg, LogFields fields = {}) {
  Log(LogLevel::kError, msg, fields);
}

// The request a thread is serving (the sync gRPC server runs a call on one thread): lines logged
// on this thread while the object lives carry method, tenant and request_id. Scopes nest; the
// destructor restores the outer one. Empty values are left out of the line.
class ScopedLogContext {
 public:
  ScopedLogContext(std::string method, std::string tenant, std::string request_id);
  ~ScopedLogContext();
  ScopedLogContext(const ScopedLogContext&) = delete;
  ScopedLogContext& operator=(const ScopedLogContext&) = delete;

 private:
  std::string saved_method_;
  std::string saved_tenant_;
  std::string saved_request_id_;
};

// Test hook: every line (without the trailing newline) goes to `sink` instead of stderr;
// nullptr restores stderr. The sink runs under the logger's lock, so it must not log itself.
void SetLogSinkForTest(std::function<void(std::string_view line)> sink);

}  // namespace ekinerja

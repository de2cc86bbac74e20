#include "log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "text.h"

namespace ekinerja {
namespace {

struct LogState {
  absl::Mutex mu;
  std::string service ABSL_GUARDED_BY(mu);
  std::function<void(std::string_view)> sink ABSL_GUARDED_BY(mu);
};

LogState& State() {
  static LogState* state = new LogState();  // Never destroyed: threads may log during exit.
  return *state;
}

std::atomic<int> min_level{static_cast<int>(LogLevel::kInfo)};

struct RequestContext {
  std::string method;
  std::string tenant;
  std::string request_id;
};
thread_local RequestContext request_context;

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  out->append(JsonEscape(absl::string_view(s.data(), s.size())));
  out->push_back('"');
}

void AppendField(std::string_view key, std::string_view value, std::string* out) {
  out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  AppendJsonString(value, out);
}

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // Nowhere left to report a failing stderr.
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

void InitLogging(std::string service) {
  LogState& state = State();
  absl::MutexLock lock(&state.mu);
  state.service = std::move(service);
}

void SetMinLogLevel(LogLevel level) {
  min_level.store(static_cast<int>(level), std::memory_order_relaxed);
}

void Log(LogLevel level, std::string_view msg, LogFields fields) {
  if (static_cast<int>(level) < min_level.load(std::memory_order_relaxed)) return;
  LogState& state = State();

  std::string_view method = request_context.method;
  std::string_view tenant = request_context.tenant;
  std::string_view request_id = request_context.request_id;
  for (const auto& [key, value] : fields) {
    if (key == "method") method = value;
    if (key == "tenant") tenant = value;
    if (key == "request_id") request_id = value;
  }

  std::string line = "{\"time\":\"";
  line += absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
  line += "\",\"level\":\"";
  line += LevelName(level);
  line += '"';
  {
    absl::MutexLock lock(&state.mu);
    AppendField("service", state.service, &line);
  }
  if (!method.empty()) AppendField("method", method, &line);
  if (!tenant.empty()) AppendField("tenant", tenant, &line);
  if (!request_id.empty()) AppendField("request_id", request_id, &line);
  AppendField("msg", msg, &line);
  for (const auto& [key, value] : fields) {
    if (key == "method" || key == "tenant" || key == "request_id") continue;
    if (key == "time" || key == "level" || key == "service" || key == "msg") {
      std::string renamed = "field.";
      renamed += key;
      AppendField(renamed, value, &line);
    } else {
      AppendField(key, value, &line);
    }
  }
  line += "}\n";

  // One write per line under one lock: lines never interleave, even above PIPE_BUF.
  absl::MutexLock lock(&state.mu);
  if (state.sink) {
    state.sink(std::string_view(line).substr(0, line.size() - 1));
  } else {
    WriteAll(STDERR_FILENO, line);
  }
}

ScopedLogContext::ScopedLogContext(std::string method, std::string tenant, std::string request_id)
    : saved_method_(std::exchange(request_context.method, std::move(method))),
      saved_tenant_(std::exchange(request_context.tenant, std::move(tenant))),
      saved_request_id_(std::exchange(request_context.request_id, std::move(request_id))) {}

ScopedLogContext::~ScopedLogContext() {
  request_context.method = std::move(saved_method_);
  request_context.tenant = std::move(saved_tenant_);
  request_context.request_id = std::move(saved_request_id_);
}

void SetLogSinkForTest(std::function<void(std::string_view line)> sink) {
  LogState& state = State();
  absl::MutexLock lock(&state.mu);
  state.sink = std::move(sink);
}

}  // namespace ekinerja

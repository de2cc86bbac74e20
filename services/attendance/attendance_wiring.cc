#include "attendance_wiring.h"

#include "absl/strings/str_cat.h"
#include "adms/adms_handler.h"
#include "attendance_sql.h"
#include "http_server.h"
#include "log.h"
#include "request_log.h"
#include "status.h"

namespace ekinerja::attendance {

std::vector<EmbeddedFile> AttendanceSql() { return db::WithRequestLog(embedded::attendance_sql()); }

absl::StatusOr<Attendance> BuildAttendance(ServiceHost& host, const AttendanceOptions& options,
                                           AttendanceClients clients) {
  if (clients.directory == nullptr || !clients.public_keys) {
    return absl::InvalidArgumentError("attendance needs a directory and the public keys");
  }
  Attendance out;
  out.metrics = std::make_shared<AttendanceMetrics>(host.metrics().registry());
  out.service =
      std::make_shared<AttendanceServiceImpl>(host.pool(), *clients.directory, *out.metrics);
  auto jwks = std::make_shared<auth::JwksCache>(std::move(clients.public_keys));
  out.setup.services = {out.service.get()};
  out.setup.verifier = std::make_shared<JwtTokenVerifier>(
      jwks, options.jwt_issuer, options.jwt_audience, options.jwt_cache_size);
  out.setup.keep_alive = {clients.directory, out.metrics, out.service, jwks};
  if (options.adms_port >= 0) {
    // Members go in reverse: the server stops before the handler it calls goes away.
    struct Adms {
      std::shared_ptr<AdmsHandler> handler;
      std::unique_ptr<HttpServer> server;
    };
    auto adms = std::make_shared<Adms>();
    adms->handler =
        std::make_shared<AdmsHandler>(out.service->ingestor(), *out.metrics, options.adms_threads);
    HttpServerOptions http;
    http.host = options.adms_host;
    http.port = options.adms_port;
    http.max_body_bytes = 8 << 20;
    EK_ASSIGN_OR_RETURN(adms->server, HttpServer::Start(http, adms->handler.get()));
    out.adms_port = adms->server->port();
    LogInfo(absl::StrCat("ADMS (iclock) listening on ", options.adms_host, ":", out.adms_port));
    out.setup.keep_alive.push_back(adms);
  }
  return out;
}

}  // namespace ekinerja::attendance

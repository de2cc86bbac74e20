// ekinerja-attendance: devices, punches (gRPC, ZKTeco ADMS, log files), calendars, absences,
// corrections and the daily attendance summaries.

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "adms/adms_handler.h"
#include "api/attendance_service.h"
#include "attendance_sql.h"
#include "channel.h"
#include "file.h"
#include "flags.h"
#include "grpcpp/grpcpp.h"
#include "http_server.h"
#include "jwks_cache.h"
#include "jwks_proto.h"
#include "log.h"
#include "server_flags.h"
#include "status.h"
#include "verified_token_cache.h"

EKINERJA_SERVER_FLAGS(50054, 9104);
ABSL_FLAG(std::string, identity, "127.0.0.1:50051",
          "gRPC target of the identity service (host:port resolves by DNS to every replica)");
ABSL_FLAG(std::string, identity_client_id, "ekinerja-attendance",
          "The service's deployment-wide account in identity (tenant 'platform', role SERVICE: "
          "identity's --service_accounts_file), exchanged for a token of each tenant that needs "
          "one: resolving org-unit schedule assignments for punches no caller drives (ADMS)");
ABSL_FLAG(std::string, identity_client_secret_file, "",
          "File holding the client secret of --identity_client_id (surrounding whitespace "
          "ignored); without it, work no caller drives cannot resolve org units");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(int, adms_port, 8088, "ZKTeco ADMS HTTP port (iclock protocol; -1: none)");
ABSL_FLAG(int, adms_threads, 4, "Threads that store ADMS pushes");

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-attendance: the attendance service of e-Kinerja");
  using namespace ekinerja;
  using namespace ekinerja::attendance;

  ServiceCredential credential;
  if (const std::string path = absl::GetFlag(FLAGS_identity_client_secret_file); !path.empty()) {
    absl::StatusOr<std::string> secret = ReadFile(path);
    if (!secret.ok() || absl::StripAsciiWhitespace(*secret).empty()) {
      LogError(absl::StrCat("--identity_client_secret_file ", path, ": ",
                            secret.ok() ? "empty" : secret.status().ToString()));
      return 2;
    }
    credential = {absl::GetFlag(FLAGS_identity_client_id),
                  std::string(absl::StripAsciiWhitespace(*secret))};
  }
  const int adms_port = absl::GetFlag(FLAGS_adms_port);
  const int adms_threads = absl::GetFlag(FLAGS_adms_threads);
  ServerOptions options = ServerOptionsFromFlags("attendance");
  const std::string host = options.host;

  return RunService(
      std::move(options), embedded::attendance_sql(), absl::GetFlag(FLAGS_migrate_only),
      [&](ServiceHost& host_) -> absl::StatusOr<ServiceSetup> {
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> identity,
                            MakeChannel(absl::GetFlag(FLAGS_identity), ChannelOptionsFromFlags()));
        std::shared_ptr<Directory> directory = MakeIdentityDirectory(identity, credential);
        auto metrics = std::make_shared<AttendanceMetrics>(host_.metrics().registry());
        auto service = std::make_shared<AttendanceServiceImpl>(host_.pool(), *directory, *metrics);
        auto jwks = std::make_shared<auth::JwksCache>(
            auth::FetchJwksFromIdentity(identity, absl::Seconds(5)));
        ServiceSetup setup;
        setup.services = {service.get()};
        setup.verifier = std::make_shared<JwtTokenVerifier>(jwks, absl::GetFlag(FLAGS_jwt_issuer),
                                                            absl::GetFlag(FLAGS_jwt_audience),
                                                            absl::GetFlag(FLAGS_jwt_cache_size));
        setup.keep_alive = {directory, metrics, service, jwks};
        if (adms_port >= 0) {
          // Members go in reverse: the server stops before the handler it calls goes away.
          struct Adms {
            std::shared_ptr<AdmsHandler> handler;
            std::unique_ptr<HttpServer> server;
          };
          auto adms = std::make_shared<Adms>();
          adms->handler =
              std::make_shared<AdmsHandler>(service->ingestor(), *metrics, adms_threads);
          HttpServerOptions http;
          http.host = host;
          http.port = adms_port;
          http.max_body_bytes = 8 << 20;
          EK_ASSIGN_OR_RETURN(adms->server, HttpServer::Start(http, adms->handler.get()));
          LogInfo(absl::StrCat("ADMS (iclock) listening on ", host, ":", adms->server->port()));
          setup.keep_alive.push_back(adms);
        }
        return setup;
      });
}

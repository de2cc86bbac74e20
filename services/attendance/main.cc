// ekinerja-attendance: devices, punches (gRPC, ZKTeco ADMS, log files), calendars, absences,
// corrections and the daily attendance summaries.

#include "absl/flags/flag.h"
#include "attendance_wiring.h"
#include "channel.h"
#include "flags.h"
#include "grpcpp/grpcpp.h"
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

  absl::StatusOr<clients::ServiceCredential> credential = clients::ReadServiceCredential(
      absl::GetFlag(FLAGS_identity_client_id), absl::GetFlag(FLAGS_identity_client_secret_file));
  if (!credential.ok()) {
    LogError(std::string(credential.status().message()));
    return 2;
  }
  AttendanceOptions options;
  options.jwt_issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.jwt_audience = absl::GetFlag(FLAGS_jwt_audience);
  options.jwt_cache_size = absl::GetFlag(FLAGS_jwt_cache_size);
  options.adms_port = absl::GetFlag(FLAGS_adms_port);
  options.adms_threads = absl::GetFlag(FLAGS_adms_threads);
  ServerOptions server = ServerOptionsFromFlags("attendance");
  options.adms_host = server.host;

  return RunService(
      std::move(server), AttendanceSql(), absl::GetFlag(FLAGS_migrate_only),
      [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> identity,
                            MakeChannel(absl::GetFlag(FLAGS_identity), ChannelOptionsFromFlags()));
        AttendanceClients clients;
        clients.directory = ekinerja::clients::MakeIdentityDirectory(identity, *credential);
        clients.public_keys = auth::FetchJwksFromIdentity(identity, absl::Seconds(5));
        EK_ASSIGN_OR_RETURN(Attendance built, BuildAttendance(host, options, std::move(clients)));
        return std::move(built.setup);
      });
}

// ekinerja-scoring: the monthly TPP runs and their instrumen penilaian, the kotak kinerja and the
// annual performance (DOMAIN §6, §7).

#include <algorithm>

#include "absl/flags/flag.h"
#include "channel.h"
#include "flags.h"
#include "grpcpp/grpcpp.h"
#include "jwks_proto.h"
#include "log.h"
#include "scoring_wiring.h"
#include "server_flags.h"
#include "status.h"
#include "verified_token_cache.h"

EKINERJA_SERVER_FLAGS(50055, 9105);
ABSL_FLAG(std::string, identity, "127.0.0.1:50051",
          "gRPC target of the identity service (host:port resolves by DNS to every replica)");
ABSL_FLAG(std::string, identity_client_id, "ekinerja-scoring",
          "The service's deployment-wide account in identity (tenant 'platform', role SERVICE: "
          "identity's --service_accounts_file), exchanged for a token of each tenant whose month "
          "a run locks in activity and attendance");
ABSL_FLAG(std::string, identity_client_secret_file, "",
          "File holding the client secret of --identity_client_id (surrounding whitespace "
          "ignored); without it, LockTppRun and CorrectTppRun cannot reach activity and "
          "attendance");
ABSL_FLAG(std::string, attendance, "127.0.0.1:50054", "gRPC target of the attendance service");
ABSL_FLAG(std::string, activity, "127.0.0.1:50053", "gRPC target of the activity service");
ABSL_FLAG(std::string, skp, "127.0.0.1:50052", "gRPC target of the SKP service");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(absl::Duration, stream_timeout, absl::Minutes(5),
          "Deadline of each stream a run reads from another service (a province's month)");

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-scoring: TPP runs and kotak kinerja of e-Kinerja");
  using namespace ekinerja;
  using namespace ekinerja::scoring;

  absl::StatusOr<clients::ServiceCredential> credential = clients::ReadServiceCredential(
      absl::GetFlag(FLAGS_identity_client_id), absl::GetFlag(FLAGS_identity_client_secret_file));
  if (!credential.ok()) {
    LogError(std::string(credential.status().message()));
    return 2;
  }
  ScoringOptions options;
  options.jwt_issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.jwt_audience = absl::GetFlag(FLAGS_jwt_audience);
  options.jwt_cache_size = absl::GetFlag(FLAGS_jwt_cache_size);
  const absl::Duration stream_timeout = absl::GetFlag(FLAGS_stream_timeout);

  return RunService(
      ServerOptionsFromFlags("scoring"), ScoringSql(), absl::GetFlag(FLAGS_migrate_only),
      [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
        // The channels' default deadline bounds every call, streams too: a run's streams may
        // take --stream_timeout.
        ChannelOptions channel_options = ChannelOptionsFromFlags();
        channel_options.deadline =
            std::max(channel_options.deadline, absl::Ceil(stream_timeout, absl::Seconds(1)));
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> identity,
                            MakeChannel(absl::GetFlag(FLAGS_identity), channel_options));
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> attendance,
                            MakeChannel(absl::GetFlag(FLAGS_attendance), channel_options));
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> activity,
                            MakeChannel(absl::GetFlag(FLAGS_activity), channel_options));
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> skp,
                            MakeChannel(absl::GetFlag(FLAGS_skp), channel_options));
        ScoringClients clients;
        clients.directory = clients::MakeIdentityDirectory(identity, *credential);
        // No cache: a run reads each month once.
        clients.attendance = clients::MakeAttendanceClient(attendance, absl::Seconds(5),
                                                           absl::ZeroDuration(), stream_timeout);
        clients.activity =
            clients::MakeActivityMonthsClient(activity, absl::Seconds(5), stream_timeout);
        clients.skp = clients::MakeSkpEvaluationsClient(skp, absl::Seconds(5), stream_timeout);
        clients.public_keys = auth::FetchJwksFromIdentity(identity, absl::Seconds(5));
        EK_ASSIGN_OR_RETURN(Scoring built, BuildScoring(host, options, std::move(clients)));
        return std::move(built.setup);
      });
}

// ekinerja-warning: the warning system in every employee's account (DOMAIN §8): daily sweeps of
// each tenant, inboxes, and the outbound notifications to the tenant's relay.

#include <algorithm>

#include "absl/flags/flag.h"
#include "channel.h"
#include "flags.h"
#include "grpcpp/grpcpp.h"
#include "jwks_proto.h"
#include "log.h"
#include "server_flags.h"
#include "status.h"
#include "verified_token_cache.h"
#include "warning_wiring.h"

EKINERJA_SERVER_FLAGS(50056, 9106);
ABSL_FLAG(std::string, identity, "127.0.0.1:50051",
          "gRPC target of the identity service (host:port resolves by DNS to every replica)");
ABSL_FLAG(std::string, identity_client_id, "ekinerja-warning",
          "The service's deployment-wide account in identity (tenant 'platform', role SERVICE: "
          "identity's --service_accounts_file), exchanged for a token of each tenant it sweeps");
ABSL_FLAG(std::string, identity_client_secret_file, "",
          "File holding the client secret of --identity_client_id (surrounding whitespace "
          "ignored); without it no sweep can read the other services");
ABSL_FLAG(std::string, attendance, "127.0.0.1:50054", "gRPC target of the attendance service");
ABSL_FLAG(std::string, activity, "127.0.0.1:50053", "gRPC target of the activity service");
ABSL_FLAG(std::string, skp, "127.0.0.1:50052", "gRPC target of the SKP service");
ABSL_FLAG(std::string, scoring, "127.0.0.1:50055", "gRPC target of the scoring service");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(absl::Duration, stream_timeout, absl::Minutes(5),
          "Deadline of each stream a sweep reads from another service (a province's day)");
ABSL_FLAG(absl::Duration, sweep_interval, absl::Minutes(1),
          "How often the scheduler looks for the sweeps each scheduled tenant is due (0: never; "
          "sweeps then run only by RunSweep)");
ABSL_FLAG(int32_t, sweep_catch_up_days, 7,
          "How many days back the scheduler sweeps the days it missed (the service was down)");
ABSL_FLAG(absl::Duration, watch_poll, absl::Seconds(5),
          "How often WatchInbox looks for warnings another replica wrote");
ABSL_FLAG(absl::Duration, outbox_interval, absl::Seconds(2),
          "How often the outbox drain looks for messages due (0: no drain on this replica)");

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-warning: warnings, sweeps and inboxes of e-Kinerja");
  using namespace ekinerja;
  using namespace ekinerja::warning;

  absl::StatusOr<clients::ServiceCredential> credential = clients::ReadServiceCredential(
      absl::GetFlag(FLAGS_identity_client_id), absl::GetFlag(FLAGS_identity_client_secret_file));
  if (!credential.ok()) {
    LogError(std::string(credential.status().message()));
    return 2;
  }
  WarningOptions options;
  options.jwt_issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.jwt_audience = absl::GetFlag(FLAGS_jwt_audience);
  options.jwt_cache_size = absl::GetFlag(FLAGS_jwt_cache_size);
  options.service.watch_poll = absl::GetFlag(FLAGS_watch_poll);
  options.scheduler.interval = absl::GetFlag(FLAGS_sweep_interval);
  options.scheduler.catch_up_days = absl::GetFlag(FLAGS_sweep_catch_up_days);
  options.drain.every = absl::GetFlag(FLAGS_outbox_interval);
  options.start_drain = options.drain.every > absl::ZeroDuration();
  const absl::Duration stream_timeout = absl::GetFlag(FLAGS_stream_timeout);
  const std::vector<EmbeddedFile> sql = WarningSql();

  return RunService(
      ServerOptionsFromFlags("warning"), sql, absl::GetFlag(FLAGS_migrate_only),
      [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
        // The channels' default deadline bounds every call, streams too: a sweep's streams may
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
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> scoring,
                            MakeChannel(absl::GetFlag(FLAGS_scoring), channel_options));
        WarningClients clients;
        clients.directory = clients::MakeIdentityDirectory(identity, *credential);
        // No cache: a sweep reads each day once.
        clients.attendance = clients::MakeAttendanceClient(attendance, absl::Seconds(5),
                                                           absl::ZeroDuration(), stream_timeout);
        clients.activity =
            clients::MakeActivityMonthsClient(activity, absl::Seconds(5), stream_timeout);
        clients.skp = clients::MakeSkpEvaluationsClient(skp, absl::Seconds(5), stream_timeout);
        clients.scoring = clients::MakeScoringClient(scoring, absl::Seconds(5), stream_timeout);
        clients.public_keys = auth::FetchJwksFromIdentity(identity, absl::Seconds(5));
        EK_ASSIGN_OR_RETURN(Warning built, BuildWarning(host, options, std::move(clients)));
        return std::move(built.setup);
      });
}

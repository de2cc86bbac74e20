// ekinerja-activity: the daily activity report (laporan kegiatan harian) — entries gated by the
// check-in, verification by the atasan langsung, the norma waktu catalogue, month summaries and
// locks (DOMAIN §5, §9).

#include <algorithm>

#include "absl/flags/flag.h"
#include "activity_wiring.h"
#include "channel.h"
#include "flags.h"
#include "grpcpp/grpcpp.h"
#include "jwks_proto.h"
#include "log.h"
#include "server_flags.h"
#include "status.h"
#include "verified_token_cache.h"

EKINERJA_SERVER_FLAGS(50053, 9103);
ABSL_FLAG(std::string, identity, "127.0.0.1:50051",
          "gRPC target of the identity service (host:port resolves by DNS to every replica)");
ABSL_FLAG(std::string, identity_client_id, "ekinerja-activity",
          "The service's deployment-wide account in identity (tenant 'platform', role SERVICE: "
          "identity's --service_accounts_file), exchanged for a token of each tenant that needs "
          "one: proposing realisations to the SKP service (SERVICE only there)");
ABSL_FLAG(std::string, identity_client_secret_file, "",
          "File holding the client secret of --identity_client_id (surrounding whitespace "
          "ignored); without it, realisation proposals cannot reach the SKP service");
ABSL_FLAG(std::string, attendance, "127.0.0.1:50054", "gRPC target of the attendance service");
ABSL_FLAG(std::string, skp, "127.0.0.1:50052", "gRPC target of the SKP service");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(int64_t, max_evidence_bytes, 1 << 20,
          "Largest evidence file (bukti dukung) kept with an entry, in bytes");
ABSL_FLAG(absl::Duration, checkin_cache, absl::Seconds(30),
          "How long attendance's answer for an employee's day is reused by the check-in gate");
ABSL_FLAG(absl::Duration, plan_cache, absl::Seconds(60),
          "How long SKP's approved plan of an employee's day is reused");
ABSL_FLAG(absl::Duration, stream_timeout, absl::Minutes(5),
          "Deadline of each stream read from attendance (a province's month of days)");

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-activity: the daily activity service of e-Kinerja");
  using namespace ekinerja;
  using namespace ekinerja::activity;

  absl::StatusOr<clients::ServiceCredential> credential = clients::ReadServiceCredential(
      absl::GetFlag(FLAGS_identity_client_id), absl::GetFlag(FLAGS_identity_client_secret_file));
  if (!credential.ok()) {
    LogError(std::string(credential.status().message()));
    return 2;
  }
  ActivityOptions options;
  options.jwt_issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.jwt_audience = absl::GetFlag(FLAGS_jwt_audience);
  options.jwt_cache_size = absl::GetFlag(FLAGS_jwt_cache_size);
  options.service.max_evidence_bytes = absl::GetFlag(FLAGS_max_evidence_bytes);
  const absl::Duration stream_timeout = absl::GetFlag(FLAGS_stream_timeout);

  return RunService(
      ServerOptionsFromFlags("activity"), ActivitySql(), absl::GetFlag(FLAGS_migrate_only),
      [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
        const ChannelOptions channel_options = ChannelOptionsFromFlags();
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> identity,
                            MakeChannel(absl::GetFlag(FLAGS_identity), channel_options));
        // The channel's default deadline bounds every call, streams too: attendance's streams
        // (month summaries) may take --stream_timeout, which the default would cut at
        // --rpc_deadline_seconds whatever the client asked.
        ChannelOptions attendance_options = channel_options;
        attendance_options.deadline =
            std::max(channel_options.deadline, absl::Ceil(stream_timeout, absl::Seconds(1)));
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> attendance,
                            MakeChannel(absl::GetFlag(FLAGS_attendance), attendance_options));
        EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> skp,
                            MakeChannel(absl::GetFlag(FLAGS_skp), channel_options));
        ActivityClients clients;
        clients.directory = clients::MakeIdentityDirectory(identity, *credential);
        clients.attendance = clients::MakeAttendanceClient(
            attendance, absl::Seconds(5), absl::GetFlag(FLAGS_checkin_cache), stream_timeout);
        clients.skp =
            clients::MakeSkpPlansClient(skp, absl::Seconds(5), absl::GetFlag(FLAGS_plan_cache));
        clients.public_keys = auth::FetchJwksFromIdentity(identity, absl::Seconds(5));
        EK_ASSIGN_OR_RETURN(Activity built, BuildActivity(host, options, std::move(clients)));
        return std::move(built.setup);
      });
}

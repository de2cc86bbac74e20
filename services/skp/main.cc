// ekinerja-skp: the annual performance contract (SKP) — plans, approvals, realisations,
// feedback and evaluations (PermenPANRB 6/2022 or PP 46 / Perka BKN 1/2013).

#include "absl/flags/flag.h"
#include "channel.h"
#include "flags.h"
#include "grpcpp/grpcpp.h"
#include "jwks_proto.h"
#include "server_flags.h"
#include "skp_wiring.h"
#include "status.h"
#include "verified_token_cache.h"

EKINERJA_SERVER_FLAGS(50052, 9102);
ABSL_FLAG(std::string, identity, "127.0.0.1:50051",
          "gRPC target of the identity service (host:port resolves by DNS to every replica)");
ABSL_FLAG(std::string, jwt_issuer, "ekinerja-identity", "`iss` the access tokens must carry");
ABSL_FLAG(std::string, jwt_audience, "ekinerja", "`aud` the access tokens must carry");
ABSL_FLAG(uint32_t, jwt_cache_size, ekinerja::auth::VerifiedTokenCache::kDefaultCapacity,
          "Access tokens remembered as verified, each until its exp (0: verify on every call)");
ABSL_FLAG(int64_t, max_evidence_bytes, 2 << 20,
          "Largest evidence file (bukti dukung) kept with a realisation, in bytes");

int main(int argc, char** argv) {
  ekinerja::ParseFlags(argc, argv, "ekinerja-skp: the SKP service of e-Kinerja");
  using namespace ekinerja;
  using namespace ekinerja::skp;

  SkpOptions options;
  options.jwt_issuer = absl::GetFlag(FLAGS_jwt_issuer);
  options.jwt_audience = absl::GetFlag(FLAGS_jwt_audience);
  options.jwt_cache_size = absl::GetFlag(FLAGS_jwt_cache_size);
  options.service.max_evidence_bytes = absl::GetFlag(FLAGS_max_evidence_bytes);

  return RunService(ServerOptionsFromFlags("skp"), SkpSql(), absl::GetFlag(FLAGS_migrate_only),
                    [&](ServiceHost& host) -> absl::StatusOr<ServiceSetup> {
                      EK_ASSIGN_OR_RETURN(
                          std::shared_ptr<grpc::Channel> identity,
                          MakeChannel(absl::GetFlag(FLAGS_identity), ChannelOptionsFromFlags()));
                      SkpClients clients;
                      clients.directory = clients::MakeIdentityDirectory(identity, {});
                      clients.public_keys = auth::FetchJwksFromIdentity(identity, absl::Seconds(5));
                      EK_ASSIGN_OR_RETURN(Skp built, BuildSkp(host, options, std::move(clients)));
                      return std::move(built.setup);
                    });
}

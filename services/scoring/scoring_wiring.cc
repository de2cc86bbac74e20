#include "scoring_wiring.h"

#include "request_log.h"
#include "scoring_sql.h"

namespace ekinerja::scoring {

std::vector<EmbeddedFile> ScoringSql() { return db::WithRequestLog(embedded::scoring_sql()); }

absl::StatusOr<Scoring> BuildScoring(ServiceHost& host, const ScoringOptions& options,
                                     ScoringClients clients) {
  if (clients.directory == nullptr || clients.attendance == nullptr ||
      clients.activity == nullptr || clients.skp == nullptr || !clients.public_keys) {
    return absl::InvalidArgumentError(
        "scoring needs a directory, attendance, activity, SKP and the public keys");
  }
  Scoring out;
  out.metrics = std::make_shared<ScoringMetrics>(host.metrics().registry());
  ScoringPeers peers{clients.directory.get(), clients.attendance.get(), clients.activity.get(),
                     clients.skp.get()};
  out.service =
      std::make_shared<ScoringServiceImpl>(host.pool(), peers, *out.metrics, options.service);
  auto jwks = std::make_shared<auth::JwksCache>(std::move(clients.public_keys));
  out.setup.services = {out.service.get()};
  out.setup.verifier = std::make_shared<JwtTokenVerifier>(
      jwks, options.jwt_issuer, options.jwt_audience, options.jwt_cache_size);
  out.setup.keep_alive = {clients.directory,
                          clients.attendance,
                          clients.activity,
                          clients.skp,
                          out.metrics,
                          out.service,
                          jwks};
  return out;
}

}  // namespace ekinerja::scoring

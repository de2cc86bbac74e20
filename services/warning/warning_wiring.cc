#include "warning_wiring.h"

#include "request_log.h"
#include "warning_sql.h"

namespace ekinerja::warning {

std::vector<EmbeddedFile> WarningSql() { return db::WithRequestLog(embedded::warning_sql()); }

absl::StatusOr<Warning> BuildWarning(ServiceHost& host, const WarningOptions& options,
                                     WarningClients clients) {
  if (clients.directory == nullptr || clients.attendance == nullptr ||
      clients.activity == nullptr || clients.skp == nullptr || clients.scoring == nullptr ||
      !clients.public_keys) {
    return absl::InvalidArgumentError(
        "the warning service needs a directory, attendance, activity, SKP, scoring and the "
        "public keys");
  }
  Warning out;
  out.parts = std::make_shared<WarningParts>();
  WarningParts& p = *out.parts;
  p.clients = std::move(clients);
  p.metrics = std::make_unique<WarningMetrics>(host.metrics().registry());
  SweepOptions sweep = options.sweep;
  sweep.signal = &p.signal;
  WarningPeers peers{p.clients.directory.get(), p.clients.attendance.get(),
                     p.clients.activity.get(), p.clients.skp.get(), p.clients.scoring.get()};
  p.sweeper = std::make_unique<Sweeper>(host.pool(), peers, *p.metrics, sweep);
  p.service =
      std::make_unique<WarningServiceImpl>(host.pool(), *p.sweeper, p.signal, options.service);
  p.jwks = std::make_shared<auth::JwksCache>(std::move(p.clients.public_keys));
  p.outbox_metrics = std::make_unique<OutboxMetrics>(host.metrics().registry());
  p.drain = std::make_unique<OutboxDrain>(host.pool(), *p.outbox_metrics, options.drain);
  if (options.start_drain) p.drain->Start();
  p.scheduler =
      std::make_unique<Scheduler>(host.pool(), *p.clients.directory, *p.sweeper, options.scheduler);
  out.setup.services = {p.service.get()};
  out.setup.verifier = std::make_shared<JwtTokenVerifier>(
      p.jwks, options.jwt_issuer, options.jwt_audience, options.jwt_cache_size);
  out.setup.keep_alive = {out.parts};
  return out;
}

}  // namespace ekinerja::warning

#include "server.h"

#include <csignal>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "log.h"
#include "migrate.h"
#include "prometheus/exposer.h"
#include "prometheus/registry.h"
#include "status.h"

namespace ekinerja {
namespace {}  // namespace

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Create(
    ServerOptions options, absl::Span<const EmbeddedFile> sql) {
  if (options.db_schema.empty()) options.db_schema = options.service;
  if (options.max_active_rpcs == 0) options.max_active_rpcs = options.db_pool_size;
  if (options.max_active_rpcs < 1 || options.max_queued_rpcs < 0 ||
      options.max_queue_wait < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "--max_active_rpcs must be positive (or 0: --db_pool_size), --max_queued_rpcs and "
        "--max_queue_wait_ms not negative");
  }
  const int threads_needed =
      options.max_active_rpcs + options.max_queued_rpcs + ServerOptions::kThreadHeadroom;
  if (options.max_threads != 0 && options.max_threads < threads_needed) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max_threads ", options.max_threads, " is too few: a queued call holds a thread, so it ",
        "must be at least --max_active_rpcs + --max_queued_rpcs + ", ServerOptions::kThreadHeadroom,
        " (", threads_needed, "), or 0 for no bound"));
  }
  EK_ASSIGN_OR_RETURN(auto applied, db::Migrate(options.db_url, options.db_schema, sql));
  if (!applied.empty()) {
    LogInfo("migrations applied",
            {{"schema", options.db_schema}, {"files", absl::StrJoin(applied, ",")}});
  }
  EK_ASSIGN_OR_RETURN(auto statements, db::NamedQueriesOf(sql));
  db::PoolOptions po;
  po.url = options.db_url;
  po.schema = options.db_schema;
  po.size = options.db_pool_size;
  po.max_wait = options.db_pool_wait;
  po.statements = std::move(statements);
  std::unique_ptr<ServiceHost> host(new ServiceHost(std::move(options), nullptr));
  host->pool_ = std::make_unique<db::Pool>(std::move(po), &host->metrics_.registry());
  AdmissionOptions ao;
  ao.max_active = host->options_.max_active_rpcs;
  ao.max_queued = host->options_.max_queued_rpcs;
  ao.max_queue_wait = host->options_.max_queue_wait;
  host->admission_ = std::make_unique<Admission>(ao, &host->metrics_.registry());
  EK_RETURN_IF_ERROR(host->pool_->Ping());
  return host;
}

ServiceHost::ServiceHost(ServerOptions options, std::unique_ptr<db::Pool> pool)
    : options_(std::move(options)), pool_(std::move(pool)) {}

ServiceHost::~ServiceHost() { Shutdown(); }

absl::Status ServiceHost::Start(const std::vector<grpc::Service*>& services,
                                std::shared_ptr<TokenVerifier> verifier,
                                absl::flat_hash_set<std::string> public_methods) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  EK_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> creds,
                      MakeServerCredentials(options_.tls));
  builder.AddListeningPort(absl::StrCat(options_.host, ":", options_.grpc_port), creds,
                           &grpc_port_);
  AcceptClientKeepalive(builder);
  builder.SetMaxReceiveMessageSize(options_.max_message_bytes);
  builder.SetMaxSendMessageSize(options_.max_message_bytes);
  if (options_.max_threads > 0) {  // else none: admission bounds what waits (server.h)
    grpc::ResourceQuota quota(absl::StrCat("ekinerja-", options_.service));
    quota.SetMaxThreads(options_.max_threads);
    builder.SetResourceQuota(quota);
  }
  for (grpc::Service* s : services) builder.RegisterService(s);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  // Admission first: it waits for a slot after the others saw the request (POST_RECV_* hooks run
  // the interceptors in reverse) and sets a shed call's status before metrics count it.
  interceptors.push_back(admission_->InterceptorFactory());
  interceptors.push_back(metrics_.InterceptorFactory());
  interceptors.push_back(
      MakeAuthInterceptorFactory(std::move(verifier), std::move(public_methods)));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  server_ = builder.BuildAndStart();
  if (!server_ || grpc_port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options_.host, ":", options_.grpc_port));
  }
  if (options_.metrics_port >= 0) {
    try {
      exposer_ = std::make_unique<prometheus::Exposer>(
          absl::StrCat(options_.host, ":", options_.metrics_port), 2);
    } catch (const std::exception& e) {
      return absl::UnavailableError(absl::StrCat("metrics port: ", e.what()));
    }
    exposer_->RegisterCollectable(
        std::weak_ptr<prometheus::Collectable>(metrics_.shared_registry()));
    auto ports = exposer_->GetListeningPorts();
    metrics_port_ = ports.empty() ? 0 : ports.front();
  }
  // Migrations ran in Create and the pool answered: serving from now on, while the DB answers.
  server_->GetHealthCheckService()->SetServingStatus(true);
  watcher_ = std::thread([this] { WatchDatabase(); });
  LogInfo("serving", {{"grpc", absl::StrCat(options_.host, ":", grpc_port_)},
                      {"metrics", absl::StrCat(options_.host, ":", metrics_port_)},
                      {"admission", absl::StrCat(options_.max_active_rpcs, " active, ",
                                                 options_.max_queued_rpcs, " queued for ",
                                                 absl::FormatDuration(options_.max_queue_wait))}});
  return absl::OkStatus();
}

void ServiceHost::WatchDatabase() {
  bool serving = true;
  while (!stopping_.WaitForNotificationWithTimeout(options_.health_interval)) {
    absl::Status st = pool_->Ping();
    if (st.ok() != serving) {
      serving = st.ok();
      server_->GetHealthCheckService()->SetServingStatus(serving);
      if (serving) {
        LogInfo("database answers again; SERVING");
      } else {
        LogError("database does not answer; NOT_SERVING", {{"error", st.message()}});
      }
    }
  }
}

void ServiceHost::Shutdown() {
  if (shut_down_.exchange(true)) return;
  if (!stopping_.HasBeenNotified()) stopping_.Notify();
  if (watcher_.joinable()) watcher_.join();
  if (server_) {
    server_->GetHealthCheckService()->SetServingStatus(false);
    // Queued calls may still run while the drain lasts; at its end, those still waiting are shed
    // (gRPC cancels calls then, but a call waiting for a slot would not notice).
    absl::Notification drained;
    std::thread closer([this, &drained] {
      if (!drained.WaitForNotificationWithTimeout(options_.drain)) admission_->Close();
    });
    server_->Shutdown(std::chrono::system_clock::now() +
                      std::chrono::milliseconds(absl::ToInt64Milliseconds(options_.drain)));
    server_->Wait();
    drained.Notify();
    closer.join();
  }
  exposer_.reset();
}

int RunService(ServerOptions options, absl::Span<const EmbeddedFile> sql, bool migrate_only,
               const std::function<absl::StatusOr<ServiceSetup>(ServiceHost&)>& setup) {
  InitLogging(options.service);
  // Signals are taken by sigwait below, in this thread only: block them before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (migrate_only) {
    auto applied = db::Migrate(
        options.db_url, options.db_schema.empty() ? options.service : options.db_schema, sql);
    if (!applied.ok()) {
      LogError("migration failed", {{"error", applied.status().ToString()}});
      return 1;
    }
    LogInfo("migrations done", {{"applied", absl::StrJoin(*applied, ",")}});
    return 0;
  }
  auto host = ServiceHost::Create(std::move(options), sql);
  if (!host.ok()) {
    LogError("cannot start", {{"error", host.status().ToString()}});
    return 1;
  }
  auto setup_result = setup(**host);
  if (!setup_result.ok()) {
    LogError("cannot start", {{"error", setup_result.status().ToString()}});
    return 1;
  }
  if (absl::Status st = (*host)->Start(setup_result->services, setup_result->verifier,
                                       setup_result->public_methods);
      !st.ok()) {
    LogError("cannot start", {{"error", st.ToString()}});
    return 1;
  }
  int sig = 0;
  sigwait(&signals, &sig);
  LogInfo("signal received; draining", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*host)->Shutdown();
  LogInfo("stopped");
  return 0;
}

}  // namespace ekinerja

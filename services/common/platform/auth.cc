#include "auth.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "admission.h"
#include "call_table.h"
#include "google/protobuf/message.h"
#include "public_methods.h"
#include "request_text.h"

namespace ekinerja {

bool Principal::Has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Principal::HasAny(std::initializer_list<Role> want) const {
  return std::any_of(want.begin(), want.end(), [this](Role r) { return Has(r); });
}

JwtTokenVerifier::JwtTokenVerifier(std::shared_ptr<auth::JwksCache> keys, std::string issuer,
                                   std::string audience, size_t cache_capacity, Clock clock)
    : keys_(std::move(keys)),
      issuer_(std::move(issuer)),
      audience_(std::move(audience)),
      clock_(std::move(clock)),
      cache_(cache_capacity) {}

namespace {

// UNAUTHENTICATED for verified claims that name no caller.
absl::StatusOr<Principal> PrincipalOf(const auth::Claims& claims) {
  if (claims.tenant.empty() || claims.sub.empty()) {
    return absl::UnauthenticatedError("token has no tenant or subject");
  }
  Principal p{claims.tenant, claims.sub, {}, claims.org_unit, claims.act_sub};
  for (const auto& name : claims.roles) {
    if (auto role = ParseRole(name)) p.roles.push_back(*role);
  }
  return p;
}

}  // namespace

absl::StatusOr<Principal> JwtTokenVerifier::Verify(absl::string_view token) {
  const std::string_view text(token.data(), token.size());
  const absl::Time now = clock_();
  if (auto cached = cache_.Find(text, now)) return PrincipalOf(*cached);

  auth::VerifyOptions options;
  options.issuer = issuer_;
  options.audience = audience_;
  options.now = now;
  auto claims = keys_->Verify(text, options);
  if (!claims.ok()) {
    if (claims.status().code() == absl::StatusCode::kUnauthenticated) return claims.status();
    return absl::UnavailableError(claims.status().message());
  }
  absl::StatusOr<Principal> principal = PrincipalOf(*claims);
  // Only a token that names a caller is remembered: failures are never cached.
  if (principal.ok()) cache_.Insert(text, *std::move(claims), now);
  return principal;
}

absl::string_view BearerToken(absl::string_view authorization) {
  authorization = absl::StripAsciiWhitespace(authorization);
  if (authorization.size() < 7 || !absl::EqualsIgnoreCase(authorization.substr(0, 7), "bearer ")) {
    return {};
  }
  return absl::StripAsciiWhitespace(authorization.substr(7));
}

namespace {

using grpc::experimental::InterceptionHookPoints;

// Outcomes of verification, and problems of the request's text, by call, from the interceptor to
// the handler.
struct Callers {
  CallTable<absl::StatusOr<Principal>> outcomes;
  CallTable<absl::Status> text_problems;
};

Callers& TheCallers() {
  static auto* callers = new Callers();
  return *callers;
}

// Verifies the token (none for a public method: `verifier` is null) and checks the text of the
// request messages (CheckRequestText).
class AuthInterceptor : public grpc::experimental::Interceptor {
 public:
  AuthInterceptor(TokenVerifier* verifier, const void* ctx) : verifier_(verifier), ctx_(ctx) {}
  ~AuthInterceptor() override {
    TheCallers().outcomes.Erase(ctx_);
    TheCallers().text_problems.Erase(ctx_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      // Every service here is generated from protos: the received message is one.
      const auto* request =
          static_cast<const google::protobuf::Message*>(methods->GetRecvMessage());
      if (request != nullptr) {
        if (absl::Status text = CheckRequestText(*request); !text.ok()) {
          TheCallers().text_problems.Set(ctx_, std::move(text));
        }
      }
    }
    if (verifier_ != nullptr &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      absl::StatusOr<Principal> outcome = absl::UnauthenticatedError("missing bearer token");
      auto* md = methods->GetRecvInitialMetadata();
      // Several entries are refused: a proxy in front could have judged another one than this.
      if (md->count("authorization") > 1) {
        outcome = absl::UnauthenticatedError("more than one authorization entry");
      } else if (auto it = md->find("authorization"); it != md->end()) {
        absl::string_view token =
            BearerToken(absl::string_view(it->second.data(), it->second.size()));
        outcome = token.empty() ? absl::UnauthenticatedError("authorization is not a bearer token")
                                : verifier_->Verify(token);
      }
      TheCallers().outcomes.Set(ctx_, std::move(outcome));
    }
    methods->Proceed();
  }

 private:
  TokenVerifier* verifier_;
  const void* ctx_;
};

class AuthInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  AuthInterceptorFactory(std::shared_ptr<TokenVerifier> verifier,
                         absl::flat_hash_set<std::string> public_methods)
      : verifier_(std::move(verifier)), public_(std::move(public_methods)) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    absl::string_view method = info->method();
    if (IsInfrastructureMethod(method)) return nullptr;
    return new AuthInterceptor(public_.contains(method) ? nullptr : verifier_.get(),
                               info->server_context());
  }

 private:
  std::shared_ptr<TokenVerifier> verifier_;
  absl::flat_hash_set<std::string> public_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> MakeAuthInterceptorFactory(
    std::shared_ptr<TokenVerifier> verifier, absl::flat_hash_set<std::string> public_methods) {
  return std::make_unique<AuthInterceptorFactory>(std::move(verifier), std::move(public_methods));
}

absl::StatusOr<Principal> CallerOf(const grpc::ServerContextBase* context) {
  if (absl::Status shed = AdmissionOf(context); !shed.ok()) return shed;
  std::optional<absl::StatusOr<Principal>> outcome = TheCallers().outcomes.Get(context);
  if (!outcome) return absl::UnauthenticatedError("no access token");
  if (!outcome->ok()) return *outcome;
  if (std::optional<absl::Status> text = TheCallers().text_problems.Get(context)) return *text;
  return *outcome;
}

absl::Status RequestTextOf(const grpc::ServerContextBase* context) {
  if (absl::Status shed = AdmissionOf(context); !shed.ok()) return shed;
  return TheCallers().text_problems.Get(context).value_or(absl::OkStatus());
}

}  // namespace ekinerja

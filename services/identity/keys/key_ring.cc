#include "keys/key_ring.h"

#include "absl/strings/str_cat.h"
#include "crypto.h"
#include "status.h"
#include "store/store.h"

namespace ekinerja::identity {
namespace {
// Other replicas may rotate: look again at least this often.
constexpr absl::Duration kReloadEvery = absl::Seconds(30);

absl::StatusOr<store::SigningKeyRow> NewKey() {
  const std::string kid = absl::StrCat(absl::FormatTime("%Y%m%d", absl::Now(), absl::UTCTimeZone()),
                                       "-", auth::RandomToken(6));
  EK_ASSIGN_OR_RETURN(auth::SigningKey key, auth::SigningKey::Generate(kid));
  return store::SigningKeyRow{kid, key.PrivateKeyPem(), true};
}
}  // namespace

KeyRing::KeyRing(db::Pool& pool, absl::Duration publish_retired_for)
    : pool_(pool), publish_retired_for_(publish_retired_for) {}

absl::Status KeyRing::EnsureKey() {
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
    store::LockSigningKeys(tx);
    for (const auto& k : store::LiveSigningKeys(tx, publish_retired_for_)) {
      if (k.current) return absl::OkStatus();
    }
    EK_ASSIGN_OR_RETURN(store::SigningKeyRow row, NewKey());
    store::RotateSigningKey(tx, row);
    return absl::OkStatus();
  }));
  absl::MutexLock lock(&mu_);
  return Reload();
}

absl::Status KeyRing::Reload() {
  std::vector<store::SigningKeyRow> rows;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
    rows = store::LiveSigningKeys(tx, publish_retired_for_);
    return absl::OkStatus();
  }));
  std::vector<auth::SigningKey> keys;
  for (const auto& r : rows) {
    EK_ASSIGN_OR_RETURN(auth::SigningKey k, auth::SigningKey::FromPem(r.kid, r.private_pem));
    // The current key goes first.
    if (r.current) {
      keys.insert(keys.begin(), std::move(k));
    } else {
      keys.push_back(std::move(k));
    }
  }
  if (keys.empty()) return absl::FailedPreconditionError("no signing key");
  keys_ = std::move(keys);
  loaded_at_ = absl::Now();
  return absl::OkStatus();
}

absl::Status KeyRing::ReloadIfStale() {
  if (absl::Now() - loaded_at_ < kReloadEvery) return absl::OkStatus();
  return Reload();
}

absl::StatusOr<std::string> KeyRing::Sign(const auth::Claims& claims) {
  absl::MutexLock lock(&mu_);
  EK_RETURN_IF_ERROR(ReloadIfStale());
  return keys_.front().Sign(claims);
}

absl::StatusOr<std::vector<auth::PublicJwk>> KeyRing::PublicKeys() {
  absl::MutexLock lock(&mu_);
  EK_RETURN_IF_ERROR(ReloadIfStale());
  std::vector<auth::PublicJwk> out;
  for (const auto& k : keys_) out.push_back(k.ToJwk());
  return out;
}

absl::StatusOr<std::string> KeyRing::Rotate() {
  EK_ASSIGN_OR_RETURN(store::SigningKeyRow row, NewKey());
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) {
    store::RotateSigningKey(tx, row);
    return absl::OkStatus();
  }));
  absl::MutexLock lock(&mu_);
  EK_RETURN_IF_ERROR(Reload());
  return row.kid;
}

}  // namespace ekinerja::identity

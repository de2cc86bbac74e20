#include "keys/key_ring.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "log.h"
#include "status.h"

namespace ekinerja::identity {
namespace {
// Other replicas may rotate: look again at least this often.
constexpr absl::Duration kReloadEvery = absl::Seconds(30);
}  // namespace

KeyRing::KeyRing(db::Pool& pool, absl::Duration publish_retired_for, auth::Aes256Key kek,
                 std::optional<auth::Aes256Key> previous_kek)
    : pool_(pool),
      publish_retired_for_(publish_retired_for),
      kek_(std::move(kek)),
      previous_kek_(std::move(previous_kek)) {}

store::SigningKeyRow KeyRing::Seal(const std::string& kid, const std::string& pem,
                                   bool current) const {
  const auth::Sealed sealed = auth::SealAes256Gcm(kek_, pem, kid);
  store::SigningKeyRow row;
  row.kid = kid;
  row.kek_id = kek_.id;
  row.nonce = auth::Base64UrlEncode(sealed.nonce);
  row.sealed_key = auth::Base64UrlEncode(sealed.ciphertext);
  row.current = current;
  return row;
}

absl::StatusOr<std::string> KeyRing::Open(const store::SigningKeyRow& row) const {
  if (!row.private_pem.empty()) return row.private_pem;
  const auth::Aes256Key* kek = row.kek_id == kek_.id                              ? &kek_
                               : previous_kek_ && row.kek_id == previous_kek_->id ? &*previous_kek_
                                                                                  : nullptr;
  if (kek == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "signing key ", row.kid, " is sealed under key-encryption key ", row.kek_id,
        ", but this identity has ", kek_.id,
        previous_kek_ ? absl::StrCat(" and previous ", previous_kek_->id) : "",
        ": start it with the KEK that sealed the keys (--signing_kek_file or "
        "EKINERJA_SIGNING_KEK; when rotating, that one as --signing_kek_previous_file)"));
  }
  auto nonce = auth::Base64UrlDecode(row.nonce);
  auto ciphertext = auth::Base64UrlDecode(row.sealed_key);
  absl::StatusOr<std::string> pem =
      nonce.ok() && ciphertext.ok()
          ? auth::OpenAes256Gcm(*kek, {*nonce, *ciphertext}, row.kid)
          : absl::InvalidArgumentError("nonce or sealed_key is not base64url");
  if (!pem.ok()) {
    return absl::FailedPreconditionError(absl::StrCat("signing key ", row.kid,
                                                      " does not open with key-encryption key ",
                                                      kek->id, " (", pem.status().message(), ")"));
  }
  return pem;
}

absl::StatusOr<store::SigningKeyRow> KeyRing::NewKey() const {
  const std::string kid = absl::StrCat(absl::FormatTime("%Y%m%d", absl::Now(), absl::UTCTimeZone()),
                                       "-", auth::RandomToken(6));
  EK_ASSIGN_OR_RETURN(auth::SigningKey key, auth::SigningKey::Generate(kid));
  return Seal(kid, key.PrivateKeyPem(), true);
}

absl::Status KeyRing::EnsureKey() {
  int sealed = 0, resealed = 0;
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
    store::LockSigningKeys(tx);
    bool has_current = false;
    for (const store::SigningKeyRow& row : store::AllSigningKeys(tx)) {
      // Every key must open, retired or not: a wrong KEK is refused before anything changes.
      EK_ASSIGN_OR_RETURN(std::string pem, Open(row));
      has_current |= row.current;
      if (row.kek_id == kek_.id) continue;
      store::SealSigningKey(tx, Seal(row.kid, pem, row.current));
      ++(row.private_pem.empty() ? resealed : sealed);
    }
    if (!has_current) {
      EK_ASSIGN_OR_RETURN(store::SigningKeyRow row, NewKey());
      store::RotateSigningKey(tx, row);
    }
    return absl::OkStatus();
  }));
  if (sealed + resealed > 0) {
    LogInfo(absl::StrCat("signing keys sealed under key-encryption key ", kek_.id, ": ", sealed,
                         " from plaintext, ", resealed, " from the previous key-encryption key"));
  }
  absl::MutexLock lock(&mu_);
  return Reload();
}

absl::Status KeyRing::Reload() {
  std::vector<store::SigningKeyRow> rows;
  EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) {
    rows = store::LiveSigningKeys(tx, publish_retired_for_);
    return absl::OkStatus();
  }));
  const auto loaded = [&](const std::string& kid) {
    return std::find_if(keys_.begin(), keys_.end(),
                        [&](const auth::SigningKey& k) { return k.kid() == kid; });
  };
  // A key already loaded is kept as it is (opened once per process, not every kReloadEvery); the
  // others are opened first, so that a failure leaves the ring as it was.
  std::vector<std::optional<auth::SigningKey>> opened(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (loaded(rows[i].kid) != keys_.end()) continue;
    EK_ASSIGN_OR_RETURN(std::string pem, Open(rows[i]));
    EK_ASSIGN_OR_RETURN(auth::SigningKey k, auth::SigningKey::FromPem(rows[i].kid, pem));
    opened[i].emplace(std::move(k));
  }
  std::vector<auth::SigningKey> keys;
  for (size_t i = 0; i < rows.size(); ++i) {
    auth::SigningKey k = opened[i] ? std::move(*opened[i]) : std::move(*loaded(rows[i].kid));
    // The current key goes first.
    if (rows[i].current) {
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

#pragma once

// Certificates made at run time for TLS tests (OpenSSL's C API, which the platform links): a
// self-signed CA and the certificates it issues, written as PEM files into a temp dir that goes
// away with the TestPki.
//
//   auto pki = TestPki::Create();                      // the CA
//   auto server = (*pki)->Issue("server");             // for 127.0.0.1 and localhost
//   options.tls = {(*pki)->ca_file(), server->cert_file, server->key_file};
//
// MutualTls makes the usual set at once: the CA, a server's and a client's certificates.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "channel.h"

namespace ekinerja::integration {

class TestPki {
 public:
  struct Issued {
    std::string cert_file;
    std::string key_file;
  };

  // A new CA named `name` (its subject's CN) in a new temp dir.
  static absl::StatusOr<std::unique_ptr<TestPki>> Create(const std::string& name = "Test CA") {
    std::string dir = (std::filesystem::temp_directory_path() / "ekinerja-pki-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) return absl::InternalError("mkdtemp failed");
    std::unique_ptr<TestPki> pki(new TestPki(dir));
    pki->ca_key_.reset(NewKey());
    pki->ca_cert_.reset(
        MakeCert(name, pki->ca_key_.get(), nullptr, pki->ca_key_.get(), /*ca=*/true));
    if (pki->ca_key_ == nullptr || pki->ca_cert_ == nullptr) {
      return absl::InternalError("cannot make the test CA");
    }
    pki->ca_file_ = absl::StrCat(dir, "/ca.pem");
    if (!WriteCert(pki->ca_file_, pki->ca_cert_.get())) {
      return absl::InternalError(absl::StrCat("cannot write ", pki->ca_file_));
    }
    return pki;
  }

  ~TestPki() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TestPki(const TestPki&) = delete;
  TestPki& operator=(const TestPki&) = delete;

  // The CA's certificate (PEM): what peers trust.
  const std::string& ca_file() const { return ca_file_; }

  // A certificate for 127.0.0.1 and localhost (server and client use), CN `name`, and its key.
  absl::StatusOr<Issued> Issue(const std::string& name) {
    std::unique_ptr<EVP_PKEY, PkeyFree> key(NewKey());
    if (key == nullptr) return absl::InternalError("cannot make a key");
    std::unique_ptr<X509, X509Free> cert(
        MakeCert(name, key.get(), ca_cert_.get(), ca_key_.get(), /*ca=*/false));
    if (cert == nullptr) return absl::InternalError(absl::StrCat("cannot issue ", name));
    Issued out{absl::StrCat(dir_, "/", name, ".pem"), absl::StrCat(dir_, "/", name, "-key.pem")};
    if (!WriteCert(out.cert_file, cert.get()) || !WriteKey(out.key_file, key.get())) {
      return absl::InternalError(absl::StrCat("cannot write ", name, "'s files"));
    }
    return out;
  }

 private:
  struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
  };
  struct X509Free {
    void operator()(X509* c) const { X509_free(c); }
  };

  explicit TestPki(std::string dir) : dir_(std::move(dir)) {}

  static EVP_PKEY* NewKey() { return EVP_EC_gen("P-256"); }

  static bool AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext == nullptr) return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
  }

  // Valid from an hour ago for a day; self-signed when `issuer` is null.
  static X509* MakeCert(const std::string& cn, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key,
                        bool ca) {
    static int serial = 1;
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), serial++);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer) : name);
    X509* signer = issuer != nullptr ? issuer : cert;
    bool ok = AddExtension(cert, signer, NID_subject_key_identifier, "hash") &&
              AddExtension(cert, signer, NID_authority_key_identifier, "keyid:always");
    if (ca) {
      ok = ok && AddExtension(cert, signer, NID_basic_constraints, "critical,CA:TRUE") &&
           AddExtension(cert, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
      ok = ok && AddExtension(cert, signer, NID_basic_constraints, "critical,CA:FALSE") &&
           AddExtension(cert, signer, NID_key_usage, "critical,digitalSignature") &&
           AddExtension(cert, signer, NID_ext_key_usage, "serverAuth,clientAuth") &&
           AddExtension(cert, signer, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
    }
    if (!ok || X509_sign(cert, issuer_key, EVP_sha256()) == 0) {
      X509_free(cert);
      return nullptr;
    }
    return cert;
  }

  static bool WriteCert(const std::string& path, X509* cert) {
    FILE* f = fopen(path.c_str(), "w");
    if (f == nullptr) return false;
    const bool ok = PEM_write_X509(f, cert) == 1;
    return fclose(f) == 0 && ok;
  }
  static bool WriteKey(const std::string& path, EVP_PKEY* key) {
    FILE* f = fopen(path.c_str(), "w");
    if (f == nullptr) return false;
    const bool ok = PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    return fclose(f) == 0 && ok;
  }

  const std::string dir_;
  std::string ca_file_;
  std::unique_ptr<EVP_PKEY, PkeyFree> ca_key_;
  std::unique_ptr<X509, X509Free> ca_cert_;
};

// A CA and the certificates it issued to a server and to its client, for mutual TLS.
struct MutualTls {
  std::unique_ptr<TestPki> pki;
  TestPki::Issued server, client;

  static absl::StatusOr<MutualTls> Create(const std::string& server, const std::string& client) {
    MutualTls out;
    auto pki = TestPki::Create("e-Kinerja test CA");
    if (!pki.ok()) return pki.status();
    out.pki = *std::move(pki);
    auto s = out.pki->Issue(server);
    if (!s.ok()) return s.status();
    auto c = out.pki->Issue(client);
    if (!c.ok()) return c.status();
    out.server = *s;
    out.client = *c;
    return out;
  }
  // What the server's and the client's TLS options name.
  TlsFiles ServerFiles() const { return {pki->ca_file(), server.cert_file, server.key_file}; }
  TlsFiles ClientFiles() const { return {pki->ca_file(), client.cert_file, client.key_file}; }
};

}  // namespace ekinerja::integration

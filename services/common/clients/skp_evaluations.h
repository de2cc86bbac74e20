#pragma once

// What a service asks the SKP service about a period's SKPs as a batch (DESIGN §10): every
// evaluation of a period of a unit in one stream (scoring: the monthly rating of the assessment
// model, the annual kotak and the annual performance), and where every SKP of a year stands in
// one stream (warnings: not submitted, not approved). Behind an interface so the services' tests
// run against tests/mocks/fake_skp_evaluations.h.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::clients {

// An evaluation as SKP keeps it, names without their enum prefixes.
struct SkpEvaluation {
  std::string nip, org_unit_code;
  int64_t skp_id = 0;
  // "2026-M03", "2026-Q1", or the year "2026".
  std::string period;
  // "PERMENPANRB_6_2022" or "PP46".
  std::string model;
  // 6/2022: "DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI" and the predikat
  // ("SANGAT_BAIK" ... "SANGAT_KURANG"); PP 46: the nilai prestasi kerja ("83.25").
  std::string rating_hasil_kerja, rating_perilaku, predikat, nilai_prestasi_kerja;
  // Annual ratings of a finalised unit no longer change.
  bool final = false;
};

// Where an employee's SKP of a year stands (SKP's StreamSkpStatus).
struct SkpYearStatus {
  std::string nip;
  int64_t skp_id = 0;
  // The latest revision's status without its prefix: "DRAFT", "SUBMITTED", "APPROVED" or
  // "REJECTED".
  std::string status;
  // The revision approved (0 when none is).
  int approved_revision = 0;
  // When the SKP was first submitted and first approved, each when it was.
  std::optional<absl::Time> first_submit_time, first_approve_time;
};

class SkpEvaluations {
 public:
  virtual ~SkpEvaluations() = default;

  // Every evaluation of `period` of `org_unit`'s subtree ("" = the tenant), NIP order, handed to
  // `each` as they stream in; one call (tenant-wide roles and SERVICE). An employee with two
  // SKPs in the period (a position change) has two.
  virtual absl::Status StreamEvaluations(const std::string& bearer, const std::string& period,
                                         const std::string& org_unit,
                                         const std::function<void(const SkpEvaluation&)>& each) = 0;

  // `nip`'s evaluations of the year itself (period "2026"), one per SKP of the year that has one,
  // asked with the caller's own token (SKP decides who may read whom): ListSkps and then
  // ListEvaluations of each.
  virtual absl::StatusOr<std::vector<SkpEvaluation>> AnnualEvaluationsOf(const std::string& bearer,
                                                                         const std::string& nip,
                                                                         int year) = 0;

  // Where every SKP of `year` of `org_unit`'s subtree ("" = the tenant) stands, NIP order, handed
  // to `each` as they stream in; one call (SKP's StreamSkpStatus: tenant-wide roles and SERVICE).
  // An employee without an SKP of the year is absent. PERMISSION_DENIED and INVALID_ARGUMENT pass
  // through; SKP's other failures are UNAVAILABLE "skp: ...".
  virtual absl::Status StreamSkpStatus(const std::string& bearer, int year,
                                       const std::string& org_unit,
                                       const std::function<void(const SkpYearStatus&)>& each) = 0;
};

// The SkpEvaluations over SKP's gRPC API on `channel`: each unary call bounded by `timeout`, a
// stream by `stream_timeout`.
std::unique_ptr<SkpEvaluations> MakeSkpEvaluationsClient(
    std::shared_ptr<grpc::Channel> channel, absl::Duration timeout = absl::Seconds(5),
    absl::Duration stream_timeout = absl::Minutes(5));

}  // namespace ekinerja::clients

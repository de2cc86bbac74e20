#pragma once

// What a service asks the activity service (DESIGN §10): the month summaries of a whole unit in
// one stream (scoring's productivity, warnings' missing reports), the day filings and the
// verifiers' queues of a whole tenant in one stream each (the warning service's daily sweep), and
// the month lock a LOCKED TPP run puts on it. Behind an interface so the services' tests run
// against tests/mocks/fake_activity_months.h.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}

namespace ekinerja::clients {

// One employee's month as the activity service summarises it (DOMAIN §5).
struct ActivityMonth {
  std::string nip;
  int workdays = 0, workdays_present = 0;
  // Workdays present without a submitted entry, and without an approved one.
  std::vector<absl::CivilDay> present_without_submitted, present_without_approved;
  int64_t approved_minutes = 0, target_minutes = 0;
  // min(1, approved / target), and approved / submitted entries (0/1 when none), exact.
  int64_t capaian_numerator = 0, capaian_denominator = 1;
  int64_t approval_numerator = 0, approval_denominator = 1;
  bool locked = false;
};

// A (nip, work date) with at least one entry that is not WITHDRAWN (StreamDayFilings).
struct DayFiling {
  std::string nip;
  absl::CivilDay work_date;
  // Entries not WITHDRAWN, and how many of them were submitted (SUBMITTED, APPROVED, REJECTED or
  // RETURNED).
  int entries = 0, submitted = 0;
};

// A verifier's queue (StreamPendingApprovals): entries SUBMITTED to them before an instant.
struct PendingApprovals {
  // "": the top of the tree's entries, which the tenant admin verifies.
  std::string verifier_nip;
  int pending = 0;
  absl::Time oldest_submit_time;
};

class ActivityMonths {
 public:
  virtual ~ActivityMonths() = default;

  // Every employee of `org_unit`'s subtree ("" = the tenant) for the month, NIP order, handed to
  // `each` as they stream in; one call (tenant-wide roles and SERVICE).
  virtual absl::Status StreamMonths(const std::string& bearer, const std::string& org_unit,
                                    int year, int month,
                                    const std::function<void(const ActivityMonth&)>& each) = 0;

  // Every (nip, work date) of the tenant in [first, last] (at most 31 days) with an entry that is
  // not WITHDRAWN, in (nip, date) order, handed to `each` as they stream in; one call
  // (StreamDayFilings; tenant-wide roles and SERVICE). A bad range is INVALID_ARGUMENT.
  virtual absl::Status StreamDayFilings(const std::string& bearer, absl::CivilDay first,
                                        absl::CivilDay last,
                                        const std::function<void(const DayFiling&)>& each) = 0;

  // Every verifier's queue of the tenant, counting the entries submitted before
  // `submitted_before`, by verifier NIP ("" first); one call (StreamPendingApprovals; tenant-wide
  // roles and SERVICE).
  virtual absl::Status StreamPendingApprovals(
      const std::string& bearer, absl::Time submitted_before,
      const std::function<void(const PendingApprovals&)>& each) = 0;

  // Locks or unlocks the tenant's month with a SERVICE token of the tenant; idempotent.
  // `reference` names the TPP run ("tppRuns/42").
  virtual absl::Status LockMonth(const std::string& service_bearer, int year, int month,
                                 const std::string& reference) = 0;
  virtual absl::Status UnlockMonth(const std::string& service_bearer, int year, int month,
                                   const std::string& reference) = 0;
};

// The ActivityMonths over activity's gRPC API on `channel`: each unary call bounded by `timeout`,
// a stream by `stream_timeout` (a province's month streams for a while).
std::unique_ptr<ActivityMonths> MakeActivityMonthsClient(
    std::shared_ptr<grpc::Channel> channel, absl::Duration timeout = absl::Seconds(5),
    absl::Duration stream_timeout = absl::Minutes(5));

}  // namespace ekinerja::clients

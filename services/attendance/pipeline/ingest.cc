#include "pipeline/ingest.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "civil.h"
#include "log.h"
#include "status.h"

namespace ekinerja::attendance {

IngestCounts& IngestCounts::operator+=(const IngestCounts& o) {
  accepted += o.accepted;
  duplicate += o.duplicate;
  quarantined += o.quarantined;
  unknown_pin += o.unknown_pin;
  days_recomputed += o.days_recomputed;
  return *this;
}

Ingestor::Ingestor(db::Pool& pool, Recomputer& recomputer, AttendanceMetrics& metrics)
    : pool_(pool), recomputer_(recomputer), metrics_(metrics) {}

absl::StatusOr<store::DeviceRow> Ingestor::SeenDevice(const std::string& serial) {
  absl::StatusOr<store::DeviceRow> device;
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) {
    device = store::FindDeviceBySerial(tx, serial);
    if (device.ok()) store::TouchDevice(tx, device->tenant, serial, absl::Now());
    return absl::OkStatus();
  }));
  return device;
}

absl::StatusOr<store::DeviceRow> Ingestor::SeenDevice(const std::string& tenant,
                                                      const std::string& serial) {
  absl::StatusOr<store::DeviceRow> device;
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) {
    device = store::GetDevice(tx, tenant, serial);
    if (device.ok()) store::TouchDevice(tx, tenant, serial, absl::Now());
    return absl::OkStatus();
  }));
  return device;
}

absl::StatusOr<IngestCounts> Ingestor::Ingest(const store::DeviceRow& device,
                                              const std::vector<store::PunchIn>& punches,
                                              store::Source source,
                                              std::set<store::DayKey>* deferred) {
  IngestCounts counts;
  EK_ASSIGN_OR_RETURN(const absl::TimeZone zone, LoadZone(device.time_zone));
  std::set<store::DayKey> touched;
  EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
    const store::RulesRow rules = store::GetRules(tx, device.tenant);
    const absl::Time latest = absl::Now() + absl::Minutes(rules.future_tolerance_minutes);
    const absl::Time in_service = StartOfDay(device.in_service_date, zone);
    std::vector<store::PunchIn> good, quarantined;
    std::vector<std::string> reasons;
    for (const auto& p : punches) {
      if (p.at > latest) {
        quarantined.push_back(p);
        reasons.push_back("future");
      } else if (p.at < in_service) {
        quarantined.push_back(p);
        reasons.push_back("before_in_service");
      } else {
        good.push_back(p);
      }
    }
    const store::InsertResult inserted =
        store::InsertPunches(tx, device.tenant, device.serial, good, source);
    const int64_t new_quarantined =
        store::InsertQuarantined(tx, device.tenant, device.serial, quarantined, reasons, source);
    counts.duplicate =
        inserted.duplicate + static_cast<int64_t>(quarantined.size()) - new_quarantined;
    counts.quarantined = new_quarantined;
    for (const auto& p : inserted.inserted) {
      if (p.nip.empty()) {
        ++counts.unknown_pin;
        continue;
      }
      ++counts.accepted;
      // A punch can fall in the shift window of its own date or of a neighbour (night shifts).
      const absl::CivilDay day = LocalDay(p.at, zone);
      for (int d = -1; d <= 1; ++d) touched.insert({p.nip, day + d});
    }
    const std::vector<store::DayKey> keys(touched.begin(), touched.end());
    store::MarkDirty(tx, device.tenant, keys);
    return absl::OkStatus();
  }));
  metrics_.Punches(device.serial, "accepted", counts.accepted);
  metrics_.Punches(device.serial, "duplicate", counts.duplicate);
  metrics_.Punches(device.serial, "quarantined", counts.quarantined);
  metrics_.Punches(device.serial, "unknown_pin", counts.unknown_pin);
  if (deferred != nullptr) {
    deferred->insert(touched.begin(), touched.end());
  } else if (!touched.empty()) {
    auto recomputed = recomputer_.Recompute(
        device.tenant, std::vector<store::DayKey>(touched.begin(), touched.end()));
    if (recomputed.ok()) {
      counts.days_recomputed = *recomputed;
    } else {
      LogWarn("punches stored; their days stay dirty until a reader recomputes them",
              {{"tenant", device.tenant}, {"error", recomputed.status().ToString()}});
    }
  }
  return counts;
}

absl::StatusOr<IngestCounts> Ingestor::IngestLog(const store::DeviceRow& device,
                                                 const std::vector<LogPunch>& punches,
                                                 store::Source source) {
  EK_ASSIGN_OR_RETURN(const absl::TimeZone zone, LoadZone(device.time_zone));
  std::vector<store::PunchIn> in;
  in.reserve(punches.size());
  for (const auto& p : punches) {
    in.push_back({p.pin, absl::FromCivil(p.local_time, zone), p.status, p.verify});
  }
  return Ingest(device, in, source);
}

}  // namespace ekinerja::attendance

// AttendanceService: devices, PIN mappings and the punches of PushPunches and ImportAttendanceLog
// (the ADMS path is adms/adms_handler.cc; all three go through Ingestor).

#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "api/attendance_service.h"
#include "api/rpc_support.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/attlog.h"
#include "nip.h"
#include "page_token.h"
#include "request_log.h"
#include "status.h"
#include "text.h"

namespace ekinerja::attendance {
namespace {

// The most punches one PushPunches message may carry.
constexpr int kMaxPunchesPerMessage = 10000;

void ValidateSerial(const std::string& serial, const std::string& field, Violations& v) {
  if (serial.empty() || serial.size() > 64) {
    v.Add(field, "required: 1-64 letters, digits, '-' or '_'");
    return;
  }
  for (char c : serial) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') {
      v.Add(field, "only letters, digits, '-' and '_'");
      return;
    }
  }
}

void ToProto(const store::DeviceRow& d, v1::Device* out) {
  out->set_serial_number(d.serial);
  out->set_time_zone(d.time_zone);
  out->set_org_unit_code(d.org_unit_code);
  *out->mutable_in_service_date() = ToProtoDate(d.in_service_date);
  out->set_description(d.description);
  *out->mutable_register_time() = ToProtoTimestamp(d.register_time);
  if (d.last_seen) *out->mutable_last_seen_time() = ToProtoTimestamp(*d.last_seen);
}

void ToProto(const IngestCounts& c, v1::IngestReport* out) {
  out->set_accepted(out->accepted() + c.accepted);
  out->set_duplicate(out->duplicate() + c.duplicate);
  out->set_quarantined(out->quarantined() + c.quarantined);
  out->set_unknown_pin(out->unknown_pin() + c.unknown_pin);
  out->set_days_recomputed(out->days_recomputed() + c.days_recomputed);
}

std::string PairKey(const std::string& serial, const std::string& pin) {
  return absl::StrCat(serial, "\n", pin);
}

}  // namespace

grpc::Status AttendanceServiceImpl::RegisterDevice(grpc::ServerContext* ctx,
                                                   const v1::RegisterDeviceRequest* req,
                                                   v1::Device* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    EK_ASSIGN_OR_RETURN(const WorkDateWindow window, WorkDates(caller));
    const v1::Device& d = req->device();
    Violations v;
    ValidateSerial(d.serial_number(), "device.serial_number", v);
    if (!IsIndonesianZone(d.time_zone())) {
      v.Add("device.time_zone", "required: Asia/Jakarta, Asia/Makassar or Asia/Jayapura");
    }
    auto in_service = ParseWorkDate(window, d.in_service_date(), "device.in_service_date");
    v.Merge(in_service.status());
    CheckText(v, "device.description", d.description(), kNameText);
    CheckText(v, "device.org_unit_code", d.org_unit_code(), kIdText);
    EK_RETURN_IF_ERROR(v.ToStatus());
    if (!d.org_unit_code().empty()) {  // identity's unit, as a schedule's
      const absl::Status unit = directory_.CheckOrgUnit(caller.bearer, d.org_unit_code());
      if (absl::IsNotFound(unit) || absl::IsInvalidArgument(unit)) {
        return InvalidField("device.org_unit_code", "no org unit with this code in the tenant");
      }
      EK_RETURN_IF_ERROR(unit);
    }

    store::DeviceRow row;
    row.tenant = caller.tenant();
    row.serial = d.serial_number();
    row.time_zone = d.time_zone();
    row.org_unit_code = d.org_unit_code();
    row.in_service_date = *in_service;
    row.description = d.description();
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_RETURN_IF_ERROR(store::InsertDevice(tx, row));
      EK_ASSIGN_OR_RETURN(row, store::GetDevice(tx, row.tenant, row.serial));
      db::Audit(tx, caller.tenant(), caller.principal.subject, "RegisterDevice", row.serial, "");
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::ListDevices(grpc::ServerContext* ctx,
                                                const v1::ListDevicesRequest* req,
                                                v1::ListDevicesResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (!caller.ReadsTenant()) {
      return absl::PermissionDeniedError("listing devices needs a tenant-wide role");
    }
    EK_ASSIGN_OR_RETURN(const int size, PageSize(req->page_size()));
    const std::string fp = "devices";
    EK_ASSIGN_OR_RETURN(const std::string after, DecodePageToken(req->page_token(), fp));
    return pool_.Read([&](db::Tx& tx) {
      const auto rows = store::ListDevices(tx, caller.tenant(), after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fp, [&](const store::DeviceRow& d) { ToProto(d, resp->add_devices()); },
          [](const store::DeviceRow& d) { return d.serial; }));
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::MapPin(grpc::ServerContext* ctx, const v1::MapPinRequest* req,
                                           v1::PinMapping* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    const v1::PinMapping& m = req->pin_mapping();
    Violations v;
    if (!m.device_serial().empty())
      ValidateSerial(m.device_serial(), "pin_mapping.device_serial", v);
    if (auto err = PinError(m.pin())) v.Add("pin_mapping.pin", *err);
    auto nip = ParseNip(m.nip(), "pin_mapping.nip");
    v.Merge(nip.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const absl::CivilDay today, recomputer_.LastStorableDay(caller.tenant()));
    const absl::Status exists =
        directory_.CheckReadsEmployee(caller.bearer, nip->digits, today - 1);
    if (absl::IsNotFound(exists)) {
      return InvalidField("pin_mapping.nip", "no employee with this NIP in the tenant");
    }
    EK_RETURN_IF_ERROR(exists);

    std::vector<store::DayKey> touched;
    EK_RETURN_IF_ERROR(pool_.Write([&](db::Tx& tx) -> absl::Status {
      if (!m.device_serial().empty()) {
        const auto device = store::GetDevice(tx, caller.tenant(), m.device_serial());
        if (absl::IsNotFound(device.status())) {
          return InvalidField("pin_mapping.device_serial", "no such device in the tenant");
        }
        EK_RETURN_IF_ERROR(device.status());
      }
      store::UpsertPinMapping(tx, caller.tenant(), {m.device_serial(), m.pin(), nip->digits});
      std::set<store::DayKey> keys;
      const auto days =
          store::AssignUnknownPunches(tx, caller.tenant(), m.device_serial(), m.pin(), nip->digits);
      for (const auto& day : days) {
        for (int d = -1; d <= 1; ++d) keys.insert({nip->digits, day + d});
      }
      touched.assign(keys.begin(), keys.end());
      store::MarkDirty(tx, caller.tenant(), touched);
      db::Audit(tx, caller.tenant(), caller.principal.subject, "MapPin",
                PairKey(m.device_serial(), m.pin()), nip->digits);
      resp->set_punches_assigned(static_cast<int64_t>(days.size()));
      return absl::OkStatus();
    }));
    resp->set_device_serial(m.device_serial());
    resp->set_pin(m.pin());
    resp->set_nip(nip->digits);
    RecomputeAfterCommit(recomputer_, caller.tenant(), std::move(touched));
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ListPinMappings(grpc::ServerContext* ctx,
                                                    const v1::ListPinMappingsRequest* req,
                                                    v1::ListPinMappingsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (!req->nip().empty()) EK_RETURN_IF_ERROR(ParseNip(req->nip(), "nip").status());
    if (!caller.ReadsTenant() && (req->nip().empty() || req->nip() != caller.principal.subject)) {
      return absl::PermissionDeniedError("the caller may list only their own PINs");
    }
    EK_ASSIGN_OR_RETURN(const int size, PageSize(req->page_size()));
    const std::string fp = absl::StrCat("pins/", req->nip());
    EK_ASSIGN_OR_RETURN(const std::string after, DecodePageToken(req->page_token(), fp));
    return pool_.Read([&](db::Tx& tx) {
      const auto rows = store::ListPinMappings(tx, caller.tenant(), req->nip(), after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fp,
          [&](const store::PinMappingRow& r) {
            auto* out = resp->add_pin_mappings();
            out->set_device_serial(r.device_serial);
            out->set_pin(r.pin);
            out->set_nip(r.nip);
          },
          [](const store::PinMappingRow& r) { return PairKey(r.device_serial, r.pin); }));
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::ListUnknownPins(grpc::ServerContext* ctx,
                                                    const v1::ListUnknownPinsRequest* req,
                                                    v1::ListUnknownPinsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (!caller.ReadsTenant()) {
      return absl::PermissionDeniedError("listing unknown PINs needs a tenant-wide role");
    }
    EK_ASSIGN_OR_RETURN(const int size, PageSize(req->page_size()));
    const std::string fp = "unknown-pins";
    EK_ASSIGN_OR_RETURN(const std::string after, DecodePageToken(req->page_token(), fp));
    return pool_.Read([&](db::Tx& tx) {
      const auto rows = store::ListUnknownPins(tx, caller.tenant(), after, size + 1);
      resp->set_next_page_token(WritePage(
          rows, size, fp,
          [&](const store::UnknownPinRow& r) {
            auto* out = resp->add_unknown_pins();
            out->set_device_serial(r.device_serial);
            out->set_pin(r.pin);
            out->set_punch_count(r.punch_count);
            *out->mutable_first_punch_time() = ToProtoTimestamp(r.first);
            *out->mutable_last_punch_time() = ToProtoTimestamp(r.last);
          },
          [](const store::UnknownPinRow& r) { return PairKey(r.device_serial, r.pin); }));
      return absl::OkStatus();
    });
  });
}

grpc::Status AttendanceServiceImpl::PushPunches(grpc::ServerContext* ctx,
                                                grpc::ServerReader<v1::PushPunchesRequest>* reader,
                                                v1::IngestReport* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (!caller.principal.HasAny({Role::kService, Role::kAdminInstansi})) {
      return absl::PermissionDeniedError("pushing punches needs a SERVICE account or the admin");
    }
    // Days touched by the whole stream, recomputed once at its end (a day touched by many
    // messages would otherwise be computed once per message).
    std::set<store::DayKey> touched;
    std::map<std::string, store::DeviceRow> devices;  // seen in this stream
    std::set<std::string> unknown_devices;
    v1::PushPunchesRequest msg;
    for (int index = 0; reader->Read(&msg); ++index) {
      Violations v;
      if (msg.punches_size() > kMaxPunchesPerMessage) {
        v.Add("punches", absl::StrCat("at most ", kMaxPunchesPerMessage, " per message"));
      }
      std::map<std::string, std::vector<store::PunchIn>> by_device;
      for (int i = 0; i < msg.punches_size() && v.list().size() < 100; ++i) {
        const v1::RawPunch& p = msg.punches(i);
        const std::string f = absl::StrCat("punches[", i, "].");
        if (!devices.count(p.device_serial()) && !unknown_devices.count(p.device_serial())) {
          auto device = ingestor_.SeenDevice(caller.tenant(), p.device_serial());
          if (absl::IsNotFound(device.status())) {
            unknown_devices.insert(p.device_serial());
          } else {
            EK_RETURN_IF_ERROR(device.status());
            devices.emplace(p.device_serial(), *std::move(device));
          }
        }
        if (unknown_devices.count(p.device_serial())) {
          v.Add(f + "device_serial", "no device registered with this serial in the tenant");
        }
        if (auto err = PinError(p.pin())) v.Add(f + "pin", *err);
        if (!p.has_punch_time() || p.punch_time().seconds() <= 0 || p.punch_time().nanos() < 0 ||
            p.punch_time().nanos() > 999999999) {
          v.Add(f + "punch_time", "required: an instant after 1970");
        }
        if (p.status() < 0 || p.status() > 255) v.Add(f + "status", "0-255");
        if (p.verify() < 0 || p.verify() > 255) v.Add(f + "verify", "0-255");
        by_device[p.device_serial()].push_back(
            {p.pin(), FromProtoTimestamp(p.punch_time()), p.status(), p.verify()});
      }
      EK_RETURN_IF_ERROR(v.ToStatus(absl::StrCat("message ", index, " of the stream is invalid; ",
                                                 "the messages before it are stored")));
      for (const auto& [serial, punches] : by_device) {
        EK_ASSIGN_OR_RETURN(IngestCounts counts, ingestor_.Ingest(devices.at(serial), punches,
                                                                  store::Source::kGrpc, &touched));
        ToProto(counts, resp);
      }
    }
    if (!touched.empty()) {
      // The days are marked dirty: if this fails, readers recompute them.
      auto recomputed = recomputer_.Recompute(
          caller.tenant(), std::vector<store::DayKey>(touched.begin(), touched.end()));
      if (recomputed.ok()) resp->set_days_recomputed(*recomputed);
    }
    return absl::OkStatus();
  });
}

grpc::Status AttendanceServiceImpl::ImportAttendanceLog(grpc::ServerContext* ctx,
                                                        const v1::ImportAttendanceLogRequest* req,
                                                        v1::ImportAttendanceLogResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
    Violations v;
    ValidateSerial(req->device_serial(), "device_serial", v);
    if (req->format() != v1::LOG_FORMAT_ATTLOG && req->format() != v1::LOG_FORMAT_CSV) {
      v.Add("format", "required: ATTLOG or CSV");
    }
    if (req->content().empty()) v.Add("content", "required: the file's text");
    CheckText(v, "content", req->content(), kFileText);
    EK_RETURN_IF_ERROR(v.ToStatus());
    auto device = ingestor_.SeenDevice(caller.tenant(), req->device_serial());
    if (absl::IsNotFound(device.status())) {
      return InvalidField("device_serial", "no device registered with this serial in the tenant");
    }
    EK_RETURN_IF_ERROR(device.status());
    const ParsedLog parsed = req->format() == v1::LOG_FORMAT_ATTLOG
                                 ? ParseAttlog(req->content())
                                 : ParseAttendanceCsv(req->content());
    EK_ASSIGN_OR_RETURN(IngestCounts counts,
                        ingestor_.IngestLog(*device, parsed.punches, store::Source::kImport));
    ToProto(counts, resp->mutable_report());
    for (const auto& e : parsed.errors) {
      auto* out = resp->add_errors();
      out->set_line(e.line);
      out->set_reason(e.reason);
    }
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::attendance

#include "api/convert.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "date_proto.h"
#include "domain/clock.h"

namespace ekinerja::activity {

namespace {
constexpr absl::string_view kStatusPrefix = "ENTRY_STATUS_";
}  // namespace

std::string StoredStatus(v1::EntryStatus status) {
  return v1::EntryStatus_Name(status).substr(kStatusPrefix.size());
}

v1::EntryStatus ToProtoStatus(const std::string& stored) {
  v1::EntryStatus out = v1::ENTRY_STATUS_UNSPECIFIED;
  v1::EntryStatus_Parse(absl::StrCat(kStatusPrefix, stored), &out);
  return out;
}

void ToProto(const store::StoredRules& stored, v1::ActivityRules* out) {
  const ActivityRules& r = stored.rules;
  *out->mutable_effective_from() = ToProtoDate(r.effective_from);
  out->set_deadline_days_after(r.deadline.days_after);
  out->set_deadline_minute_of_day(r.deadline.minute_of_day);
  out->set_target_minutes(r.target_minutes);
  out->set_unknown_presence_minutes(r.unknown_presence_minutes);
  out->set_effective_minutes_per_workday(r.effective_minutes_per_workday);
  out->set_cap_norm_by_span(r.cap_norm_by_span);
  out->set_ej_a_above_bp(r.ej_bands.a_above_bp);
  out->set_ej_b_from_bp(r.ej_bands.b_from_bp);
  out->set_ej_c_from_bp(r.ej_bands.c_from_bp);
  out->set_ej_d_from_bp(r.ej_bands.d_from_bp);
  out->set_maturity_entry_days_percent(r.maturity.entry_days_percent);
  out->set_maturity_rhk_minutes_percent(r.maturity.rhk_minutes_percent);
  out->set_maturity_catalogue_minutes_percent(r.maturity.catalogue_minutes_percent);
  out->set_version(r.version);
  if (stored.create_time) *out->mutable_create_time() = ToProtoTimestamp(*stored.create_time);
}

absl::StatusOr<ActivityRules> FromProto(const v1::ActivityRules& in) {
  Violations v;
  ActivityRules r;
  absl::StatusOr<absl::CivilDay> from = FromProtoDate(in.effective_from(), "rules.effective_from");
  v.Merge(from.status());
  if (from.ok()) r.effective_from = *from;
  r.deadline.days_after = in.deadline_days_after();
  r.deadline.minute_of_day = in.deadline_minute_of_day();
  r.target_minutes = in.target_minutes();
  r.unknown_presence_minutes = in.unknown_presence_minutes();
  r.effective_minutes_per_workday = in.effective_minutes_per_workday();
  r.cap_norm_by_span = in.cap_norm_by_span();
  r.ej_bands = {in.ej_a_above_bp(), in.ej_b_from_bp(), in.ej_c_from_bp(), in.ej_d_from_bp()};
  r.maturity = {in.maturity_entry_days_percent(), in.maturity_rhk_minutes_percent(),
                in.maturity_catalogue_minutes_percent()};
  for (FieldViolation& f : RulesViolations(r)) v.Add(std::move(f.field), std::move(f.description));
  EK_RETURN_IF_ERROR(v.ToStatus());
  return r;
}

void ToProto(int64_t entry_id, const store::FileRow& file, v1::EntryEvidence* out) {
  out->set_entry_id(entry_id);
  out->set_file_name(file.file_name);
  out->set_content_type(file.content_type);
  out->set_size_bytes(file.size_bytes);
  out->set_sha256(file.sha256);
}

void ToProto(const store::EntryRow& row, v1::Entry* out) {
  out->set_id(row.id);
  out->set_nip(row.nip);
  *out->mutable_work_date() = ToProtoDate(row.work_date);
  out->set_start_time(FormatClock(row.start_minute));
  out->set_end_time(FormatClock(row.end_minute));
  out->set_span_minutes(row.end_minute - row.start_minute);
  out->set_description(row.description);
  out->set_rhk_id(row.rhk_id);
  out->set_tugas_tambahan_ref(row.tugas_tambahan_ref);
  out->set_skp_id(row.skp_id);
  out->set_catalogue_code(row.catalogue_code);
  out->set_output_quantity(row.output_quantity);
  out->set_output_unit(row.output_unit);
  out->set_evidence_link(row.evidence_link);
  if (row.file) ToProto(row.id, *row.file, out->mutable_evidence());
  out->set_earned_minutes(row.earned_minutes);
  out->set_norm_minutes_per_unit(row.norm_minutes_per_unit);
  out->set_status(ToProtoStatus(row.status));
  out->set_verifier_nip(row.verifier_nip);
  out->set_decided_by_nip(row.decided_by_nip);
  out->set_decision_reason(row.decision_reason);
  *out->mutable_create_time() = ToProtoTimestamp(row.create_time);
  *out->mutable_update_time() = ToProtoTimestamp(row.update_time);
  if (row.submit_time) *out->mutable_submit_time() = ToProtoTimestamp(*row.submit_time);
  if (row.decide_time) *out->mutable_decide_time() = ToProtoTimestamp(*row.decide_time);
}

}  // namespace ekinerja::activity

#include "api/convert.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "date_proto.h"

namespace ekinerja::skp {
namespace {

template <typename Enum, typename ParseFn>
Enum FromStored(const std::string& stored, absl::string_view prefix, Enum unspecified,
                ParseFn parse) {
  Enum out = unspecified;
  if (!parse(absl::StrCat(prefix, stored), &out)) return unspecified;
  return out;
}

}  // namespace

std::string StoredName(const std::string& proto_name, absl::string_view prefix) {
  return absl::StartsWith(proto_name, prefix) ? proto_name.substr(prefix.size()) : proto_name;
}

v1::SkpStatus ToProtoStatus(const std::string& stored) {
  return FromStored(stored, "SKP_STATUS_", v1::SKP_STATUS_UNSPECIFIED, v1::SkpStatus_Parse);
}
v1::SkpModel ToProtoModel(const std::string& stored) {
  return FromStored(stored, "SKP_MODEL_", v1::SKP_MODEL_UNSPECIFIED, v1::SkpModel_Parse);
}
v1::PeriodKind ToProtoPeriodKind(const std::string& stored) {
  return FromStored(stored, "PERIOD_KIND_", v1::PERIOD_KIND_UNSPECIFIED, v1::PeriodKind_Parse);
}
v1::RhkKind ToProtoRhkKind(const std::string& stored) {
  return FromStored(stored, "RHK_KIND_", v1::RHK_KIND_UNSPECIFIED, v1::RhkKind_Parse);
}
v1::BerakhlakValue ToProtoValue(const std::string& stored) {
  return FromStored(stored, "BERAKHLAK_VALUE_", v1::BERAKHLAK_VALUE_UNSPECIFIED,
                    v1::BerakhlakValue_Parse);
}

void ToProto(const store::RulesRow& rules, v1::SkpRules* out) {
  *out->mutable_effective_from() = ToProtoDate(rules.effective_from);
  out->set_model(ToProtoModel(rules.model));
  out->set_skp_weight_percent(rules.skp_weight);
  out->set_perilaku_weight_percent(rules.perilaku_weight);
  out->set_period_kind(ToProtoPeriodKind(rules.period_kind));
  out->set_submission_gate(rules.submission_gate);
  out->set_sanctions_include_kurang(rules.sanctions_include_kurang);
  if (rules.feedback_weights.size() == 4) {
    out->set_feedback_atasan_percent(rules.feedback_weights[0]);
    out->set_feedback_rekan_percent(rules.feedback_weights[1]);
    out->set_feedback_bawahan_percent(rules.feedback_weights[2]);
    out->set_feedback_self_percent(rules.feedback_weights[3]);
  }
  out->set_version(rules.version);
  if (rules.create_time) *out->mutable_create_time() = ToProtoTimestamp(*rules.create_time);
}

void ToProto(const store::RevisionRow& rev, v1::SkpRevision* out) {
  out->set_revision(rev.revision);
  out->set_status(ToProtoStatus(rev.status));
  *out->mutable_create_time() = ToProtoTimestamp(rev.create_time);
  if (rev.submit_time) *out->mutable_submit_time() = ToProtoTimestamp(*rev.submit_time);
  out->set_pending_approver_nip(rev.pending_approver);
  out->set_decided_by(rev.decided_by);
  if (rev.decide_time) *out->mutable_decide_time() = ToProtoTimestamp(*rev.decide_time);
  out->set_rejection_reason(rev.rejection_reason);
}

void ToProto(const store::Snapshot& s, v1::PersonSnapshot* out) {
  if (s.size() != 8) return;
  out->set_nip(s[0]);
  out->set_name(s[1]);
  out->set_golongan(s[2]);
  out->set_position_code(s[3]);
  out->set_position_name(s[4]);
  out->set_org_unit_code(s[5]);
  out->set_org_unit_name(s[6]);
  out->set_acting(s[7]);
}

void ToProto(const store::RhkRow& rhk, v1::Rhk* out) {
  out->set_id(rhk.id);
  out->set_kind(ToProtoRhkKind(rhk.kind));
  out->set_description(rhk.description);
  out->set_parent_rhk_id(rhk.parent_rhk_id);
  out->set_expectation(rhk.expectation);
  for (const store::IkiRow& iki : rhk.ikis) {
    v1::Iki* i = out->add_ikis();
    i->set_id(iki.id);
    i->set_description(iki.description);
    v1::Target* t = i->mutable_target();
    t->set_quantity(iki.quantity);
    t->set_unit(iki.unit);
    t->set_quality(iki.quality);
    t->set_months(iki.months);
    t->set_cost_idr(iki.cost_idr);
    if (!iki.breakdown_kind.empty()) {
      i->set_breakdown_kind(ToProtoPeriodKind(iki.breakdown_kind));
      for (size_t p = 0; p < iki.breakdown.size(); ++p) {
        v1::BreakdownEntry* e = i->add_breakdown();
        e->set_period(static_cast<int>(p) + 1);
        e->set_quantity(iki.breakdown[p]);
      }
    }
  }
}

void ToProto(const store::SkpRow& skp, const store::RevisionRow& rev,
             const std::vector<store::RhkRow>& plan, v1::Skp* out) {
  out->set_id(skp.id);
  out->set_nip(skp.nip);
  out->set_year(skp.year);
  *out->mutable_start_date() = ToProtoDate(skp.start);
  *out->mutable_end_date() = ToProtoDate(skp.end);
  out->set_position_code(skp.position_code);
  out->set_model(ToProtoModel(skp.model));
  out->set_revision(rev.revision);
  out->set_status(ToProtoStatus(rev.status));
  out->set_approved_revision(skp.approved_revision);
  for (const store::RhkRow& rhk : plan) ToProto(rhk, out->add_rhks());
  for (size_t i = 0; i + 1 < rev.perilaku_expectations.size(); i += 2) {
    v1::PerilakuExpectation* e = out->add_perilaku_expectations();
    e->set_value(ToProtoValue(rev.perilaku_expectations[i]));
    e->set_expectation(rev.perilaku_expectations[i + 1]);
  }
  out->set_pending_approver_nip(rev.pending_approver);
  out->set_decided_by(rev.decided_by);
  out->set_rejection_reason(rev.rejection_reason);
  if (rev.decide_time) *out->mutable_decide_time() = ToProtoTimestamp(*rev.decide_time);
  if (!rev.employee.empty()) ToProto(rev.employee, out->mutable_employee());
  if (!rev.penilai.empty()) ToProto(rev.penilai, out->mutable_pejabat_penilai());
  *out->mutable_create_time() = ToProtoTimestamp(skp.create_time);
  *out->mutable_update_time() = ToProtoTimestamp(rev.update_time);
}

}  // namespace ekinerja::skp

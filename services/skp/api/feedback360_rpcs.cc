// SkpService: 360° behaviour feedback (DOMAIN §2; PP 30/2019 Pasal 41). The pejabat penilai asks
// the employee's peers (same atasan langsung), direct subordinates, themself and the employee for
// one period; each rater answers once; the rated employee and the pejabat penilai see group
// aggregates only (domain/feedback360.h), and no entry that would let either of them single out
// one rater's answer.

#include <set>

#include "absl/strings/str_cat.h"
#include "api/convert.h"
#include "api/skp_service.h"
#include "civil.h"
#include "date_proto.h"
#include "domain/feedback360.h"
#include "domain/periods.h"
#include "nip.h"
#include "status.h"
#include "store/feedback360_store.h"
#include "text.h"

namespace ekinerja::skp {
namespace {

constexpr int kMaxRaters = 30;

v1::RaterGroup ToProtoGroup(RaterGroup g) {
  v1::RaterGroup out = v1::RATER_GROUP_UNSPECIFIED;
  v1::RaterGroup_Parse(absl::StrCat("RATER_GROUP_", std::string(RaterGroupName(g))), &out);
  return out;
}

std::optional<RaterGroup> FromProtoGroup(v1::RaterGroup g) {
  if (g == v1::RATER_GROUP_UNSPECIFIED || !v1::RaterGroup_IsValid(g)) return std::nullopt;
  return ParseRaterGroup(StoredName(v1::RaterGroup_Name(g), "RATER_GROUP_"));
}

void ToProto(const store::Feedback360Row& r, v1::Feedback360Request* out) {
  out->set_id(r.id);
  out->set_skp_id(r.skp_id);
  out->set_rated_nip(r.rated_nip);
  out->set_period(r.period);
  if (std::optional<RaterGroup> g = ParseRaterGroup(r.group)) out->set_group(ToProtoGroup(*g));
  out->set_model(ToProtoModel(r.model));
  out->set_answered(r.answer_time.has_value());
  *out->mutable_create_time() = ToProtoTimestamp(r.create_time);
  if (r.answer_time) *out->mutable_answer_time() = ToProtoTimestamp(*r.answer_time);
}

std::string_view StoredGroup(RaterGroup g) { return RaterGroupName(g); }

// The 6/2022 view of `rows` for a viewer who answered as `own` (rater NIP).
void FillRatings(const std::vector<store::Feedback360Row>& rows, const std::string& viewer,
                 v1::Feedback360Summary* out) {
  std::vector<RatingFeedback> feedback;
  std::vector<RaterGroup> own;
  for (const store::Feedback360Row& r : rows) {
    std::optional<RaterGroup> g = ParseRaterGroup(r.group);
    if (!g || r.answer.size() != kBerAkhlakValues) continue;
    RatingFeedback f;
    f.group = *g;
    for (int i = 0; i < kBerAkhlakValues; ++i) {
      if (r.answer[i] >= 1 && r.answer[i] <= 3) f.ratings[i] = static_cast<Rating>(r.answer[i] - 1);
    }
    feedback.push_back(f);
    if (r.rater_nip == viewer) own.push_back(*g);
  }
  for (const GroupRatings& g : AggregateRatings360(feedback)) {
    int own_answers = 0;
    for (RaterGroup o : own) {
      bool in = o == g.group;
      for (RaterGroup f : g.folded) in = in || o == f;
      own_answers += in;
    }
    v1::GroupRatingCounts* e = out->add_rating_groups();
    e->set_group(ToProtoGroup(g.group));
    e->set_raters(g.raters);
    for (RaterGroup f : g.folded) e->add_folded(ToProtoGroup(f));
    e->set_shown(ShowRatingsTo(g, own_answers));
    if (!e->shown()) continue;
    for (int i = 0; i < kBerAkhlakValues; ++i) {
      v1::ValueCounts* c = e->add_values();
      c->set_value(ToProtoValue(std::string(BerAkhlakName(static_cast<BerAkhlak>(i)))));
      c->set_di_bawah_ekspektasi(g.per_value[i].di_bawah);
      c->set_sesuai_ekspektasi(g.per_value[i].sesuai);
      c->set_di_atas_ekspektasi(g.per_value[i].di_atas);
    }
  }
}

// The PP 46 view: group means and the nilai perilaku with the rules' weights.
absl::Status FillScores(const std::vector<store::Feedback360Row>& rows,
                        const std::vector<int>& weights, v1::Feedback360Summary* out) {
  std::vector<ScoreFeedback> feedback;
  for (const store::Feedback360Row& r : rows) {
    std::optional<RaterGroup> g = ParseRaterGroup(r.group);
    if (g && !r.answer.empty()) feedback.push_back({*g, r.answer});
  }
  if (weights.size() != 4) return absl::InternalError("stored 360° weights");
  const Weights360 w{weights[0], weights[1], weights[2], weights[3]};
  absl::StatusOr<Perilaku360> result = NilaiPerilaku360(feedback, w);
  if (absl::IsFailedPrecondition(result.status())) return absl::OkStatus();  // nothing to show
  EK_RETURN_IF_ERROR(result.status());
  for (const GroupScores& g : result->groups) {
    v1::GroupScoreSummary* e = out->add_score_groups();
    e->set_group(ToProtoGroup(g.group));
    e->set_raters(g.raters);
    e->set_shown(ShowScoresOf(g));
    e->set_weight_percent(g.weight_percent);
    e->set_effective_weight_percent(g.effective_weight_percent.ToFixed2());
    if (!e->shown()) continue;
    for (const Rational& m : g.aspect_means) e->add_aspect_means(m.ToFixed2());
    e->set_mean(g.mean.ToFixed2());
  }
  for (const Rational& a : result->aspect_scores) out->add_aspect_scores(a.ToFixed2());
  out->set_nilai_perilaku(result->nilai_perilaku.ToFixed2());
  out->set_nilai_perilaku_exact(result->nilai_perilaku.ToString());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> SkpServiceImpl::SkpPeriod(const Caller& caller,
                                                      const store::SkpRow& skp,
                                                      const std::string& text,
                                                      const std::string& field) {
  store::RulesRow rules;
  EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
    rules = store::RulesInForce(tx, caller.tenant(), skp.start);
    return absl::OkStatus();
  }));
  const std::optional<PeriodKind> kind = ParsePeriodKind(rules.period_kind);
  if (!kind) return absl::InternalError(absl::StrCat("stored period kind ", rules.period_kind));
  EK_ASSIGN_OR_RETURN(const Period period, ParseSkpPeriod(text, *kind, skp.start, skp.end, field));
  return FormatPeriod(period);
}

grpc::Status SkpServiceImpl::RequestFeedback360(grpc::ServerContext* ctx,
                                                const v1::RequestFeedback360Request* req,
                                                v1::RequestFeedback360Response* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->skp_id() <= 0) v.Add("skp_id", "must be an SKP id");
    if (req->raters().empty() || req->raters_size() > kMaxRaters) {
      v.Add("raters", absl::StrCat("1 to ", kMaxRaters, " raters"));
    }
    std::vector<store::NewRater> raters;
    std::vector<RaterGroup> groups;
    std::set<std::string> seen;
    for (int i = 0; i < req->raters_size(); ++i) {
      const v1::Rater& r = req->raters(i);
      const std::string p = absl::StrCat("raters[", i, "].");
      absl::StatusOr<Nip> nip = ParseNip(r.nip(), p + "nip");
      v.Merge(nip.status());
      if (nip.ok() && !seen.insert(nip->digits).second) v.Add(p + "nip", "each rater once");
      const std::optional<RaterGroup> group = FromProtoGroup(r.group());
      if (!group) v.Add(p + "group", "ATASAN, REKAN, BAWAHAN or SELF");
      raters.push_back({r.nip(), group ? std::string(StoredGroup(*group)) : ""});
      groups.push_back(group.value_or(RaterGroup::kAtasan));
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    EK_ASSIGN_OR_RETURN(const clients::Person penilai, CheckPenilai(caller, skp.nip));
    if (skp.approved_revision == 0) {
      return absl::FailedPreconditionError("360° feedback is asked on an approved SKP");
    }
    EK_ASSIGN_OR_RETURN(const std::string period, SkpPeriod(caller, skp, req->period()));
    // Each rater's group, by identity's tree on the day (a handful of calls, bounded by
    // kMaxRaters).
    const absl::CivilDay day = DayWithin(Today(), skp);
    EK_ASSIGN_OR_RETURN(const clients::Supervisors rated,
                        directory_.SupervisorsOf(caller.bearer, skp.nip, day));
    for (size_t i = 0; i < raters.size(); ++i) {
      const std::string& nip = raters[i].nip;
      bool fits = false;
      switch (groups[i]) {
        case RaterGroup::kSelf:
          fits = nip == skp.nip;
          break;
        case RaterGroup::kAtasan:
          fits = nip == penilai.nip;
          break;
        case RaterGroup::kRekan:
        case RaterGroup::kBawahan: {
          if (nip == skp.nip) break;
          absl::StatusOr<clients::Supervisors> theirs =
              directory_.SupervisorsOf(caller.bearer, nip, day);
          if (absl::IsUnavailable(theirs.status())) return theirs.status();
          if (!theirs.ok() || !theirs->atasan_langsung) break;
          fits = groups[i] == RaterGroup::kBawahan
                     ? theirs->atasan_langsung->nip == skp.nip
                     : rated.atasan_langsung &&
                           theirs->atasan_langsung->nip == rated.atasan_langsung->nip;
          break;
        }
      }
      if (!fits) {
        v.Add(absl::StrCat("raters[", i, "].group"),
              absl::StrCat(nip, " is not ", std::string(StoredGroup(groups[i])), " of ", skp.nip,
                           " on ", FormatDate(day)));
      }
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      store::InsertFeedback360(tx, caller.tenant(), skp.id, period, skp.nip, raters,
                               caller.subject());
      for (const store::Feedback360Row& r :
           store::Feedback360OfSkp(tx, caller.tenant(), skp.id, period)) {
        ToProto(r, resp->add_requests());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::ListFeedback360Requests(grpc::ServerContext* ctx,
                                                     const v1::ListFeedback360RequestsRequest*,
                                                     v1::ListFeedback360RequestsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    return pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      for (const store::Feedback360Row& r :
           store::Feedback360OfRater(tx, caller.tenant(), caller.subject())) {
        ToProto(r, resp->add_requests());
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::AnswerFeedback360(grpc::ServerContext* ctx,
                                               const v1::AnswerFeedback360Request* req,
                                               v1::Feedback360Request* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->id() <= 0) v.Add("id", "must be a 360° request id");
    for (int i = 0; i < req->ratings_size(); ++i) {
      CheckText(v, absl::StrCat("ratings[", i, "].comment"), req->ratings(i).comment(), kNoteText);
    }
    EK_RETURN_IF_ERROR(v.ToStatus());
    return pool_.Write([&](db::Tx& tx) -> absl::Status {
      EK_ASSIGN_OR_RETURN(store::Feedback360Row row,
                          store::LockFeedback360(tx, caller.tenant(), req->id()));
      if (row.rater_nip != caller.subject()) {
        return absl::PermissionDeniedError("only the rater asked answers a 360° request");
      }
      if (row.answer_time) {
        return absl::FailedPreconditionError("this 360° request is already answered");
      }
      std::vector<int> answer;
      std::vector<std::string> comments;
      if (row.model == "PP46") {
        if (!req->ratings().empty()) v.Add("ratings", "PP 46 feedback gives scores");
        if (req->scores_size() != 5 && req->scores_size() != 6) {
          v.Add("scores", "5 aspect scores, or 6 with kepemimpinan");
        }
        // Every rater of the SKP's period scores the same aspects.
        for (const store::Feedback360Row& other :
             store::Feedback360OfSkp(tx, caller.tenant(), row.skp_id, row.period)) {
          if (!other.answer.empty() && other.answer.size() != size_t(req->scores_size())) {
            v.Add("scores",
                  absl::StrCat("as many aspects as the other raters (", other.answer.size(), ")"));
            break;
          }
        }
        for (int i = 0; i < req->scores_size(); ++i) {
          if (req->scores(i) < 0 || req->scores(i) > 100) {
            v.Add(absl::StrCat("scores[", i, "]"), "0 to 100");
          }
          answer.push_back(req->scores(i));
        }
      } else {
        if (!req->scores().empty()) v.Add("scores", "PermenPANRB 6/2022 feedback gives ratings");
        answer.assign(kBerAkhlakValues, 0);
        comments.assign(kBerAkhlakValues, "");
        std::set<int> values;
        for (int i = 0; i < req->ratings_size(); ++i) {
          const v1::ValueRating& r = req->ratings(i);
          const std::string p = absl::StrCat("ratings[", i, "].");
          const std::optional<BerAkhlak> value =
              ParseBerAkhlak(StoredName(v1::BerakhlakValue_Name(r.value()), "BERAKHLAK_VALUE_"));
          if (!value || !values.insert(static_cast<int>(*value)).second) {
            v.Add(p + "value", "one of the seven BerAKHLAK values, once");
            continue;
          }
          if (r.rating() == v1::RATING_UNSPECIFIED || !v1::Rating_IsValid(r.rating())) {
            v.Add(p + "rating", "DI_BAWAH, SESUAI or DI_ATAS_EKSPEKTASI");
          }
          answer[static_cast<int>(*value)] = r.rating();
          comments[static_cast<int>(*value)] = r.comment();
        }
        if (req->ratings_size() != kBerAkhlakValues) {
          v.Add("ratings", "one rating for each of the seven BerAKHLAK values");
        }
      }
      EK_RETURN_IF_ERROR(v.ToStatus());
      store::AnswerFeedback360(tx, caller.tenant(), row.id, answer, comments);
      EK_ASSIGN_OR_RETURN(row, store::LockFeedback360(tx, caller.tenant(), row.id));
      ToProto(row, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status SkpServiceImpl::GetFeedback360Summary(grpc::ServerContext* ctx,
                                                   const v1::GetFeedback360SummaryRequest* req,
                                                   v1::Feedback360Summary* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    EK_ASSIGN_OR_RETURN(const store::SkpRow skp, ReadableSkp(caller, req->skp_id()));
    if (caller.subject() != skp.nip) EK_RETURN_IF_ERROR(CheckPenilai(caller, skp.nip).status());
    EK_ASSIGN_OR_RETURN(const std::string period, SkpPeriod(caller, skp, req->period()));
    std::vector<store::Feedback360Row> rows;
    store::RulesRow rules;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      rows = store::Feedback360OfSkp(tx, caller.tenant(), skp.id, period);
      rules = store::RulesInForce(tx, caller.tenant(), skp.start);
      return absl::OkStatus();
    }));
    resp->set_skp_id(skp.id);
    resp->set_period(period);
    resp->set_model(ToProtoModel(skp.model));
    resp->set_requested(static_cast<int>(rows.size()));
    int answered = 0;
    for (const store::Feedback360Row& r : rows) answered += r.answer_time.has_value();
    resp->set_answered(answered);
    if (skp.model == "PP46") return FillScores(rows, rules.feedback_weights, resp);
    FillRatings(rows, caller.subject(), resp);
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::skp

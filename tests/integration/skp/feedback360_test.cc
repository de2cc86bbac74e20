// 360° feedback through gRPC (DOMAIN §2): the pejabat penilai asks the employee's peers,
// subordinates, themself and the employee; raters answer once; the rated employee and the
// pejabat penilai see aggregates from which no single rater can be told.

#include "integration/skp/skp_fixture.h"

namespace ekinerja::skp::it {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class Feedback360Test : public SkpTest {
 protected:
  // kabid_p2p's approved SKP (rated by kadis); peers kabid_yankes and staf_sekretariat (both
  // under kadis), subordinate staf_p2p.
  sv1::Skp Rated() {
    ApproveChainDownTo(seeded_.kabid_p2p);
    return approved_[seeded_.kabid_p2p];
  }

  static sv1::Rater R(const std::string& nip, sv1::RaterGroup group) {
    sv1::Rater r;
    r.set_nip(nip);
    r.set_group(group);
    return r;
  }

  grpc::Status Ask(const std::string& token, const sv1::Skp& s, const std::string& period,
                   const std::vector<sv1::Rater>& raters) {
    sv1::RequestFeedback360Request req;
    req.set_skp_id(s.id());
    req.set_period(period);
    for (const sv1::Rater& r : raters) *req.add_raters() = r;
    sv1::RequestFeedback360Response resp;
    return skp().RequestFeedback360(Ctx(token).get(), req, &resp);
  }

  // The one request `nip` has as a rater.
  int64_t RequestOf(const std::string& nip) {
    sv1::ListFeedback360RequestsResponse mine;
    EXPECT_TRUE(Ok(skp().ListFeedback360Requests(Ctx(Token(nip)).get(), {}, &mine)));
    return mine.requests_size() == 1 ? mine.requests(0).id() : 0;
  }

  // `nip` rates every value `all`, AKUNTABEL `akuntabel`.
  grpc::Status AnswerRatings(const std::string& nip, sv1::Rating all, sv1::Rating akuntabel) {
    sv1::AnswerFeedback360Request req;
    req.set_id(RequestOf(nip));
    for (int v = 1; v <= 7; ++v) {
      sv1::ValueRating* r = req.add_ratings();
      r->set_value(static_cast<sv1::BerakhlakValue>(v));
      r->set_rating(v == sv1::BERAKHLAK_VALUE_AKUNTABEL ? akuntabel : all);
    }
    sv1::Feedback360Request out;
    return skp().AnswerFeedback360(Ctx(Token(nip)).get(), req, &out);
  }

  grpc::Status AnswerScores(const std::string& nip, const std::vector<int>& scores) {
    sv1::AnswerFeedback360Request req;
    req.set_id(RequestOf(nip));
    for (int s : scores) req.add_scores(s);
    sv1::Feedback360Request out;
    return skp().AnswerFeedback360(Ctx(Token(nip)).get(), req, &out);
  }

  sv1::Feedback360Summary Summary(const std::string& token, const sv1::Skp& s,
                                  const std::string& period) {
    sv1::GetFeedback360SummaryRequest req;
    req.set_skp_id(s.id());
    req.set_period(period);
    sv1::Feedback360Summary out;
    EXPECT_TRUE(Ok(skp().GetFeedback360Summary(Ctx(token).get(), req, &out)));
    return out;
  }
};

TEST_F(Feedback360Test, RatingsAreCountedPerGroupAndNoRaterIsRevealed) {
  const sv1::Skp s = Rated();
  ASSERT_FALSE(HasFatalFailure());
  const std::string kadis = Token(seeded_.kadis);
  ASSERT_TRUE(Ok(
      Ask(kadis, s, "2026-M01",
          {R(seeded_.kadis, sv1::RATER_GROUP_ATASAN), R(seeded_.kabid_p2p, sv1::RATER_GROUP_SELF),
           R(seeded_.kabid_yankes, sv1::RATER_GROUP_REKAN),
           R(seeded_.staf_sekretariat, sv1::RATER_GROUP_REKAN),
           R(seeded_.staf_p2p, sv1::RATER_GROUP_BAWAHAN)})));
  EXPECT_EQ(Count("SELECT count(*) FROM feedback360"), 5);

  ASSERT_TRUE(Ok(
      AnswerRatings(seeded_.kadis, sv1::RATING_SESUAI_EKSPEKTASI, sv1::RATING_SESUAI_EKSPEKTASI)));
  ASSERT_TRUE(Ok(AnswerRatings(seeded_.kabid_yankes, sv1::RATING_SESUAI_EKSPEKTASI,
                               sv1::RATING_DI_BAWAH_EKSPEKTASI)));
  ASSERT_TRUE(Ok(AnswerRatings(seeded_.kabid_p2p, sv1::RATING_DI_ATAS_EKSPEKTASI,
                               sv1::RATING_DI_ATAS_EKSPEKTASI)));
  // Atasan, one peer and self: either viewer could subtract their own answer and read the peer's.
  sv1::Feedback360Summary early = Summary(kadis, s, "2026-M01");
  EXPECT_EQ(early.requested(), 5);
  EXPECT_EQ(early.answered(), 3);
  ASSERT_EQ(early.rating_groups_size(), 1);
  EXPECT_EQ(early.rating_groups(0).raters(), 3);
  EXPECT_FALSE(early.rating_groups(0).shown());
  EXPECT_EQ(early.rating_groups(0).values_size(), 0);

  ASSERT_TRUE(Ok(AnswerRatings(seeded_.staf_sekretariat, sv1::RATING_SESUAI_EKSPEKTASI,
                               sv1::RATING_SESUAI_EKSPEKTASI)));
  ASSERT_TRUE(Ok(AnswerRatings(seeded_.staf_p2p, sv1::RATING_DI_ATAS_EKSPEKTASI,
                               sv1::RATING_DI_ATAS_EKSPEKTASI)));
  for (const std::string& viewer : {kadis, Token(seeded_.kabid_p2p)}) {
    const sv1::Feedback360Summary all = Summary(viewer, s, "2026-M01");
    ASSERT_EQ(all.rating_groups_size(), 1);
    const sv1::GroupRatingCounts& g = all.rating_groups(0);
    EXPECT_EQ(g.group(), sv1::RATER_GROUP_ATASAN);
    EXPECT_EQ(g.raters(), 5);
    EXPECT_THAT(g.folded(), ElementsAre(sv1::RATER_GROUP_REKAN, sv1::RATER_GROUP_BAWAHAN,
                                        sv1::RATER_GROUP_SELF));
    ASSERT_TRUE(g.shown());
    ASSERT_EQ(g.values_size(), 7);
    const sv1::ValueCounts& akuntabel = g.values(1);
    EXPECT_EQ(akuntabel.value(), sv1::BERAKHLAK_VALUE_AKUNTABEL);
    EXPECT_EQ(akuntabel.di_bawah_ekspektasi(), 1);
    EXPECT_EQ(akuntabel.sesuai_ekspektasi(), 2);
    EXPECT_EQ(akuntabel.di_atas_ekspektasi(), 2);
    EXPECT_EQ(g.values(0).di_bawah_ekspektasi(), 0);
    EXPECT_EQ(g.values(0).sesuai_ekspektasi(), 3);
  }
  // Once only; nobody answers another's request; nobody else sees the summary.
  EXPECT_TRUE(HasCode(
      AnswerRatings(seeded_.kadis, sv1::RATING_SESUAI_EKSPEKTASI, sv1::RATING_SESUAI_EKSPEKTASI),
      grpc::StatusCode::FAILED_PRECONDITION));
  sv1::AnswerFeedback360Request other;
  other.set_id(RequestOf(seeded_.staf_p2p));
  sv1::Feedback360Request out;
  EXPECT_TRUE(HasCode(skp().AnswerFeedback360(Ctx(Token(seeded_.kabid_yankes)).get(), other, &out),
                      grpc::StatusCode::PERMISSION_DENIED));
  sv1::GetFeedback360SummaryRequest get;
  get.set_skp_id(s.id());
  get.set_period("2026-M01");
  sv1::Feedback360Summary denied;
  EXPECT_TRUE(
      HasCode(skp().GetFeedback360Summary(Ctx(Token(seeded_.kabid_yankes)).get(), get, &denied),
              grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(skp().GetFeedback360Summary(Ctx(OtherAdmin()).get(), get, &denied),
                      grpc::StatusCode::NOT_FOUND));
}

TEST_F(Feedback360Test, RatersMustBeWhoTheyAreSaidToBe) {
  const sv1::Skp s = Rated();
  ASSERT_FALSE(HasFatalFailure());
  const std::string kadis = Token(seeded_.kadis);
  // staf_s1_a is nobody of kabid_p2p's peers; staf_p2p is a subordinate, not a peer; kabid_yankes
  // is a peer, not a subordinate; staf_s1_b is not the pejabat penilai.
  const grpc::Status st = Ask(
      kadis, s, "2026-M01",
      {R(seeded_.staf_s1_a, sv1::RATER_GROUP_REKAN), R(seeded_.staf_p2p, sv1::RATER_GROUP_REKAN),
       R(seeded_.kabid_yankes, sv1::RATER_GROUP_BAWAHAN),
       R(seeded_.staf_s1_b, sv1::RATER_GROUP_ATASAN),
       R(seeded_.staf_sekretariat, sv1::RATER_GROUP_SELF)});
  EXPECT_TRUE(HasCode(st, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(st),
              UnorderedElementsAre("raters[0].group", "raters[1].group", "raters[2].group",
                                   "raters[3].group", "raters[4].group"));
  // Bad input names each bad field; a colleague may not ask; nothing written.
  const grpc::Status bad = Ask(
      kadis, s, "2026-Q1",
      {R("123", sv1::RATER_GROUP_REKAN), R(seeded_.kabid_yankes, sv1::RATER_GROUP_UNSPECIFIED)});
  EXPECT_THAT(ViolatedFields(bad), UnorderedElementsAre("raters[0].nip", "raters[1].group"));
  EXPECT_THAT(
      ViolatedFields(Ask(kadis, s, "2026-Q1", {R(seeded_.kabid_yankes, sv1::RATER_GROUP_REKAN)})),
      ElementsAre("period"));
  EXPECT_TRUE(HasCode(Ask(Token(seeded_.kabid_yankes), s, "2026-M01",
                          {R(seeded_.kabid_yankes, sv1::RATER_GROUP_REKAN)}),
                      grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_EQ(Count("SELECT count(*) FROM feedback360"), 0);

  // Answers: all seven values once, each a rating; no scores under 6/2022.
  ASSERT_TRUE(Ok(Ask(kadis, s, "2026-M01", {R(seeded_.kabid_yankes, sv1::RATER_GROUP_REKAN)})));
  sv1::AnswerFeedback360Request answer;
  answer.set_id(RequestOf(seeded_.kabid_yankes));
  for (int v : {1, 1}) {
    sv1::ValueRating* r = answer.add_ratings();
    r->set_value(static_cast<sv1::BerakhlakValue>(v));
    r->set_rating(sv1::RATING_SESUAI_EKSPEKTASI);
  }
  answer.mutable_ratings(0)->set_rating(sv1::RATING_UNSPECIFIED);
  answer.add_scores(80);
  sv1::Feedback360Request out;
  EXPECT_THAT(
      ViolatedFields(skp().AnswerFeedback360(Ctx(Token(seeded_.kabid_yankes)).get(), answer, &out)),
      UnorderedElementsAre("scores", "ratings[0].rating", "ratings[1].value", "ratings"));
  EXPECT_EQ(Count("SELECT count(*) FROM feedback360 WHERE answer IS NOT NULL"), 0);
}

TEST_F(Feedback360Test, Pp46NilaiPerilakuIsTheWeightedMeanOfTheGroups) {
  sv1::CreateSkpRulesRequest rules;
  *rules.mutable_rules()->mutable_effective_from() = Date(absl::CivilDay(2026, 1, 1));
  rules.mutable_rules()->set_model(sv1::SKP_MODEL_PP46);
  rules.mutable_rules()->set_skp_weight_percent(60);
  rules.mutable_rules()->set_perilaku_weight_percent(40);
  rules.mutable_rules()->set_period_kind(sv1::PERIOD_KIND_QUARTERLY);
  rules.mutable_rules()->set_submission_gate(true);
  rules.mutable_rules()->set_feedback_atasan_percent(60);
  rules.mutable_rules()->set_feedback_rekan_percent(20);
  rules.mutable_rules()->set_feedback_bawahan_percent(20);
  sv1::SkpRules made;
  ASSERT_TRUE(Ok(skp().CreateSkpRules(Ctx(seeded_.admin_token).get(), rules, &made)));
  const sv1::Skp s = Rated();
  ASSERT_FALSE(HasFatalFailure());
  EXPECT_EQ(s.model(), sv1::SKP_MODEL_PP46);
  ASSERT_TRUE(Ok(Ask(
      Token(seeded_.kadis), s, "2026",
      {R(seeded_.kadis, sv1::RATER_GROUP_ATASAN), R(seeded_.kabid_yankes, sv1::RATER_GROUP_REKAN),
       R(seeded_.staf_sekretariat, sv1::RATER_GROUP_REKAN),
       R(seeded_.staf_p2p, sv1::RATER_GROUP_BAWAHAN)})));
  ASSERT_TRUE(Ok(AnswerScores(seeded_.kadis, {81, 82, 83, 84, 85})));
  ASSERT_TRUE(Ok(AnswerScores(seeded_.kabid_yankes, {70, 70, 70, 70, 70})));
  // Every rater scores as many aspects; each 0-100.
  EXPECT_THAT(ViolatedFields(AnswerScores(seeded_.staf_sekretariat, {75, 75, 75, 75, 75, 75})),
              ElementsAre("scores"));
  EXPECT_THAT(ViolatedFields(AnswerScores(seeded_.staf_sekretariat, {75, 75, 101, 75, 75})),
              ElementsAre("scores[2]"));
  ASSERT_TRUE(Ok(AnswerScores(seeded_.staf_sekretariat, {75, 75, 75, 75, 75})));
  // The subordinate has not answered: BAWAHAN's 20 goes to atasan and rekan pro rata (75/25):
  // 0.75 × 83 + 0.25 × 72.5 = 80.375.
  const sv1::Feedback360Summary sum = Summary(Token(seeded_.kabid_p2p), s, "2026");
  EXPECT_EQ(sum.nilai_perilaku(), "80.38");
  EXPECT_EQ(sum.nilai_perilaku_exact(), "643/8");
  ASSERT_EQ(sum.score_groups_size(), 2);
  EXPECT_EQ(sum.score_groups(0).group(), sv1::RATER_GROUP_ATASAN);
  EXPECT_EQ(sum.score_groups(0).mean(), "83.00");
  EXPECT_EQ(sum.score_groups(0).effective_weight_percent(), "75.00");
  // Two peers: their mean stays hidden, their weight shows.
  EXPECT_EQ(sum.score_groups(1).group(), sv1::RATER_GROUP_REKAN);
  EXPECT_FALSE(sum.score_groups(1).shown());
  EXPECT_EQ(sum.score_groups(1).mean(), "");
  EXPECT_EQ(sum.score_groups(1).effective_weight_percent(), "25.00");
  ASSERT_TRUE(Ok(AnswerScores(seeded_.staf_p2p, {61, 61, 61, 61, 61})));
  // 0.6 × 83 + 0.2 × 72.5 + 0.2 × 61 = 76.5.
  EXPECT_EQ(Summary(Token(seeded_.kadis), s, "2026").nilai_perilaku_exact(), "153/2");
}

}  // namespace
}  // namespace ekinerja::skp::it

// Instruments (instrumen penilaian) and the payroll export.

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "api/convert.h"
#include "api/scoring_service.h"
#include "csv.h"
#include "nip.h"
#include "page_token.h"
#include "text.h"

namespace ekinerja::scoring {
namespace {

// The page key of an instrument: OPD, unit and NIP, separated by a byte no code holds.
constexpr char kKeySep = '\x1f';

std::string KeyOf(const store::InstrumentRow& row) {
  return absl::StrCat(row.opd_code, std::string(1, kKeySep), row.org_unit_code,
                      std::string(1, kKeySep), row.nip);
}

}  // namespace

grpc::Status ScoringServiceImpl::ListInstruments(grpc::ServerContext* ctx,
                                                 const v1::ListInstrumentsRequest* req,
                                                 v1::ListInstrumentsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    if (req->run_id() <= 0) v.Add("run_id", "must be a run id");
    if (!req->org_unit_code().empty()) {
      CheckText(v, "org_unit_code", req->org_unit_code(), kIdText);
    }
    absl::StatusOr<int> page_size = PageSize(req->page_size(), 100, 1000);
    v.Merge(page_size.status());
    const std::string fingerprint =
        absl::StrCat(caller.tenant(), "/", req->run_id(), "/", req->org_unit_code());
    absl::StatusOr<std::string> last = DecodePageToken(req->page_token(), fingerprint);
    v.Merge(last.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    EK_RETURN_IF_ERROR(CheckUnitReader(caller, req->org_unit_code()));
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->run_id()));
    store::InstrumentKey after;
    if (!last->empty()) {
      std::vector<std::string> parts = absl::StrSplit(*last, kKeySep);
      if (parts.size() != 3) return InvalidField("page_token", "is not a page of this list");
      after = {parts[0], parts[1], parts[2]};
    }
    std::vector<store::InstrumentRow> rows;
    EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
      rows = store::InstrumentPage(tx, caller.tenant(), run.id, req->org_unit_code(), after,
                                   *page_size + 1);
      return absl::OkStatus();
    }));
    resp->set_next_page_token(WritePage(
        rows, *page_size, fingerprint,
        [&](const store::InstrumentRow& row) { *resp->add_instruments() = ToProto(row, run); },
        KeyOf));
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::GetInstrument(grpc::ServerContext* ctx,
                                               const v1::GetInstrumentRequest* req,
                                               v1::Instrument* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    if (req->year() < 2000 || req->year() > 2100) v.Add("year", "must be 2000-2100");
    if (req->month() < 1 || req->month() > 12) v.Add("month", "must be 1-12");
    if (req->run_id() < 0) v.Add("run_id", "must be a run id, or 0 for the newest");
    EK_RETURN_IF_ERROR(v.ToStatus());
    const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(req->year(), req->month()) + 1) - 1;
    EK_RETURN_IF_ERROR(CheckReads(caller, req->nip(), last));
    std::optional<store::InstrumentRow> row;
    std::optional<store::RunRow> run;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      int64_t run_id = req->run_id();
      if (run_id == 0) {
        std::optional<int64_t> newest =
            store::NewestRunOf(tx, caller.tenant(), req->nip(), req->year(), req->month());
        if (!newest) return absl::OkStatus();
        run_id = *newest;
      }
      run = store::GetRun(tx, caller.tenant(), run_id);
      if (!run || run->year != req->year() || run->month != req->month()) return absl::OkStatus();
      row = store::GetInstrument(tx, caller.tenant(), run_id, req->nip());
      return absl::OkStatus();
    }));
    if (!row) {
      return absl::NotFoundError(absl::StrFormat("no instrument of %s for %04d-%02d%s", req->nip(),
                                                 req->year(), req->month(),
                                                 req->run_id() ? " in that run" : ""));
    }
    *resp = ToProto(*row, *run);
    return absl::OkStatus();
  });
}

grpc::Status ScoringServiceImpl::ExportPayroll(grpc::ServerContext* ctx,
                                               const v1::ExportPayrollRequest* req,
                                               google::api::HttpBody* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    if (req->run_id() <= 0) return InvalidField("run_id", "must be a run id");
    EK_RETURN_IF_ERROR(CheckBatchReader(caller));
    EK_ASSIGN_OR_RETURN(const store::RunRow run, RunOf(caller, req->run_id()));
    std::string csv =
        csv::FormatRecord({"nip", "nama", "golongan", "opd", "unit", "plafon", "disiplin_dibayar",
                           "produktivitas_dibayar", "potongan_hukuman", "bruto", "pph21",
                           "bpjs_pegawai", "bpjs_pemberi_kerja", "netto"});
    // Keyset pages of the run, so a province's file is read in bounded statements.
    store::InstrumentKey after;
    constexpr int kPage = 5000;
    std::vector<store::InstrumentRow> page;
    do {
      EK_RETURN_IF_ERROR(pool_.ReadOne([&](db::Tx& tx) -> absl::Status {
        page = store::InstrumentPage(tx, caller.tenant(), run.id, "", after, kPage);
        return absl::OkStatus();
      }));
      for (const store::InstrumentRow& row : page) {
        const Instrument& i = row.instrument;
        const int64_t hukuman = i.hukuman ? i.hukuman->amount_idr : 0;
        absl::StrAppend(
            &csv, csv::FormatRecord(
                      {row.nip, row.name, row.golongan, row.opd_code, row.org_unit_code,
                       absl::StrCat(i.ceiling_idr), absl::StrCat(i.disiplin_paid_idr),
                       absl::StrCat(i.produktivitas_paid_idr), absl::StrCat(hukuman),
                       absl::StrCat(i.gross_idr), absl::StrCat(i.pph21.amount_idr),
                       absl::StrCat(i.bpjs_pegawai.amount_idr),
                       absl::StrCat(i.bpjs_pemberi_kerja.amount_idr), absl::StrCat(i.net_idr)}));
      }
      if (!page.empty()) after = {page.back().opd_code, page.back().org_unit_code, page.back().nip};
    } while (page.size() == static_cast<size_t>(kPage));
    resp->set_content_type("text/csv; charset=utf-8");
    resp->set_data(std::move(csv));
    return absl::OkStatus();
  });
}

}  // namespace ekinerja::scoring

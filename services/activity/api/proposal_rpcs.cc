// Realisation proposals for the SKP service (issue 11 item 6).

#include "api/activity_service.h"
#include "domain/entry_lifecycle.h"
#include "domain/proposal.h"
#include "nip.h"

namespace ekinerja::activity {

grpc::Status ActivityServiceImpl::ProposeRealisations(grpc::ServerContext* ctx,
                                                      const v1::ProposeRealisationsRequest* req,
                                                      v1::ProposeRealisationsResponse* resp) {
  return Serve(ctx, [&](const Caller& caller) -> absl::Status {
    Violations v;
    v.Merge(ParseNip(req->nip(), "nip").status());
    absl::StatusOr<ProposalPeriod> period = ParseProposalPeriod(req->period(), "period");
    v.Merge(period.status());
    EK_RETURN_IF_ERROR(v.ToStatus());
    // The employee themself; the tenant's ADMIN_INSTANSI for anyone the tenant has.
    if (req->nip() != caller.subject()) {
      EK_RETURN_IF_ERROR(RequireTenantAdmin(caller));
      EK_RETURN_IF_ERROR(CheckReads(caller, req->nip(), period->last));
    }
    std::vector<ProposalEntry> entries;
    EK_RETURN_IF_ERROR(pool_.Read([&](db::Tx& tx) -> absl::Status {
      for (const store::EntryRow& row :
           store::EntriesOf(tx, caller.tenant(), req->nip(), period->first, period->last)) {
        entries.push_back({row.rhk_id, row.status == StatusName(EntryStatus::kApproved),
                           row.output_quantity, row.earned_minutes});
      }
      return absl::OkStatus();
    }));
    resp->set_nip(req->nip());
    resp->set_period(req->period());
    std::vector<clients::RealisationProposal> proposals;
    for (const RhkProposal& p : SumProposals(entries)) {
      proposals.push_back(
          {req->nip(), p.rhk_id, req->period(), p.output_quantity, p.earned_minutes});
      v1::RealisationProposal* out = resp->add_proposals();
      out->set_rhk_id(p.rhk_id);
      out->set_output_quantity(p.output_quantity);
      out->set_earned_minutes(p.earned_minutes);
      out->set_entries(p.entries);
    }
    if (proposals.empty()) return absl::OkStatus();
    // SKP takes proposals from SERVICE only: the service's own account, in the caller's tenant.
    EK_ASSIGN_OR_RETURN(const std::string token, directory_.ServiceToken(caller.tenant()));
    return skp_.Propose(token, proposals);
  });
}

}  // namespace ekinerja::activity

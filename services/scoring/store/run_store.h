#pragma once

// Runs, who is in which run of a month, instruments and their lines (COPY), and the reads of
// kotak and annual performance over them. Conventions as scoring_store.h.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "db.h"
#include "domain/instrument.h"

namespace ekinerja::scoring::store {

struct RunTotalsRow {
  int employees = 0;
  int64_t ceiling_idr = 0, disiplin_paid_idr = 0, produktivitas_paid_idr = 0, hukuman_idr = 0,
          gross_idr = 0, pph21_idr = 0, bpjs_employee_idr = 0, bpjs_employer_idr = 0, net_idr = 0;
  void Add(const Instrument& i);
};

struct Skipped {
  std::string nip, reason;
};

struct RunRow {
  int64_t id = 0, chain_id = 0;
  int year = 0, month = 0;
  std::string org_unit_code;
  std::string status = "DRAFT";  // DRAFT, VERIFIED, LOCKED, SUPERSEDED
  int version = 1;
  int64_t corrects_run_id = 0;
  std::string correction_reason;
  int rules_version = 0;
  RunTotalsRow totals;
  std::string created_by;
  absl::Time create_time;
  std::optional<absl::Time> compute_time, verify_time, lock_time;
  std::string verified_by, return_reason, locked_by;
  std::vector<Skipped> skipped;
};

// True when this transaction now computes the tenant's month (until it ends); false when another
// does.
bool TryLockMonth(db::Tx& tx, const std::string& tenant, int year, int month);
// A new DRAFT run (chain_id 0: a first run, its own chain); its id.
int64_t InsertRun(db::Tx& tx, const std::string& tenant, const RunRow& run);
std::optional<RunRow> GetRun(db::Tx& tx, const std::string& tenant, int64_t id,
                             bool for_update = false);
// Of a year (month 0) or a month, newest first.
std::vector<RunRow> ListRuns(db::Tx& tx, const std::string& tenant, int year, int month);
// The chain's run not yet locked, if any.
std::optional<int64_t> OpenRunInChain(db::Tx& tx, const std::string& tenant, int64_t chain_id);

void SetComputed(db::Tx& tx, const std::string& tenant, int64_t id, int rules_version,
                 const RunTotalsRow& totals, const std::vector<Skipped>& skipped);
void SetVerified(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& by);
void SetReturned(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& reason);
void SetLocked(db::Tx& tx, const std::string& tenant, int64_t id, const std::string& by);
void SetSuperseded(db::Tx& tx, const std::string& tenant, int64_t id);

// Makes `nips` (sorted) the members of `chain_id` for the month: releases the chain's members no
// longer listed and claims the others. Answers the employees already in another chain, with that
// chain's newest run (they are not claimed).
std::vector<std::pair<std::string, int64_t>> ClaimMembers(db::Tx& tx, const std::string& tenant,
                                                          int year, int month, int64_t chain_id,
                                                          const std::vector<std::string>& nips);

// One employee's instrument as written and read.
struct InstrumentRow {
  int64_t run_id = 0;
  std::string nip, name, golongan, org_unit_code, opd_code;
  // "/OPD/BIDANG/SUBBID/".
  std::string unit_path;
  Instrument instrument;
  int kotak = 0;
  std::string disiplin_percent, produktivitas_percent;
};

// Replaces the run's instruments, ceiling terms and lines with `rows` (COPY).
void ReplaceInstruments(db::Tx& tx, const std::string& tenant, int64_t run_id,
                        const std::vector<InstrumentRow>& rows);

// A run's instruments without lines or terms, by (OPD, unit, NIP) after `after` (empty strings:
// from the start), of `unit`'s subtree ("" for all).
struct InstrumentKey {
  std::string opd_code, org_unit_code, nip;
};
std::vector<InstrumentRow> InstrumentPage(db::Tx& tx, const std::string& tenant, int64_t run_id,
                                          const std::string& unit, const InstrumentKey& after,
                                          int limit);
// With its lines and ceiling terms.
std::optional<InstrumentRow> GetInstrument(db::Tx& tx, const std::string& tenant, int64_t run_id,
                                           const std::string& nip);
// The month's newest run that has `nip`.
std::optional<int64_t> NewestRunOf(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   int year, int month);

struct BoxCountRow {
  std::string opd_code;
  int box = 0, employees = 0;
};
// Per OPD and box, of the month's newest run of every chain, of `unit`'s subtree ("" for all).
std::vector<BoxCountRow> KotakCounts(db::Tx& tx, const std::string& tenant, int year, int month,
                                     const std::string& unit);
// Every employee's box of the month's newest runs (only the low boxes 1, 2, 3, 4, 7 when
// `low_only`), by OPD, box and NIP. Lines and terms are not read.
std::vector<InstrumentRow> KotakPlacements(db::Tx& tx, const std::string& tenant, int year,
                                           int month, const std::string& unit, bool low_only);

struct DifferenceRow {
  std::string nip, name;
  int64_t previous_gross_idr = 0, gross_idr = 0, previous_net_idr = 0, net_idr = 0;
};
std::vector<DifferenceRow> RunDifferences(db::Tx& tx, const std::string& tenant, int64_t run_id,
                                          int64_t previous_run_id);

struct MonthRow {
  int month = 0;
  int64_t run_id = 0;
  std::string status;
  int64_t gross_idr = 0, net_idr = 0;
  int kotak = 0;
};
// `nip`'s newest instrument of each month of `year` that has one.
std::vector<MonthRow> AnnualMonths(db::Tx& tx, const std::string& tenant, const std::string& nip,
                                   int year);

}  // namespace ekinerja::scoring::store

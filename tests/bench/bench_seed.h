#pragma once

// The tenant the benchmarks of the real services seed (scoring_bench: a month; warning_bench:
// one workday): the tenant and its admin through identity's API, then its org, employees, day
// summaries and daily reports written straight into identity's, attendance's and activity's
// schemas with SQL (the services migrated them when they started; logins, ADMS pushes and the
// recompute would take hours at this size). Any error ends the run.
//
// The org: 40 OPDs of 4 bidang each, a head and three staff positions per unit (kelas 5-15), N
// employees (golongan II/a-IV/c, the first 200 the heads) with their definitive assignments (1 %
// of the staff change position on the 16th of the month, prorated). Every day of [first, last]:
// weekends LIBUR; of the workdays, per mille from one hash per employee and day (DayMix): absent
// (TANPA_KETERANGAN), an approved absence, then late at TL tiers 1/2/3/4 on 40/20/10/10, early
// at PSW 1/2 on 20/10, without check-out; of the days present, no entry, a DRAFT entry, a
// SUBMITTED one or an APPROVED one (300 minutes), submitted at 16:30 local to the atasan (the
// unit's head; a head's, the head of the unit above; an OPD head's, the tenant admin: "").

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "bench_client.h"
#include "ekinerja/identity/v1/identity.grpc.pb.h"

namespace ekinerja::bench {

// The tenant admin's password (CreateTenantWithAdmin).
inline constexpr char kTenantAdminPassword[] = "bench-kunci-instansi";

inline std::string Login(::ekinerja::identity::v1::IdentityService::Stub& stub,
                         const std::string& tenant, const std::string& user,
                         const std::string& password) {
  ::ekinerja::identity::v1::LoginRequest req;
  req.set_tenant(tenant);
  req.set_username(user);
  req.set_password(password);
  ::ekinerja::identity::v1::LoginResponse resp;
  Check(stub.Login(Context("", 30).get(), req, &resp), absl::StrCat("Login ", tenant, "/", user));
  return resp.access_token();
}

// Tenant `tenant` (Asia/Jakarta) and its admin "admin" created by the platform admin
// ($EKINERJA_PLATFORM_ADMIN_PASSWORD); the admin's access token.
inline std::string CreateTenantWithAdmin(::ekinerja::identity::v1::IdentityService::Stub& identity,
                                         const std::string& tenant, const std::string& name) {
  ::ekinerja::identity::v1::CreateTenantRequest req;
  req.mutable_tenant()->set_code(tenant);
  req.mutable_tenant()->set_name(name);
  req.mutable_tenant()->set_time_zone("Asia/Jakarta");
  req.set_admin_username("admin");
  req.set_admin_password(kTenantAdminPassword);
  ::ekinerja::identity::v1::Tenant resp;
  const std::string platform =
      Login(identity, "platform", "admin", Env("EKINERJA_PLATFORM_ADMIN_PASSWORD"));
  Check(identity.CreateTenant(Context(platform, 60).get(), req, &resp), "CreateTenant");
  return Login(identity, tenant, "admin", kTenantAdminPassword);
}

// How a workday goes, per mille of the employees (each rate starts where the one before ends).
struct DayMix {
  int absent = 20;                  // no check-in and no absence (TANPA_KETERANGAN)
  int leave = 10;                   // an approved absence of leave_kind
  std::string leave_kind = "IZIN";  // the day status and absence kind
  int no_checkout = 5;              // of the days present: checked in, never out
  int no_entry = 25;                // of the days present: no entry at all
  int draft = 0;                    // of the days present: an entry not submitted
  int submitted = 25;               // of the days present: an entry awaiting approval
};                                  // (the other days present: an APPROVED entry)

struct SeedPlan {
  std::string tenant;
  int employees = 0;
  absl::CivilMonth month;      // the assignments' changes fall on its 16th
  absl::CivilDay first, last;  // the days seeded
  DayMix mix;
};

// The temp tables the seed leaves for the caller's own rows (people: i, u, head, nip), dropped
// by kSeedDropSql.
inline constexpr char kSeedDropSql[] = "DROP TABLE people, units, days, facts, att";
// What the seed wrote, for VACUUM ANALYZE (as autovacuum leaves them after a month of writes:
// index-only scans need the visibility map).
inline constexpr char kSeededTables[] =
    "identity.employees, identity.assignments, identity.positions, identity.org_units, "
    "attendance.day_summaries, activity.entries";

// {T} the tenant, {N} the employees, {MONTH} its first day, {FIRST}/{LAST} the days seeded, the
// rest DayMix's rates (per mille).
inline constexpr char kSeedSql[] = R"sql(
CREATE TEMP TABLE people AS
SELECT i, (i - 1) % 200 AS u, i <= 200 AS head,
       to_char(b, 'YYYYMMDD') || to_char(b + interval '22 years', 'YYYY') ||
         lpad((i % 12 + 1)::text, 2, '0') || (1 + (i / 9000) % 2)::text ||
         lpad((i / 18000 + 1)::text, 3, '0') AS nip
FROM generate_series(1, {N}) AS i, LATERAL (SELECT date '1970-01-01' + i % 9000 AS b) x;
CREATE TEMP TABLE units AS
SELECT u, CASE WHEN u < 40 THEN 'OPD' || lpad((u + 1)::text, 2, '0')
               ELSE 'OPD' || lpad(((u - 40) / 4 + 1)::text, 2, '0') || '.B' || ((u - 40) % 4 + 1)
          END AS code,
       CASE WHEN u < 40 THEN NULL ELSE 'OPD' || lpad(((u - 40) / 4 + 1)::text, 2, '0') END AS parent
FROM generate_series(0, 199) AS u;
CREATE TEMP TABLE days AS
SELECT d::date AS d, (d::date - date '{MONTH}') AS dd, extract(isodow FROM d) < 6 AS workday,
       CASE WHEN extract(isodow FROM d) = 5 THEN 990 ELSE 960 END AS s_end
FROM generate_series(date '{FIRST}', date '{LAST}', interval '1 day') AS d;

INSERT INTO identity.org_units (tenant_id, code, name, parent_code)
SELECT '{T}', code, 'Unit ' || code, parent FROM units ORDER BY u;
INSERT INTO identity.positions (tenant_id, code, name, kind, kelas_jabatan, org_unit_code,
                                head_of_unit)
SELECT '{T}', code || p.suffix, p.name || ' ' || code, p.kind,
       CASE WHEN p.suffix = '.KEP' AND parent IS NULL THEN 15 ELSE p.kelas END, code, p.head
FROM units, (VALUES ('.KEP', 'Kepala', 2, 12, true), ('.S1', 'Analis', 5, 9, false),
                    ('.S2', 'Pengelola', 4, 7, false), ('.S3', 'Pengadministrasi', 4, 5, false))
              AS p(suffix, name, kind, kelas, head);
INSERT INTO identity.employees (tenant_id, nip, name, golongan, status)
SELECT '{T}', nip, 'Pegawai ' || i, CASE WHEN head THEN 13 + i % 3 ELSE 5 + (i * 7) % 8 END, 1
FROM people;
-- One in a hundred staff change position on the 16th (prorated by workdays).
INSERT INTO identity.assignments (tenant_id, nip, position_code, kind, start_date, end_date)
SELECT '{T}', nip, code || CASE WHEN head THEN '.KEP' ELSE '.S' || (i / 200 % 3 + 1) END, 1,
       date '2020-01-01', CASE WHEN NOT head AND i % 100 = 37 THEN date '{MONTH}' + 14 END
FROM people JOIN units USING (u)
UNION ALL
SELECT '{T}', nip, code || '.S' || ((i / 200 + 1) % 3 + 1), 1, date '{MONTH}' + 15, NULL
FROM people JOIN units USING (u) WHERE NOT head AND i % 100 = 37;

-- r1: absent or late, r2: early, r3: the day's report (dd, the day of the month, keeps them the
-- same for a day whichever range is seeded).
CREATE TEMP TABLE facts AS
SELECT p.nip, p.i, days.*, abs(hashint8(p.i::bigint * 64 + dd)) % 1000 AS r1,
       abs(hashint8(p.i::bigint * 64 + dd + 1000000000000)) % 1000 AS r2,
       abs(hashint8(p.i::bigint * 64 + dd + 2000000000000)) % 1000 AS r3
FROM people p, days;
CREATE TEMP TABLE att AS
SELECT nip, i, d, workday, s_end, r3,
       CASE WHEN NOT workday THEN 'LIBUR' WHEN r1 < {ABSENT} THEN 'TANPA_KETERANGAN'
            WHEN r1 < {AWAY} THEN '{LEAVE_KIND}' ELSE 'PRESENT' END AS kind,
       CASE WHEN r1 < {AWAY} THEN 0 WHEN r1 < {AWAY} + 40 THEN 1 + r1 % 30
            WHEN r1 < {AWAY} + 60 THEN 31 + r1 % 30 WHEN r1 < {AWAY} + 70 THEN 61 + r1 % 30
            WHEN r1 < {AWAY} + 80 THEN 91 + r1 % 30 ELSE 0 END AS late,
       CASE WHEN r2 < 20 THEN 1 + r2 % 30 WHEN r2 < 30 THEN 31 + r2 % 30 ELSE 0 END AS early,
       r2 >= 30 AND r2 < 30 + {NO_CHECKOUT} AS no_out, r1 % 10 AS spare
FROM facts;
INSERT INTO attendance.day_summaries (tenant_id, nip, day, status, scheduled_start, scheduled_end,
  first_in_time, first_in_local, last_out_time, last_out_local, minutes_late, minutes_early,
  tl_tier, psw_tier, absence_kind, checked_in)
SELECT '{T}', nip, d,
       CASE WHEN kind <> 'PRESENT' THEN kind
            WHEN late > 0 AND (early > 0 OR no_out) THEN 'TERLAMBAT_DAN_PULANG_CEPAT'
            WHEN late > 0 THEN 'TERLAMBAT' WHEN early > 0 OR no_out THEN 'PULANG_CEPAT'
            ELSE 'HADIR' END,
       CASE WHEN workday THEN 450 END, CASE WHEN workday THEN s_end END,
       in_local AT TIME ZONE 'Asia/Jakarta', in_local, out_local AT TIME ZONE 'Asia/Jakarta',
       out_local, late, early,
       CASE WHEN late = 0 THEN 0 WHEN late <= 30 THEN 1 WHEN late <= 60 THEN 2
            WHEN late <= 90 THEN 3 ELSE 4 END,
       CASE WHEN no_out AND kind = 'PRESENT' THEN 4 WHEN early = 0 THEN 0 WHEN early <= 30 THEN 1
            ELSE 2 END,
       CASE WHEN kind = '{LEAVE_KIND}' THEN kind END, kind = 'PRESENT'
FROM (SELECT *,
        CASE WHEN kind = 'PRESENT'
             THEN d + make_interval(mins => 450 + late - CASE WHEN late = 0 THEN 5 + spare ELSE 0 END)
        END AS in_local,
        CASE WHEN kind = 'PRESENT' AND NOT no_out
             THEN d + make_interval(mins => s_end - early + CASE WHEN early = 0 THEN 7 ELSE 0 END)
        END AS out_local
      FROM att) a;
INSERT INTO activity.entries (tenant_id, nip, work_date, start_minute, end_minute, description,
  tugas_tambahan_ref, output_quantity, output_unit, earned_minutes, status, verifier_nip,
  decided_by_nip, submit_time, decide_time)
SELECT '{T}', nip, d, 480, 780, 'Menyusun laporan kegiatan harian', 'ST/001/BENCH', 1, 'laporan',
       300, status, verifier, CASE WHEN status = 'APPROVED' THEN verifier ELSE '' END,
       CASE WHEN status <> 'DRAFT' THEN (d + time '16:30') AT TIME ZONE 'Asia/Jakarta' END,
       CASE WHEN status = 'APPROVED' THEN (d + 1 + time '09:00') AT TIME ZONE 'Asia/Jakarta' END
FROM (SELECT a.nip, a.d, coalesce(h.nip, '') AS verifier,
             CASE WHEN r3 < {NO_ENTRY} + {DRAFT} THEN 'DRAFT'
                  WHEN r3 < {NO_ENTRY} + {DRAFT} + {SUBMITTED} THEN 'SUBMITTED'
                  ELSE 'APPROVED' END AS status
      FROM att a JOIN people p USING (i)
      LEFT JOIN people h ON h.i = CASE WHEN NOT p.head THEN p.u + 1
                                       WHEN p.u >= 40 THEN (p.u - 40) / 4 + 1 END
      WHERE kind = 'PRESENT' AND r3 >= {NO_ENTRY}) e;
)sql";

// kSeedSql for `plan`.
inline std::string SeedSql(const SeedPlan& plan) {
  const DayMix& m = plan.mix;
  return absl::StrReplaceAll(kSeedSql,
                             {{"{T}", plan.tenant},
                              {"{N}", absl::StrCat(plan.employees)},
                              {"{MONTH}", absl::FormatCivilTime(absl::CivilDay(plan.month))},
                              {"{FIRST}", absl::FormatCivilTime(plan.first)},
                              {"{LAST}", absl::FormatCivilTime(plan.last)},
                              {"{ABSENT}", absl::StrCat(m.absent)},
                              {"{AWAY}", absl::StrCat(m.absent + m.leave)},
                              {"{LEAVE_KIND}", m.leave_kind},
                              {"{NO_CHECKOUT}", absl::StrCat(m.no_checkout)},
                              {"{NO_ENTRY}", absl::StrCat(m.no_entry)},
                              {"{DRAFT}", absl::StrCat(m.draft)},
                              {"{SUBMITTED}", absl::StrCat(m.submitted)}});
}

}  // namespace ekinerja::bench

#pragma once

// Reading and writing the column types every store uses, in one place: instants travel as Unix
// microseconds (`(extract(epoch FROM t) * 1000000)::bigint`, 0 for NULL via coalesce), dates as
// "YYYY-MM-DD" text ('' for NULL via coalesce(d::text, '')), and lists as Postgres array literals
// passed as one text parameter (`$1::text[]`), so that a batch is one statement.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "pqxx/pqxx"

namespace ekinerja::db {

absl::Time Micros(const pqxx::field& f);
// nullopt for 0 (the coalesced NULL).
std::optional<absl::Time> OptMicros(const pqxx::field& f);
int64_t ToMicros(absl::Time t);

absl::CivilDay Day(const pqxx::field& f);
// nullopt for '' (the coalesced NULL).
std::optional<absl::CivilDay> OptDay(const pqxx::field& f);
// "" for nullopt: pass as NULLIF($n, '')::date.
std::string DayText(std::optional<absl::CivilDay> d);

// The array literal of `items` ({"a","b\"c",NULL}): every element quoted and escaped, nullopt as
// NULL. Pass it as a parameter and cast it in SQL ($1::text[], $2::bigint[], $3::date[]).
std::string ArrayLiteral(const std::vector<std::optional<std::string>>& items);
std::string ArrayLiteral(const std::vector<std::string>& items);

}  // namespace ekinerja::db

#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace ekinerja {

// Parses the command line after applying environment variables: every flag --foo_bar may also be
// set as EKINERJA_FOO_BAR (Kubernetes passes configuration as env); the command line wins.
// --help lists the flags. Call once, first thing in main. Returns the positional arguments, the
// program's name first (those after "--" included).
std::vector<char*> ParseFlags(int argc, char** argv, absl::string_view usage);

// The environment variable that sets a flag: "db_url" -> "EKINERJA_DB_URL".
std::string EnvNameOf(absl::string_view flag_name);

}  // namespace ekinerja

#include "flags.h"

#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace ekinerja {

std::string EnvNameOf(absl::string_view flag_name) {
  return absl::StrCat("EKINERJA_", absl::AsciiStrToUpper(flag_name));
}

void ParseFlags(int argc, char** argv, absl::string_view usage) {
  absl::SetProgramUsageMessage(absl::StrCat(
      usage,
      "\n\nEvery flag --name can also be set as the environment variable EKINERJA_NAME "
      "(upper case); the command line wins."));
  for (auto& [name, flag] : absl::GetAllFlags()) {
    const char* value = std::getenv(EnvNameOf(name).c_str());
    if (value == nullptr) continue;
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      std::cerr << "invalid " << EnvNameOf(name) << ": " << error << "\n";
      std::exit(2);
    }
  }
  absl::ParseCommandLine(argc, argv);
}

}  // namespace ekinerja

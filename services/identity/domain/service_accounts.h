#pragma once

// The deployment-wide service accounts identity keeps in the platform tenant (one per service,
// role SERVICE), from the operator's --service_accounts_file. Each logs in with client
// credentials and exchanges its token for a tenant's (domain/token_exchange.h).

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace ekinerja::identity {

struct ServiceAccount {
  std::string client_id, client_secret;
};

// Lines "<client_id> <client_secret>" (blanks, tabs, CRLF allowed between and around them), blank
// lines and lines starting with '#' ignored. INVALID_ARGUMENT naming the line for anything else,
// a client id given twice included; the message never quotes a line (it holds a secret).
absl::StatusOr<std::vector<ServiceAccount>> ParseServiceAccounts(const std::string& text);

}  // namespace ekinerja::identity

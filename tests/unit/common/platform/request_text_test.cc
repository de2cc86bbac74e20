#include "request_text.h"

#include <string>

#include "ekinerja/identity/v1/identity.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status.h"

namespace ekinerja {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Fields(const absl::Status& st) {
  std::vector<std::string> out;
  for (const auto& v : FieldViolationsOf(st)) out.push_back(v.field + ": " + v.description);
  return out;
}

// Issue 8.8: a NUL byte reached Postgres (HTTP 500 with its error text) or was cut silently.
TEST(CheckRequestText, NamesEveryBadStringFieldAtAnyDepth) {
  identity::v1::ImportEmployeesRequest import;
  import.set_csv(std::string("nip,name\nx,a\0b\n", 15));
  import.set_request_id("ok-id");
  EXPECT_THAT(Fields(CheckRequestText(import)), ElementsAre("csv: contains a control character"));

  identity::v1::BatchGetEmployeesRequest batch;
  batch.add_nips("199001012015011001");
  batch.add_nips("bad\x01");
  batch.add_nips("\xC3\x28");
  EXPECT_THAT(Fields(CheckRequestText(batch)),
              ElementsAre("nips[1]: contains a control character", "nips[2]: not valid UTF-8"));

  identity::v1::UpdateEmployeeRequest update;
  update.mutable_employee()->set_name(std::string("Dewi\0", 5));
  update.mutable_update_mask()->add_paths("name");
  EXPECT_THAT(Fields(CheckRequestText(update)),
              ElementsAre("employee.name: contains a control character"));
}

TEST(CheckRequestText, AcceptsAnyLengthLineBreaksAndTabsEverywhere) {
  identity::v1::ImportEmployeesRequest import;
  import.set_csv(std::string(100000, 'x') + "\r\n\tNama Pegawai \xC3\xA9\n");
  EXPECT_TRUE(CheckRequestText(import).ok());
  EXPECT_TRUE(CheckRequestText(identity::v1::GetJwksRequest()).ok());
}

}  // namespace
}  // namespace ekinerja

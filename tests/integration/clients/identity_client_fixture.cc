#include "integration/clients/identity_client_fixture.h"

#include "absl/strings/str_cat.h"

namespace ekinerja::clients::it {

void IdentityClientTest::TearDown() {
  directory_.reset();
  IdentityTest::TearDown();
}

std::string IdentityClientTest::identity_address() {
  return absl::StrCat("127.0.0.1:", host().grpc_port());
}

void IdentityClientTest::MoveEmployee(const std::string& nip, const std::string& position,
                                      absl::CivilDay from) {
  namespace idv1 = ::ekinerja::identity::v1;
  idv1::ListAssignmentsRequest list;
  list.set_nip(nip);
  idv1::ListAssignmentsResponse assignments;
  ASSERT_TRUE(Ok(stub().ListAssignments(Ctx(admin_token_).get(), list, &assignments)));
  ASSERT_EQ(assignments.assignments_size(), 1);
  idv1::UpdateAssignmentRequest end;
  *end.mutable_assignment() = assignments.assignments(0);
  *end.mutable_assignment()->mutable_end_date() = Date(from - 1);
  end.mutable_update_mask()->add_paths("end_date");
  idv1::Assignment out;
  ASSERT_TRUE(Ok(stub().UpdateAssignment(Ctx(admin_token_).get(), end, &out)));
  idv1::CreateAssignmentRequest move;
  move.mutable_assignment()->set_nip(nip);
  move.mutable_assignment()->set_position_code(position);
  move.mutable_assignment()->set_kind(idv1::ASSIGNMENT_KIND_DEFINITIF);
  *move.mutable_assignment()->mutable_start_date() = Date(from);
  ASSERT_TRUE(Ok(stub().CreateAssignment(Ctx(admin_token_).get(), move, &out)));
}

SeededTenant IdentityClientTest::SeedDirectory(const std::string& code) {
  seeded_ = SeedTenant(code);
  if (HasFatalFailure()) return seeded_;
  admin_token_ = seeded_.admin_token;

  identity::v1::ExchangeTokenResponse token;
  EXPECT_TRUE(Ok(Exchange(PlatformServiceToken(), code, &token)));
  service_token_ = token.access_token();

  directory_ = MakeIdentityDirectory(
      grpc::CreateChannel(identity_address(), grpc::InsecureChannelCredentials()),
      {kPlatformService, kPlatformServiceSecret});
  return seeded_;
}

}  // namespace ekinerja::clients::it

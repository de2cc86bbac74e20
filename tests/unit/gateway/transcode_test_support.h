#pragma once

// Shared by the gateway unit tests: the descriptor sets the build writes, loaded once, and a
// check that a transcoded call carries exactly the expected request.

#include <memory>
#include <string>

#include "file.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "transcode/transcoder.h"

namespace ekinerja::gateway::testing {

// The file's bytes; a test failure (and "") when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  absl::StatusOr<std::string> bytes = ::ekinerja::ReadFile(path);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.value_or("");
}

// gwtest.pb: the echo API of tests/proto.
inline std::string EchoDescriptorSet() {
  static const std::string* set = new std::string(ReadFile(GWTEST_DESCRIPTOR_SET));
  return *set;
}

// build/ekinerja.pb: the suite's API.
inline std::string SuiteDescriptorSet() {
  static const std::string* set = new std::string(ReadFile(EKINERJA_DESCRIPTOR_SET));
  return *set;
}

inline const Transcoder& Echo() {
  static const Transcoder* t = [] {
    auto loaded = Transcoder::Load(EchoDescriptorSet());
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *t;
}

inline const Transcoder& Suite() {
  static const Transcoder* t = [] {
    auto loaded = Transcoder::Load(SuiteDescriptorSet());
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *t;
}

// The call is OK, goes to `grpc_path`, and its request parses as `M` equal to `want_text` (text
// format), field for field.
template <typename M>
::testing::AssertionResult CallIs(const absl::StatusOr<Transcoder::Call>& call,
                                  const std::string& grpc_path, const std::string& want_text) {
  if (!call.ok()) return ::testing::AssertionFailure() << "status " << call.status();
  if (call->grpc_path != grpc_path) {
    return ::testing::AssertionFailure() << "grpc_path " << call->grpc_path;
  }
  if (call->method == nullptr ||
      call->method->input_type()->full_name() != M::descriptor()->full_name()) {
    return ::testing::AssertionFailure() << "request type is not " << M::descriptor()->full_name();
  }
  const std::string want_service = grpc_path.substr(1, grpc_path.rfind('/') - 1);
  if (call->service != want_service) {
    return ::testing::AssertionFailure() << "service " << call->service;
  }
  M got;
  if (!got.ParseFromString(call->request)) {
    return ::testing::AssertionFailure() << "request bytes do not parse";
  }
  M want;
  if (!google::protobuf::TextFormat::ParseFromString(want_text, &want)) {
    return ::testing::AssertionFailure() << "bad expected text: " << want_text;
  }
  if (!google::protobuf::util::MessageDifferencer::Equals(got, want)) {
    return ::testing::AssertionFailure()
           << "\n got: " << got.ShortDebugString() << "\nwant: " << want.ShortDebugString();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace ekinerja::gateway::testing

#include "log.h"

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace ekinerja {
namespace {

// Captures lines through the test sink; strips the time, which is checked for shape only.
class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitLogging("skp");
    SetMinLogLevel(LogLevel::kInfo);
    SetLogSinkForTest([this](std::string_view line) {
      absl::MutexLock lock(&mu_);
      lines_.emplace_back(line);
    });
  }
  void TearDown() override {
    SetLogSinkForTest(nullptr);
    SetMinLogLevel(LogLevel::kInfo);
  }

  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }

  // The line after its time key, e.g. `"level":"info",...}`; fails the test if the prefix is not
  // {"time":"<RFC 3339 UTC with milliseconds>",
  static std::string WithoutTime(const std::string& line) {
    static const std::regex kPrefix(R"(^\{"time":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z",)");
    std::smatch m;
    if (!std::regex_search(line, m, kPrefix)) {
      ADD_FAILURE() << "no time prefix: " << line;
      return line;
    }
    return line.substr(m.length(0));
  }

  absl::Mutex mu_;
  std::vector<std::string> lines_ ABSL_GUARDED_BY(mu_);
};

TEST_F(LogTest, WritesOneJsonObjectWithStandardKeys) {
  LogInfo("skp approved", {{"skp_id", "42"}, {"nip", "199001012015031001"}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]),
            R"("level":"info","service":"skp","msg":"skp approved","skp_id":"42",)"
            R"("nip":"199001012015031001"})");
}

TEST_F(LogTest, AcceptsAnyStringTypeAsValue) {
  const absl::Status st = absl::UnavailableError("db down");
  const std::string owned = "owned";
  const char* pointer = "pointer";
  LogError("e", {{"error", st.message()},
                 {"owned", owned},
                 {"view", std::string_view("view")},
                 {"pointer", pointer},
                 {"temporary", std::string("temp")}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]),
            R"("level":"error","service":"skp","msg":"e","error":"db down","owned":"owned",)"
            R"("view":"view","pointer":"pointer","temporary":"temp"})");
}

TEST_F(LogTest, NamesEachLevel) {
  SetMinLogLevel(LogLevel::kDebug);
  LogDebug("d");
  LogInfo("i");
  LogWarn("w");
  LogError("e");
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(WithoutTime(lines[0]), R"("level":"debug","service":"skp","msg":"d"})");
  EXPECT_EQ(WithoutTime(lines[1]), R"("level":"info","service":"skp","msg":"i"})");
  EXPECT_EQ(WithoutTime(lines[2]), R"("level":"warn","service":"skp","msg":"w"})");
  EXPECT_EQ(WithoutTime(lines[3]), R"("level":"error","service":"skp","msg":"e"})");
}

TEST_F(LogTest, DropsLinesBelowMinLevel) {
  LogDebug("hidden by default");
  SetMinLogLevel(LogLevel::kWarn);
  LogInfo("hidden");
  Log(LogLevel::kWarn, "shown");
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]), R"("level":"warn","service":"skp","msg":"shown"})");
}

TEST_F(LogTest, EscapesMessageKeysAndValues) {
  LogWarn("bad \"nip\"\n\x01", {{"in\\put", "a\"b"}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]),
            R"("level":"warn","service":"skp","msg":"bad \"nip\"\n\u0001","in\\put":"a\"b"})");
  EXPECT_EQ(lines[0].find('\n'), std::string::npos);
}

TEST_F(LogTest, ScopedContextAddsMethodTenantAndRequestId) {
  {
    ScopedLogContext ctx("/ekinerja.skp.v1.SkpService/GetSkp", "pemda-x", "req-1");
    LogInfo("inside");
    {
      ScopedLogContext inner("/ekinerja.skp.v1.SkpService/ListSkp", "pemda-y", "");
      LogInfo("nested");
    }
    LogInfo("outer again");
  }
  LogInfo("outside");
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(WithoutTime(lines[0]),
            R"("level":"info","service":"skp","method":"/ekinerja.skp.v1.SkpService/GetSkp",)"
            R"("tenant":"pemda-x","request_id":"req-1","msg":"inside"})");
  EXPECT_EQ(WithoutTime(lines[1]),
            R"("level":"info","service":"skp","method":"/ekinerja.skp.v1.SkpService/ListSkp",)"
            R"("tenant":"pemda-y","msg":"nested"})");
  EXPECT_EQ(WithoutTime(lines[2]),
            R"("level":"info","service":"skp","method":"/ekinerja.skp.v1.SkpService/GetSkp",)"
            R"("tenant":"pemda-x","request_id":"req-1","msg":"outer again"})");
  EXPECT_EQ(WithoutTime(lines[3]), R"("level":"info","service":"skp","msg":"outside"})");
}

TEST_F(LogTest, ScopedContextBelongsToItsThread) {
  ScopedLogContext ctx("/m", "pemda-x", "req-1");
  std::thread([] { LogInfo("other thread"); }).join();
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]), R"("level":"info","service":"skp","msg":"other thread"})");
}

TEST_F(LogTest, StandardKeysFromFieldsTakeTheirPlace) {
  ScopedLogContext ctx("/m", "pemda-x", "");
  LogInfo("sweep", {{"tenant", "pemda-y"}, {"request_id", "job-7"}, {"count", "3"}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]),
            R"("level":"info","service":"skp","method":"/m","tenant":"pemda-y",)"
            R"("request_id":"job-7","msg":"sweep","count":"3"})");
}

TEST_F(LogTest, FieldsCannotShadowTimeLevelServiceOrMsg) {
  LogInfo("m", {{"msg", "x"}, {"level", "y"}, {"time", "z"}, {"service", "w"}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(WithoutTime(lines[0]),
            R"("level":"info","service":"skp","msg":"m","field.msg":"x","field.level":"y",)"
            R"("field.time":"z","field.service":"w"})");
}

TEST_F(LogTest, LinesFromManyThreadsStayWhole) {
  std::vector<std::thread> threads;
  const std::string payload(5000, 'x');  // Longer than PIPE_BUF.
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&payload] {
      for (int i = 0; i < 50; ++i) LogInfo("many", {{"p", payload}});
    });
  }
  for (auto& t : threads) t.join();
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 200u);
  for (const auto& line : lines) {
    EXPECT_EQ(WithoutTime(line),
              R"("level":"info","service":"skp","msg":"many","p":")" + payload + R"("})");
  }
}

TEST(LogStderr, WritesOneNewlineTerminatedLineToStderr) {
  InitLogging("identity");
  ::testing::internal::CaptureStderr();
  LogError("to stderr", {{"k", "v"}});
  const std::string out = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(std::regex_match(
      out, std::regex(R"(\{"time":"[0-9T:.\-]+Z","level":"error","service":"identity",)"
                      R"("msg":"to stderr","k":"v"\}\n)")))
      << out;
}

}  // namespace
}  // namespace ekinerja

#pragma once

// The ZKTeco ADMS ("iclock") push protocol on attendance's own HTTP port (DOMAIN §4), as devices
// speak it:
//   GET  /iclock/cdata?SN=<serial>&options=all...   handshake: the options block the device reads
//   POST /iclock/cdata?SN=<serial>&table=ATTLOG...  tab-separated ATTLOG lines; answered "OK"
//   POST /iclock/cdata?SN=<serial>&table=<other>    OPERLOG, ATTPHOTO, ...: acknowledged, ignored
//   GET  /iclock/getrequest?SN=<serial>             commands for the device: none, "OK"
//   POST /iclock/devicecmd?SN=<serial>              command results: "OK"
// Each request marks the device as seen. An unregistered serial is refused (the HTTP code of
// PERMISSION_DENIED, from the one gRPC->HTTP table in services/common/platform/http_status.h) and
// logged; so is a request without SN (parameters are case-sensitive and URL-decoded). Any other
// path is NOT_FOUND's code (404); a known path asked with another method, 405 with Allow. Bad
// ATTLOG lines are logged with their numbers and the good ones stored; punches that could not be
// stored are answered with the code of that status, never "OK", so the device sends them again.
// Every answer is text/plain with a Date header (devices set their clock from it and the
// handshake's TimeZone). Storing blocks on the database, so it runs on the handler's own threads,
// never on the HTTP event loop.

#include <memory>

#include "api/attendance_metrics.h"
#include "http_server.h"
#include "pipeline/ingest.h"

namespace boost::asio {
class thread_pool;
}

namespace ekinerja::attendance {

class AdmsHandler final : public HttpHandler {
 public:
  AdmsHandler(Ingestor& ingestor, AttendanceMetrics& metrics, int threads);
  ~AdmsHandler() override;

  void Handle(HttpRequest request, Responder respond) override;
  HttpResponse Refuse(int http_status, absl::string_view message, const HttpRequestMessage* header,
                      absl::string_view remote_address) override;

 private:
  Ingestor& ingestor_;
  AttendanceMetrics& metrics_;
  std::unique_ptr<boost::asio::thread_pool> pool_;
};

}  // namespace ekinerja::attendance

#include "http_status.h"

namespace ekinerja {

int HttpStatusFromGrpc(int grpc_code) {
  switch (grpc_code) {
    case 0:  // OK
      return 200;
    case 1:  // CANCELLED: client closed request (nginx's 499, as Envoy)
      return 499;
    case 2:  // UNKNOWN
      return 500;
    case 3:  // INVALID_ARGUMENT
      return 400;
    case 4:  // DEADLINE_EXCEEDED
      return 504;
    case 5:  // NOT_FOUND
      return 404;
    case 6:  // ALREADY_EXISTS
      return 409;
    case 7:  // PERMISSION_DENIED
      return 403;
    case 8:  // RESOURCE_EXHAUSTED
      return 429;
    case 9:  // FAILED_PRECONDITION
      return 400;
    case 10:  // ABORTED
      return 409;
    case 11:  // OUT_OF_RANGE
      return 400;
    case 12:  // UNIMPLEMENTED
      return 501;
    case 13:  // INTERNAL
      return 500;
    case 14:  // UNAVAILABLE
      return 503;
    case 15:  // DATA_LOSS
      return 500;
    case 16:  // UNAUTHENTICATED
      return 401;
    default:
      return 500;
  }
}

absl::string_view HttpReason(int http_status) {
  switch (http_status) {
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 499:
      return "Client Closed Request";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Unknown";
  }
}

}  // namespace ekinerja

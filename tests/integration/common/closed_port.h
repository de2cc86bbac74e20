#pragma once

// An upstream that is down: a loopback TCP port where nothing answers.

#include <netinet/in.h>
#include <sys/socket.h>

#include "gtest/gtest.h"

namespace ekinerja::integration {

// A port of 127.0.0.1 on which a connection is refused, for the rest of the test process: the
// socket is bound but never listens, and stays open, so that no server the test starts on port 0
// is given the same port. (Closing it at once let the kernel hand the port to the gateway under
// test, which then called itself until it ran out of threads.)
inline int ClosedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ADD_FAILURE() << "no free loopback port";
    return 0;
  }
  return ntohs(addr.sin_port);  // fd left open on purpose, until the process exits
}

}  // namespace ekinerja::integration

package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.ErrorLog;
import org.openutm.verification.support.TestService;

/**
 * A browser that leaves a page while its files load (the Allure report's widgets were the case seen) hangs up in the
 * middle of answers: the service logs no "internal error" with a stack trace for it, and goes on answering.
 */
class ClientHangUpTest {
  @Test
  void aClientHangingUpIsNoInternalError() throws Exception {
    assertTrue(Files.exists(Path.of("target/classes/openutm-editor/index.html")), "the editor is not built (npm run build)");
    try (TestService svc = TestService.start(); ErrorLog errors = new ErrorLog()) {
      String asset;
      try (Socket s = new Socket("127.0.0.1", svc.port)) {
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + svc.port + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        String page = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
        assertTrue(m.find(), page);
        asset = m.group(1);
      }
      // ask for the editor's bundle (about 0.9 MB) and hang up at once, with a reset: the answer meets a closed socket
      for (int i = 0; i < 40; i++) {
        try (Socket s = new Socket("127.0.0.1", svc.port)) {
          s.setReceiveBufferSize(1024);
          s.setSoLinger(true, 0);
          OutputStream out = s.getOutputStream();
          out.write(("GET " + asset + " HTTP/1.1\r\nHost: 127.0.0.1:" + svc.port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          InputStream in = s.getInputStream();
          in.read(new byte[512]);
        }
      }
      Thread.sleep(500);
      List<String> logged = errors.uncaught();
      assertEquals(List.of(), logged);
      // and it still answers
      try (Socket s = new Socket("127.0.0.1", svc.port)) {
        s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + svc.port + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        assertTrue(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"));
      }
    }
  }
}

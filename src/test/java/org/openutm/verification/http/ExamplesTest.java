package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.TestService;

/** The scripts under examples/ run against the service: Python over the TCP bridge, Node over SockJS. */
class ExamplesTest {
  static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the example hung");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void pythonOverTcpAndNodeOverSockJs() throws Exception {
    int tcp = TestService.freePort();
    try (TestService svc = TestService.start(new JsonObject().put("bridge", new JsonObject().put("tcp_port", tcp)))) {
      String py = run(Map.of(), "python3", "examples/python/tcp_bridge_demo.py", "127.0.0.1", String.valueOf(tcp));
      assertTrue(py.contains("joined bg success"), py);
      assertTrue(py.contains("('dice', 'success')"), py);
      String node = run(Map.of("NODE_PATH", "webroot/node_modules"), "node", "examples/node/sockjs-demo.mjs",
          "http://127.0.0.1:" + svc.port);
      assertTrue(node.contains("joined bg success"), node);
      assertTrue(node.contains("events ") && node.contains("step:bg"), node);
    }
  }

  /** Issue 18: with http.auth_token: auto the scripts pass the generated token (OPENUTM_TOKEN) and work as before. */
  @Test
  void theExamplesWorkWithAGeneratedToken() throws Exception {
    int tcp = TestService.freePort();
    try (TestService svc = TestService.start(new JsonObject().put("bridge", new JsonObject().put("tcp_port", tcp))
        .put("http", new JsonObject().put("auth_token", "auto")))) {
      String token = svc.config.section("http").getString("auth_token");
      assertTrue(token.length() >= 32 && !token.equals("auto"), "a token was generated");
      assertEquals(401, svc.http.get("/operations").status());
      String py = run(Map.of("OPENUTM_TOKEN", token), "python3", "examples/python/tcp_bridge_demo.py", "127.0.0.1",
          String.valueOf(tcp));
      assertTrue(py.contains("joined bg success"), py);
      String node = run(Map.of("NODE_PATH", "webroot/node_modules", "OPENUTM_TOKEN", token), "node",
          "examples/node/sockjs-demo.mjs", "http://127.0.0.1:" + svc.port);
      assertTrue(node.contains("joined bg success"), node);
    }
  }

  @Test
  void tcpBridgeDeniesWhatIsNotPermitted() throws Exception {
    int tcp = TestService.freePort();
    try (TestService svc = TestService.start(new JsonObject().put("bridge", new JsonObject().put("tcp_port", tcp)));
        java.net.Socket s = new java.net.Socket("127.0.0.1", tcp)) {
      byte[] frame = new JsonObject().put("type", "send").put("address", "verification.client.common")
          .put("replyAddress", "r").put("body", new JsonObject().put("operation", "Generate UUID")).encode()
          .getBytes(StandardCharsets.UTF_8);
      var out = new java.io.DataOutputStream(s.getOutputStream());
      out.writeInt(frame.length);
      out.write(frame);
      out.flush();
      var in = new java.io.DataInputStream(s.getInputStream());
      byte[] reply = new byte[in.readInt()];
      in.readFully(reply);
      JsonObject r = new JsonObject(new String(reply, StandardCharsets.UTF_8));
      assertEquals("err", r.getString("type"), r.encode());
      assertEquals("access_denied", r.getString("message"), r.encode());
      byte[] bad = new JsonObject().put("type", "send").put("address", "verification.sessions").put("replyAddress", "r2")
          .put("headers", new JsonObject().put("timeout", "soon")).put("body", new JsonObject().put("action", "create"))
          .encode().getBytes(StandardCharsets.UTF_8);
      out.writeInt(bad.length);
      out.write(bad);
      out.flush();
      byte[] answer = new byte[in.readInt()];
      in.readFully(answer);
      JsonObject e = new JsonObject(new String(answer, StandardCharsets.UTF_8));
      assertEquals("err", e.getString("type"), e.encode());
      assertTrue(e.getString("message").contains("headers.timeout"), e.encode());
    }
  }
}

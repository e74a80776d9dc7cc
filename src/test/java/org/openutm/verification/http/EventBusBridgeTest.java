package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.TestService;

/** The SockJS bridge (raw WebSocket transport): permitted addresses work, everything else is denied. */
class EventBusBridgeTest {
  static TestService svc;
  static WebSocket ws;
  /** Kept referenced: a collected client closes its connections. */
  static io.vertx.core.http.WebSocketClient client;
  static final List<JsonObject> frames = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    svc = TestService.start(new JsonObject().put("bridge", new JsonObject().put("max_message_bytes", 4096)));
    client = svc.vertx.createWebSocketClient();
    ws = TestService.await(client.connect(svc.port, "127.0.0.1", "/eventbus/websocket"));
    ws.handler(b -> frames.add(new JsonObject(b.toString())));
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  static JsonObject request(String address, JsonObject body) throws Exception {
    String reply = "r-" + System.nanoTime();
    Thread.sleep(100);
    frames.clear();
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", address).put("body", body)
        .put("replyAddress", reply).encode());
    for (int i = 0; i < 100; i++) {
      for (JsonObject f : frames) {
        if (reply.equals(f.getString("address")) || "err".equals(f.getString("type"))) {
          return f;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no answer from " + address);
  }

  @Test
  void sessionStepAndEventsThroughTheBridge() throws Exception {
    JsonObject created = request("verification.sessions", new JsonObject().put("action", "create"));
    String session = created.getJsonObject("body").getString("session_id");
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "verification.events." + session).encode());
    Thread.sleep(200);
    frames.clear();
    JsonObject step = request("verification.session." + session, new JsonObject().put("action", "step")
        .put("step", "Generate UUID").put("id", "u"));
    assertEquals("success", step.getJsonObject("body").getString("status"), step.encode());
    org.openutm.verification.support.Waits.until(() -> frames.stream()
        .anyMatch(f -> ("verification.events." + session).equals(f.getString("address"))), 5_000,
        "the step's event came out: " + frames);
  }

  @Test
  void framesTheLibraryCannotReadGetAnErrAndTheSocketStaysOpen() throws Exception {
    for (String bad : new String[] {"{\"type\":\"send\",\"address\":{},\"body\":{}}", "{\"type\":{}}",
        "{\"type\":\"register\",\"address\":7}", "[1,2]", "{\"type\":\"send\",\"address\":\"a\",\"replyAddress\":[]}",
        "{\"type\":\"send\",\"address\":\"verification.session.default\",\"replyAddress\":\"" + "r".repeat(37)
            + "\",\"body\":{\"action\":\"info\"}}"}) {
      Thread.sleep(100);
      frames.clear();
      ws.writeTextMessage(bad);
      JsonObject err = null;
      for (int i = 0; i < 100 && err == null; i++) {
        err = frames.stream().filter(f -> "err".equals(f.getString("type"))).findFirst().orElse(null);
        Thread.sleep(20);
      }
      assertTrue(err != null && "bad_frame".equals(err.getString("body")), bad + " -> " + frames);
    }
    JsonObject info = request("verification.session.default", new JsonObject().put("action", "info"));
    assertEquals("default", info.getJsonObject("body").getString("session_id"), "the same socket still serves: " + info);
  }

  @Test
  void tcpFramesOverTheLimitGetAnErrAndTheSocketCloses() throws Exception {
    int port = TestService.freePort();
    try (TestService tcp = TestService.start(new JsonObject().put("bridge", new JsonObject().put("tcp_port", port)
        .put("max_message_bytes", 4096)));
        java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      byte[] frame = new JsonObject().put("type", "send").put("address", "verification.session.default")
          .put("body", new JsonObject().put("action", "info").put("pad", "x".repeat(5_000))).encode()
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      s.getOutputStream().write(java.nio.ByteBuffer.allocate(4).putInt(frame.length).array());
      s.getOutputStream().write(frame);
      java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
      byte[] reply = new byte[in.readInt()];
      in.readFully(reply);
      JsonObject err = new JsonObject(new String(reply, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals("err", err.getString("type"), err.encode());
      assertTrue(err.getString("message").contains("bridge.max_message_bytes"), err.encode());
      assertEquals(-1, in.read(), "the socket is closed (the stream cannot be resynchronised)");
    }
  }

  @Test
  void originCheck() {
    var http = new org.openutm.verification.support.Http("http://127.0.0.1:" + svc.port);
    var evil = http.get("/eventbus/info", "Origin", "http://evil.example");
    org.junit.jupiter.api.Assertions.assertEquals(403, evil.status(), evil.body());
    org.junit.jupiter.api.Assertions.assertEquals("Origin", evil.json().getJsonObject("details").getString("field"));
    org.junit.jupiter.api.Assertions.assertEquals(200, http.get("/eventbus/info", "Origin", "http://127.0.0.1:" + svc.port).status());
    org.junit.jupiter.api.Assertions.assertEquals(200, http.get("/eventbus/info").status(), "scripts send no Origin");
  }

  @Test
  void everythingElseIsDenied() throws Exception {
    for (String[] denied : new String[][] {{"verification.client.common", "{\"operation\":\"Generate UUID\"}"},
        {"verification.client.cancel", "{\"execution_id\":\"x\"}"}, {"verification.sessions", "{\"action\":\"delete\"}"},
        {"verification.sessions", "{\"action\":\"list\"}"}, {"verification.session.default", "{\"action\":\"nope\"}"}}) {
      JsonObject r = request(denied[0], new JsonObject(denied[1]));
      assertEquals("err", r.getString("type"), denied[0] + " " + r.encode());
      assertEquals("access_denied", r.getString("body"), r.encode());
    }
    JsonObject big = request("verification.session.default", new JsonObject().put("action", "step")
        .put("step", "Generate UUID").put("pad", "x".repeat(10_000)));
    assertEquals("err", big.getString("type"), big.encode());
    assertEquals(413, big.getInteger("failureCode"), big.encode());
  }
}

package org.openutm.verification.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openutm.verification.scenario.expression.ExpressionException;
import org.openutm.verification.scenario.expression.ExpressionParser;
import org.openutm.verification.support.ErrorLog;
import org.openutm.verification.support.Heap;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.JsonMutator;
import org.openutm.verification.support.TestService;

/**
 * Property-based fuzzing (jqwik, seeded and repeatable) of every input a user or script controls: step requests,
 * scenario YAML mutated from the shipped scenarios (and the upstream corpus when present), expressions and
 * conditions, scenario paths, and TCP and SockJS bridge frames. Every case: no 5xx, no uncaught exception, and the service is
 * ready afterwards. 200 tries per target in the test suite ({@code jqwik.tries.default}); the full size is
 * {@code ./mvnw -Pfuzz test} (10,000 per target, with EmulatorFuzzTest at 10,000 per endpoint).
 */
class InputFuzzTest {
  static TestService svc;
  static int bridgePort;
  static ErrorLog LOG;
  static final List<String> CORPUS = new ArrayList<>();
  static long baselineHeap;

  @BeforeContainer
  static void start() throws Exception {
    LOG = new ErrorLog();
    bridgePort = TestService.freePort();
    // saves go to a copy of the scenarios folder, never into the project's own
    Path scenarios = Files.createTempDirectory("fuzz-scenarios");
    try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
      for (Path f : files.toList()) {
        Path target = scenarios.resolve(Path.of("scenarios").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    svc = TestService.start(new JsonObject().put("bridge", new JsonObject().put("tcp_port", bridgePort))
        .put("scenarios", new JsonObject().put("dir", scenarios.toString())));
    for (Path root : List.of(Path.of("scenarios"), Path.of("../shared/upstream/scenarios"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
            String text = Files.readString(f);
            if (text.length() < 20_000) {
              CORPUS.add(text);
            }
          }
        }
      }
    }
    // warm up every route once so class loading and caches are in the baseline, not in the growth
    svc.http.post("/api/step", "{\"step\":\"Generate UUID\"}", "Content-Type", "application/json");
    svc.http.post("/api/scenarios/validate", CORPUS.get(0), "Content-Type", "application/yaml");
    svc.http.get("/api/scenarios/examples");
    svc.http.post("/session/reset", "{}", "Content-Type", "application/json");
    baselineHeap = Heap.settled();
  }

  @AfterContainer
  static void stop() {
    try {
      assertEquals(200, svc.http.get("/health/ready").status(), "ready after the fuzzing");
      // the step requests' results live in the default session until it is reset: reset, then compare the heap
      svc.http.post("/session/reset", "{}", "Content-Type", "application/json");
      long after = Heap.settled();
      System.out.printf("== fuzz memory: heap %.1f MB before, %.1f MB after (reset default session, GC)%n",
          baselineHeap / 1e6, after / 1e6);
      assertTrue(after < baselineHeap + 64_000_000L, "heap back to baseline: " + baselineHeap + " -> " + after);
      List<String> uncaught = LOG.uncaught();
      assertTrue(uncaught.isEmpty(), "uncaught exceptions in the log: " + uncaught);
    } finally {
      LOG.close();
      svc.close();
    }
  }

  static void no5xx(Http.Response r, String input) {
    assertTrue(r.status() < 500, r.status() + " for " + input.substring(0, Math.min(300, input.length())) + " -> " + r.body());
    if (r.status() >= 400) {
      JsonObject e = r.json();
      assertTrue(e.containsKey("error") && e.containsKey("message") && e.containsKey("details"), r.body());
    }
  }

  @Property
  void stepRequests(@ForAll long seed) {
    String body = new JsonMutator(seed).next(new JsonObject().put("id", "s").put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("min", 1).put("max", 3)).put("run_in_background", false));
    no5xx(svc.http.post("/api/step", body, "Content-Type", "application/json"), body);
  }

  @Provide
  Arbitrary<String> mutatedScenarios() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      String[] lines = CORPUS.get(r.nextInt(CORPUS.size())).split("\n", -1);
      List<String> out = new ArrayList<>(List.of(lines));
      for (int i = 0, n = 1 + r.nextInt(4); i < n && !out.isEmpty(); i++) {
        int at = r.nextInt(out.size());
        switch (r.nextInt(6)) {
          case 0 -> out.remove(at);
          case 1 -> out.add(at, out.get(r.nextInt(out.size())));
          case 2 -> out.set(at, "  ".repeat(r.nextInt(4)) + out.get(at).trim());
          case 3 -> out.set(at, out.get(at) + List.of(":", " [", " {", " &a", " *a", " ${{", "'", "\"", "\t").get(r.nextInt(9)));
          case 4 -> out.set(at, out.get(at).replaceAll("\\d+", String.valueOf(r.nextInt(Integer.MAX_VALUE))));
          default -> out.add(at, "  - step: " + List.of("Wait X seconds", "Nope", "", "Generate UUID").get(r.nextInt(4)));
        }
      }
      return String.join("\n", out);
    });
  }

  @Property
  void scenarioYaml(@ForAll("mutatedScenarios") String yaml) {
    no5xx(svc.http.post("/api/scenarios/validate", yaml, "Content-Type", "application/yaml"), yaml);
  }

  @Provide
  Arbitrary<String> expressions() {
    return Arbitraries.of("${{", "}}", " steps.", "a", "Generate UUID", ".result", "[0]", "[", "]", " == ", " != ",
        " && ", " || ", "!", "(", ")", "'x'", "\"y\"", "success()", "failure()", "always()", "cancelled()", "1",
        "-2.5e3", "true", "null", ".", " ", "contains(", ",", "${{ steps.a.result }}").list().ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  @Property
  void expressionsAndConditions(@ForAll("expressions") String expr) {
    try {
      ExpressionParser.parse(expr);
    } catch (ExpressionException expected) {
      // a clear parse error is the right answer to nonsense
    }
    String quoted = io.vertx.core.json.Json.encode(expr); // a YAML double-quoted scalar
    String yaml = "name: fuzz\nsteps:\n  - id: a\n    step: Generate UUID\n  - id: b\n    step: Generate Random Number\n"
        + "    if: " + quoted + "\n    arguments:\n      min: " + quoted + "\n";
    no5xx(svc.http.post("/api/scenarios/validate", yaml, "Content-Type", "application/yaml"), yaml);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("..", "/", "%2e%2e", "%2F", "examples", "loops_and_groups", ".yaml", "\\", "~", "%00", "a b",
        "docs", "..%2f", "%c0%ae", "etc/passwd", "/docs", ".hidden", "x".repeat(300)).list().ofMinSize(1).ofMaxSize(6)
        .map(parts -> String.join("", parts));
  }

  @Property
  void scenarioPaths(@ForAll("paths") String path) {
    String p = path.replace(" ", "%20").replace("\\", "%5C");
    Http.Response r = svc.http.get("/api/scenarios/" + p);
    assertTrue(r.status() < 500, r.status() + " for " + p);
    assertTrue(!r.body().contains("root:x:0:0"), "the system's passwd file through " + p);
    if (path.contains("..") || path.contains("%2e%2e")) {
      // dot segments are normalised away by the router: a 200 can only be the scenario list (or, for enough "..",
      // the editor's page at /), never a file outside
      assertTrue(r.status() >= 400 || r.body().startsWith("[") || r.body().startsWith("<!doctype html>"),
          "path " + p + " answered " + r.status() + ": "
          + r.body().substring(0, Math.min(200, r.body().length())));
    }
    Http.Response save = svc.http.post("/api/scenarios/" + p, "name: x\nsteps: []\n", "Content-Type", "application/yaml");
    assertTrue(save.status() < 500, save.status() + " saving " + p);
    if (path.contains("..") || path.contains("%2e%2e")) {
      assertTrue(save.status() >= 400, "saved outside: " + p);
    }
    assertTrue(URLEncoder.encode(p, StandardCharsets.UTF_8) != null);
  }

  @Property
  void bridgeFrames(@ForAll long seed) throws Exception {
    JsonMutator m = new JsonMutator(seed);
    boolean unframeable = false; // an empty frame: the guard answers an err frame and closes (it cannot resync)
    try (Socket s = new Socket("127.0.0.1", bridgePort)) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      try {
        for (int i = 0; i < 5 && !unframeable; i++) {
          String f = m.next(new JsonObject().put("type", "send").put("address", "verification.session.default")
              .put("replyAddress", "r" + i).put("body", new JsonObject().put("action", "info")));
          unframeable = f.isEmpty();
          frame(out, f);
        }
        // a closing ping: the socket must still answer it (pong) unless the bridge chose to close it
        frame(out, new JsonObject().put("type", "ping").encode());
        out.flush();
        for (int i = 0; i < 20; i++) {
          int len = in.readInt();
          assertTrue(len >= 0 && len < 10_000_000, "a sane reply frame: " + len);
          byte[] reply = new byte[len];
          in.readFully(reply);
          if ("pong".equals(new JsonObject(new String(reply, StandardCharsets.UTF_8)).getString("type"))) {
            return;
          }
        }
      } catch (java.io.EOFException | java.net.SocketException closed) {
        assertTrue(unframeable, "the bridge closed the socket of seed " + seed + " though every frame was framed: " + closed);
        return;
      }
      throw new AssertionError("no pong and no close after the frames of seed " + seed);
    }
  }

  @Property
  void sockJsFrames(@ForAll long seed) throws Exception {
    JsonMutator m = new JsonMutator(seed);
    java.util.concurrent.BlockingQueue<String> in = new java.util.concurrent.LinkedBlockingQueue<>();
    java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
      final StringBuilder text = new StringBuilder();

      @Override
      public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          in.add(text.toString());
          text.setLength(0);
        }
        ws.request(1);
        return null;
      }

      @Override
      public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket ws, java.nio.ByteBuffer data,
          boolean last) {
        in.add(StandardCharsets.UTF_8.decode(data).toString()); // the raw transport answers in binary frames
        ws.request(1);
        return null;
      }

      @Override
      public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
        in.add("CLOSED " + code + " " + reason);
        return null;
      }
    };
    java.net.http.WebSocket ws = SOCKETS.newWebSocketBuilder().buildAsync(
        java.net.URI.create("ws://127.0.0.1:" + svc.port + "/eventbus/websocket"), listener).get(10, TimeUnit.SECONDS);
    List<String> sent = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        sent.add(m.next(new JsonObject().put("type", "send").put("address", "verification.session.default")
            .put("replyAddress", "r" + i).put("body", new JsonObject().put("action", "info"))));
        ws.sendText(sent.get(i), true).get(10, TimeUnit.SECONDS);
      }
      // whatever came before, the socket still answers a valid request
      ws.sendText(new JsonObject().put("type", "send").put("address", "verification.session.default").put("replyAddress", "last")
          .put("body", new JsonObject().put("action", "info")).encode(), true).get(10, TimeUnit.SECONDS);
      List<String> got = new ArrayList<>();
      for (String f; (f = in.poll(10, TimeUnit.SECONDS)) != null; ) {
        got.add(f.length() > 300 ? f.substring(0, 300) : f);
        assertTrue(!f.startsWith("CLOSED"), "the bridge closed the socket of seed " + seed + ": " + got + " after "
            + sent.stream().map(t -> t.length() > 200 ? t.substring(0, 200) + "..." : t).toList());
        if ("last".equals(new JsonObject(f).getString("address"))) {
          return;
        }
      }
      throw new AssertionError("no answer to the last request of seed " + seed);
    } finally {
      ws.abort();
    }
  }

  @Provide
  Arbitrary<List<Integer>> guardCases() {
    return Arbitraries.integers().between(0, 1000).list().ofSize(6);
  }

  /**
   * Issue 18's checks under random combinations of method, route, Host, Origin, Content-Type and body: never a 5xx;
   * a foreign Host is 403, then a foreign Origin on a write or the bridge is 403, then a body of a type the route does
   * not take is 415; and a refused request changes nothing (the default session's results stay as they were).
   */
  @Property
  void guardedRequests(@ForAll("guardCases") List<Integer> pick) {
    int p = svc.port;
    String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    String[] paths = {"/api/step", "/session/reset", "/run-scenario-async", "/api/scenarios/validate", "/api/config",
        "/api/sessions", "/stop-scenario", "/eventbus/1/abc/xhr_send", "/eventbus/info", "/api/info", "/nope"};
    String[] hosts = {null, "127.0.0.1:" + p, "localhost", "[::1]:" + p, "evil.example", "127.0.0.1.evil.example:" + p,
        "", "a:b:c", "[::1", "LOCALHOST:" + p};
    String[] origins = {null, "http://127.0.0.1:" + p, "http://evil.example", "null", "http://localhost:" + p,
        "https://127.0.0.1:" + p, "garbage", "http://127.0.0.1:" + p + ".evil.example"};
    String[] types = {null, "application/json", "application/json; charset=utf-8", "application/yaml", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/yaml", "application/ld+json",
        ";;", "application/json/x"};
    String[] bodies = {null, "", "{\"step\":\"Generate UUID\"}", "name: g\nsteps:\n  - step: Generate UUID\n", "{",
        "[\"{}\"]"};
    String method = methods[pick.get(0) % methods.length];
    String path = paths[pick.get(1) % paths.length];
    String host = hosts[pick.get(2) % hosts.length];
    String origin = origins[pick.get(3) % origins.length];
    String type = types[pick.get(4) % types.length];
    String body = method.equals("GET") ? null : bodies[pick.get(5) % bodies.length];
    List<String> headers = new ArrayList<>();
    if (host != null) {
      headers.addAll(List.of("Host", host));
    }
    if (origin != null) {
      headers.addAll(List.of("Origin", origin));
    }
    if (type != null) {
      headers.addAll(List.of("Content-Type", type));
    }
    String input = method + " " + path + " " + headers + " body=" + body;
    int resultsBefore = svc.http.get("/api/sessions/default").json().getInteger("results");
    org.openutm.verification.support.RawHttp.Response r = org.openutm.verification.support.RawHttp.send(p, method, path,
        body, headers.toArray(String[]::new));
    assertTrue(r.status() < 500, r.status() + " for " + input + " -> " + r.body());
    String name = host == null ? "127.0.0.1" : host.toLowerCase().replaceFirst("^(\\[[^\\]]*\\]|[^:]*).*", "$1");
    boolean hostOk = host == null || List.of("127.0.0.1", "localhost", "[::1]").contains(name);
    boolean bridge = path.startsWith("/eventbus");
    boolean changing = !method.equals("GET");
    boolean ownOrigin = origin == null || origin.equals("http://" + (host == null ? "127.0.0.1:" + p : host).toLowerCase())
        || origin.equals("https://" + (host == null ? "127.0.0.1:" + p : host).toLowerCase());
    String media = type == null ? "" : type.replaceFirst(";.*", "").trim().toLowerCase();
    boolean json = media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    boolean yamlRoute = method.equals("POST") && (path.startsWith("/run-scenario") || path.startsWith("/api/scenarios/"));
    boolean typeOk = body == null || body.isEmpty() || bridge || json || yamlRoute && media.contains("yaml");
    int expected = !hostOk || (changing || bridge) && !ownOrigin ? 403 : !typeOk ? 415 : 0;
    if (expected != 0) {
      // a Host the HTTP layer cannot parse ("a:b:c", "[::1") is refused by it first: 400 naming the Host
      boolean malformed = r.status() == 400 && r.body().contains("\"field\":\"Host\"");
      assertEquals(expected, malformed && !hostOk ? 403 : r.status(), input + " -> " + r.body());
      JsonObject e = new JsonObject(r.body());
      assertTrue(e.containsKey("error") && e.containsKey("message") && e.containsKey("detail") && e.containsKey("details"),
          r.body());
      assertEquals(resultsBefore, svc.http.get("/api/sessions/default").json().getInteger("results"),
          "a refused request changed the default session: " + input);
    } else {
      assertTrue(r.status() != 403 && r.status() != 415, "refused though allowed: " + input + " -> " + r.body());
    }
  }

  static final java.net.http.HttpClient SOCKETS = java.net.http.HttpClient.newHttpClient();

  static void frame(OutputStream out, String json) throws java.io.IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    out.write(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.write(bytes);
  }
}

package org.openutm.verification.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.support.TestService;

/**
 * Issue 2 benchmarks. Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.StepBench}.
 * (1) POST /api/step "Generate UUID" against a bare Vert.x route in the same process answering a JSON of the same size,
 * 64 connections each keeping one request in flight: throughput ratio, p50/p99.
 * (2) 10,000 background "Wait X seconds" tasks in one session: heap per task, and join delay after completion.
 */
public final class StepBench {
  static final int CONNECTIONS = 64;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject().put("instances", 2))
        .put("logging", new JsonObject().put("level", "WARN")))) {
      throughput(svc, seconds);
      backgroundTasks(svc, tasks);
    }
    System.exit(0);
  }

  static void throughput(TestService svc, int seconds) throws Exception {
    String sample = svc.http.post("/api/step", new JsonObject().put("step", "Generate UUID")).body();
    Buffer same = Buffer.buffer(sample);
    int barePort = TestService.freePort();
    TestService.await(svc.vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b ->
        req.response().putHeader("Content-Type", "application/json").end(same))).listen(barePort, "127.0.0.1"));

    Vertx clientVertx = Vertx.vertx();
    HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    String body = new JsonObject().put("step", "Generate UUID").encode();
    System.out.printf("== POST /api/step (Generate UUID) vs bare route, %d connections, %d s each (after %d s warm-up)%n",
        CONNECTIONS, seconds, 3);
    run(client, barePort, "/bare", body, 3);
    run(client, svc.port, "/api/step", body, 3);
    Result bare = run(client, barePort, "/bare", body, seconds);
    Result step = run(client, svc.port, "/api/step", body, seconds);
    System.out.printf("bare route : %8.0f req/s  p50 %s  p99 %s%n", bare.rps, Stats.ms(bare.p50), Stats.ms(bare.p99));
    System.out.printf("/api/step  : %8.0f req/s  p50 %s  p99 %s%n", step.rps, Stats.ms(step.p50), Stats.ms(step.p99));
    System.out.printf("throughput ratio /api/step : bare = %.2f (goal >= 0.6)%n", step.rps / bare.rps);
    TestService.await(clientVertx.close());
  }

  record Result(double rps, double p50, double p99) {
  }

  static Result run(HttpClient client, int port, String path, String body, int seconds) throws Exception {
    Stats stats = new Stats();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    List<Future<Void>> loops = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < CONNECTIONS; i++) {
      Promise<Void> done = Promise.promise();
      loop(client, port, path, body, stats, stop, errors, done);
      loops.add(done.future());
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    TestService.await(Future.all(loops));
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (errors.get() > 0) {
      System.out.println("  errors: " + errors.get());
    }
    return new Result(stats.count() / elapsed, stats.percentile(50), stats.percentile(99));
  }

  static void loop(HttpClient client, int port, String path, String body, Stats stats, AtomicBoolean stop,
      AtomicLong errors, Promise<Void> done) {
    if (stop.get()) {
      done.complete();
      return;
    }
    long t0 = System.nanoTime();
    client.request(HttpMethod.POST, port, "127.0.0.1", path)
        .compose(req -> req.putHeader("Content-Type", "application/json").send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() == 200) {
            stats.add(System.nanoTime() - t0);
          } else {
            errors.incrementAndGet();
          }
          loop(client, port, path, body, stats, stop, errors, done);
        });
  }

  static void backgroundTasks(TestService svc, int count) throws Exception {
    System.out.printf("== %d background 'Wait X seconds' tasks in one session%n", count);
    String session = svc.http.post("/api/sessions", null).json().getString("session_id");
    String address = Addresses.session(session);
    DeliveryOptions longWait = new DeliveryOptions().setSendTimeout(120_000);
    double waitSeconds = 8.0;
    long before = usedHeapAfterGc();
    List<String> taskIds = new ArrayList<>(count);
    long startedAt = System.nanoTime();
    for (int i = 0; i < count; i++) {
      JsonObject req = new JsonObject().put("action", "step").put("step", "Wait X seconds").put("id", "w" + i)
          .put("run_in_background", true).put("arguments", new JsonObject().put("duration", waitSeconds));
      taskIds.add(TestService.await(svc.vertx.eventBus().<JsonObject>request(address, req, longWait))
          .body().getString("task_id"));
    }
    double startSeconds = (System.nanoTime() - startedAt) / 1e9;
    long during = usedHeapAfterGc();
    System.out.printf("started %d tasks in %.2f s; heap per running task: %.0f bytes (goal <= 2048)%n",
        count, startSeconds, (during - before) / (double) count);
    Stats delay = new Stats();
    List<Future<?>> joins = new ArrayList<>();
    for (String id : taskIds) {
      joins.add(svc.vertx.eventBus().<JsonObject>request(address, new JsonObject().put("action", "join")
          .put("task_id", id), longWait).onSuccess(m -> {
            Instant finished = Instant.parse(m.body().getString("finished_at"));
            Instant now = Instant.now();
            delay.add(java.time.Duration.between(finished, now).toNanos());
          }));
    }
    TestService.await(Future.all(joins));
    System.out.printf("join delay after completion (bus join, %d joins): p50 %s  p99 %s  max %s (goal p99 <= 5 ms)%n",
        delay.count(), Stats.ms(delay.percentile(50)), Stats.ms(delay.percentile(99)), Stats.ms(delay.percentile(100)));
  }

  static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

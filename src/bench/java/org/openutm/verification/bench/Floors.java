package org.openutm.verification.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.support.TestService;

/**
 * What the design card's shape costs with no work in it, measured in the same run as the service: the floor a step
 * cannot go under on this machine, whatever the engine does. A step goes HTTP event loop -> session verticle (an
 * event loop) -> client worker verticle -> session -> HTTP; a scenario's step goes session -> worker -> session.
 */
final class Floors {
  private static final DeliveryOptions TEN_SECONDS = new DeliveryOptions().setSendTimeout(10_000);

  private Floors() {
  }

  /** A verticle answering every message on {@code address} at once with what it got; its deployment id. */
  static String echo(Vertx vertx, String address, ThreadingModel model) {
    return TestService.await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.eventBus().consumer(address, m -> m.reply(m.body())).completion();
      }
    }, new DeploymentOptions().setThreadingModel(model)));
  }

  /**
   * An HTTP route with the design's two bus round trips and nothing else: the handler requests an event-loop verticle
   * (the session's place), which requests a worker verticle (the client worker's) and answers; the route then writes
   * {@code answer}, as the bare route does. Its port.
   */
  static int twoHopRoute(Vertx vertx, Buffer answer) {
    String worker = "bench.floor.worker." + UUID.randomUUID();
    String session = "bench.floor.session." + UUID.randomUUID();
    echo(vertx, worker, ThreadingModel.WORKER);
    String[] sessionThread = new String[1];
    TestService.await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        sessionThread[0] = Thread.currentThread().getName();
        return vertx.eventBus().<Object>consumer(session, m -> vertx.eventBus().request(worker, m.body(), TEN_SECONDS)
            .onComplete(ar -> {
              if (ar.succeeded()) {
                m.reply(m.body());
              } else {
                m.fail(500, String.valueOf(ar.cause()));
              }
            })).completion();
      }
    }));
    int port = TestService.freePort();
    // the server in a verticle deployed right after the session's: the next event loop, so the first hop always
    // crosses threads as the service's does (a server made outside a verticle shared the session's loop in some
    // configurations, and then that hop needed no wake-up)
    String[] httpThread = new String[1];
    TestService.await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        httpThread[0] = Thread.currentThread().getName();
        return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b ->
            vertx.eventBus().request(session, b.toString(), TEN_SECONDS).onComplete(ar -> {
              // a failed hop is a 500, so the load generator counts it as an error and not as a fast answer
              if (ar.succeeded()) {
                req.response().putHeader("Content-Type", "application/json").end(answer);
              } else {
                req.response().setStatusCode(500).end();
              }
            })))
            .listen(port, "127.0.0.1");
      }
    }));
    System.out.printf("  two-hop floor route: HTTP on %s, the session's place on %s%n", httpThread[0],
        sessionThread[0]);
    return port;
  }

  /**
   * Sequential bus round trips from an event-loop verticle to a verticle of {@code model} whose handler answers at
   * once (a scenario step's hand-off with no work on either side): the best of five 1 s rounds, per second.
   */
  static double handOffs(Vertx vertx, ThreadingModel model) throws Exception {
    String address = "bench.echo." + UUID.randomUUID();
    String echo = echo(vertx, address, model);
    CompletableFuture<Double> best = new CompletableFuture<>();
    String caller = TestService.await(vertx.deployVerticle(new VerticleBase() {
      private double top;
      private int round;
      private long count;
      private long t0;

      @Override
      public Future<?> start() {
        t0 = System.nanoTime();
        next();
        return Future.succeededFuture();
      }

      private void next() {
        vertx.eventBus().request(address, "x", TEN_SECONDS).onComplete(ar -> {
          count++;
          long now = System.nanoTime();
          if (now - t0 >= 1_000_000_000L) {
            top = Math.max(top, count / ((now - t0) / 1e9));
            count = 0;
            t0 = now;
            if (++round == 5) {
              best.complete(top);
              return;
            }
          }
          next();
        });
      }
    }));
    double perSecond = best.get(60, TimeUnit.SECONDS);
    TestService.await(vertx.undeploy(caller));
    TestService.await(vertx.undeploy(echo));
    return perSecond;
  }
}

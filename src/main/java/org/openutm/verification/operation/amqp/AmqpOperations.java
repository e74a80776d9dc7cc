package org.openutm.verification.operation.amqp;

import static org.openutm.verification.operation.ParamDef.optional;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamType;

/**
 * AMQPClient: RabbitMQ at {@code amqp.url} (or AMQP_URL), topic exchange {@code amqp.exchange_name}
 * (operational_events). The password never appears in results or logs.
 */
public final class AmqpOperations {
  private AmqpOperations() {
  }

  public static List<OperationDef> all() {
    return List.of(check(), start(), stop(), get(), await(), clear());
  }

  static String url(OperationContext ctx) {
    String url = ctx.config().section("amqp").getString("url", "");
    if (url == null || url.isBlank()) {
      throw new OperationFailure("amqp.url is not configured (set it in the config or AMQP_URL)");
    }
    return vhostSlash(url.trim());
  }

  public static String vhostSlash(String url) {
    return org.openutm.verification.core.Urls.amqpVhostSlash(url);
  }

  static QueueMonitor monitor(OperationContext ctx) {
    QueueMonitor m = ctx.service(AmqpMonitors.class).bySession.get(ctx.sessionId());
    if (m == null) {
      throw new OperationFailure("no AMQP queue monitor runs in this session: run Start AMQP Queue Monitor first");
    }
    return m;
  }

  static OperationDef check() {
    return OperationDef.builder("Check AMQP Connection", ClientType.AMQP).phase("PRE FLIGHT")
        .doc("Connects to the broker -> {connected, server_version, url_host}; fails with the reason when it cannot.")
        .timeout(a -> 20_000)
        .run((ctx, args) -> {
          String url = url(ctx);
          return ctx.vertx().executeBlocking(() -> {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri(url);
            f.setConnectionTimeout(5_000);
            try (Connection c = f.newConnection("openutm-verification-check")) {
              Object version = c.getServerProperties().get("version");
              return new JsonObject().put("connected", true).put("server_version", version == null ? null : version.toString())
                  .put("url_host", URI.create(url).getHost() + ":" + f.getPort());
            } catch (Exception e) {
              throw new OperationFailure("cannot connect to " + AppConfig.maskUrl(url) + ": " + e.getMessage());
            }
          }, false);
        });
  }

  static OperationDef start() {
    return OperationDef.builder("Start AMQP Queue Monitor", ClientType.AMQP).phase("PRE FLIGHT")
        .doc("Binds a queue to the exchange and collects messages. With a duration it runs that long, stops, and "
            + "returns what it collected; without, it runs until Stop AMQP Queue Monitor.")
        .param(optional("queue_name", ParamType.STRING, null, "A named queue; default an exclusive auto-named one."))
        .param(optional("routing_key", ParamType.STRING, null, "'#' or a declaration id; default amqp.routing_key."))
        .param(optional("duration", ParamType.DURATION, null, "Seconds to monitor, then stop."))
        .timeout(a -> (long) (a.seconds("duration", 0) * 1000) + 30_000)
        .run((ctx, args) -> {
          JsonObject amqp = ctx.config().section("amqp");
          String url = url(ctx);
          AmqpMonitors monitors = ctx.service(AmqpMonitors.class);
          QueueMonitor previous = monitors.bySession.get(ctx.sessionId());
          if (previous != null && previous.running()) {
            return Future.failedFuture(new OperationFailure("a queue monitor already runs in this session"));
          }
          String key = args.string("routing_key") != null ? args.string("routing_key") : amqp.getString("routing_key", "#");
          String exchange = amqp.getString("exchange_name", "operational_events");
          return QueueMonitor.start(ctx.vertx(), url, exchange, amqp.getString("exchange_type", "topic"),
              args.string("queue_name") != null ? args.string("queue_name") : amqp.getString("queue_name"), key)
              .recover(t -> Future.failedFuture(new OperationFailure("cannot start the monitor on "
                  + AppConfig.maskUrl(url) + ": " + t.getMessage())))
              .compose(m -> {
                monitors.bySession.put(ctx.sessionId(), m);
                ctx.info("Monitoring " + exchange + " with routing key " + key + " on queue " + m.queue());
                JsonObject started = new JsonObject().put("status", "started").put("queue_name", m.queue())
                    .put("routing_key", key).put("exchange", exchange);
                if (args.get("duration") == null) {
                  return Future.succeededFuture(started);
                }
                // ends after its duration, or sooner when Stop AMQP Queue Monitor stops it
                Promise<Void> done = Promise.promise();
                ctx.sleep((long) (args.seconds("duration", 0) * 1000)).onComplete(ar -> done.tryComplete());
                m.stopped().onComplete(ar -> done.tryComplete());
                return done.future().compose(v -> stopMonitor(ctx, m)).map(s -> s.put("messages", m.get(null, null)));
              });
        });
  }

  static Future<JsonObject> stopMonitor(OperationContext ctx) {
    QueueMonitor m = ctx.service(AmqpMonitors.class).bySession.get(ctx.sessionId());
    if (m == null) {
      return Future.failedFuture(new OperationFailure("no AMQP queue monitor runs in this session"));
    }
    return stopMonitor(ctx, m);
  }

  /** Stops {@code m} (if it still runs); its messages stay readable by Get AMQP Messages until the next start. */
  static Future<JsonObject> stopMonitor(OperationContext ctx, QueueMonitor m) {
    String error = m.error();
    return m.stop().map(v -> new JsonObject().put("status", "stopped").put("queue_name", m.queue())
        .put("message_count", m.count()).put("dropped", m.dropped()).put("error", error));
  }

  static OperationDef stop() {
    return OperationDef.builder("Stop AMQP Queue Monitor", ClientType.AMQP).phase("POST FLIGHT")
        .doc("Stops the session's monitor -> {status, queue_name, message_count, error}; its messages stay readable.")
        .timeout(a -> 20_000)
        .run((ctx, args) -> stopMonitor(ctx));
  }

  static OperationDef get() {
    return OperationDef.builder("Get AMQP Messages", ClientType.AMQP).phase("CRUISE")
        .doc("The messages collected so far: [{routing_key, exchange, content_type, correlation_id, timestamp, body}].")
        .param(optional("routing_key_filter", ParamType.STRING, null, "Only this routing key ('#' for all)."))
        .param(optional("limit", ParamType.INTEGER, null, "At most this many (the latest)."))
        .timeout(a -> 10_000)
        .run((ctx, args) -> Future.succeededFuture(monitor(ctx).get(args.string("routing_key_filter"),
            args.integer("limit") == null ? null : args.integer("limit").intValue())));
  }

  static OperationDef await() {
    return OperationDef.builder("Wait for AMQP Messages", ClientType.AMQP).phase("CRUISE")
        .doc("Waits until at least count matching messages arrived; fails on timeout.")
        .param(optional("count", ParamType.INTEGER, 1L, "How many messages."))
        .param(optional("timeout", ParamType.DURATION, 30.0, "How long to wait."))
        .param(optional("routing_key_filter", ParamType.STRING, null, "Only this routing key."))
        .timeout(a -> (long) (a.seconds("timeout", 30) * 1000) + 10_000)
        .run((ctx, args) -> {
          QueueMonitor m = monitor(ctx);
          int count = args.integer("count").intValue();
          Future<JsonArray> f = m.await(count, args.string("routing_key_filter"));
          Promise<JsonArray> out = Promise.promise();
          long timer = SimClock.setTimer(ctx.vertx(), (long) (args.seconds("timeout", 30) * 1000), t -> out.tryFail(
              new OperationFailure(m.get(args.string("routing_key_filter"), null).size() + " of " + count
                  + " message(s) within " + args.seconds("timeout", 30) + " s")));
          Runnable unregister = ctx.onCancel(() -> out.tryFail(new org.openutm.verification.operation.CancelledException(
              String.valueOf(ctx.cancelReason()))));
          f.onComplete(ar -> {
            if (ar.succeeded()) {
              out.tryComplete(ar.result());
            } else {
              out.tryFail(new OperationFailure(ar.cause().getMessage()));
            }
          });
          return out.future().onComplete(ar -> {
            SimClock.cancelTimer(ctx.vertx(), timer);
            unregister.run();
          });
        });
  }

  static OperationDef clear() {
    return OperationDef.builder("Clear AMQP Messages", ClientType.AMQP).phase("POST FLIGHT")
        .doc("Forgets the messages collected so far -> {cleared}.")
        .timeout(a -> 10_000)
        .run((ctx, args) -> Future.succeededFuture(new JsonObject().put("cleared", monitor(ctx).clear())));
  }
}

package org.openutm.verification.operation.flightblender;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationFailure;

/**
 * The Flight Blender HTTP client of one worker: base URL + path, bearer token, a timeout per request
 * ({@code flight_blender.timeout_seconds}, default 10), and every exchange captured into the step (bodies truncated at
 * 100 kB, the Authorization header redacted). Transport errors and timeouts fail the step with a message naming the
 * request; statuses are the caller's to judge.
 */
public final class FbClient {
  static final int MAX_BODY = 100_000;
  static final int MAX_EXCHANGES = 200;

  /** An answer: status and body. */
  public record Response(int status, Buffer body) {
    public JsonObject json() {
      try {
        Object v = body == null || body.length() == 0 ? null : Json.decodeValue(body);
        return v instanceof JsonObject o ? o : new JsonObject().put("value", v);
      } catch (RuntimeException e) {
        return new JsonObject().put("raw", body.toString());
      }
    }

    public Object value() {
      try {
        return body == null || body.length() == 0 ? null : Json.decodeValue(body);
      } catch (RuntimeException e) {
        return body.toString();
      }
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** How many distinct auth settings keep their token source (a session override or a saved change adds one). */
  static final int MAX_AUTHS = 16;

  private final Vertx vertx;
  private final WebClient web;
  /** One token source per effective {@code flight_blender.auth}, least recently used dropped first. */
  private final Map<JsonObject, FbTokens> tokens = new LinkedHashMap<>(4, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<JsonObject, FbTokens> eldest) {
      return size() > MAX_AUTHS;
    }
  };

  public FbClient(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
        .setUserAgent("openutm-verification"));
  }

  public WebClient web() {
    return web;
  }

  /**
   * The token source for the execution's effective auth (startup config, a saved change, or a session/run
   * override): a change of credentials, audience or scopes takes effect at the next step; tokens of one auth are
   * cached and refreshed as {@link FbTokens} does.
   */
  public FbTokens tokens(OperationContext ctx) {
    JsonObject auth = ctx.config().section("flight_blender").getJsonObject("auth");
    JsonObject key = auth == null ? new JsonObject() : auth.copy();
    synchronized (tokens) {
      return tokens.computeIfAbsent(key, k -> new FbTokens(vertx, web, k, System.getenv()));
    }
  }

  /** The execution's Flight Blender URL (a session or run may override it). */
  public String baseUrl(OperationContext ctx) {
    return ctx.config().section("flight_blender").getString("url", "");
  }

  long timeoutMillis(OperationContext ctx) {
    return (long) (ctx.config().section("flight_blender").getDouble("timeout_seconds", 10.0) * 1000);
  }

  public Future<Response> get(OperationContext ctx, String path) {
    return send(ctx, HttpMethod.GET, path, null);
  }

  /** Sends {@code body} (JSON-encoded unless null) and records the exchange; fails only when no answer came. */
  public Future<Response> send(OperationContext ctx, HttpMethod method, String path, Object body) {
    String url = baseUrl(ctx) + path;
    long timeout = timeoutMillis(ctx);
    if (baseUrl(ctx).isBlank()) {
      return Future.failedFuture(new OperationFailure("flight_blender.url is not set and no emulator runs"));
    }
    if (SimClock.speed() > 1 && !ctx.config().section("flight_blender").getBoolean("emulated", false)) {
      return Future.failedFuture(new OperationFailure(SimClock.realTimeRefusal("flight_blender.url "
          + org.openutm.verification.config.AppConfig.maskUrl(baseUrl(ctx)) + " is an external Flight Blender",
          "run at speed 1")));
    }
    long start = SimClock.nanos();
    String started = SimClock.now().toString();
    long work = SimClock.beginWork();
    Buffer payload = body == null ? null : body instanceof Buffer b ? b : Buffer.buffer(Json.encode(body));
    return tokens(ctx).token().recover(t -> Future.failedFuture(new OperationFailure("cannot get a token: " + t.getMessage())))
        .compose(token -> {
          var req = web.requestAbs(method, url).timeout(timeout).putHeader("Authorization", "Bearer " + token);
          if (payload != null) {
            req.putHeader("Content-Type", "application/json");
          }
          Future<HttpResponse<Buffer>> f = payload == null ? req.send() : req.sendBuffer(payload);
          return f.transform(ar -> {
            double ms = (SimClock.nanos() - start) / 1e6;
            if (ar.failed()) {
              String why = ar.cause() instanceof java.util.concurrent.TimeoutException
                  || String.valueOf(ar.cause().getMessage()).contains("timeout")
                  ? "no answer within " + timeout / 1000.0 + " s" : String.valueOf(ar.cause().getMessage());
              record(ctx, method, url, payload, null, ms, started, why);
              return Future.failedFuture(new OperationFailure(method + " " + url + " failed: " + why));
            }
            HttpResponse<Buffer> r = ar.result();
            record(ctx, method, url, payload, r, ms, started, null);
            return Future.succeededFuture(new Response(r.statusCode(), r.body()));
          });
        }).onComplete(ar -> SimClock.endWork(work));
  }

  /** As {@link #send}, failing the step with "METHOD url -> status: body" unless the status is one of {@code ok}. */
  public Future<Response> expect(OperationContext ctx, HttpMethod method, String path, Object body, int... ok) {
    return send(ctx, method, path, body).compose(r -> {
      for (int s : ok) {
        if (r.status() == s) {
          return Future.succeededFuture(r);
        }
      }
      return Future.failedFuture(new OperationFailure(method + " " + path + " -> " + r.status() + ": "
          + truncate(r.body() == null ? "" : r.body().toString(), 500), r.value()));
    });
  }

  private static void record(OperationContext ctx, HttpMethod method, String url, Buffer payload,
      HttpResponse<Buffer> r, double ms, String started, String error) {
    org.openutm.verification.core.Metrics.flightBlender(method.name(), r == null ? null : r.statusCode(), ms);
    String line = method.name() + " " + url + " -> " + (r == null ? error : r.statusCode()) + " in "
        + Math.round(ms * 10) / 10.0 + " ms";
    ctx.log(r == null || r.statusCode() >= 400 ? "WARNING" : "INFO", line);
    if (ctx.httpExchanges().size() >= MAX_EXCHANGES) {
      return;
    }
    ctx.httpExchanges().add(new JsonObject().put("method", method.name()).put("url", AppConfig.maskUrl(url))
        .put("status", r == null ? null : r.statusCode()).put("duration_ms", Math.round(ms * 10) / 10.0)
        .put("started_at", started).put("request_headers", new JsonObject().put("Authorization", "Bearer [redacted]"))
        .put("request_body", payload == null ? null : truncate(payload.toString(), MAX_BODY))
        .put("response_body", r == null || r.body() == null ? null : truncate(r.body().toString(), MAX_BODY))
        .put("error", error));
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "... [" + (s.length() - max) + " more characters]";
  }
}

package org.openutm.verification.operation.airtraffic;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.flightblender.AirTrafficSubmission;

/**
 * The opensky provider: live {@code GET /api/states/all?lamin&lomin&lamax&lomax} once a second at {@code opensky.url}
 * (default https://opensky-network.org), with optional OAuth2 client credentials ({@code opensky.auth}: type oauth2,
 * client_id, client_secret, token_url; env OPENSKY_CLIENT_ID / OPENSKY_CLIENT_SECRET), retried once on 401. The
 * viewport is (lat_min, lat_max, lon_min, lon_max), mapped to lamin=lat_min, lomin=lon_min, lamax=lat_max,
 * lomax=lon_max (the Python toolkit mixed them up). State vectors become observations with traffic_source 2,
 * source_type 1, altitude_mm = baro_altitude x 1000; vectors without a position are skipped.
 */
final class OpenSky {
  static final String DEFAULT_URL = "https://opensky-network.org";
  static final String DEFAULT_TOKEN_URL =
      "https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token";

  private final OperationContext ctx;
  private final WebClient web;
  private final JsonObject config;
  private String token;

  OpenSky(OperationContext ctx) {
    this.ctx = ctx;
    this.web = WebClient.create(ctx.vertx());
    this.config = ctx.config().section("opensky");
  }

  /** Polls for {@code seconds}, sending each second's traffic with {@code sender}; the result as Stream Air Traffic's. */
  Future<JsonObject> stream(double[] viewport, int seconds, JsonArray sessions, AirTrafficSubmission.Sender sender) {
    Promise<JsonObject> done = Promise.promise();
    JsonArray all = new JsonArray();
    int[] c = new int[2];
    long start = SimClock.nanos();
    tick(0, seconds, viewport, sessions, sender, all, c, start, done);
    return done.future().eventually(() -> {
      web.close();
      return Future.succeededFuture();
    });
  }

  private void tick(int k, int seconds, double[] v, JsonArray sessions, AirTrafficSubmission.Sender sender, JsonArray all,
      int[] c, long start, Promise<JsonObject> done) {
    if (k >= seconds) {
      done.tryComplete(new JsonObject().put("success", c[1] == 0).put("observations_submitted", c[0])
          .put("submission_errors", c[1]).put("duration_seconds", (SimClock.nanos() - start) / 1e9)
          .put("observations", all));
      return;
    }
    fetch(v, true).compose(states -> {
      JsonArray batch = map(states);
      batch.forEach(all::add);
      return batch.isEmpty() ? Future.succeededFuture(true) : sender.send(ctx, sessions.getString(0), batch)
          .map(ok -> {
            if (ok) {
              c[0] += batch.size();
            }
            return ok;
          });
    }).onComplete(ar -> {
      if (ar.failed() || !ar.result()) {
        c[1]++;
        if (ar.failed()) {
          ctx.warn(ar.cause().getMessage());
        }
      }
      long next = start + (k + 1) * 1_000_000_000L;
      ctx.sleep(Math.max(0, (next - SimClock.nanos()) / 1_000_000))
          .onSuccess(x -> tick(k + 1, seconds, v, sessions, sender, all, c, start, done)).onFailure(done::tryFail);
    });
  }

  Future<JsonArray> fetch(double[] v, boolean retry) {
    String url = config.getString("url", DEFAULT_URL) + "/api/states/all?lamin=" + v[0] + "&lomin=" + v[2]
        + "&lamax=" + v[1] + "&lomax=" + v[3];
    return token().compose(t -> {
      var req = web.getAbs(url).timeout(10_000);
      if (t != null) {
        req.putHeader("Authorization", "Bearer " + t);
      }
      return req.send();
    }).compose((HttpResponse<Buffer> r) -> {
      if (r.statusCode() == 401 && retry && oauth()) {
        token = null;
        return fetch(v, false);
      }
      if (r.statusCode() != 200) {
        return Future.failedFuture(new OperationFailure("OpenSky GET /api/states/all -> " + r.statusCode()));
      }
      JsonObject body = r.bodyAsJsonObject();
      return Future.succeededFuture(body.getJsonArray("states") == null ? new JsonArray() : body.getJsonArray("states"));
    });
  }

  private boolean oauth() {
    return "oauth2".equals(config.getJsonObject("auth", new JsonObject()).getString("type"));
  }

  private Future<String> token() {
    if (!oauth()) {
      return Future.succeededFuture(null);
    }
    if (token != null) {
      return Future.succeededFuture(token);
    }
    JsonObject auth = config.getJsonObject("auth", new JsonObject());
    String id = auth.getString("client_id", System.getenv("OPENSKY_CLIENT_ID"));
    String secret = auth.getString("client_secret", System.getenv("OPENSKY_CLIENT_SECRET"));
    if (id == null || secret == null) {
      return Future.failedFuture(new OperationFailure("opensky.auth oauth2 needs client_id and client_secret"));
    }
    String tokenUrl = auth.getString("token_url", DEFAULT_TOKEN_URL);
    return web.postAbs(tokenUrl).timeout(10_000).sendForm(MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "client_credentials").add("client_id", id).add("client_secret", secret))
        .compose(r -> {
          if (r.statusCode() != 200 || r.bodyAsJsonObject() == null || r.bodyAsJsonObject().getString("access_token") == null) {
            return Future.failedFuture(new OperationFailure("OpenSky token request -> " + r.statusCode()));
          }
          token = r.bodyAsJsonObject().getString("access_token");
          return Future.succeededFuture(token);
        });
  }

  /** State vectors [icao24, callsign, country, time_position, last_contact, lon, lat, baro_alt, on_ground, velocity, track, vertical_rate, ...]. */
  static JsonArray map(JsonArray states) {
    JsonArray out = new JsonArray();
    long now = SimClock.millis() * 1000;
    for (Object o : states) {
      if (!(o instanceof JsonArray s) || s.size() < 12 || !(s.getValue(5) instanceof Number lon)
          || !(s.getValue(6) instanceof Number lat)) {
        continue;
      }
      double alt = s.getValue(7) instanceof Number b ? b.doubleValue() : s.size() > 13 && s.getValue(13) instanceof Number g
          ? g.doubleValue() : 0;
      out.add(new JsonObject().put("lat_dd", lat.doubleValue()).put("lon_dd", lon.doubleValue())
          .put("altitude_mm", Math.round(alt * 1000)).put("traffic_source", 2).put("source_type", 1)
          .put("icao_address", String.valueOf(s.getValue(0)).trim()).put("timestamp", now)
          .put("metadata", new JsonObject().put("sensor_id", "opensky").put("callsign", s.getValue(1))
              .put("current_state", new JsonObject().put("speed", s.getValue(9)).put("track", s.getValue(10))
                  .put("vertical_speed", s.getValue(11)))));
    }
    return out;
  }
}

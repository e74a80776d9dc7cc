package org.openutm.verification.operation.flightblender;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/**
 * Verify SDSP Heartbeat / Track: listen on the session's WebSocket (first frame "Bearer <token>"), keep the frames of
 * the right kind (Django-wrapped or raw), and really check them: enough frames, every interval within +-10% of the
 * expected one, and, for tracks, frames that carry well-formed tracks (the Python toolkit's track check always passed).
 */
final class SdspStreams {
  private SdspStreams() {
  }

  static OperationDef heartbeat() {
    return verify("Verify SDSP Heartbeat", "heartbeat", "expected_heartbeat_interval_seconds", "expected_heartbeat_count");
  }

  static OperationDef track() {
    return verify("Verify SDSP Track", "track", "expected_track_interval_seconds", "expected_track_count");
  }

  static OperationDef verify(String name, String kind, String intervalParam, String countParam) {
    return OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.CRUISE)
        .doc("Listens on /ws/surveillance/" + kind + "/{id} and checks the count and the cadence (+-10%) of the frames"
            + (kind.equals("track") ? ", and that each carries well-formed tracks." : "."))
        .param(ParamDef.optional(intervalParam, ParamType.NUMBER, 1.0, "Expected seconds between frames."))
        .param(ParamDef.optional(countParam, ParamType.INTEGER, 3L, "Frames to see (after the first, dropped)."))
        .param(ParamDef.required("surveillance_session_id", ParamType.STRING, "The SDSP session id."))
        .timeout(a -> (long) ((a.number(intervalParam) == null ? 1 : a.number(intervalParam))
            * ((a.integer(countParam) == null ? 3 : a.integer(countParam)) + 3) * 1000) + 30_000)
        .run((ctx, args) -> {
          double interval = args.number(intervalParam) == null ? 1.0 : args.number(intervalParam);
          int count = args.integer(countParam) == null ? 3 : args.integer(countParam).intValue();
          if (interval <= 0 || count < 1 || count > 10_000) {
            return Future.failedFuture(new OperationFailure(intervalParam + " must be > 0 and " + countParam + " 1..10000"));
          }
          return listen(ctx, kind, args.string("surveillance_session_id"), (long) (interval * (count + 2) * 1000) + 500)
              .map(frames -> judge(ctx, kind, frames, interval, count));
        });
  }

  record Frame(long nanos, JsonObject body) {
  }

  static Future<List<Frame>> listen(OperationContext ctx, String kind, String session, long millis) {
    String base = fb(ctx).baseUrl(ctx).replaceFirst("^http", "ws");
    String url = base + "/ws/surveillance/" + kind + "/" + session;
    List<Frame> frames = new ArrayList<>();
    Promise<List<Frame>> done = Promise.promise();
    WebSocketClient client = ctx.vertx().createWebSocketClient();
    return fb(ctx).tokens(ctx).token().compose(token -> client.connect(new WebSocketConnectOptions().setAbsoluteURI(url)
        .setTimeout(10_000)).recover(t -> Future.failedFuture(new OperationFailure("WebSocket " + url + ": " + t.getMessage())))
        .compose(ws -> {
          ctx.info("Listening on " + url + " for " + millis / 1000.0 + " s");
          ws.textMessageHandler(t -> {
            try {
              frames.add(new Frame(System.nanoTime(), new JsonObject(t)));
            } catch (RuntimeException e) {
              ctx.warn("not JSON: " + FbClient.truncate(t, 200));
            }
          });
          ws.closeHandler(v -> done.tryComplete(frames));
          ws.writeTextMessage("Bearer " + token);
          long timer = ctx.vertx().setTimer(millis, t -> close(ws, done, frames));
          Runnable unregister = ctx.onCancel(() -> {
            ctx.vertx().cancelTimer(timer);
            close(ws, done, frames);
          });
          return done.future().onComplete(ar -> {
            unregister.run();
            client.close();
          });
        }));
  }

  private static void close(WebSocket ws, Promise<List<Frame>> done, List<Frame> frames) {
    if (!ws.isClosed()) {
      ws.close();
    }
    done.tryComplete(frames);
  }

  private static FbClient fb(OperationContext ctx) {
    return FbSupport.fb(ctx);
  }

  /** Picks the frames of this kind, drops the first, checks count, cadence and (tracks) content. */
  static JsonObject judge(OperationContext ctx, String kind, List<Frame> frames, double interval, int count) {
    List<Frame> data = new ArrayList<>();
    for (Frame f : frames) {
      JsonObject b = f.body();
      if (b.containsKey("detail") || b.containsKey("error")) {
        throw new OperationFailure("the SDSP refused the stream: " + b.encode());
      }
      boolean isData = kind.equals("heartbeat") ? b.containsKey("heartbeat_data") || b.containsKey("timestamp")
          : b.containsKey("track_data") || b.containsKey("tracks");
      if (isData) {
        data.add(f);
      }
    }
    List<Frame> judged = data.size() > 1 ? data.subList(1, data.size()) : List.of();
    JsonArray intervals = new JsonArray();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < judged.size(); i++) {
      double gap = (judged.get(i).nanos() - judged.get(i - 1).nanos()) / 1e9;
      intervals.add(Math.round(gap * 1000) / 1000.0);
      if (Math.abs(gap - interval) > interval * 0.1) {
        problems.add("interval " + i + " was " + String.format("%.3f", gap) + " s (expected " + interval + " s +-10%)");
      }
    }
    int withTracks = 0;
    if (kind.equals("track")) {
      for (Frame f : judged) {
        JsonArray tracks = f.body().getJsonArray("track_data", f.body().getJsonArray("tracks", new JsonArray()));
        if (!tracks.isEmpty()) {
          withTracks++;
        }
        for (Object o : tracks) {
          String bad = trackProblem(o);
          if (bad != null) {
            problems.add(bad);
            break;
          }
        }
      }
      if (withTracks < count) {
        problems.add(withTracks + " frame(s) carried tracks, expected at least " + count);
      }
    }
    if (judged.size() < count) {
      problems.add(judged.size() + " " + kind + " frame(s) after the first, expected at least " + count);
    }
    JsonObject result = new JsonObject().put("frames", judged.size()).put("intervals_seconds", intervals)
        .put("expected_interval_seconds", interval).put("expected_count", count);
    if (kind.equals("track")) {
      result.put("frames_with_tracks", withTracks);
    }
    if (!problems.isEmpty()) {
      throw new OperationFailure(String.join("; ", problems), result);
    }
    ctx.info(judged.size() + " " + kind + " frames, every interval within 10% of " + interval + " s");
    return result.put("success", true);
  }

  private static String trackProblem(Object o) {
    if (!(o instanceof JsonObject t) || !(t.getValue("unique_aircraft_identifier") instanceof String)) {
      return "a track without unique_aircraft_identifier";
    }
    JsonObject state = t.getValue("state") instanceof JsonObject s ? s : null;
    JsonObject p = state == null || !(state.getValue("position") instanceof JsonObject pp) ? null : pp;
    if (p == null || !(p.getValue("lat") instanceof Number lat) || !(p.getValue("lng") instanceof Number lng)
        || Math.abs(lat.doubleValue()) > 90 || Math.abs(lng.doubleValue()) > 180) {
      return "track " + t.getValue("unique_aircraft_identifier") + " has no valid state.position";
    }
    return t.getValue("timestamp") == null ? "track " + t.getValue("unique_aircraft_identifier") + " has no timestamp" : null;
  }
}

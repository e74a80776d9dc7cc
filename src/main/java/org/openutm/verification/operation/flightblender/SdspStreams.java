package org.openutm.verification.operation.flightblender;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/**
 * Verify SDSP Heartbeat / Track: listen on the session's WebSocket and really check what arrives: enough frames,
 * every interval within the tolerance (default +-10%, the Python toolkit's) of the expected one, and, for tracks,
 * frames that carry well-formed tracks at the positions of the air traffic this process submitted
 * ({@link TrackCheck}). Both eras' frames are read: master sends the bare heartbeat object and the bare track array,
 * Django wraps them in {@code heartbeat_data} / {@code track_data}; greetings ({@code message}) and Django's echoes
 * of client frames ({@code published_data}) are skipped. Neither era authenticates these sockets and Django echoes
 * every client frame to every listener, so no credential is sent unless {@code flight_blender.websocket_token} is
 * true (for a server that needs a first frame {@code Bearer <token>}).
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
        .doc("Listens on /ws/surveillance/" + kind + "/{id} and checks the count and the cadence of the frames"
            + (kind.equals("track") ? ", that each carries well-formed tracks, and that tracks are where the submitted "
            + "air traffic was." : "."))
        .param(ParamDef.required(intervalParam, ParamType.NUMBER, "Expected seconds between frames."))
        .param(ParamDef.required(countParam, ParamType.INTEGER, "Frames to see (after the first two, dropped as the toolkit does)."))
        .param(ParamDef.required("surveillance_session_id", ParamType.STRING, "The SDSP session id."))
        .param(ParamDef.optional("tolerance", ParamType.NUMBER, 0.1,
            "Allowed deviation of each interval, as a fraction of the expected one (0.1: +-10%)."))
        .timeout(a -> (long) ((a.number(intervalParam) == null ? 1 : a.number(intervalParam))
            * ((a.integer(countParam) == null ? 3 : a.integer(countParam)) + 3) * 1000) + 30_000)
        .run((ctx, args) -> {
          double interval = args.number(intervalParam) == null ? 1.0 : args.number(intervalParam);
          int count = args.integer(countParam) == null ? 3 : args.integer(countParam).intValue();
          double tolerance = args.number("tolerance") == null ? 0.1 : args.number("tolerance");
          if (interval <= 0 || count < 1 || count > 10_000 || tolerance < 0 || tolerance >= 1) {
            return Future.failedFuture(new OperationFailure(intervalParam + " must be > 0, " + countParam
                + " 1..10000 and tolerance 0..1"));
          }
          long window = (long) (interval * (count + 1 + Cadence.DROPPED) * 1000) + 500;
          return listen(ctx, kind, args.string("surveillance_session_id"), window)
              .map(frames -> judge(ctx, kind, frames, interval, count, tolerance));
        });
  }

  /** A received frame: when, and its JSON (an object or, from master's track socket, an array). */
  record Frame(long nanos, Object body) {
  }

  static Future<List<Frame>> listen(OperationContext ctx, String kind, String session, long millis) {
    String base = fb(ctx).baseUrl(ctx).replaceFirst("^http", "ws");
    String url = base + "/ws/surveillance/" + kind + "/" + session;
    boolean sendToken = ctx.config().section("flight_blender").getBoolean("websocket_token", false);
    Future<String> token = sendToken ? fb(ctx).tokens(ctx).token() : Future.succeededFuture(null);
    List<Frame> frames = new ArrayList<>();
    Promise<List<Frame>> done = Promise.promise();
    WebSocketClient client = ctx.vertx().createWebSocketClient();
    // handlers before connecting: no frame written on open is lost
    io.vertx.core.http.ClientWebSocket socket = client.webSocket();
    socket.textMessageHandler(text -> {
      try {
        frames.add(new Frame(SimClock.nanos(), Json.decodeValue(text)));
      } catch (RuntimeException e) {
        ctx.warn("not JSON: " + FbClient.truncate(text, 200));
      }
    });
    socket.closeHandler(v -> done.tryComplete(frames));
    return token.compose(t -> socket.connect(new WebSocketConnectOptions().setAbsoluteURI(url).setTimeout(10_000))
        .recover(e -> Future.failedFuture(new OperationFailure("WebSocket " + url + ": " + e.getMessage())))
        .compose(ws -> {
          ctx.info("Listening on " + url + " for " + millis / 1000.0 + " s");
          if (t != null) {
            ws.writeTextMessage("Bearer " + t);
          }
          long timer = SimClock.setTimer(ctx.vertx(), millis, x -> close(ws, done, frames));
          Runnable unregister = ctx.onCancel(() -> {
            SimClock.cancelTimer(ctx.vertx(), timer);
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

  /** The data of a frame of this kind (a heartbeat object, or a track array), or null for other frames. */
  static Object data(String kind, Object body) {
    if (body instanceof JsonArray tracks) {
      return kind.equals("track") ? tracks : null;
    }
    if (!(body instanceof JsonObject b)) {
      return null;
    }
    if (b.containsKey("detail") || b.containsKey("error")) {
      throw new OperationFailure("the SDSP refused the stream: " + b.encode());
    }
    if (kind.equals("heartbeat")) {
      return b.getValue("heartbeat_data") instanceof JsonObject h ? h : b.containsKey("timestamp") ? b : null;
    }
    return b.getValue("track_data") instanceof JsonArray t ? t : b.getValue("tracks") instanceof JsonArray t2 ? t2 : null;
  }

  /** Picks the frames of this kind, drops the first two, checks count, cadence and (tracks) content. */
  static JsonObject judge(OperationContext ctx, String kind, List<Frame> frames, double interval, int count,
      double tolerance) {
    List<Frame> data = new ArrayList<>();
    for (Frame f : frames) {
      Object d = data(kind, f.body());
      if (d != null) {
        data.add(new Frame(f.nanos(), d));
      }
    }
    double slack = Cadence.slackSeconds(SimClock.speed());
    Cadence cadence = Cadence.of(data.stream().map(Frame::nanos).toList(), interval, tolerance, slack);
    List<Frame> judged = data.subList(data.size() - cadence.judged(), data.size());
    List<String> problems = new ArrayList<>(cadence.problems());
    JsonObject result = new JsonObject().put("frames", judged.size()).put("intervals_seconds", cadence.intervals())
        .put("expected_interval_seconds", interval).put("expected_count", count).put("tolerance", tolerance);
    if (slack > 0) {
      result.put("clock_slack_seconds", slack);
    }
    if (kind.equals("track")) {
      TrackCheck check = new TrackCheck(ctx);
      int withTracks = 0;
      for (Frame f : judged) {
        JsonArray tracks = (JsonArray) f.body();
        withTracks += tracks.isEmpty() ? 0 : 1;
        check.frame(tracks);
      }
      if (withTracks < count) {
        problems.add(withTracks + " frame(s) carried tracks, expected at least " + count);
      }
      problems.addAll(check.problems());
      result.put("frames_with_tracks", withTracks).put("tracks_compared", check.compared());
    }
    if (judged.size() < count) {
      problems.add(judged.size() + " " + kind + " frame(s) after the first " + Cadence.DROPPED + ", expected at least "
          + count);
    }
    if (!problems.isEmpty()) {
      throw new OperationFailure(String.join("; ", problems), result);
    }
    ctx.info(judged.size() + " " + kind + " frames, every interval within " + Math.round(tolerance * 100) + "% of "
        + interval + " s");
    return result.put("success", true);
  }
}

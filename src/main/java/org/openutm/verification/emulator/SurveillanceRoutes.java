package org.openutm.verification.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * /surveillance_monitoring_ops/*, GET /flight_stream/get_air_traffic/{session} and the SDSP WebSockets, as master
 * (api/routers/surveillance_api.py, realtime_api.py, flight_feed_api.py) and Django (surveillance_monitoring_operations
 * urls.py, views.py, consumers.py) serve them. Neither era authenticates the WebSockets.
 */
final class SurveillanceRoutes {
  static final String SM = "/surveillance_monitoring_ops";
  static final Pattern WS_PATH = Pattern.compile("/ws/surveillance/(heartbeat|track)/([^/]+)");
  static final String BAD_DATE = "Invalid date format. Use ISO8601 format.";

  private final Vertx vertx;
  private final EmulatorState st;
  private final EmulatorRoutes routes;
  private final Surveillance.Timers timers;

  SurveillanceRoutes(Vertx vertx, EmulatorState st, EmulatorRoutes routes) {
    this.vertx = vertx;
    this.st = st;
    this.routes = routes;
    this.timers = new Surveillance.Timers() {
      @Override
      public long after(long millis, Runnable action) {
        return SimClock.setTimer(vertx, millis, t -> action.run());
      }

      @Override
      public void cancel(long id) {
        SimClock.cancelTimer(vertx, id);
      }
    };
  }

  Surveillance.Timers timers() {
    return timers;
  }

  void mount(Router r) {
    r.get(SM + "/health/").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200, false, (c, b) -> st.sensors.healthMessage()));
    r.put(SM + "/start_stop_surveillance_heartbeat_track/:id").handler(ctx -> routes.handle(ctx, FbAuth.WRITE, 200, false,
        (c, b) -> {
          String id = Uuids.path(c.pathParam("id"), "surveillance_session_id", st.options.fastapi());
          return st.surveillance.startStop(id, action(c), timers);
        }));
    r.get(SM + "/list_surveillance_sensors").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200, false,
        (c, b) -> st.sensors.list()));
    r.put(SM + "/update_sensor_health/:id").handler(ctx -> routes.handle(ctx, FbAuth.WRITE, 200, false,
        (c, b) -> st.sensors.update(c.pathParam("id"), body(c))));
    r.get(SM + "/list_sensor_health_notifications").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200, false, (c, b) -> {
      Instant[] window = window(c, !st.options.fastapi());
      return st.sensors.notifications(c.queryParams().get("sensor_id"), window[0], window[1]);
    }));
    r.get(SM + "/service_metrics").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200, false, (c, b) -> {
      Instant[] window = window(c, false);
      String session = c.queryParams().get("session_id");
      if (session != null && !session.isEmpty() && Uuids.canonical(session) == null) {
        throw Refusal.serverError("session_id becomes a UUID unguarded (uuid.UUID / a UUIDField filter)");
      }
      return st.surveillance.metrics(session == null || session.isEmpty() ? null : st.options.fastapi()
          ? Uuids.canonical(session) : session, window[0], window[1]);
    }));
    r.get("/flight_stream/get_air_traffic/:session").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200, false, (c, b) -> {
      // master: session_id: uuid.UUID (422); Django: <uuid:session_id> (404 unless hyphenated lower case)
      String session = Uuids.path(c.pathParam("session"), "session_id", st.options.fastapi());
      return st.feed.read(session, c.queryParams().get("view"), SimClock.millis());
    }));
  }

  /** The body's action: FastAPI's model (422 unless "start" or "stop"), Django's check (400 "Invalid action provided"). */
  private String action(RoutingContext c) {
    JsonObject body;
    try {
      body = body(c);
    } catch (Refusal r) {
      if (st.options.fastapi()) {
        throw r;
      }
      body = new JsonObject();
    }
    Object a = body.getValue("action");
    if ("start".equals(a) || "stop".equals(a)) {
      return (String) a;
    }
    if (st.options.fastapi()) {
      throw new Refusal(422, a == null ? Uuids.validation("body", "action", body, "missing", "Field required")
          : Uuids.validation("body", "action", a, "literal_error", "Input should be 'start' or 'stop'"));
    }
    throw new Refusal(400, new JsonObject().put("error", "Invalid action provided"));
  }

  /** A JSON object body; FastAPI answers anything else 422 (json_invalid / model_attributes_type), Django 400. */
  private JsonObject body(RoutingContext c) {
    String text = c.body() == null ? "" : c.body().asString();
    Object v;
    try {
      v = text == null || text.isBlank() ? null : Json.decodeValue(text);
    } catch (DecodeException e) {
      throw st.options.fastapi() ? new Refusal(422, Uuids.validation("body", "body", text.length() > 100
          ? text.substring(0, 100) : text, "json_invalid", "JSON decode error"))
          : Refusal.message(400, "JSON parse error");
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    if (st.options.fastapi()) {
      throw new Refusal(422, Uuids.validation("body", "body", v, v == null ? "missing" : "model_attributes_type",
          v == null ? "Field required" : "Input should be a valid dictionary or object to extract fields from"));
    }
    return new JsonObject();
  }

  /**
   * start_date / end_date (default: a week ago .. now). A bad date is 400 {@value #BAD_DATE}, except where the era
   * does not catch arrow's ParserError ({@code unguarded}: Django's list_sensor_health_notifications): a 500.
   */
  private static Instant[] window(RoutingContext c, boolean unguarded) {
    Instant now = SimClock.now();
    Instant start = now.minus(7, ChronoUnit.DAYS);
    Instant end = now;
    String s = c.queryParams().get("start_date");
    String e = c.queryParams().get("end_date");
    if (s != null && !s.isEmpty()) {
      start = ArrowDates.parse(s);
    }
    if (e != null && !e.isEmpty()) {
      end = ArrowDates.parse(e);
    }
    if (start == null || end == null) {
      throw unguarded ? Refusal.serverError("Django's list_sensor_health_notifications does not catch arrow's ParserError")
          : new Refusal(400, new JsonObject().put("error", BAD_DATE));
    }
    return new Instant[] {start, end};
  }

  /**
   * /ws/surveillance/{heartbeat|track}/{session}: no authentication in either era. Master relays the session's
   * channel and ignores what the client sends. Django (channels consumers) greets, and re-broadcasts every client
   * frame to every listener of the session as {@code {"published_data": ...}}: a token a client sends there is
   * shown to all of them. Django's route takes only a lower-case hyphenated UUID; other paths are refused at the
   * handshake (404).
   */
  boolean accepts(String path) {
    Matcher m = WS_PATH.matcher(path);
    return m.matches() && (st.options.fastapi()
        || m.group(2).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
  }

  /** Wires an accepted socket ({@link #accepts} was true for its path). */
  void webSocket(ServerWebSocket ws) {
    Matcher m = WS_PATH.matcher(ws.path());
    if (!m.matches()) {
      ws.close();
      return;
    }
    boolean heartbeat = m.group(1).equals("heartbeat");
    String session = m.group(2);
    var listeners = heartbeat ? st.surveillance.heartbeatListeners : st.surveillance.trackListeners;
    listeners.computeIfAbsent(session, k -> new ArrayList<>()).add(ws);
    if (!st.options.fastapi()) {
      String consumer = heartbeat ? "HeartBeatConsumer" : "TrackConsumer";
      ws.writeTextMessage(new JsonObject().put("message", consumer + " WebSocket connection established.").encode());
      ws.textMessageHandler(text -> Surveillance.send(listeners.get(session),
          new JsonObject().put("published_data", text).encode()));
    } else {
      ws.textMessageHandler(text -> { });
    }
    ws.closeHandler(v -> {
      var list = listeners.get(session);
      if (list != null) {
        list.remove(ws);
      }
    });
    ws.exceptionHandler(t -> ws.close());
  }
}

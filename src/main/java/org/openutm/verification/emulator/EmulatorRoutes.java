package org.openutm.verification.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openutm.verification.emulator.Declarations.Refusal;

/** The Flight Blender HTTP contract (docs/emulator.md lists each path, what it checks and how it answers). */
final class EmulatorRoutes {
  @FunctionalInterface
  interface Action {
    Object apply(RoutingContext ctx, JsonObject body);
  }

  private final Vertx vertx;
  private final EmulatorState st;
  SurveillanceRoutes surveillance;

  EmulatorRoutes(Vertx vertx, EmulatorState state) {
    this.vertx = vertx;
    this.st = state;
  }

  void mount(Router r) {
    new MiscRoutes(st.options).mount(r);
    String fd = "/flight_declaration_ops";
    r.post(fd + "/set_flight_declaration").handler(ctx -> write(ctx, 200, (c, b) ->
        st.declarations.create(b, st.geofences.fences(), false)));
    // POST flight_declaration: master creates as set_flight_declaration does; Django's FlightDeclarationCreateList.post
    // wants Content-Type exactly application/json (else 415 {"message": "Unsupported Media Type"})
    r.post(fd + "/flight_declaration").handler(ctx -> {
      if (!st.options.fastapi() && !"application/json".equals(ctx.request().getHeader("Content-Type"))) {
        reply(ctx, 415, new JsonObject().put("message", "Unsupported Media Type"));
        return;
      }
      write(ctx, 200, (c, b) -> st.declarations.create(b, st.geofences.fences(), false));
    });
    r.post(fd + "/set_operational_intent").handler(ctx -> write(ctx, 200, (c, b) ->
        st.declarations.create(b, st.geofences.fences(), true)));
    r.post(fd + "/set_flight_declarations_bulk").handler(ctx -> bulk(ctx, false));
    r.post(fd + "/set_operational_intents_bulk").handler(ctx -> bulk(ctx, true));
    r.put(fd + "/flight_declaration_state/:id").handler(ctx -> write(ctx, 200, (c, b) ->
        st.declarations.updateState(id(c, "pk"), b)));
    r.get(fd + "/flight_declaration/:id").handler(ctx -> read(ctx, c -> st.declarations.get(id(c, "pk"))));
    r.get(fd + "/flight_declaration").handler(ctx -> read(ctx, c -> st.declarations.list(
        c.queryParams().get("start_date"), c.queryParams().get("end_date"), c.queryParams().get("state"),
        intParam(c, "page", 1), intParam(c, "page_size", 10), fd + "/flight_declaration")));
    r.delete(fd + "/flight_declaration/:id/delete").handler(ctx -> handle(ctx, FbAuth.WRITE, 204, false, (c, b) -> {
      st.declarations.delete(id(c, "declaration_id"));
      return null;
    }));

    r.put("/flight_stream/set_telemetry").handler(ctx -> write(ctx, 201, (c, b) -> st.streams.submitTelemetry(b)));
    // bulk_set_air_traffic validates and stores as set_air_traffic does in both eras (master flight_feed_svc.py
    // bulk_set_air_traffic, Django views.py bulk_set_air_traffic: the same checks, batches of 250 to the task queue)
    for (String path : java.util.List.of("/flight_stream/set_air_traffic/:session", "/flight_stream/bulk_set_air_traffic/:session")) {
      r.post(path).handler(ctx -> handle(ctx, FbAuth.WRITE, 201, false, (c, b) -> {
        String session = Uuids.path(c.pathParam("session"), "session_id", st.options.fastapi());
        if (!st.options.fastapi() && !"application/json".equals(RequestBodies.mediaType(c))) {
          throw Refusal.message(415, "Unsupported Media Type");
        }
        return st.streams.submitAirTraffic(session, RequestBodies.json(c, st.options.fastapi()));
      }));
    }

    String gf = "/geo_fence_ops";
    // both eras check the scope, then that Content-Type is exactly application/json (master geo_fence_api.py,
    // Django views.py set_geo_fence: request.content_type is the whole header)
    r.put(gf + "/set_geo_fence").handler(ctx -> handle(ctx, FbAuth.WRITE, 200, false, (c, b) -> {
      if (!"application/json".equals(c.request().getHeader("Content-Type"))) {
        throw Refusal.message(415, "Unsupported Media Type");
      }
      return st.geofences.set(geofenceBody(c));
    }));
    r.get(gf + "/geo_fence/:id").handler(ctx -> read(ctx, c -> st.geofences.render(st.geofences.get(id(c, "pk")))));
    r.get(gf + "/geo_fence").handler(ctx -> read(ctx, c -> {
      JsonObject all = st.geofences.list(c.queryParams().get("start_date"), c.queryParams().get("end_date"),
          st.options.fastapi() ? intParam(c, "limit", 100) : Integer.MAX_VALUE,
          st.options.fastapi() ? intParam(c, "offset", 0) : 0);
      return st.options.fastapi() ? all : Declarations.djangoPage(all.getJsonArray("results"), intParam(c, "page", 1),
          intParam(c, "page_size", 10), gf + "/geo_fence");
    }));
    r.delete(gf + "/geo_fence/:id/delete").handler(ctx -> handle(ctx, FbAuth.WRITE, 204, false, (c, b) -> {
      st.geofences.delete(id(c, "geo_fence_id"));
      return null;
    }));

    new ReviewRoutes(st, this).mount(r, fd);
    mountConformance(r);
    surveillance = new SurveillanceRoutes(vertx, st, this);
    surveillance.mount(r);

    String daa = "/detect_and_avoid_ops";
    if (!st.options.daaEnabled()) {
      mountTestRoutes(r);
      return;
    }
    r.get(daa + "/alerts/active").handler(ctx -> read(ctx, c -> st.daa.activeAlerts()));
    r.get(daa + "/alerts/active/").handler(ctx -> read(ctx, c -> st.daa.activeAlerts()));
    r.get(daa + "/logs/incident").handler(this::incidentLogs);
    r.get(daa + "/logs/incident/").handler(this::incidentLogs);

    mountTestRoutes(r);
  }

  /**
   * /conformance_monitoring_ops. Master (api/routers/conformance_api.py, services/conformance_svc.py
   * parse_date_range): both dates required, arrow-parsed, start before end, else 400 {"error"}; records of the
   * window (master has no monitor, so none); the summary also at get_conformance_record_summary. Django
   * (conformance_monitoring_operations/views.py): the views read {@code request.parameters}, which a DRF Request does
   * not have, so both answer 500 whatever the query (its own tests assert it).
   */
  private void mountConformance(Router r) {
    String cm = "/conformance_monitoring_ops";
    r.get(cm + "/conformance_status").handler(ctx -> read(ctx, c -> new JsonObject().put("status", "OK")));
    r.get(cm + "/get_conformance_records").handler(ctx -> read(ctx, c ->
        new JsonObject().put("conformance_records", st.conformance.records(window(c)[0], window(c)[1]))));
    java.util.List<String> summaries = st.options.fastapi()
        ? java.util.List.of("/conformance_record_summary", "/get_conformance_record_summary")
        : java.util.List.of("/conformance_record_summary");
    for (String path : summaries) {
      r.get(cm + path).handler(ctx -> read(ctx, c -> {
        Instant[] w = window(c);
        io.vertx.core.json.JsonArray records = st.conformance.records(w[0], w[1]);
        long conforming = records.stream().filter(x -> ((JsonObject) x).getInteger("conformance_state") == 1).count();
        return new JsonObject().put("summary", new JsonObject().put("total_records", records.size())
            .put("conforming_records", conforming).put("non_conforming_records", records.size() - conforming)
            .put("conformance_rate_percentage", records.isEmpty() ? 0 : conforming * 100.0 / records.size())
            .put("start_date", c.queryParams().get("start_date")).put("end_date", c.queryParams().get("end_date")));
      }));
    }
  }

  private Instant[] window(RoutingContext c) {
    if (!st.options.fastapi()) {
      throw Refusal.serverError("conformance_monitoring_operations/views.py reads request.parameters: AttributeError");
    }
    String s = c.queryParams().get("start_date");
    String e = c.queryParams().get("end_date");
    if (s == null || s.isEmpty() || e == null || e.isEmpty()) {
      throw new Refusal(400, new JsonObject().put("error", "start_date and end_date are required"));
    }
    Instant start = ArrowDates.parse(s);
    Instant end = ArrowDates.parse(e);
    if (start == null || end == null) {
      throw new Refusal(400, new JsonObject().put("error", "Invalid date format. Use ISO 8601 format."));
    }
    if (!start.isBefore(end)) {
      throw new Refusal(400, new JsonObject().put("error", "start_date must be before end_date"));
    }
    return new Instant[] {start, end};
  }

  /** Emulator-only routes for tests (no Flight Blender serves them). */
  private void mountTestRoutes(Router r) {
    r.post("/emulator/reset").handler(ctx -> {
      st.declarations.clear();
      st.streams.clear();
      st.geofences.clear();
      st.sensors.reset();
      st.daa.clear();
      st.surveillance.clear(surveillance.timers());
      st.feed.clear();
      st.conformance.clear();
      ctx.json(new JsonObject().put("status", "reset"));
    });
    r.get("/emulator/state").handler(ctx -> ctx.json(st.counts()));
    r.get("/emulator/conformance").handler(ctx -> ctx.json(st.conformance.state()));
  }

  /** Filters: event_type, alert_level (0-3), start_date, end_date, alert_id, ownship_operation; 400 naming a bad one. */
  private void incidentLogs(RoutingContext ctx) {
    read(ctx, c -> {
      String type = c.queryParams().get("event_type");
      if (type != null && !type.isBlank() && !java.util.Set.of("alert_triggered", "alert_updated", "alert_resolved",
          "periodic_update").contains(type.trim())) {
        throw Refusal.message(400, "event_type must be one of alert_triggered, alert_updated, alert_resolved, "
            + "periodic_update");
      }
      String lv = c.queryParams().get("alert_level");
      Integer level = null;
      if (lv != null && !lv.isBlank()) {
        if (!lv.trim().matches("[0-3]")) {
          throw Refusal.message(400, "alert_level must be an integer 0-3");
        }
        level = Integer.parseInt(lv.trim());
      }
      java.util.List<DaaLog> logs = st.daa.matching(type == null || type.isBlank() ? null : type.trim(), level,
          date(c, "start_date", null), date(c, "end_date", null), blankToNull(c.queryParams().get("alert_id")),
          blankToNull(c.queryParams().get("ownship_operation")));
      if (logs.size() < 1_000) {
        return DaaEngine.toJson(logs);
      }
      // up to max_logs (200,000: tens of MB of JSON): encoded on a worker thread, never on the emulator's event loop
      return vertx.executeBlocking(() -> Json.encodeToBuffer(DaaEngine.toJson(logs)), false);
    });
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The JSON-array branch of {@link #handle} answers bulk bodies; any other body is refused there. */
  private void bulk(RoutingContext ctx, boolean intents) {
    handle(ctx, FbAuth.WRITE, 200, true, (c, b) -> {
      throw Refusal.message(400, "Request body must be a JSON array of flight declaration objects.");
    });
  }

  private void write(RoutingContext ctx, int status, Action action) {
    handle(ctx, FbAuth.WRITE, status, true, action);
  }

  private void read(RoutingContext ctx, java.util.function.Function<RoutingContext, Object> action) {
    handle(ctx, FbAuth.READ, 200, false, (c, b) -> action.apply(c));
  }

  /** auth -> parse -> act -> answer; bad input of any shape is a 400, never a 500. */
  void handle(RoutingContext ctx, String scope, int status, boolean needsBody, Action action) {
    if (st.options.auth()) {
      FbAuth.Denial denial = FbAuth.check(ctx.request().getHeader("Authorization"), scope, st.options.fastapi());
      if (denial != null) {
        reply(ctx, denial.status(), denial.body());
        return;
      }
    }
    try {
      Object body = needsBody ? parse(ctx) : null;
      Object result;
      if (body instanceof io.vertx.core.json.JsonArray arr) {
        result = Bulk.submit(st, arr, ctx.request().path().endsWith("intents_bulk"));
        int code = ((JsonObject) result).getInteger("failed") > 0 ? 207 : 200;
        reply(ctx, code, result);
        return;
      }
      if (needsBody && ctx.request().path().endsWith("_bulk")) {
        throw Refusal.message(400, "Request body must be a JSON array of flight declaration objects.");
      }
      result = action.apply(ctx, (JsonObject) body);
      reply(ctx, status, result);
    } catch (Refusal r) {
      reply(ctx, r.status, r.body);
    } catch (ClassCastException | IllegalArgumentException | NullPointerException | IndexOutOfBoundsException
        | java.time.DateTimeException e) {
      reply(ctx, 400, new JsonObject().put("message", "Malformed request: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }
  }

  /** A UUID path id as the era routes it (master 422, Django 404), canonical. */
  private String id(RoutingContext c, String name) {
    return Uuids.path(c.pathParam("id"), name, st.options.fastapi());
  }

  /**
   * The body. Django's DRF parsers take JSON, forms and multipart (anything else 415 {@code Unsupported media type
   * "..." in request.}); FastAPI reads a {@code dict = Body(...)} only from a JSON content type (else 422).
   */
  private Object parse(RoutingContext ctx) {
    String type = RequestBodies.mediaType(ctx);
    boolean json = type.equals("application/json") || type.endsWith("+json");
    if (!json && !type.isEmpty() && st.options.fastapi()) {
      throw new Refusal(422, Uuids.validation("body", "body", null, "model_attributes_type",
          "Input should be a valid dictionary or object to extract fields from"));
    }
    if (!json && !type.isEmpty() && !type.equals("application/x-www-form-urlencoded") && !type.equals("multipart/form-data")) {
      throw new Refusal(415, new JsonObject().put("detail", "Unsupported media type \"" + ctx.request().getHeader("Content-Type")
          + "\" in request."));
    }
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw Refusal.message(400, "A JSON body is required");
    }
    Object v;
    try {
      v = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw Refusal.message(400, "JSON parse error: " + firstLine(e.getMessage()));
    }
    if (!(v instanceof JsonObject) && !(v instanceof io.vertx.core.json.JsonArray)) {
      throw Refusal.message(400, "The body must be a JSON object");
    }
    if (v instanceof io.vertx.core.json.JsonArray && !ctx.request().path().endsWith("_bulk")) {
      throw Refusal.message(400, "The body must be a JSON object");
    }
    return v;
  }

  static void reply(RoutingContext ctx, int status, Object body) {
    if (body instanceof io.vertx.core.Future<?> later) {
      later.onComplete(ar -> reply(ctx, ar.succeeded() ? status : 500, ar.succeeded() ? ar.result()
          : new JsonObject().put("message", "Could not encode the answer: " + ar.cause().getMessage())));
      return;
    }
    ctx.response().setStatusCode(status);
    if (body instanceof io.vertx.core.buffer.Buffer encoded) {
      ctx.response().putHeader("Content-Type", "application/json").end(encoded);
    } else if (body == null || status == 204) {
      ctx.response().end();
    } else {
      ctx.response().putHeader("Content-Type", "application/json").end(Json.encode(body));
    }
  }

  /** Django accepts application/json with parameters; FastAPI's geofence endpoint wants it exactly. */
  /** Master reads {@code await request.json()} (bad JSON raises, 500); Django's request.data (400 JSON parse error). */
  private Object geofenceBody(RoutingContext c) {
    String text = c.body() == null ? "" : c.body().asString();
    if (st.options.fastapi()) {
      try {
        return text == null || text.isBlank() ? null : Json.decodeValue(text);
      } catch (DecodeException e) {
        throw Refusal.serverError("await request.json() raises JSONDecodeError, uncaught in set_geo_fence");
      }
    }
    Object body = RequestBodies.json(c, false);
    return body == null ? new JsonObject() : body;
  }

  private static boolean jsonType(RoutingContext ctx, boolean exact) {
    String t = ctx.request().getHeader("Content-Type");
    if (t == null) {
      return false;
    }
    return exact ? t.equals("application/json") : t.trim().toLowerCase().startsWith("application/json");
  }

  private static int intParam(RoutingContext c, String name, int dflt) {
    String v = c.queryParams().get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 1 || n > 10_000) {
        throw Refusal.message(400, name + " must be between 1 and 10000");
      }
      return n;
    } catch (NumberFormatException e) {
      throw Refusal.message(400, name + " must be an integer");
    }
  }

  /** Dates as YYYY-MM-DDTHH:mm:ssZ, +0000, or with the '+' decoded to a space (put back). */
  private static Instant date(RoutingContext c, String name, Instant dflt) {
    String v = c.queryParams().get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    String t = v.trim().replace(' ', '+');
    if (t.matches(".*[+-]\\d{4}$")) {
      t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
    }
    try {
      return Declarations.parseTime(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw Refusal.message(400, name + " must be a date like 2026-01-31T12:00:00Z");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).replaceAll("(.{160}).*", "$1");
  }
}

package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;

/**
 * Flight declarations as Flight Blender keeps them: validation of the payload, creation with deconfliction, the
 * ASTM F3548 state machine of the Django era (or FastAPI's "write any state"), and conformance of telemetry.
 * Plain logic confined to the emulator verticle's context.
 */
final class Declarations {
  static final Set<Integer> ACTIVE_STATES = Set.of(1, 2, 3, 4);
  static final String PAST_OR_FAR = "A flight declaration cannot have a start / end time in the past or after two days from current time.";

  /** A failed request: status and the body Flight Blender answers. */
  static final class Refusal extends RuntimeException {
    final int status;
    final JsonObject body;

    Refusal(int status, JsonObject body) {
      super(body.encode(), null, false, false);
      this.status = status;
      this.body = body;
    }

    static Refusal message(int status, String message) {
      return new Refusal(status, new JsonObject().put("message", message));
    }

    /**
     * A 500 where the real server raises one for this input (an unguarded conversion): the body names the real code
     * path, so tests (and the fuzz) can tell an emulated server error from an emulator bug.
     */
    static Refusal serverError(String why) {
      return new Refusal(500, new JsonObject().put("detail", "Internal Server Error").put("emulated_server_error", why));
    }
  }

  private final Map<String, JsonObject> byId = new LinkedHashMap<>();
  /** Declarations whose last deconfliction met both a geofence and another declaration (for announce). */
  private final Set<String> bothConflicts = new java.util.HashSet<>();
  private final EmulatorOptions options;
  private final EventSink events;
  /** Told when a declaration leaves the flying states 1-4 or is deleted (the DAA engine resolves its alerts). */
  java.util.function.Consumer<String> onGrounded = id -> { };
  /** Told of each accepted operator state change (declaration, from, to): the conformance monitor's task. */
  OperatorListener onOperatorChange = (d, from, to) -> { };
  /** Told when a declaration is deleted. */
  java.util.function.Consumer<String> onDeleted = id -> { };

  /** An accepted operator state change. */
  interface OperatorListener {
    void changed(JsonObject declaration, int from, int to);
  }

  Declarations(EmulatorOptions options, EventSink events) {
    this.options = options;
    this.events = events;
  }

  JsonObject get(String id) {
    JsonObject d = byId.get(id);
    if (d == null) {
      throw Refusal.message(404, "Flight Declaration with ID " + id + " not found");
    }
    return d;
  }

  EventSink events() {
    return events;
  }

  boolean exists(String id) {
    return byId.containsKey(id);
  }

  int size() {
    return byId.size();
  }

  void clear() {
    byId.clear();
  }

  /**
   * Validates, stores and (where the era does) deconflicts one declaration. Master's set_flight_declaration does not
   * deconflict (services/flight_declarations_svc.py _create_flight_declaration_record; its state is flight_state or
   * 1); master's operational intents and every Django-era create do (deconfliction_engine.py).
   */
  JsonObject create(JsonObject payload, List<Geofences.Fence> fences, boolean operationalIntent) {
    JsonObject record = store(payload, operationalIntent);
    boolean deconflicted = deconflicts(operationalIntent);
    if (deconflicted) {
      deconflict(List.of(record), fences);
    }
    return announce(record, deconflicted);
  }

  /** Whether this era deconflicts this kind of create. */
  boolean deconflicts(boolean operationalIntent) {
    return !options.fastapi() || operationalIntent;
  }

  /**
   * The default engine on a batch (both eras' DefaultDeconflictionEngine, run for every item before any result is
   * applied, as _run_deconfliction does for bulk submissions): rejected (state 8) when its bounding box meets an
   * active (1-4) declaration overlapping its time window, itself excluded, or a geofence whose window contains its
   * whole window.
   */
  void deconflict(List<JsonObject> batch, List<Geofences.Fence> fences) {
    List<JsonObject> rejected = new ArrayList<>();
    for (JsonObject d : batch) {
      Geo.Box box = box(d);
      Instant start = Instant.parse(d.getString("start_datetime"));
      Instant end = Instant.parse(d.getString("end_datetime"));
      boolean fence = fences.stream().anyMatch(f -> !f.start().isAfter(start) && !f.end().isBefore(end)
          && f.box().intersects(box));
      boolean declaration = false;
      for (JsonObject other : byId.values()) {
        if (declaration) {
          break;
        }
        declaration = !other.getString("id").equals(d.getString("id")) && ACTIVE_STATES.contains(other.getInteger("state"))
            && !Instant.parse(other.getString("start_datetime")).isAfter(end)
            && !Instant.parse(other.getString("end_datetime")).isBefore(start) && box(other).intersects(box);
      }
      if (fence || declaration) {
        rejected.add(d);
      }
      if (fence && declaration) {
        bothConflicts.add(d.getString("id"));
      }
    }
    for (JsonObject d : rejected) {
      d.put("state", 8).put("is_approved", false).putNull("approved_by");
    }
  }

  /**
   * The stored bounds, which both eras' deconfliction queries and indexes with. Django
   * (flight_declaration_operations/utils.py get_geo_json_bounds): the union of what the create converted, each
   * GeoJSON feature buffered by 0.0005 degrees, 7 decimals ("nan,..." for nothing); master
   * (services/flight_declarations_svc.py _build_partial_operational_intent): the unbuffered union, Python's str.
   */
  private String bounds(Geo.Box box, boolean operationalIntent) {
    if (box == null) {
      return "nan,nan,nan,nan";
    }
    if (options.fastapi()) {
      return box.text();
    }
    double r = operationalIntent ? 0 : ConformanceChecks.FEATURE_BUFFER_DEGREES;
    return String.format(java.util.Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", box.minx() - r, box.miny() - r, box.maxx() + r,
        box.maxy() + r);
  }

  private static Geo.Box box(JsonObject d) {
    String[] b = d.getString("bounds").replace("nan", "NaN").split(",");
    return new Geo.Box(Double.parseDouble(b[0]), Double.parseDouble(b[1]), Double.parseDouble(b[2]),
        Double.parseDouble(b[3]));
  }

  /**
   * The operational events of a create, as _process_intersection_result(_sa) sends them (master
   * services/flight_declarations_svc.py, Django flight_declaration_operations/views.py): "Flight Declaration
   * created.." whenever the create was deconflicted (master: operational intents only; its set_flight_declaration
   * sends nothing), and an error when it met both a geofence and another declaration. Then the create answer.
   */
  JsonObject announce(JsonObject record, boolean deconflicted) {
    String id = record.getString("id");
    boolean approved = record.getBoolean("is_approved");
    if (deconflicted) {
      events.publish(id, "Flight Declaration created..", "info");
      if (bothConflicts.remove(id)) {
        events.publish(id, "Self deconfliction failed for operation " + id + " did not pass self-deconfliction, there "
            + "are existing operations declared in the area", "error");
      }
    }
    return new JsonObject().put("id", id).put("message", "Submitted Flight Declaration").put("is_approved", approved)
        .put("state", record.getInteger("state"));
  }

  /** Validates and stores a declaration (GeoJSON form, or operational intent volumes), not yet deconflicted. */
  JsonObject store(JsonObject payload, boolean operationalIntent) {
    if (byId.size() >= options.maxDeclarations()) {
      throw Refusal.message(507, "Emulator storage full: " + options.maxDeclarations() + " flight declarations "
          + "(emulator.max_declarations); delete some or reset the emulator");
    }
    JsonObject errors = DeclarationSchema.errors(payload, operationalIntent);
    if (!errors.isEmpty()) {
      throw new Refusal(400, new JsonObject().put("message", "Validation error").put("errors", errors));
    }
    JsonObject geo;
    Geo.Box box;
    if (operationalIntent) {
      try {
        geo = OperationalIntents.toGeoJson(payload);
        box = Geo.boxOfGeoJson(geo);
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new Refusal(400, new JsonObject().put("message", "Validation error").put("errors", new JsonObject()
            .put("operational_intent_volume4ds", new JsonArray().add(String.valueOf(e.getMessage())))));
      }
    } else {
      geo = payload.getJsonObject("flight_declaration_geo_json");
      box = DeclarationGeoJson.check(geo, options.fastapi());
    }
    Instant start = ArrowDates.parse(payload.getString("start_datetime").trim().replace(' ', 'T'));
    Instant end = ArrowDates.parse(payload.getString("end_datetime").trim().replace(' ', 'T'));
    Instant now = SimClock.now();
    if (start.isBefore(now.minusSeconds(1)) || end.isBefore(now) || end.isAfter(now.plus(Duration.ofDays(2)))
        || start.isAfter(now.plus(Duration.ofDays(2)))) {
      throw Refusal.message(400, PAST_OR_FAR);
    }
    int state = options.fastapi() && !operationalIntent && payload.getValue("flight_state") instanceof Number n
        ? n.intValue() : 1;
    boolean approved = state != 0 && state != 8;
    String id = UUID.randomUUID().toString();
    JsonObject record = new JsonObject().put("id", id)
        .put("operational_intent", operationalIntent ? payload.getValue("operational_intent_volume4ds") : null)
        .put("originating_party", payload.getValue("originating_party", "No Flight Information"))
        .put("type_of_operation", payload.getValue("type_of_operation", operationalIntent ? 1 : 0))
        .put("aircraft_id", payload.getValue("aircraft_id"))
        .put("state", state).put("is_approved", approved)
        .put("start_datetime", start.toString()).put("end_datetime", end.toString())
        .put("flight_declaration_geojson", geo).put("flight_declaration_raw_geojson", geo)
        .put("bounds", bounds(box, operationalIntent)).put("approved_by", approved ? "Flight Blender emulator" : null)
        .put("submitted_by", payload.getValue("submitted_by")).put("created_at", now.toString());
    byId.put(id, record);
    return record;
  }

  static Instant parseTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
    }
  }

  /** PUT flight_declaration_state: the Django state machine, or FastAPI's write-anything. */
  JsonObject updateState(String id, JsonObject body) {
    JsonObject d = get(id);
    Object st = body.getValue("state");
    if (!(st instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      if (options.fastapi()) {
        throw new Refusal(422, new JsonObject().put("detail", "state is required"));
      }
      throw Refusal.message(400, "A valid integer state is required");
    }
    int to = n.intValue();
    int from = d.getInteger("state");
    String refused = options.fastapi() ? null : DjangoStateMachine.refusal(from, to);
    if (refused != null) {
      throw new Refusal(400, new JsonObject().put("state", new JsonArray().add(refused)));
    }
    setState(d, to, "operator");
    onOperatorChange.changed(d, from, to);
    String by = body.getValue("submitted_by") instanceof String s ? s : null;
    d.put("submitted_by", by);
    return new JsonObject().put("state", to).put("submitted_by", by);
  }

  /**
   * A state change. Neither era publishes an operational event for it (with no USS network the transition handlers
   * only touch the DSS and the conformance task); the conformance monitor publishes its own message.
   */
  void setState(JsonObject d, int to, String cause) {
    d.put("state", to);
    if (!ACTIVE_STATES.contains(to)) {
      onGrounded.accept(d.getString("id"));
    }
  }

  void delete(String id) {
    get(id);
    byId.remove(id);
    onGrounded.accept(id);
    onDeleted.accept(id);
  }

  /** List with date (YYYY-MM-DD) and state filters and paging; Django and FastAPI shapes. */
  /**
   * GET flight_declaration. Master (services/flight_declarations_svc.py list_flight_declarations): window
   * start_date (YYYY-MM-DD, floored to the day) .. end_date (ceiled), default yesterday..tomorrow by day; Django
   * (flight_declaration_operations/views.py FlightDeclarationCreateList): start_date / end_date at midnight, default
   * now-1 day .. now+1 day. Both: start_datetime >= start and end_datetime <= end, the state filter ignores empty
   * tokens, newest first. Master answers {count, next: null, previous: null, results}; Django pages as
   * pagination.py StandardResultsSetPagination (its {@code pages} divides by 10 whatever page_size is).
   */
  JsonObject list(String startDate, String endDate, String states, int page, int pageSize, String base) {
    Instant now = SimClock.now();
    java.time.ZonedDateTime today = now.atZone(java.time.ZoneOffset.UTC);
    Instant from;
    Instant to;
    try {
      if (options.fastapi()) {
        from = startDate != null ? day(startDate) : today.minusDays(1).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        to = (endDate != null ? day(endDate) : today.plusDays(1).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant()).plus(java.time.Duration.ofDays(1)).minusNanos(1000);
      } else {
        from = startDate != null ? day(startDate) : now.minus(java.time.Duration.ofDays(1));
        to = endDate != null ? day(endDate) : now.plus(java.time.Duration.ofDays(1));
      }
    } catch (java.time.DateTimeException e) {
      throw Refusal.serverError("arrow.get(date, 'YYYY-MM-DD') raises ParserError, uncaught in either era");
    }
    Set<Integer> wanted = parseStates(states);
    List<JsonObject> all = new ArrayList<>();
    List<JsonObject> newestFirst = new ArrayList<>(byId.values());
    java.util.Collections.reverse(newestFirst);
    for (JsonObject d : newestFirst) {
      if (parseTime(d.getString("start_datetime")).isBefore(from) || parseTime(d.getString("end_datetime")).isAfter(to)) {
        continue;
      }
      if (wanted != null && !wanted.contains(d.getInteger("state"))) {
        continue;
      }
      all.add(d);
    }
    int offset = Math.max(page - 1, 0) * pageSize;
    List<JsonObject> slice = all.subList(Math.min(all.size(), offset), Math.min(all.size(), offset + pageSize));
    if (options.fastapi()) {
      return new JsonObject().put("count", all.size()).putNull("next").putNull("previous")
          .put("results", new JsonArray(new ArrayList<>(slice)));
    }
    return djangoPage(new JsonArray(new ArrayList<>(all)), page, pageSize, base);
  }

  /** Django's StandardResultsSetPagination (flight_declaration_operations/pagination.py; its pages divide by 10). */
  static JsonObject djangoPage(JsonArray all, int page, int pageSize, String base) {
    int offset = Math.max(page - 1, 0) * pageSize;
    List<Object> slice = all.getList().subList(Math.min(all.size(), offset), Math.min(all.size(), offset + pageSize));
    int lastPage = Math.max(1, (all.size() + pageSize - 1) / pageSize);
    if (page > lastPage) {
      throw new Refusal(404, new JsonObject().put("detail", "Invalid page."));
    }
    String next = page < lastPage ? base + "?page=" + (page + 1) + "&page_size=" + pageSize : null;
    String prev = page > 1 ? base + "?page=" + (page - 1) + "&page_size=" + pageSize : null;
    return new JsonObject().put("links", new JsonObject().put("next", next).put("previous", prev))
        .put("total", all.size()).put("page", page).put("pages", (int) Math.ceil(all.size() / 10.0))
        .put("page_size", pageSize).put("results", new JsonArray(new ArrayList<>(slice)));
  }

  private static Instant day(String yyyyMmDd) {
    return java.time.LocalDate.parse(yyyyMmDd.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  /** Comma-separated integers, empty tokens ignored (both eras); null when no filter. */
  private Set<Integer> parseStates(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    Set<Integer> out = new java.util.HashSet<>();
    for (String p : s.split(",")) {
      if (p.trim().isEmpty()) {
        continue;
      }
      try {
        out.add(Integer.parseInt(p.trim()));
      } catch (NumberFormatException e) {
        throw new Refusal(400, options.fastapi() ? new JsonObject().put("error", "State values must be integers.")
            : new JsonObject().put("state", "State values must be integers."));
      }
    }
    return out.isEmpty() ? null : out;
  }

  Iterable<JsonObject> all() {
    return byId.values();
  }
}

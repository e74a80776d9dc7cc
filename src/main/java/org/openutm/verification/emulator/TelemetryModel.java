package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * A telemetry state and flight details parsed as both eras do (dacite {@code from_dict} into domain_types/rid.py
 * RIDAircraftState and RIDFlightDetails, {@code Config(cast=[Enum])}; master services/flight_feed_svc.py
 * submit_telemetry, Django flight_feed_operations/views.py): a missing required field is dacite's MissingValueError
 * (master: 400; Django catches only WrongTypeError: 500), a value of the wrong type its WrongTypeError (400 "The
 * parsing of telemetry object raised the following errors ..."), a string that is no member of its enum fails in the
 * Enum cast, which neither era catches (500).
 */
final class TelemetryModel {
  static final Set<String> HORIZONTAL = Set.of("HAUnknown", "HA10NMPlus", "HA10NM", "HA4NM", "HA2NM", "HA1NM", "HA05NM",
      "HA03NM", "HA01NM", "HA005NM", "HA30m", "HA10m", "HA3m", "HA1m");
  static final Set<String> VERTICAL = Set.of("VAUnknown", "VA150mPlus", "VA150m", "VA45m", "VA25m", "VA10m", "VA3m", "VA1m");
  static final Set<String> SPEED = Set.of("SAUnknown", "SA10mpsPlus", "SA10mps", "SA3mps", "SA1mps", "SA03mps");
  static final Set<String> STATUS = Set.of("Undeclared", "Ground", "Airborne", "Emergency", "RemoteIDSystemFailure");
  static final Set<String> REFERENCE = Set.of("TakeoffLocation", "GroundLevel");
  static final String PREFIX = "The parsing of telemetry object raised the following errors ";

  private final boolean fastapi;

  TelemetryModel(boolean fastapi) {
    this.fastapi = fastapi;
  }

  /** RIDAircraftState. */
  void state(Object raw) {
    JsonObject s = object(raw, "current_states");
    JsonObject ts = object(required(s, "timestamp", "Time"), "timestamp");
    string(required(ts, "value", "str", "timestamp.value"), "timestamp.value");
    member(required(ts, "format", "Format", "timestamp.format"), Set.of("RFC3339"), "timestamp.format");
    number(required(s, "timestamp_accuracy", "float"), "timestamp_accuracy", false);
    JsonObject p = object(required(s, "position", "RIDAircraftPosition"), "position");
    number(required(p, "lat", "float", "position.lat"), "position.lat", false);
    number(required(p, "lng", "float", "position.lng"), "position.lng", false);
    member(required(p, "accuracy_h", "HorizontalAccuracy", "position.accuracy_h"), HORIZONTAL, "position.accuracy_h");
    member(required(p, "accuracy_v", "VerticalAccuracy", "position.accuracy_v"), VERTICAL, "position.accuracy_v");
    for (String k : new String[] {"alt", "pressure_altitude"}) {
      number(p.getValue(k), "position." + k, true);
    }
    if (p.getValue("height") != null) {
      JsonObject h = object(p.getValue("height"), "position.height");
      member(required(h, "reference", "Reference", "position.height.reference"), REFERENCE, "position.height.reference");
      number(h.getValue("distance"), "position.height.distance", true);
    }
    member(required(s, "speed_accuracy", "SpeedAccuracy"), SPEED, "speed_accuracy");
    if (s.getValue("operational_status") != null) {
      member(s.getValue("operational_status"), STATUS, "operational_status");
    }
    for (String k : new String[] {"speed", "track", "vertical_speed"}) {
      number(s.getValue(k), k, true);
    }
  }

  /** RIDFlightDetails: {@code id} (a string) is the only required field. */
  String details(Object raw) {
    JsonObject d = object(raw, "flight_details");
    Object id = required(d, "id", "str");
    string(id, "id");
    if (d.getValue("uas_id") != null) {
      JsonObject u = object(d.getValue("uas_id"), "uas_id");
      for (String k : new String[] {"serial_number", "registration_id", "utm_id", "specific_session_id"}) {
        if (u.getValue(k) != null) {
          string(u.getValue(k), "uas_id." + k);
        }
      }
    }
    return (String) id;
  }

  private Object required(JsonObject o, String key, String type) {
    return required(o, key, type, key);
  }

  private Object required(JsonObject o, String key, String type, String path) {
    if (!o.containsKey(key)) {
      if (fastapi) {
        throw Refusal.message(400, PREFIX + "missing value for field \"" + path + "\"");
      }
      throw Refusal.serverError("dacite MissingValueError for \"" + path + "\": Django catches only WrongTypeError");
    }
    return o.getValue(key);
  }

  private static JsonObject object(Object v, String path) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw wrong(path, "a dataclass", v);
  }

  private static void string(Object v, String path) {
    if (!(v instanceof String)) {
      throw wrong(path, "str", v);
    }
  }

  private static void number(Object v, String path, boolean optional) {
    if (v == null && optional || v instanceof Number) {
      return;
    }
    throw wrong(path, optional ? "Optional[float]" : "float", v);
  }

  private static void member(Object v, Set<String> values, String path) {
    if (!(v instanceof String s)) {
      throw wrong(path, "an enum value", v);
    }
    if (!values.contains(s)) {
      throw Refusal.serverError("'" + s + "' is not a valid value of " + path + ": the Enum cast raises ValueError, "
          + "uncaught in either era");
    }
  }

  private static Refusal wrong(String path, String type, Object v) {
    String py = v == null ? "NoneType" : v instanceof String ? "str" : v instanceof Number ? "number"
        : v instanceof Boolean ? "bool" : v instanceof JsonObject ? "dict" : "list";
    return Refusal.message(400, PREFIX + "wrong value type for field \"" + path + "\" - should be \"" + type
        + "\" instead of value \"" + v + "\" of type \"" + py + "\"");
  }
}

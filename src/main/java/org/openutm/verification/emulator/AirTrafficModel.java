package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * POST set_air_traffic bodies as each era reads them. Master (schemas/flight_feed.py ObservationRequest, pydantic, lax
 * mode): {@code {observations: [{lat_dd, lon_dd, altitude_mm: float, icao_address: str, traffic_source, timestamp:
 * int, source_type: int = 0, metadata: dict = {}}]}}, extra keys ignored, numeric strings taken, anything else 422
 * {@code {"detail": [{type, loc, msg, input}]}}. Django (flight_feed_operations/views.py, marshmallow
 * ObservationSchema): Content-Type application/json (else 415), {@code observations} (else 400), each observation
 * loaded (unknown keys refused) or 400 with {@code errors}; a missing source_type passes the schema but is read with
 * {@code []}: a KeyError, a 500. No range checks in either era.
 */
final class AirTrafficModel {
  static final Set<String> FIELDS = Set.of("lat_dd", "lon_dd", "altitude_mm", "icao_address", "traffic_source",
      "timestamp", "source_type", "metadata");

  private AirTrafficModel() {
  }

  /** The observations to store (normalised: numbers as numbers, source_type and metadata filled). */
  static JsonArray parse(Object body, boolean fastapi) {
    return fastapi ? pydantic(body) : marshmallow(body);
  }

  private static JsonArray pydantic(Object body) {
    if (!(body instanceof JsonObject o)) {
      throw new Refusal(422, Uuids.validation("body", "body", body, "model_attributes_type",
          "Input should be a valid dictionary or object to extract fields from"));
    }
    if (!(o.getValue("observations") instanceof JsonArray list)) {
      throw new Refusal(422, o.containsKey("observations")
          ? Uuids.validation("body", "observations", o.getValue("observations"), "list_type", "Input should be a valid list")
          : Uuids.validation("body", "observations", o, "missing", "Field required"));
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject x)) {
        throw invalid(i, null, list.getValue(i), "model_attributes_type", "Input should be a valid dictionary");
      }
      JsonObject n = new JsonObject();
      for (String f : new String[] {"lat_dd", "lon_dd", "altitude_mm"}) {
        n.put(f, laxFloat(x, f, i));
      }
      Object icao = x.getValue("icao_address");
      if (!(icao instanceof String)) {
        throw invalid(i, "icao_address", icao, icao == null ? "missing" : "string_type",
            icao == null ? "Field required" : "Input should be a valid string");
      }
      n.put("icao_address", icao).put("traffic_source", laxInt(x, "traffic_source", i))
          .put("timestamp", laxInt(x, "timestamp", i)).put("source_type", x.containsKey("source_type")
              ? laxInt(x, "source_type", i) : Long.valueOf(0));
      Object meta = x.getValue("metadata");
      if (meta != null && !(meta instanceof JsonObject)) {
        throw invalid(i, "metadata", meta, "dict_type", "Input should be a valid dictionary");
      }
      out.add(n.put("metadata", meta == null ? new JsonObject() : meta));
    }
    return out;
  }

  private static double laxFloat(JsonObject x, String f, int i) {
    Object v = x.getValue(f);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      Double d = parse(s);
      if (d == null) {
        throw invalid(i, f, v, "float_parsing", "Input should be a valid number, unable to parse string as a number");
      }
      return d;
    }
    throw invalid(i, f, v, v == null ? "missing" : "float_type", v == null ? "Field required" : "Input should be a valid number");
  }

  private static long laxInt(JsonObject x, String f, int i) {
    Object v = x.getValue(f);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (v instanceof String s && s.trim().matches("[-+]?\\d+")) {
      return Long.parseLong(s.trim());
    }
    if (v instanceof Number) {
      throw invalid(i, f, v, "int_from_float", "Input should be a valid integer, got a number with a fractional part");
    }
    throw invalid(i, f, v, v == null ? "missing" : "int_type", v == null ? "Field required" : "Input should be a valid integer");
  }

  private static Refusal invalid(int i, String field, Object input, String type, String msg) {
    JsonArray loc = new JsonArray().add("body").add("observations").add(i);
    if (field != null) {
      loc.add(field);
    }
    return new Refusal(422, new JsonObject().put("detail", new JsonArray().add(new JsonObject().put("type", type)
        .put("loc", loc).put("msg", msg).put("input", input))));
  }

  private static JsonArray marshmallow(Object body) {
    if (!(body instanceof JsonObject o) || !o.containsKey("observations")) {
      throw new Refusal(400, new JsonObject().put("message", "At least one observation is required: observations with "
          + "a list of observation objects. One or more of these were not found in your JSON request. For sample data see: "
          + "https://github.com/openskies-sh/airtraffic-data-protocol-development/blob/master/Airtraffic-Data-Protocol.md#sample-traffic-object")
          .put("status", 400));
    }
    if (!(o.getValue("observations") instanceof JsonArray list)) {
      throw Refusal.serverError("observations is not a list: iterating it fails, uncaught");
    }
    JsonArray out = new JsonArray();
    boolean sourceTypeMissing = false;
    for (Object item : list) {
      JsonObject errors = new JsonObject();
      if (!(item instanceof JsonObject x)) {
        throw refused(new JsonObject().put("_schema", new JsonArray().add("Invalid input type.")));
      }
      for (String f : x.fieldNames()) {
        if (!FIELDS.contains(f)) {
          errors.put(f, new JsonArray().add("Unknown field."));
        }
      }
      JsonObject n = new JsonObject();
      for (String f : new String[] {"lat_dd", "lon_dd", "altitude_mm"}) {
        Object v = x.getValue(f);
        Double d = v instanceof Number num ? Double.valueOf(num.doubleValue()) : v instanceof String s ? parse(s) : null;
        if (d == null) {
          errors.put(f, new JsonArray().add(v == null ? "Missing data for required field." : "Not a valid number."));
        } else {
          n.put(f, d);
        }
      }
      Object icao = x.getValue("icao_address");
      if (!(icao instanceof String)) {
        errors.put("icao_address", new JsonArray().add(icao == null ? "Missing data for required field." : "Not a valid string."));
      }
      for (String f : new String[] {"traffic_source", "timestamp", "source_type"}) {
        Object v = x.getValue(f);
        if (v == null && f.equals("source_type")) {
          sourceTypeMissing |= !x.containsKey(f);
          continue;
        }
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
          n.put(f, num.longValue());
        } else {
          errors.put(f, new JsonArray().add(v == null ? "Missing data for required field." : "Not a valid integer."));
        }
      }
      if (x.getValue("metadata") != null && !(x.getValue("metadata") instanceof JsonObject)) {
        errors.put("metadata", new JsonArray().add("Not a valid mapping type."));
      }
      if (!errors.isEmpty()) {
        throw refused(errors);
      }
      out.add(n.put("icao_address", icao).put("source_type", n.getValue("source_type", 0L))
          .put("metadata", x.getValue("metadata", new JsonObject())));
    }
    if (sourceTypeMissing) {
      throw Refusal.serverError("validated_data[\"source_type\"] raises KeyError when the optional field is absent");
    }
    return out;
  }

  private static Double parse(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Refusal refused(JsonObject errors) {
    return new Refusal(400, new JsonObject().put("message", "One of your observations do not have mandatory required "
        + "fields or has incorrect data types. Please see error details.").put("errors", errors));
  }
}

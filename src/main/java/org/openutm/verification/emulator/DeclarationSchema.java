package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The marshmallow schemas both eras load a declaration create with (master domain_types/flight_declarations.py,
 * Django flight_declaration_operations/data_definitions.py: the same fields): CreateFlightDeclarationRequestSchema
 * and CreateFlightDeclarationViaOperationalIntentRequestSchema, marshmallow 3 defaults (unknown fields raise, null
 * is refused, Int not strict). {@link #errors} is marshmallow's {@code err.messages}: field -> messages, in field
 * order, unknown fields last.
 */
final class DeclarationSchema {
  private enum Type { STR, DATETIME, DICT, LIST_OF_DICT, INT, BOOL, URL }

  private static final Map<String, Type> COMMON_REQUIRED = ordered("originating_party", Type.STR, "start_datetime",
      Type.DATETIME, "end_datetime", Type.DATETIME);
  private static final Map<String, Type> OPTIONAL = ordered("expect_telemetry", Type.BOOL, "vehicle_id", Type.STR,
      "plan_id", Type.STR, "sequence_number", Type.INT, "operator_id", Type.STR, "version", Type.STR,
      "flight_approved", Type.BOOL, "purpose", Type.STR, "flight_state", Type.INT, "exchange_type", Type.STR,
      "flight_id", Type.STR, "contact_url", Type.URL, "is_approved", Type.BOOL, "submitted_by", Type.STR);
  private static final Set<String> TRUTHY = Set.of("t", "T", "true", "True", "TRUE", "on", "On", "ON", "y", "Y", "yes",
      "Yes", "YES", "1");
  private static final Set<String> FALSY = Set.of("f", "F", "false", "False", "FALSE", "off", "Off", "OFF", "n", "N",
      "no", "No", "NO", "0");
  /** marshmallow utils.from_iso_datetime's pattern. */
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}[T ]\\d{1,2}:\\d{1,2}(?::\\d{1,2}"
      + "(?:\\.\\d{1,6}\\d{0,6})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern URL = Pattern.compile("(?i)(https?|ftps?)://[^\\s/?#]+[^\\s]*");

  private DeclarationSchema() {
  }

  private static Map<String, Type> ordered(Object... kv) {
    Map<String, Type> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Type) kv[i + 1]);
    }
    return m;
  }

  /** The schema's field -> messages; empty when the payload loads. */
  static JsonObject errors(JsonObject payload, boolean operationalIntent) {
    Map<String, Type> required = new LinkedHashMap<>(COMMON_REQUIRED);
    required.put(operationalIntent ? "operational_intent_volume4ds" : "flight_declaration_geo_json",
        operationalIntent ? Type.LIST_OF_DICT : Type.DICT);
    required.put("type_of_operation", Type.INT);
    required.put("aircraft_id", Type.STR);
    JsonObject errors = new JsonObject();
    required.forEach((field, type) -> {
      if (!payload.containsKey(field)) {
        errors.put(field, new JsonArray().add("Missing data for required field."));
      } else {
        check(errors, field, type, payload.getValue(field));
      }
    });
    OPTIONAL.forEach((field, type) -> {
      if (payload.containsKey(field)) {
        check(errors, field, type, payload.getValue(field));
      }
    });
    for (String field : payload.fieldNames()) {
      if (!required.containsKey(field) && !OPTIONAL.containsKey(field)) {
        errors.put(field, new JsonArray().add("Unknown field."));
      }
    }
    return errors;
  }

  private static void check(JsonObject errors, String field, Type type, Object v) {
    if (v == null) {
      errors.put(field, new JsonArray().add("Field may not be null."));
      return;
    }
    Object problem = switch (type) {
      case STR -> v instanceof String ? null : "Not a valid string.";
      case DATETIME -> v instanceof String s && ISO.matcher(s.trim()).matches() && ArrowDates.parse(s.trim().replace(' ', 'T')) != null
          ? null : "Not a valid datetime.";
      case DICT -> v instanceof JsonObject ? null : "Not a valid mapping type.";
      case LIST_OF_DICT -> listOfDict(v);
      case INT -> integer(v) ? null : "Not a valid integer.";
      case BOOL -> v instanceof Boolean || v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)
          || v instanceof String s && (TRUTHY.contains(s) || FALSY.contains(s)) ? null : "Not a valid boolean.";
      case URL -> v instanceof String s && URL.matcher(s).matches() ? null : "Not a valid URL.";
    };
    if (problem instanceof String message) {
      errors.put(field, new JsonArray().add(message));
    } else if (problem instanceof JsonObject nested) {
      errors.put(field, nested);
    }
  }

  private static Object listOfDict(Object v) {
    if (!(v instanceof JsonArray a)) {
      return "Not a valid list.";
    }
    JsonObject nested = new JsonObject();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.getValue(i) instanceof JsonObject)) {
        nested.put(String.valueOf(i), new JsonArray().add(a.getValue(i) == null ? "Field may not be null."
            : "Not a valid mapping type."));
      }
    }
    return nested.isEmpty() ? null : nested;
  }

  /** fields.Int (not strict): int(value) must work; booleans refused. */
  private static boolean integer(Object v) {
    if (v instanceof Boolean) {
      return false;
    }
    if (v instanceof Number n) {
      return Double.isFinite(n.doubleValue());
    }
    if (v instanceof String s) {
      try {
        new java.math.BigInteger(s.trim().replace("_", ""));
        return !s.isBlank();
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }
}

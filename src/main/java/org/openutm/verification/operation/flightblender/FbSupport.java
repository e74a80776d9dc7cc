package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.openutm.verification.operation.DataFiles;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/** What the Flight Blender operations share: the client, remembered ids, the OperationState enum, paths. */
final class FbSupport {
  static final String PRE = "PRE FLIGHT";
  static final String CRUISE = "CRUISE";
  static final String POST = "POST FLIGHT";
  static final String LATEST_DECLARATION = "latest_declaration_id";
  /** Declaration id -> the aircraft_id it declared (telemetry's uas_id.serial_number must match it: C3). */
  static final String AIRCRAFT_IDS = "aircraft_ids";

  /** Remembers the aircraft a declaration declared (the last 200 declarations of the session). */
  static void rememberAircraft(org.openutm.verification.operation.OperationContext ctx, String declarationId,
      Object aircraftId) {
    if (declarationId == null || !(aircraftId instanceof String a)) {
      return;
    }
    io.vertx.core.json.JsonObject ids = ctx.clientState().getJsonObject(AIRCRAFT_IDS, new io.vertx.core.json.JsonObject())
        .copy();
    ids.put(declarationId, a);
    while (ids.size() > 200) {
      ids.remove(ids.fieldNames().iterator().next());
    }
    ctx.remember(AIRCRAFT_IDS, ids);
  }

  /** The aircraft a declaration of this session declared, or null when it was declared elsewhere. */
  static String aircraftOf(org.openutm.verification.operation.OperationContext ctx, String declarationId) {
    return ctx.clientState().getJsonObject(AIRCRAFT_IDS, new io.vertx.core.json.JsonObject()).getString(declarationId);
  }
  static final String LATEST_GEOFENCE = "latest_geo_fence_id";
  static final String TELEMETRY = "telemetry_states";
  static final String FD = "/flight_declaration_ops";

  static final List<Map.Entry<String, Object>> STATES = List.of(Map.entry("PROCESSING", 0), Map.entry("ACCEPTED", 1),
      Map.entry("ACTIVATED", 2), Map.entry("NONCONFORMING", 3), Map.entry("CONTINGENT", 4), Map.entry("ENDED", 5),
      Map.entry("WITHDRAWN", 6), Map.entry("CANCELLED", 7), Map.entry("REJECTED", 8));

  private FbSupport() {
  }

  static FbClient fb(OperationContext ctx) {
    return ctx.service(FbClient.class);
  }

  static String stateName(int v) {
    for (Map.Entry<String, Object> e : STATES) {
      if (((Number) e.getValue()).intValue() == v) {
        return e.getKey();
      }
    }
    return String.valueOf(v);
  }

  static ParamDef state(String name, String doc) {
    return ParamDef.enumeration(name, STATES, null, true, doc);
  }

  static ParamDef duration(String doc) {
    return optional("duration", ParamType.DURATION, 0.0, doc);
  }

  /** The explicit id, else the session's latest declaration; OperationFailure when there is none. */
  static String declarationId(OperationContext ctx, String explicit) {
    String id = explicit != null && !explicit.isBlank() ? explicit : ctx.clientState().getString(LATEST_DECLARATION);
    if (id == null) {
      throw new OperationFailure("no flight declaration: upload or set one up first, or pass its id");
    }
    return id;
  }

  /** A file named by an argument, else by {@code data_files.<key>}. */
  static String path(OperationContext ctx, String given, String dataFileKey) {
    String p = given != null && !given.isBlank() ? given : DataFiles.configured(ctx.config(), dataFileKey);
    if (p == null || p.isBlank()) {
      throw new OperationFailure("no file given and data_files." + dataFileKey + " is not configured");
    }
    return p;
  }

  /** An object argument, or a path to a JSON file holding it. */
  static Future<JsonObject> objectOrFile(OperationContext ctx, Object v, String what) {
    if (v instanceof JsonObject o) {
      return Future.succeededFuture(o);
    }
    if (v instanceof String s) {
      return DataFiles.readObject(ctx, s);
    }
    return Future.failedFuture(new OperationFailure(what + " must be an object or the path of a JSON file"));
  }

  static long seconds(double s) {
    return (long) Math.ceil(s * 1000);
  }
}

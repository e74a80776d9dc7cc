package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * The declaration routes a verifier rarely needs but the real server serves, per era, with no USS network: approval
 * review (master services/flight_declarations_svc.py update_approval_from_request; Django FlightDeclarationApproval,
 * a DRF ModelSerializer of is_approved and approved_by, an EmailField), submit_to_dss and the network queries (both
 * eras refuse them without USSP_NETWORK_ENABLED, after their own checks).
 */
final class ReviewRoutes {
  static final String NO_NETWORK = "USSP network cannot be queried since it is not enabled in Flight Blender";
  static final String BAD_VIEW = "A view bbox is necessary with four values: lat1, lng1, lat2, lng2";
  private static final Set<Object> DRF_TRUE = Set.of(true, 1, "1", "true", "True", "TRUE", "t", "T", "y", "Y", "yes",
      "Yes", "YES", "on", "On", "ON");
  private static final Set<Object> DRF_FALSE = Set.of(false, 0, "0", "false", "False", "FALSE", "f", "F", "n", "N", "no",
      "No", "NO", "off", "Off", "OFF");

  private final EmulatorState st;
  private final EmulatorRoutes routes;

  ReviewRoutes(EmulatorState st, EmulatorRoutes routes) {
    this.st = st;
    this.routes = routes;
  }

  void mount(Router r, String fd) {
    r.put(fd + "/flight_declaration_review/:id").handler(ctx -> routes.handle(ctx, FbAuth.WRITE, 200, true, (c, b) ->
        review(Uuids.path(c.pathParam("id"), "pk", st.options.fastapi()), b)));
    r.post(fd + "/flight_declaration/:id/submit_to_dss").handler(ctx -> routes.handle(ctx, FbAuth.WRITE, 200, false,
        (c, b) -> {
          Uuids.path(c.pathParam("id"), "pk", st.options.fastapi());
          throw Refusal.message(400, "USSP network is not enabled; DSS submission is only available when "
              + "USSP_NETWORK_ENABLED=1.");
        }));
    r.get(fd + "/network_flight_declarations_by_view").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200, false,
        (c, b) -> byView(c)));
    r.get(fd + "/flight_declaration/:id/network_flight_declarations").handler(ctx -> routes.handle(ctx, FbAuth.READ, 200,
        false, (c, b) -> {
          Uuids.path(c.pathParam("id"), "flight_declaration_id", st.options.fastapi());
          throw Refusal.message(400, NO_NETWORK);
        }));
  }

  private Object review(String id, Object raw) {
    JsonObject body = raw instanceof JsonObject j ? j : new JsonObject();
    if (st.options.fastapi()) {
      Object approved = body.getValue("is_approved");
      if (approved == null) {
        throw new Refusal(422, new JsonObject().put("detail", "is_approved is required"));
      }
      if (!st.declarations.exists(id)) {
        throw new Refusal(404, new JsonObject().put("detail", "Not found"));
      }
      JsonObject d = st.declarations.get(id);
      d.put("is_approved", truthy(approved));
      if (body.getValue("approved_by") != null) {
        d.put("approved_by", body.getValue("approved_by"));
      }
      return new JsonObject().put("is_approved", d.getValue("is_approved")).put("approved_by", d.getValue("approved_by"));
    }
    if (!st.declarations.exists(id)) {
      throw new Refusal(404, new JsonObject().put("detail", "No FlightDeclaration matches the given query."));
    }
    JsonObject errors = new JsonObject();
    Object approved = body.getValue("is_approved");
    if (body.containsKey("is_approved") && !DRF_TRUE.contains(approved) && !DRF_FALSE.contains(approved)) {
      errors.put("is_approved", new io.vertx.core.json.JsonArray().add(approved == null ? "This field may not be null."
          : "Must be a valid boolean."));
    }
    Object by = body.getValue("approved_by");
    if (by != null && !(by instanceof String s && (s.isEmpty() || s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")))) {
      errors.put("approved_by", new io.vertx.core.json.JsonArray().add(by instanceof String || by instanceof Number
          ? "Enter a valid email address." : "Not a valid string."));
    }
    if (!errors.isEmpty()) {
      throw new Refusal(400, errors);
    }
    JsonObject d = st.declarations.get(id);
    if (body.containsKey("is_approved")) {
      d.put("is_approved", DRF_TRUE.contains(approved));
    }
    if (body.containsKey("approved_by")) {
      d.put("approved_by", by);
    }
    return new JsonObject().put("is_approved", d.getValue("is_approved")).put("approved_by", d.getValue("approved_by"));
  }

  /** Python truthiness of a JSON value. */
  static boolean truthy(Object v) {
    return v instanceof Boolean b ? b : v instanceof Number n ? n.doubleValue() != 0 : v instanceof String s ? !s.isEmpty()
        : v instanceof JsonObject o ? !o.isEmpty() : !(v instanceof io.vertx.core.json.JsonArray a) || !a.isEmpty();
  }

  /** network_flight_declarations_by_view: a view of four floats in range, then "not enabled". */
  private Object byView(RoutingContext c) {
    String view = c.queryParams().get("view");
    if (view == null || view.isEmpty() && st.options.fastapi()) {
      throw Refusal.message(400, BAD_VIEW);
    }
    double[] v;
    try {
      String[] parts = view.split(",", -1);
      v = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        v[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw Refusal.message(400, BAD_VIEW);
    }
    if (v.length != 4) {
      throw Refusal.message(400, "An incorrect view port bbox was provided");
    }
    double latMin = Math.min(v[0], v[2]);
    double latMax = Math.max(v[0], v[2]);
    double lngMin = Math.min(v[1], v[3]);
    double lngMax = Math.max(v[1], v[3]);
    if (!(-90 <= latMin && latMin < 90 && -90 < latMax && latMax <= 90 && -180 <= lngMin && lngMin < 360
        && -180 < lngMax && lngMax <= 360)) {
      throw Refusal.message(400, "An incorrect view port bbox was provided");
    }
    throw Refusal.message(400, NO_NETWORK);
  }
}

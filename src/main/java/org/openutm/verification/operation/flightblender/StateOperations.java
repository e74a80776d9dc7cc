package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;
import static org.openutm.verification.operation.flightblender.FbSupport.FD;
import static org.openutm.verification.operation.flightblender.FbSupport.fb;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/** Operation states: update (then wait), and check by polling Flight Blender. */
final class StateOperations {
  private StateOperations() {
  }

  static List<OperationDef> all() {
    return List.of(update("Update Operation State", false), update("Update Operation State of declaration", true),
        check("Check Operation State", "Polls the declaration's state each second until it is the expected one; "
            + "fails when it is not within duration (the Python toolkit only waited here)."),
        check("Check Operation State Connected", "Polls the declaration's state each second until it is the expected "
            + "one; fails on timeout."));
  }

  static OperationDef update(String name, boolean explicitId) {
    var b = OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.CRUISE)
        .doc("Sets the operation state (ACTIVATED, CONTINGENT, ENDED, ...), then waits duration seconds.")
        .param(FbSupport.state("state", "The new state, by name or number."));
    if (explicitId) {
      b.param(ParamDef.required("declaration_id", ParamType.STRING, "The declaration whose state changes."));
    }
    return b.param(FbSupport.duration("Seconds to wait after the change."))
        .timeout(a -> FbSupport.seconds(a.seconds("duration", 0)) + 30_000)
        .run((ctx, args) -> {
          String id = FbSupport.declarationId(ctx, explicitId ? args.string("declaration_id") : null);
          int state = args.integer("state").intValue();
          JsonObject body = new JsonObject().put("state", state).put("submitted_by", "hh@auth.com");
          return fb(ctx).expect(ctx, HttpMethod.PUT, FD + "/flight_declaration_state/" + id, body, 200, 201)
              .compose(r -> {
                ctx.info("Declaration " + id + " set to " + FbSupport.stateName(state));
                double wait = args.seconds("duration", 0);
                return ctx.sleep(FbSupport.seconds(wait)).map(v -> r.json().put("id", id));
              });
        });
  }

  static OperationDef check(String name, String doc) {
    return OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.CRUISE).doc(doc)
        .param(FbSupport.state("expected_state", "The state to see."))
        .param(FbSupport.duration("How long to keep polling, in seconds (0: look once)."))
        .param(optional("declaration_id", ParamType.STRING, null, "The declaration; default the latest."))
        .timeout(a -> FbSupport.seconds(a.seconds("duration", 0)) + 30_000)
        .run((ctx, args) -> {
          String id = FbSupport.declarationId(ctx, args.string("declaration_id"));
          int expected = args.integer("expected_state").intValue();
          long deadline = SimClock.millis() + FbSupport.seconds(args.seconds("duration", 0));
          return poll(ctx, id, expected, deadline, SimClock.millis());
        });
  }

  private static Future<JsonObject> poll(OperationContext ctx, String id, int expected, long deadline, long start) {
    return fb(ctx).expect(ctx, HttpMethod.GET, FD + "/flight_declaration/" + id, null, 200).compose(r -> {
      int state = r.json().getInteger("state", -1);
      double waited = (SimClock.millis() - start) / 1000.0;
      if (state == expected) {
        ctx.info("Declaration " + id + " is " + FbSupport.stateName(state) + " after " + waited + " s");
        return Future.succeededFuture(new JsonObject().put("id", id).put("state", state)
            .put("state_name", FbSupport.stateName(state)).put("waited_seconds", waited));
      }
      if (SimClock.millis() + 1000 > deadline) {
        long seconds = Math.round((deadline - start) / 1000.0);
        return Future.failedFuture(new OperationFailure("Flight Blender did not report " + FbSupport.stateName(expected)
            + " (" + expected + ") within " + seconds + " s: declaration " + id + " is " + FbSupport.stateName(state)
            + " (" + state + ")" + (expected == 3 ? "; only a Flight Blender that monitors conformance (the Django era "
            + "with ENABLE_CONFORMANCE_MONITORING) turns a flight Nonconforming; master has no conformance monitor" : ""),
            r.json()));
      }
      return ctx.sleep(1000).compose(v -> poll(ctx, id, expected, deadline, start));
    });
  }
}

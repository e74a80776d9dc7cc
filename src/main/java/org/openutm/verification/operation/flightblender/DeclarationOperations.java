package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;
import static org.openutm.verification.operation.flightblender.FbSupport.FD;
import static org.openutm.verification.operation.flightblender.FbSupport.LATEST_DECLARATION;
import static org.openutm.verification.operation.flightblender.FbSupport.fb;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
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

/** Uploading, listing, cleaning up and deleting flight declarations. */
final class DeclarationOperations {
  private DeclarationOperations() {
  }

  static List<OperationDef> all() {
    return List.of(
        upload("Upload Flight Declaration", "/set_flight_declaration", "Uploads a flight declaration (an object or a "
            + "JSON file); fails when Flight Blender does not approve it. Remembers its id."),
        upload("Upload Flight Declaration Via Operational Intent", "/set_operational_intent",
            "Uploads an operational intent (an object or a JSON file); fails when it is not approved."),
        bulk("Bulk Upload Flight Declarations", "declarations", "/set_flight_declarations_bulk"),
        bulk("Upload two Flight Declarations Via Operational Intent", "declarations", "/set_operational_intents_bulk"),
        cleanup(), delete("Delete Flight Declaration"), delete("Teardown Flight Declaration"));
  }

  static OperationDef upload(String name, String path, String doc) {
    return OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE).doc(doc)
        .param(ParamDef.required("declaration", ParamType.ANY, "The declaration object, or the path of its JSON file."))
        .timeout(a -> 30_000)
        .run((ctx, args) -> FbSupport.objectOrFile(ctx, args.get("declaration"), "declaration")
            .compose(d -> submit(ctx, FD + path, d)));
  }

  /** POSTs one declaration; remembers its id; an unapproved one fails the step, naming its state. */
  static Future<JsonObject> submit(OperationContext ctx, String path, JsonObject declaration) {
    return fb(ctx).expect(ctx, HttpMethod.POST, path, declaration, 200, 201).map(r -> {
      JsonObject j = r.json();
      String id = j.getString("id");
      if (id != null) {
        ctx.remember(LATEST_DECLARATION, id);
        FbSupport.rememberAircraft(ctx, id, declaration.getValue("aircraft_id"));
      }
      if (!Boolean.TRUE.equals(j.getValue("is_approved"))) {
        int state = j.getInteger("state", -1);
        throw new OperationFailure("Flight declaration " + id + " was not approved: state " + state + " ("
            + FbSupport.stateName(state) + ")", j);
      }
      ctx.info("Flight declaration " + id + " approved, state " + j.getValue("state"));
      return j;
    });
  }

  static OperationDef bulk(String name, String param, String path) {
    return OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
        .doc("Uploads several declarations in one request; fails unless every one is submitted.")
        .param(ParamDef.required(param, ParamType.ARRAY, "Declaration objects, or paths of JSON files."))
        .timeout(a -> 60_000)
        .run((ctx, args) -> {
          List<Future<JsonObject>> items = new ArrayList<>();
          for (Object o : args.array(param)) {
            items.add(FbSupport.objectOrFile(ctx, o, "each declaration"));
          }
          return Future.all(items).compose(all -> submitBulk(ctx, FD + path, new JsonArray(all.list())));
        });
  }

  static Future<JsonObject> submitBulk(OperationContext ctx, String path, JsonArray declarations) {
    return fb(ctx).expect(ctx, HttpMethod.POST, path, declarations, 200, 201, 207).map(r -> {
      JsonObject j = r.json();
      int submitted = j.getInteger("submitted", 0);
      JsonArray results = j.getJsonArray("results", new JsonArray());
      for (Object o : results) {
        if (o instanceof JsonObject res && res.getString("id") != null) {
          ctx.remember(LATEST_DECLARATION, res.getString("id"));
          int index = res.getInteger("index", -1);
          if (index >= 0 && index < declarations.size() && declarations.getValue(index) instanceof JsonObject d) {
            FbSupport.rememberAircraft(ctx, res.getString("id"), d.getValue("aircraft_id"));
          }
        }
      }
      if (submitted != declarations.size()) {
        throw new OperationFailure(submitted + " of " + declarations.size() + " declarations submitted", j);
      }
      return j;
    });
  }

  static OperationDef cleanup() {
    return OperationDef.builder("Cleanup Flight Declarations", ClientType.FLIGHT_BLENDER).phase(FbSupport.POST)
        .doc("Deletes every flight declaration Flight Blender lists (all pages).")
        .timeout(a -> 120_000)
        .run((ctx, args) -> listAll(ctx, 1, new ArrayList<>()).compose(ids -> {
          Future<Void> chain = Future.succeededFuture();
          for (String id : ids) {
            chain = chain.compose(v -> fb(ctx).expect(ctx, HttpMethod.DELETE, FD + "/flight_declaration/" + id + "/delete",
                null, 200, 204, 404).mapEmpty());
          }
          return chain.map(v -> {
            ctx.info("Deleted " + ids.size() + " flight declaration(s)");
            return new JsonObject().put("cleaned", true).put("count", ids.size());
          });
        }));
  }

  /**
   * Every declaration the server lists, whichever era: an explicit window (yesterday .. three days ahead: both eras'
   * default window is only yesterday..tomorrow, and a declaration may end up to two days ahead), page by page until
   * a page comes back short or Django's {@code links.next} is null (master's {@code next} is always null: its
   * {@code count} says when to stop).
   */
  private static Future<List<String>> listAll(OperationContext ctx, int page, List<String> ids) {
    if (page > 1000) {
      return Future.succeededFuture(ids);
    }
    java.time.LocalDate today = SimClock.now().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    String window = "start_date=" + today.minusDays(1) + "&end_date=" + today.plusDays(3);
    return fb(ctx).expect(ctx, HttpMethod.GET, FD + "/flight_declaration?" + window + "&page=" + page + "&page_size=100",
            null, 200)
        .compose(r -> {
          JsonObject j = r.json();
          JsonArray results = j.getJsonArray("results", new JsonArray());
          results.forEach(o -> ids.add(((JsonObject) o).getString("id")));
          boolean more = j.getValue("links") instanceof JsonObject l ? l.getString("next") != null
              : j.getValue("count") instanceof Number count ? ids.size() < count.intValue() : results.size() == 100;
          return more && !results.isEmpty() ? listAll(ctx, page + 1, ids) : Future.succeededFuture(ids);
        });
  }

  static OperationDef delete(String name) {
    return OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.POST)
        .doc("Deletes a flight declaration (default: the latest one of this session).")
        .param(optional("flight_declaration_id", ParamType.STRING, null, "The declaration id; default the latest."))
        .timeout(a -> 30_000)
        .run((ctx, args) -> {
          String id = FbSupport.declarationId(ctx, args.string("flight_declaration_id"));
          return fb(ctx).expect(ctx, HttpMethod.DELETE, FD + "/flight_declaration/" + id + "/delete", null, 200, 204)
              .map(r -> new JsonObject().put("deleted", true).put("id", id));
        });
  }
}

package org.openutm.verification.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.yaml.YNode;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;
import org.openutm.verification.scenario.load.ScenarioFiles;

/** GET /api/scenarios, GET/POST /api/scenarios/{path}, GET /api/scenarios/{path}/docs, GET /api/suites. */
final class ScenarioFileRoutes {
  private static final String PREFIX = "/api/scenarios/";

  private final Vertx vertx;
  private final ScenarioFiles files;
  private final AppConfig config;
  private final OperationCatalog catalog;
  private final int maxSteps;

  ScenarioFileRoutes(Vertx vertx, ScenarioFiles files, AppConfig config, OperationCatalog catalog, int maxSteps) {
    this.vertx = vertx;
    this.files = files;
    this.config = config;
    this.catalog = catalog;
    this.maxSteps = maxSteps;
  }

  void mount(Router r) {
    r.get("/api/scenarios").handler(ctx -> respond(ctx, () -> new JsonArray(files.list())));
    r.get("/api/suites").handler(ctx -> respond(ctx, () -> suites("true".equals(ctx.request().getParam("overrides")))));
    r.get("/api/scenarios/*").handler(ctx -> {
      String id = pathOf(ctx);
      if (id.endsWith("/docs")) {
        String sid = id.substring(0, id.length() - 5);
        blocking(ctx, () -> files.docs(sid)).onSuccess(md -> ctx.response()
            .putHeader("Content-Type", "text/markdown; charset=utf-8").end(md));
        return;
      }
      respond(ctx, () -> {
        String yaml = files.read(id);
        Scenarios.Checked checked = Scenarios.checkYaml(yaml, catalog, maxSteps);
        if (checked.scenario() == null) {
          throw ServiceException.badInput("path", "scenario '" + id + "' cannot be read: " + checked.problems().get(0));
        }
        return YNode.of(new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(yaml))).plain();
      });
    });
    r.post("/api/scenarios/*").handler(ctx -> {
      String id = pathOf(ctx);
      JsonObject body;
      try {
        body = RunRoutes.scenarioBody(ctx);
      } catch (ServiceException e) {
        HttpErrors.send(ctx, e);
        return;
      }
      respond(ctx, () -> {
        Scenarios.Checked checked = Scenarios.checkRequest(body, catalog, maxSteps);
        if (!checked.wellFormed()) {
          return checked.orThrow();
        }
        JsonObject definition = body.containsKey("yaml")
            ? (JsonObject) YNode.of(new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(body.getString("yaml")))).plain()
            : body.containsKey("scenario") ? body.getJsonObject("scenario") : body;
        String saved = files.save(ScenarioFiles.check(id), definition);
        return new JsonObject().put("status", "saved").put("message", "Scenario saved to " + saved + ".yaml")
            .put("path", saved)
            .put("problems", checked.toJson().getJsonArray("problems"));
      });
    });
  }

  /** {suite: [scenario ids]} as the Python server; with overrides: {suite: [{id, name, data_files}]}. */
  private JsonObject suites(boolean withOverrides) {
    JsonObject out = new JsonObject();
    JsonObject suites = org.openutm.verification.config.LiveConfig.of(vertx, config).current().section("suites");
    for (String name : suites.fieldNames()) {
      JsonArray ids = new JsonArray();
      Object s = suites.getValue(name);
      JsonArray scenarios = s instanceof JsonObject o ? o.getJsonArray("scenarios", new JsonArray()) : new JsonArray();
      for (Object entry : scenarios) {
        String scenario = entry instanceof JsonObject e ? e.getString("name") : String.valueOf(entry);
        if (withOverrides) {
          JsonObject files = entry instanceof JsonObject e ? e.copy() : new JsonObject();
          files.remove("name");
          ids.add(new JsonObject().put("id", resolveId(scenario)).put("name", scenario).put("data_files", files));
        } else {
          ids.add(resolveId(scenario));
        }
      }
      out.put(name, ids);
    }
    return out;
  }

  private String resolveId(String name) {
    try {
      String rel = files.root().relativize(files.find(name)).toString().replace('\\', '/');
      return rel.replaceAll("\\.ya?ml$", "");
    } catch (ServiceException e) {
      return name;
    }
  }

  /** The raw path after /api/scenarios/, decoded once; anything still encoded is refused by the files check. */
  private static String pathOf(RoutingContext ctx) {
    String raw = ctx.request().path().substring(PREFIX.length());
    try {
      return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "%";
    }
  }

  private <T> Future<T> blocking(RoutingContext ctx, Callable<T> work) {
    return vertx.executeBlocking(work, false).onFailure(t -> HttpErrors.send(ctx, t));
  }

  private void respond(RoutingContext ctx, Callable<Object> work) {
    blocking(ctx, work).onSuccess(v -> ctx.response().putHeader("Content-Type", "application/json")
        .end(v instanceof JsonObject o ? o.encode() : v instanceof JsonArray a ? a.encode()
            : io.vertx.core.json.Json.encode(v)));
  }
}

package org.openutm.verification.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.report.Reports;

/** GET /api/reports (newest first), GET /api/reports/latest?scenario= (redirect), static /reports/* (confined). */
final class ReportRoutes {
  private ReportRoutes() {
  }

  static void mount(Vertx vertx, Router r, AppConfig config) {
    r.get("/api/reports").handler(ctx -> vertx.executeBlocking(() -> Reports.list(config), false)
        .onSuccess(list -> ctx.response().putHeader("Content-Type", "application/json").end(list.encode()))
        .onFailure(t -> HttpErrors.send(ctx, t)));
    r.get("/api/reports/latest").handler(ctx -> {
      String scenario = ctx.queryParams().get("scenario");
      vertx.executeBlocking(() -> Reports.list(config), false).onSuccess(list -> {
        for (Object o : list) {
          JsonObject e = (JsonObject) o;
          JsonArray names = e.getJsonArray("scenarios", new JsonArray());
          if (scenario == null || names.contains(scenario)) {
            String file = e.getBoolean("html", false) ? "report.html" : "report.json";
            ctx.response().setStatusCode(302).putHeader("Location", "/reports/" + e.getString("id") + "/" + file).end();
            return;
          }
        }
        HttpErrors.send(ctx, ServiceException.notFound("scenario", scenario == null ? "no report yet"
            : "no report for scenario '" + scenario + "'"));
      }).onFailure(t -> HttpErrors.send(ctx, t));
    });
    r.route("/reports/*").handler(StaticHandler.create(io.vertx.ext.web.handler.FileSystemAccess.ROOT,
        Reports.root(config).toString()).setCachingEnabled(false).setDirectoryListing(false).setIncludeHidden(false));
  }
}

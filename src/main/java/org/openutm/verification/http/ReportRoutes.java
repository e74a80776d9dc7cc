package org.openutm.verification.http;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.report.Reports;

/**
 * GET /api/reports (newest first), GET /api/reports/latest?scenario= (redirect), POST /session/generate-report,
 * POST /api/allure/generate and GET /api/allure/report, static /reports/* (confined).
 */
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
          // a run going on has a folder (and a report.json of what finished) but no report yet: not the latest
          boolean whole = e.getBoolean("html", false) || Reports.COMPLETED.equals(e.getString("run_status"));
          if (whole && (scenario == null || names.contains(scenario))) {
            String file = e.getBoolean("html", false) ? "report.html" : "report.json";
            ctx.response().setStatusCode(302).putHeader("Location", "/reports/" + e.getString("id") + "/" + file).end();
            return;
          }
        }
        HttpErrors.send(ctx, ServiceException.notFound("scenario", scenario == null ? "no report yet"
            : "no report for scenario '" + scenario + "'"));
      }).onFailure(t -> HttpErrors.send(ctx, t));
    });
    // the interactive session's results as a report (the Python server's path); right after a run, that run's report
    r.post("/session/generate-report").handler(ctx -> {
      String session;
      JsonObject body;
      try {
        session = Requests.sessionId(ctx);
        body = Requests.jsonBody(ctx, true);
      } catch (ServiceException e) {
        HttpErrors.send(ctx, e);
        return;
      }
      Object name = body.getValue("scenario_name");
      if (name != null && !(name instanceof String)) {
        HttpErrors.send(ctx, ServiceException.badInput("scenario_name", "'scenario_name' must be a string"));
        return;
      }
      var options = org.openutm.verification.core.Addresses.toSession(session,
          org.openutm.verification.core.LocalJsonCodec.options(30_000));
      String address = org.openutm.verification.core.Addresses.session(session);
      vertx.eventBus().<JsonObject>request(address, new JsonObject().put("action", "run-report"), options)
          .compose(last -> last.body().getString("report_id") != null
              ? io.vertx.core.Future.succeededFuture(last.body().getString("report_id"))
              : vertx.eventBus().<JsonObject>request(address, new JsonObject().put("action", "results")
                      .put("report_data", true), options)
                  .map(Message::body)
                  .compose(results -> vertx.executeBlocking(() -> Reports.write(config,
                      java.util.List.of(Reports.sessionSummary((String) name, results.getJsonArray("results"))
                          .put("report_data", results.getJsonObject("report_data"))),
                      java.util.List.of("json", "html", "junit", "log")), false)))
          .onSuccess(id -> ctx.json(new JsonObject().put("status", "success").put("report_id", id)))
          .onFailure(t -> HttpErrors.send(ctx, SessionRoutes.sessionFailure(session, t)));
    });
    // Allure (the toolkit's router.py): generate with the Allure 3 CLI, then redirect to the generated report
    r.post("/api/allure/generate").handler(ctx -> vertx.executeBlocking(() ->
            org.openutm.verification.report.AllureCli.generate(config, System.getenv()), false)
        .onSuccess(ctx::json).onFailure(t -> HttpErrors.send(ctx, t)));
    r.get("/api/allure/report").handler(ctx -> vertx.executeBlocking(() ->
            org.openutm.verification.report.AllureCli.reportUrl(config), false)
        .onSuccess(url -> ctx.response().setStatusCode(302).putHeader("Location", url).end())
        .onFailure(t -> HttpErrors.send(ctx, t)));
    r.route("/reports/*").handler(StaticHandler.create(io.vertx.ext.web.handler.FileSystemAccess.ROOT,
        Reports.root(config).toString()).setCachingEnabled(false).setDirectoryListing(false).setIncludeHidden(false));
  }
}

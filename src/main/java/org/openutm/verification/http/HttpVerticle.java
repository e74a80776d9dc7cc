package org.openutm.verification.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.load.ScenarioFiles;
import java.nio.file.Path;

/** Event-loop HTTP verticle (several instances share the port): routes, body limits, JSON errors; forwards to the bus. */
public class HttpVerticle extends VerticleBase {
  public static final String VERSION = "0.1.0";

  private final OperationCatalog catalog;
  private final AppConfig config;

  public HttpVerticle(OperationCatalog catalog, AppConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    JsonObject http = config.section("http");
    Router router = Router.router(vertx);
    router.route().order(-2000).handler(new RequestGuard(config)::handle);
    String token = http.getString("auth_token");
    if (token != null && !token.isBlank()) {
      router.route().order(-1000).handler(new ApiToken(token, config.httpPort())::check);
    }
    EventBusBridge.mount(vertx, router, config);
    router.route().handler(BodyHandler.create(false).setBodyLimit(http.getLong("body_limit_bytes", 1_048_576L)));

    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness()));
    String operations = catalog.toJson().encode();
    router.get("/operations").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(operations));
    router.get("/metrics").handler(io.vertx.micrometer.PrometheusScrapingHandler.create(
        org.openutm.verification.core.Metrics.registry()));
    String openapi = openapi();
    router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(openapi));
    router.get("/api/info").handler(ctx -> ctx.json(new JsonObject()
        .put("message", "OpenUTM Verification API is running").put("version", VERSION)
        .put("operations", catalog.all().size())
        .put("flight_blender_url", AppConfig.maskUrl(config.section("flight_blender").getString("url", "")))
        .put("flight_blender_emulated", config.section("flight_blender").getBoolean("emulated", false))));
    new ConfigRoutes(vertx, org.openutm.verification.config.LiveConfig.of(vertx, config)).mount(router);
    var directory = new org.openutm.verification.cluster.SessionDirectory(vertx);
    router.get("/api/cluster").handler(ctx -> directory.describe().onSuccess(ctx::json)
        .onFailure(t -> HttpErrors.send(ctx, ServiceException.from(t))));
    long maxRequestMillis = config.section("session").getLong("max_request_seconds", 86_400L) * 1000;
    JsonObject sc = config.section("scenarios");
    int maxSteps = sc.getInteger("max_steps", 50_000);
    new SessionRoutes(vertx, maxRequestMillis).mount(router);
    ReportRoutes.mount(vertx, router, config);
    RunRoutes runRoutes = new RunRoutes(vertx, catalog, maxSteps, maxRequestMillis);
    runRoutes.maxStreams = http.getInteger("max_sse_streams", 200);
    runRoutes.mount(router);
    new ScenarioFileRoutes(vertx, ScenarioFiles.of(sc), config, catalog, maxSteps).mount(router);

    // the editor, bundled into the jar as openutm-editor/ (not "webroot": the source folder of that name in the
    // working directory would be served instead); content types set from the file name
    router.get("/*").handler(ctx -> {
      String type = io.vertx.core.http.MimeMapping.mimeTypeForFilename(ctx.normalizedPath());
      if (type != null) {
        ctx.response().putHeader("Content-Type", type.startsWith("text/") || type.endsWith("javascript")
            ? type + "; charset=utf-8" : type);
      }
      ctx.next();
    });
    router.route("/*").handler(editor(http.getString("web_editor_path", "")));
    router.route().last().handler(ctx -> ctx.fail(404));
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, HttpErrors::routerFailure);
    }
    return vertx.createHttpServer(new HttpServerOptions().setHost(config.httpHost()).setPort(config.httpPort())
        .setCompressionSupported(true)).requestHandler(router).listen();
  }

  /**
   * The editor: the bundled one, or another build named by {@code http.web_editor_path} (WEB_EDITOR_PATH), as the
   * Python toolkit serves its web-editor: that folder's {@code dist/} when it has one, else the folder itself.
   */
  static StaticHandler editor(String path) {
    if (path == null || path.isBlank()) {
      return StaticHandler.create("openutm-editor").setCachingEnabled(true).setIndexPage("index.html");
    }
    Path dir = Path.of(path).toAbsolutePath().normalize();
    Path dist = dir.resolve("dist");
    Path root = java.nio.file.Files.isRegularFile(dist.resolve("index.html")) ? dist : dir;
    return StaticHandler.create(io.vertx.ext.web.handler.FileSystemAccess.ROOT, root.toString())
        .setCachingEnabled(false).setIndexPage("index.html");
  }

  /** docs/openapi.yaml, bundled at the classpath root. */
  private static String openapi() {
    try (var in = HttpVerticle.class.getResourceAsStream("/openapi.yaml")) {
      return in == null ? "# docs/openapi.yaml was not bundled\n" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "# cannot read the bundled openapi.yaml: " + e.getMessage() + "\n";
    }
  }

  /** Ready when the session verticle, every deployed client worker and the cluster answer. */
  private HealthChecks readiness() {
    HealthChecks hc = HealthChecks.create(vertx);
    DeliveryOptions quick = new DeliveryOptions().setSendTimeout(2_000);
    hc.register("sessions", 3_000, p -> vertx.eventBus().request(Addresses.SESSIONS,
        new JsonObject().put("action", "list"), Addresses.local(quick)).onComplete(ar -> complete(p, ar.succeeded(), ar.cause())));
    for (ClientType type : ClientType.values()) {
      if (catalog.of(type).isEmpty()) {
        continue;
      }
      hc.register("worker-" + type.key, 3_000, p -> vertx.eventBus().request(Addresses.client(type.key),
          new JsonObject().put("action", "ping"), quick).onComplete(ar -> complete(p, ar.succeeded(), ar.cause())));
    }
    var directory = new org.openutm.verification.cluster.SessionDirectory(vertx);
    if (vertx.isClustered()) {
      // vertx-hazelcast's own check: this member and the cluster's partitions are safe
      hc.register("hazelcast", 3_000, io.vertx.spi.cluster.hazelcast.ClusterHealthCheck.createProcedure(vertx));
    }
    hc.register("cluster", 3_000, p -> directory.describe().onComplete(ar -> p.tryComplete(ar.succeeded()
        ? Status.OK(new JsonObject().put("enabled", vertx.isClustered()).put("node_id", directory.nodeId())
            .put("nodes", ar.result().getJsonArray("nodes").size()))
        : Status.KO(new JsonObject().put("error", String.valueOf(ar.cause()))))));
    return hc;
  }

  private static void complete(Promise<Status> p, boolean ok, Throwable cause) {
    p.tryComplete(ok ? Status.OK() : Status.KO(new JsonObject().put("error", String.valueOf(cause))));
  }
}

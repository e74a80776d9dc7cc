package org.openutm.verification;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.emulator.EmulatorVerticle;
import org.openutm.verification.http.HttpVerticle;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.ClientWorkerVerticle;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.session.SessionVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the service: the session verticle, one worker verticle per client type, then the HTTP verticles.
 * Deployment config: {@code config_path} (a YAML file) and {@code config} (overrides merged over it).
 */
public class ServiceVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceVerticle.class);

  private AppConfig appConfig;
  private boolean generatedToken;
  private final List<String> frontIds = new ArrayList<>();

  @Override
  public Future<?> start() {
    JsonObject deployment = config();
    return vertx.executeBlocking(() -> ConfigLoader.load(deployment.getString("config_path"), System.getenv(),
        deployment.getJsonObject("config"))).compose(cfg -> {
          appConfig = cfg;
          applySpeed(cfg);
          generatedToken = generateToken(cfg);
          org.openutm.verification.core.Logging.setLevel(cfg.section("logging").getString("level", "INFO"));
          return startEmulator(cfg).compose(v -> deployAll(cfg));
        });
  }

  /**
   * {@code clock.speed}: the process's clock (org.openutm.verification.clock.SimClock). It belongs to the process, so a
   * service set to another speed than the one running re-anchors it: only when nothing else runs in this process.
   */
  private static void applySpeed(AppConfig cfg) {
    double speed = cfg.section("clock").getDouble("speed", 1.0);
    if (speed != org.openutm.verification.clock.SimClock.speed()) {
      org.openutm.verification.clock.SimClock.configure(speed);
      LOG.info("clock.speed {}: simulated time runs {} times faster than the wall clock", speed, speed);
    }
  }

  /**
   * With no {@code flight_blender.url}, starts the embedded Flight Blender emulator on a free loopback port and points
   * the Flight Blender operations at it.
   */
  private Future<Void> startEmulator(AppConfig cfg) {
    String url = cfg.section("flight_blender").getString("url", "");
    JsonObject emulator = cfg.section("emulator");
    if (!url.isBlank() || !emulator.getBoolean("enabled", true)) {
      return Future.succeededFuture();
    }
    EmulatorVerticle verticle = new EmulatorVerticle(emulator, cfg.section("amqp"));
    return vertx.deployVerticle(verticle).map(id -> {
      String local = "http://127.0.0.1:" + verticle.port();
      cfg.json().getJsonObject("flight_blender").put("url", local).put("emulated", true);
      LOG.info("flight_blender.url is empty: using the embedded emulator at {}", local);
      return null;
    });
  }

  /**
   * {@code http.auth_token: auto}: a random token for this process, as Jupyter does; the editor URL carrying it is
   * printed once on the console (the log shows it masked).
   */
  private static boolean generateToken(AppConfig cfg) {
    JsonObject http = cfg.json().getJsonObject("http");
    if (http == null || !"auto".equalsIgnoreCase(http.getString("auth_token", "").trim())) {
      return false;
    }
    byte[] random = new byte[24];
    new java.security.SecureRandom().nextBytes(random);
    http.put("auth_token", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    return true;
  }

  /** The editor's URL, with {@code ?token=} when a token is needed (unmasked: for the console and tests only). */
  public static String editorUrl(AppConfig cfg) {
    String host = cfg.httpHost();
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    String token = cfg.section("http").getString("auth_token", "");
    return "http://" + shown + ":" + cfg.httpPort() + "/" + (token.isBlank() ? "" : "?token=" + token);
  }

  /**
   * The first half of a graceful stop: the HTTP verticles, then the session verticle (its sessions' tasks are cancelled
   * while the workers still listen), one after the other; the workers and the emulator go with the rest. Undeploying
   * everything at once (vertx.close) let the workers unregister while those cancels were on their way, one
   * "Discarding message" warning per session and worker.
   */
  public Future<Void> drain() {
    Future<Void> chain = Future.succeededFuture();
    for (String id : List.copyOf(frontIds)) {
      chain = chain.compose(v -> vertx.undeploy(id).recover(t -> Future.succeededFuture()));
    }
    frontIds.clear();
    return chain;
  }

  public AppConfig appConfig() {
    return appConfig;
  }

  private Future<?> deployAll(AppConfig cfg) {
    LocalJsonCodec.register(vertx);
    org.openutm.verification.operation.StepRequest.register(vertx);
    OperationCatalog catalog = OperationCatalog.standard();
    int workerInstances = cfg.section("workers").getInteger("instances", 1);
    ThreadingModel model = "event-loop".equals(cfg.section("workers").getString("threading", "worker"))
        ? ThreadingModel.EVENT_LOOP : ThreadingModel.WORKER;
    List<Future<String>> core = new ArrayList<>();
    core.add(vertx.deployVerticle(() -> new SessionVerticle(catalog, cfg), new DeploymentOptions())
        .onSuccess(frontIds::add));
    for (ClientType type : ClientType.values()) {
      if (!catalog.of(type).isEmpty()) {
        core.add(vertx.deployVerticle(() -> new ClientWorkerVerticle(type, catalog, cfg),
            new DeploymentOptions().setThreadingModel(model).setInstances(workerInstances)));
      }
    }
    int httpInstances = cfg.section("http").getInteger("instances", 2);
    if (!cfg.section("http").getBoolean("enabled", true)) {
      return Future.all(core);
    }
    return Future.all(core)
        .compose(v -> vertx.deployVerticle(() -> new HttpVerticle(catalog, cfg),
            new DeploymentOptions().setInstances(httpInstances)))
        .onSuccess(id -> frontIds.add(0, id))
        .compose(id -> org.openutm.verification.http.EventBusBridge.startTcp(vertx, cfg).map(id))
        .onSuccess(id -> {
          LOG.info("OpenUTM Verification listening on http://{}:{} ({} operations, config {})",
              cfg.httpHost(), cfg.httpPort(), catalog.all().size(), cfg.path());
          if (!cfg.section("http").getString("auth_token", "").isBlank()) {
            LOG.info("API token required; editor at {}", editorUrl(cfg).replaceFirst("token=.*", "token=" + AppConfig.MASK));
            if (generatedToken) {
              System.out.println("Open the editor: " + editorUrl(cfg));
            }
          }
        });
  }
}

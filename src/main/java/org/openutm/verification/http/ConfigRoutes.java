package org.openutm.verification.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.openutm.verification.config.ConfigStore;
import org.openutm.verification.config.ConfigView;
import org.openutm.verification.config.LiveConfig;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.core.ServiceException;

/**
 * GET /api/config (effective config in the toolkit's shape, secrets masked: {@link ConfigView}) and PUT /api/config (validate -> refuse during a run -> save in
 * place, atomically -> apply to new steps). See {@link ConfigStore}.
 */
final class ConfigRoutes {
  private final Vertx vertx;
  private final LiveConfig live;
  private final ConfigStore store = new ConfigStore();

  ConfigRoutes(Vertx vertx, LiveConfig live) {
    this.vertx = vertx;
    this.live = live;
  }

  void mount(Router r) {
    r.get("/api/config").handler(ctx -> ctx.json(describe()));
    r.put("/api/config").handler(this::put);
  }

  private JsonObject describe() {
    return ConfigView.shown(live.current());
  }

  private void put(RoutingContext ctx) {
    JsonObject patch;
    try {
      patch = Requests.jsonBody(ctx, false);
    } catch (ServiceException e) {
      HttpErrors.send(ctx, e);
      return;
    }
    vertx.eventBus().<JsonObject>request(Addresses.SESSIONS, new JsonObject().put("action", "active-runs"),
            Addresses.local(LocalJsonCodec.options(10_000)))
        .compose(m -> {
          JsonArray active = m.body().getJsonArray("active", new JsonArray());
          if (!active.isEmpty()) {
            throw new ServiceException(ErrorCode.CONFLICT, "a scenario run is active (" + active.size()
                + "): stop it or wait for it to end before changing the config",
                new JsonObject().put("field", "config").put("active_runs", active));
          }
          return vertx.executeBlocking(() -> store.update(live, patch), false);
        })
        .onSuccess(saved -> {
          if (saved.applied().contains("logging")) {
            org.openutm.verification.core.Logging.setLevel(saved.config().section("logging")
                .getString("level", "INFO"));
          }
          ctx.json(new JsonObject().put("status", "saved").put("applied", new JsonArray(saved.applied()))
              .put("restart_required", new JsonArray(saved.restartRequired()))
              .put("config_path", String.valueOf(saved.config().path())));
        })
        .onFailure(t -> HttpErrors.send(ctx, ServiceException.from(t)));
  }
}

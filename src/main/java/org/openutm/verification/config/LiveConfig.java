package org.openutm.verification.config;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import java.util.List;

/**
 * The configuration as it is now, shared by the verticles of one process (a local-map {@link Shareable}): the
 * startup config until {@code PUT /api/config} saves a change, then the saved one. Sections the operations read are
 * applied to new steps at once (as config overrides on each step request); the others need a restart.
 */
public final class LiveConfig implements Shareable {
  /** Sections new steps see without a restart. */
  public static final List<String> LIVE_SECTIONS = List.of("flight_blender", "opensky", "amqp",
      "air_traffic_simulator_settings", "data_files", "data_search_paths", "logging");
  private static final String MAP = "openutm.config";

  private volatile AppConfig current;
  private volatile JsonObject stepOverrides;

  private LiveConfig(AppConfig startup) {
    this.current = startup;
  }

  /** This process's live config, created from {@code startup} by the first caller. */
  public static LiveConfig of(Vertx vertx, AppConfig startup) {
    return (LiveConfig) vertx.sharedData().getLocalMap(MAP).computeIfAbsent("live", k -> new LiveConfig(startup));
  }

  public AppConfig current() {
    return current;
  }

  /** The live sections changed since startup, to merge under each step's own overrides; null when none changed. */
  public JsonObject stepOverrides() {
    return stepOverrides;
  }

  /** Saved: {@code next} becomes current; its live sections reach new steps. */
  public synchronized void apply(AppConfig next) {
    JsonObject overrides = stepOverrides == null ? new JsonObject() : stepOverrides.copy();
    for (String section : LIVE_SECTIONS) {
      Object v = next.json().getValue(section);
      if (v != null && !v.equals(current.json().getValue(section))) {
        overrides.put(section, v instanceof JsonObject o ? o.copy() : v);
      }
    }
    this.stepOverrides = overrides.isEmpty() ? null : overrides;
    this.current = next;
  }

  @Override
  public Shareable copy() {
    return this;
  }
}

package org.openutm.verification.engine;

import io.vertx.core.json.JsonObject;
import org.openutm.verification.config.AppConfig;

/**
 * An effective config built once: a base with override layers merged over it (deeply, in order), and its masked
 * form (what {@code ${{ config... }}} reads) made on first use. {@link Cache} keeps the last one per use, keyed by
 * the identity of its parts: the session, the saved config and a run replace those objects when they change and
 * never change them in place, so an identical key means an identical view.
 */
final class EffectiveConfig {
  private final AppConfig config;
  private JsonObject masked;

  private EffectiveConfig(AppConfig config) {
    this.config = config;
  }

  static EffectiveConfig of(AppConfig config) {
    return new EffectiveConfig(config);
  }

  AppConfig config() {
    return config;
  }

  JsonObject masked() {
    if (masked == null) {
      masked = config.masked();
    }
    return masked;
  }

  /** The base with each non-empty layer merged over it; the base itself when there is none. */
  static AppConfig merge(AppConfig base, JsonObject... layers) {
    JsonObject merged = null;
    for (JsonObject layer : layers) {
      if (layer != null && !layer.isEmpty()) {
        merged = (merged == null ? base.json().copy() : merged).mergeIn(layer.copy(), true);
      }
    }
    return merged == null ? base : new AppConfig(merged, base.path());
  }

  /** The last view built, reused while its base and layers are the same objects. */
  static final class Cache {
    private Object[] key = new Object[0];
    private EffectiveConfig view;

    EffectiveConfig get(AppConfig base, JsonObject... layers) {
      Object[] k = new Object[layers.length + 1];
      k[0] = base;
      System.arraycopy(layers, 0, k, 1, layers.length);
      if (view == null || !sameObjects(k, key)) {
        view = new EffectiveConfig(merge(base, layers));
        key = k;
      }
      return view;
    }

    private static boolean sameObjects(Object[] a, Object[] b) {
      if (a.length != b.length) {
        return false;
      }
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          return false;
        }
      }
      return true;
    }
  }
}

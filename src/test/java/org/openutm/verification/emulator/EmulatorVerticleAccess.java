package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;

/** Test access to the emulator's package-private settings parsing. */
public final class EmulatorVerticleAccess {
  private EmulatorVerticleAccess() {
  }

  public static Object options(JsonObject emulatorConfig) {
    return EmulatorOptions.from(emulatorConfig);
  }
}

package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openutm.verification.support.Http;

/**
 * The base of the ported real-server tests: one emulator of the era {@link #mode()} for the whole class (a subclass
 * that names another era runs every test against it), optionally publishing its events to {@link #amqp()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EraContract {
  EmulatorFixture emu;
  Http http;

  abstract String mode();

  boolean fastapi() {
    return mode().equals("fastapi");
  }

  /** The emulator's settings: the era, plus what a subclass adds. */
  JsonObject config() {
    return new JsonObject().put("mode", mode());
  }

  /** Where the emulator publishes its events (null: nowhere). */
  JsonObject amqp() {
    return null;
  }

  @BeforeAll
  void up() throws InterruptedException {
    emu = new EmulatorFixture(config(), amqp());
    http = emu.http;
  }

  @AfterAll
  void down() {
    emu.close();
  }

  /** Declarations the emulator holds. */
  int rows() {
    return http.get("/emulator/state").json().getInteger("declarations");
  }
}

package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    // the emulator reads any mode but "django" as fastapi: a subclass whose era is misspelt would test the wrong one
    JsonObject state = http.get("/emulator/state").json();
    assertEquals(mode(), state.getString("mode"), "the emulator runs the era this class names");
    assertEquals(0, state.getInteger("declarations"), "a new emulator holds no declaration");
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

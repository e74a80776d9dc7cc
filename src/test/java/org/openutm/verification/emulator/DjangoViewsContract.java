package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openutm.verification.support.Http;

/**
 * The base of the ports of Django's flight_declaration_operations/tests.py: a Django-era emulator whose events reach
 * an {@link AmqpTap} (the source's mocked notification task), reset before each test (the source's fresh database).
 */
abstract class DjangoViewsContract extends EraContract {
  static final String FD = "/flight_declaration_ops";
  AmqpTap tap;

  @Override
  String mode() {
    return "django";
  }

  @Override
  JsonObject amqp() {
    tap = new AmqpTap();
    return tap.amqp();
  }

  @Override
  @org.junit.jupiter.api.BeforeAll
  void up() throws InterruptedException {
    super.up();
    AmqpTap.settle();
  }

  @AfterAll
  void closeTap() {
    tap.close();
  }

  @BeforeEach
  void fresh() {
    assertEquals(200, http.post("/emulator/reset", null).status());
  }

  JsonObject detail(String id) {
    Http.Response r = http.get(FD + "/flight_declaration/" + id, EmulatorFixture.auth());
    assertEquals(200, r.status(), r.body());
    return r.json();
  }
}

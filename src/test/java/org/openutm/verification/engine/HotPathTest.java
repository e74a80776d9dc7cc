package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openutm.verification.config.AppConfig;

/** The step path's shared objects: client state snapshots and the cached effective config (plain classes). */
class HotPathTest {

  @Test
  void aClientStateSnapshotIsNeverChangedByLaterUpdates() {
    Session s = new Session("s1", e -> { });
    JsonObject first = s.clientState("flight_blender");
    s.updateClientState("flight_blender", new JsonObject().put("latest_flight_declaration_id", "a"));
    JsonObject second = s.clientState("flight_blender");
    s.updateClientState("flight_blender", new JsonObject().put("latest_flight_declaration_id", "b").put("x", 1));
    assertNull(first.getValue("latest_flight_declaration_id"), "the snapshot a worker holds stays as it was sent");
    assertEquals("a", second.getString("latest_flight_declaration_id"));
    assertEquals(new JsonObject().put("latest_flight_declaration_id", "b").put("x", 1), s.clientState("flight_blender"));
    assertNotSame(second, s.clientState("flight_blender"));
  }

  @Test
  void theEffectiveConfigIsBuiltOnceAndRebuiltWhenAPartIsReplaced() {
    AppConfig startup = new AppConfig(new JsonObject().put("flight_blender", new JsonObject()
        .put("url", "http://a").put("auth", new JsonObject().put("type", "none"))), Path.of("x.yaml"));
    JsonObject saved = new JsonObject().put("flight_blender", new JsonObject().put("url", "http://saved"));
    Session s = new Session("s2", e -> { });
    AppConfig bare = s.stepConfig(startup, null, null);
    assertSame(startup, bare, "no overrides: the startup config itself, no copy");

    AppConfig once = s.stepConfig(startup, saved, null);
    assertSame(once, s.stepConfig(startup, saved, null), "same parts: the same object");
    assertEquals("http://saved", once.section("flight_blender").getString("url"));
    assertEquals("none", once.section("flight_blender").getJsonObject("auth").getString("type"));

    s.setConfigOverrides(new JsonObject().put("flight_blender", new JsonObject().put("auth",
        new JsonObject().put("type", "passport"))));
    JsonObject run = new JsonObject().put("data_files", new JsonObject().put("trajectory", "t.json"));
    AppConfig layered = s.stepConfig(startup, saved, run);
    assertNotSame(once, layered);
    assertEquals("passport", layered.section("flight_blender").getJsonObject("auth").getString("type"));
    assertEquals("http://saved", layered.section("flight_blender").getString("url"));
    assertEquals("t.json", layered.section("data_files").getString("trajectory"));
    // merging never writes into its parts
    assertEquals("none", startup.section("flight_blender").getJsonObject("auth").getString("type"));
    assertEquals(new JsonObject().put("url", "http://saved"), saved.getJsonObject("flight_blender"));
  }

  @Test
  void aConfigReferenceHandsOutACopyOfTheSharedMaskedView() {
    AppConfig cfg = new AppConfig(new JsonObject().put("amqp", new JsonObject().put("url",
        "amqp://guest:secret@localhost:5672/").put("exchange", "x")), Path.of("x.yaml"));
    EffectiveConfig view = EffectiveConfig.of(cfg);
    Scope scope = new Scope(new RunState("r", "n", id -> null), view, "", false, null, null);
    var path = org.openutm.verification.scenario.expression.ExpressionParser.parse("config.amqp");
    JsonObject amqp = (JsonObject) org.openutm.verification.scenario.expression.Evaluator.eval(path, scope);
    assertEquals("amqp://guest:********@localhost:5672/", amqp.getString("url"));
    amqp.put("exchange", "changed");
    assertEquals("x", ((JsonObject) org.openutm.verification.scenario.expression.Evaluator.eval(path, scope))
        .getString("exchange"));
    assertSame(view.masked(), view.masked(), "masked once per view");
  }
}

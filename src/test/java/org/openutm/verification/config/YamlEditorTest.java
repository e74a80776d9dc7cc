package org.openutm.verification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** In-place YAML edits: values replaced where they stand, comments and order kept, new keys and sections added. */
class YamlEditorTest {
  static final String TEXT = """
      # top comment
      flight_blender:
        url: ""                 # leave empty for the emulator
        auth:
          type: "none"          # or passport
          scopes: ["a", "b"]
      amqp: {url: "", exchange_name: operational_events}
      reporting:
        formats:
          - json
          - html
        output_dir: reports     # where
      empty:
      """;

  @Test
  void replacesInPlaceKeepingCommentsAndOrder() {
    String out = YamlEditor.apply(TEXT, new JsonObject()
        .put("flight_blender", new JsonObject().put("url", "http://fb:8000")
            .put("auth", new JsonObject().put("type", "passport").put("client_id", "me")))
        .put("amqp", new JsonObject().put("url", "amqp://h/"))
        .put("reporting", new JsonObject().put("formats", new JsonArray().add("json").add("junit")))
        .put("empty", 3)
        .put("logging", new JsonObject().put("level", "DEBUG")));
    assertEquals("""
        # top comment
        flight_blender:
          url: "http://fb:8000"                 # leave empty for the emulator
          auth:
            type: "passport"          # or passport
            scopes: ["a", "b"]
            client_id: "me"
        amqp: {url: "amqp://h/", exchange_name: "operational_events"}
        reporting:
          formats: ["json", "junit"]
          output_dir: reports     # where
        empty: 3
        logging:
          level: "DEBUG"
        """, out);
  }

  @Test
  void largeAndSmallNumbersReadBackAsNumbers() {
    String out = YamlEditor.apply("flight_blender:\n  timeout_seconds: 10\n", new JsonObject().put("flight_blender",
        new JsonObject().put("timeout_seconds", 1.5e9).put("tiny", 2.5e-7)));
    Object back = org.openutm.verification.core.yaml.YNode.of(new org.yaml.snakeyaml.Yaml().compose(
        new java.io.StringReader(out))).plain();
    assertEquals(1.5e9, ((JsonObject) back).getJsonObject("flight_blender").getDouble("timeout_seconds"), 1.0, out);
    assertEquals(2.5e-7, ((JsonObject) back).getJsonObject("flight_blender").getDouble("tiny"), 1e-12, out);
  }

  @Test
  void doublesInsideListsAndFlowMapsReadBackAsNumbers() {
    String out = YamlEditor.apply("air_traffic_simulator_settings: {}\n", new JsonObject().put("air_traffic_simulator_settings",
        new JsonObject().put("bbox", new JsonArray().add(1.0e8).add(-2.5e-7).add(new JsonObject().put("x y", 3.0e10)))));
    Object back = org.openutm.verification.core.yaml.YNode.of(new org.yaml.snakeyaml.Yaml().compose(
        new java.io.StringReader(out))).plain();
    JsonArray bbox = ((JsonObject) back).getJsonObject("air_traffic_simulator_settings").getJsonArray("bbox");
    assertEquals(1.0e8, bbox.getDouble(0), 1.0, out);
    assertEquals(-2.5e-7, bbox.getDouble(1), 1e-12, out);
    assertEquals(3.0e10, bbox.getJsonObject(2).getDouble("x y"), 1.0, out);
  }

  @Test
  void keysYaml11WouldReadAsBooleansAreQuoted() {
    String out = YamlEditor.apply("suites: {}\n", new JsonObject().put("suites", new JsonObject()
        .put("on", new JsonObject().put("description", "a")).put("No", new JsonObject().put("description", "b"))));
    JsonObject back = (JsonObject) org.openutm.verification.core.yaml.YNode.of(new org.yaml.snakeyaml.Yaml().compose(
        new java.io.StringReader(out))).plain();
    assertEquals(new JsonObject().put("on", new JsonObject().put("description", "a"))
        .put("No", new JsonObject().put("description", "b")), back.getJsonObject("suites"), out);
    // this service reads keys as text, but the Python toolkit's PyYAML (YAML 1.1) reads a bare on: as True
    assertTrue(out.contains("\"on\":") && out.contains("\"No\":"), out);
  }

  @Test
  void startsAnEmptyFile() {
    assertEquals("amqp:\n  url: \"x\"\n", YamlEditor.apply("", new JsonObject().put("amqp", new JsonObject().put("url", "x"))));
  }
}

package org.openutm.verification.scenario.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  static final EvalContext CTX = ExpressionParserTest.CTX;

  @Test
  void wholeStringKeepsItsType() {
    assertEquals(3, ((Number) Templates.resolve("${{ steps.count.result }}", CTX)).intValue());
    Object decl = Templates.resolve("  ${{ steps.setup.result.declarations[0] }} ", CTX);
    assertEquals(new JsonObject().put("id", "d0"), decl);
  }

  @Test
  void interpolationInsideALongerString() {
    assertEquals("id=d1, n=3, none=", Templates.resolve(
        "id=${{ steps.setup.result.declarations[1].id }}, n=${{steps.count.result}}, none=${{ steps.setup.result.x }}",
        CTX));
    assertEquals("quoted }} kept: abc", Templates.resolve("${{ 'quoted }} kept: ' }}${{ steps.Generate UUID.result }}", CTX));
  }

  @Test
  void recursiveThroughMapsAndLists() {
    JsonObject in = new JsonObject().put("a", new JsonArray().add("${{ steps.count.result }}").add("plain"))
        .put("b", new JsonObject().put("c", "${{ steps.Generate UUID.result }}"));
    JsonObject out = (JsonObject) Templates.resolve(in, CTX);
    assertEquals(3, out.getJsonArray("a").getInteger(0));
    assertEquals("plain", out.getJsonArray("a").getString(1));
    assertEquals("abc", out.getJsonObject("b").getString("c"));
    assertEquals("${{ steps.count.result }}", in.getJsonArray("a").getString(0), "input untouched");
  }

  @Test
  void unclosedExpression() {
    assertThrows(ExpressionException.class, () -> Templates.resolve("x ${{ steps.count.result", CTX));
  }
}

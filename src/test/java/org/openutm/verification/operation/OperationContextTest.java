package org.openutm.verification.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/** What a worker does with the session's snapshot and the public JSON form of a request (no bus). */
class OperationContextTest {
  private static final AppConfig CONFIG = new AppConfig(new JsonObject(), Path.of("c.yaml"));

  @Test
  void readsTheSnapshotWithoutCopyingAndCopiesOnItsFirstRemember() {
    JsonObject snapshot = new JsonObject().put("latest_flight_declaration_id", "d1").put("keep", "k");
    OperationContext ctx = new OperationContext(null, CONFIG, "s", "step", "e").withClientState(snapshot, Map.of());
    assertSame(snapshot, ctx.clientState(), "read as sent");
    ctx.remember("latest_flight_declaration_id", "d2");
    assertEquals("d1", snapshot.getString("latest_flight_declaration_id"), "the session's snapshot is untouched");
    assertEquals("d2", ctx.clientState().getString("latest_flight_declaration_id"));
    assertEquals("k", ctx.clientState().getString("keep"));
    assertEquals(new JsonObject().put("latest_flight_declaration_id", "d2"), ctx.stateUpdates());
    ctx.remember("other", 1);
    assertNull(snapshot.getValue("other"));
  }

  @Test
  void theJsonFormIsCoercedOnceAndNamesWhatIsWrong() {
    OperationCatalog catalog = OperationCatalog.standard();
    StepRequest r = StepRequest.fromJson(new JsonObject().put("operation", "Wait X seconds")
        .put("arguments", new JsonObject().put("duration", "2s")).put("config_overrides",
            new JsonObject().put("amqp", new JsonObject().put("exchange", "e"))), catalog, ClientType.COMMON, CONFIG);
    assertEquals(2.0, r.args().number("duration"));
    assertEquals("e", r.config().section("amqp").getString("exchange"));
    assertEquals(new JsonObject(), CONFIG.json(), "the base is not changed by the overrides");
    ServiceException unknown = assertThrows(ServiceException.class, () -> StepRequest.fromJson(
        new JsonObject().put("operation", "Generate UUID"), catalog, ClientType.AMQP, CONFIG));
    assertEquals(ErrorCode.BAD_INPUT, unknown.code());
    ServiceException notObject = assertThrows(ServiceException.class, () -> StepRequest.fromJson(
        new JsonObject().put("operation", "Wait X seconds").put("arguments", "x"), catalog, ClientType.COMMON, CONFIG));
    assertEquals("arguments", notObject.details().getString("field"));
  }
}

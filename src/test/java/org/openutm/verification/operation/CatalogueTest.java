package org.openutm.verification.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openutm.verification.cli.OperationsDoc;

class CatalogueTest {
  @Test
  void everyOperationIsDeclaredOnceWithDocs() {
    OperationCatalog c = OperationCatalog.standard();
    assertEquals(4, c.of(ClientType.COMMON).size());
    assertEquals(39, c.of(ClientType.FLIGHT_BLENDER).size());
    assertEquals(1, c.of(ClientType.AIR_TRAFFIC).size());
    assertEquals(6, c.of(ClientType.AMQP).size());
    assertEquals(50, c.all().size());
    // issue 21: /operations lists the 50 operations plus the join step, so editors keep a join when they save
    assertEquals(51, c.toJson().size());
    io.vertx.core.json.JsonObject join = c.toJson().getJsonObject(50);
    assertEquals("SessionManager.join_task", join.getString("name"));
    assertEquals("task_id", join.getJsonArray("parameters").getJsonObject(0).getString("name"));
    assertEquals(true, join.getJsonArray("parameters").getJsonObject(0).getBoolean("required"));
    for (OperationDef op : c.all()) {
      assertTrue(!op.description().isBlank(), op.name() + " has no description");
      op.params().forEach(p -> assertNotNull(p.description(), op.name() + "." + p.name()));
    }
  }

  @Test
  void docsOperationsMdIsCurrent() throws Exception {
    String generated = OperationsDoc.markdown(OperationCatalog.standard());
    String onDisk = Files.readString(Path.of("docs/operations.md"));
    assertEquals(generated, onDisk, "docs/operations.md is stale: java -jar target/openutm-verification.jar "
        + "operations > docs/operations.md");
  }
}

package org.openutm.verification.cli;

import io.vertx.core.json.Json;
import java.util.Map;
import java.util.stream.Collectors;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.ParamDef;

/** docs/operations.md, generated from the catalogue ({@code java -jar ... operations > docs/operations.md}). */
public final class OperationsDoc {
  private OperationsDoc() {
  }

  public static String markdown(OperationCatalog catalog) {
    StringBuilder sb = new StringBuilder("# Operations\n\nGenerated from the operation catalogue by "
        + "`java -jar target/openutm-verification.jar operations` (a test fails when this file is stale). "
        + "`GET /operations` serves the same declarations as JSON. Names are the YAML `step:` values.\n");
    for (ClientType type : ClientType.values()) {
      var ops = catalog.of(type);
      if (ops.isEmpty()) {
        continue;
      }
      sb.append("\n## ").append(type.category).append(" (").append(ops.size()).append(")\n\n")
          .append("| Step | Phase | Parameters | What it does |\n|---|---|---|---|\n");
      for (OperationDef op : ops) {
        sb.append("| ").append(op.name()).append(" | ").append(op.phase() == null ? "" : op.phase()).append(" | ")
            .append(op.params().isEmpty() ? "-" : op.params().stream().map(OperationsDoc::param)
                .collect(Collectors.joining("<br>")))
            .append(" | ").append(op.description().replace("|", "\\|")).append(" |\n");
      }
    }
    return sb.toString();
  }

  static String param(ParamDef p) {
    String type = p.type().wire;
    if (!p.options().isEmpty()) {
      type = p.options().stream().map(Map.Entry::getKey).collect(Collectors.joining("\\|"));
    }
    String dflt = p.required() ? " (required)" : p.defaultValue() == null ? "" : " = " + Json.encode(p.defaultValue());
    return "`" + p.name() + "`: " + type + dflt;
  }
}

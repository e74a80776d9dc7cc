package org.openutm.verification.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code operations}: the catalogue as Markdown (docs/operations.md is this output). */
@Command(name = "operations", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Print the operation catalogue as Markdown."})
final class OperationsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(OperationsDoc.markdown(org.openutm.verification.operation.OperationCatalog.standard()));
    return 0;
  }
}

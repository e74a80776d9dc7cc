package org.openutm.verification.report;

import java.nio.file.Path;

/** junit.xml against the JUnit schema CI readers follow (src/test/resources/junit.xsd). */
public final class JUnitSchema {
  private JUnitSchema() {
  }

  /** Throws on any violation. */
  public static void validate(Path file) throws Exception {
    javax.xml.validation.Schema schema = javax.xml.validation.SchemaFactory.newInstance(
        javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(JUnitSchema.class.getResource("/junit.xsd"));
    schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(file.toFile()));
  }
}

package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.TestService;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml and the routes the HTTP verticle mounts (read from the http package's sources) name the same
 * method + path pairs; the served /openapi.yaml is that document.
 */
class OpenApiConsistencyTest {
  static final Pattern ROUTE = Pattern.compile("\\b(?:r|router)\\.(get|post|put|delete|route)\\(\"([^\"]+)\"");

  static String normalize(String path) {
    String p = path.replaceAll(":([a-z_]+)", "{$1}");
    return p.endsWith("/*") ? p.substring(0, p.length() - 1) + "{path}" : p;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRouteIsDocumentedAndEveryDocumentedPathExists() throws Exception {
    Set<String> routes = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/org/openutm/verification/http"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = ROUTE.matcher(Files.readString(f));
        while (m.find()) {
          String method = m.group(1).equals("route") ? "get" : m.group(1);
          routes.add(method.toUpperCase() + " " + normalize(m.group(2)));
        }
      }
    }
    Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("docs/openapi.yaml")));
    Set<String> documented = new TreeSet<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, methods) ->
        methods.keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path)));
    Set<String> missing = new TreeSet<>(routes);
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(routes);
    assertTrue(missing.isEmpty(), "routes docs/openapi.yaml lacks: " + missing);
    assertTrue(extra.isEmpty(), "documented paths no route serves: " + extra);
    assertTrue(routes.size() >= 35, routes.toString());
    try (TestService svc = TestService.start()) {
      var r = svc.http.get("/openapi.yaml");
      assertEquals(200, r.status());
      assertEquals(Files.readString(Path.of("docs/openapi.yaml")), r.body());
    }
  }
}

package org.openutm.verification.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * What stops a web page the user happens to visit from driving this service (CSRF, DNS rebinding), checked before
 * any route, body or token is read:
 * <ul>
 * <li><b>Host</b>: every request must name this service: 127.0.0.1, localhost, [::1], the configured
 * {@code http.host}, an entry of {@code http.allowed_hosts}, or, when bound to every interface, an IP literal (a
 * rebinding page always sends its own DNS name). Else 403.</li>
 * <li><b>Origin</b>: a state-changing request (POST, PUT, PATCH, DELETE) and every request to the SockJS bridge that
 * carries an Origin must come from this service's own origin or one of {@code http.allowed_origins}. Else 403.
 * Requests without an Origin (curl, the CLI, scripts) pass.</li>
 * <li><b>Content type</b>: a non-empty body must be JSON ({@code application/json}, {@code application/*+json}),
 * or on a route that takes a scenario also YAML. Else 415: the types a page may send without a preflight
 * ({@code text/plain}, forms) never reach a handler. {@code /eventbus/*} keeps what SockJS transports send.</li>
 * </ul>
 */
final class RequestGuard {
  private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  /** The routes whose body may be a scenario in YAML; the others take JSON. */
  private static final Pattern YAML_ROUTES = Pattern.compile(
      "/run-scenario|/run-scenario-async|/api/runs|/api/scenarios/.+|/api/sessions/[^/]+/scenario");

  private final Set<String> hosts = new HashSet<>();
  private final Set<String> origins = new HashSet<>();
  private final boolean anyHost;
  private final boolean anyOrigin;
  private final boolean ipLiterals;

  RequestGuard(AppConfig config) {
    JsonObject http = config.section("http");
    hosts.addAll(Set.of("127.0.0.1", "localhost", "[::1]", "::1"));
    String bound = config.httpHost().toLowerCase(Locale.ROOT);
    ipLiterals = bound.equals("0.0.0.0") || bound.equals("::") || bound.equals("[::]");
    if (!ipLiterals) {
      hosts.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
    }
    for (Object h : http.getJsonArray("allowed_hosts", new JsonArray())) {
      hosts.add(String.valueOf(h).trim().toLowerCase(Locale.ROOT));
    }
    for (Object o : http.getJsonArray("allowed_origins", new JsonArray())) {
      origins.add(String.valueOf(o).trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT));
    }
    anyHost = hosts.contains("*");
    anyOrigin = origins.contains("*");
  }

  void handle(RoutingContext ctx) {
    ServiceException refused = check(ctx);
    if (refused == null) {
      ctx.next();
    } else {
      HttpErrors.send(ctx, refused);
    }
  }

  private ServiceException check(RoutingContext ctx) {
    var req = ctx.request();
    String host = req.getHeader("Host");
    if (host == null && req.authority() != null) {
      host = req.authority().toString();
    }
    if (host != null && !hostAllowed(hostName(host))) {
      return new ServiceException(ErrorCode.FORBIDDEN, "Host '" + cut(host) + "' is not this service: requests must "
          + "name 127.0.0.1, localhost, [::1] or the configured host (add a name to http.allowed_hosts)",
          new JsonObject().put("field", "Host").put("host", cut(host)));
    }
    String path = ctx.normalizedPath();
    boolean bridge = path.equals("/eventbus") || path.startsWith("/eventbus/");
    String origin = req.getHeader("Origin");
    if (origin != null && (bridge || CHANGING.contains(req.method())) && !originAllowed(origin, host)) {
      return new ServiceException(ErrorCode.FORBIDDEN, "origin " + cut(origin) + " may not change anything here: "
          + "only this service's own pages may (add it to http.allowed_origins to trust it)",
          new JsonObject().put("field", "Origin").put("origin", cut(origin)));
    }
    if (bridge || !hasBody(req)) {
      return null;
    }
    String type = mediaType(req.getHeader("Content-Type"));
    boolean yaml = req.method() == HttpMethod.POST && YAML_ROUTES.matcher(path).matches();
    if (isJson(type) || yaml && isYaml(type)) {
      return null;
    }
    String expected = yaml ? "application/json or application/yaml" : "application/json";
    return new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, (type.isEmpty() ? "a body with no Content-Type"
        : "Content-Type " + cut(type)) + " is not accepted on " + req.method() + " " + path + ": send " + expected,
        new JsonObject().put("field", "Content-Type").put("content_type", cut(type)).put("expected", expected));
  }

  private boolean hostAllowed(String name) {
    return anyHost || hosts.contains(name) || ipLiterals && (IPV4.matcher(name).matches() || name.startsWith("["));
  }

  /** The service's own origin (the one the request was sent to, under an allowed Host) or a configured one. */
  private boolean originAllowed(String origin, String host) {
    String o = origin.trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    if (anyOrigin || origins.contains(o)) {
      return true;
    }
    return host != null && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
        || o.equals("https://" + host.toLowerCase(Locale.ROOT)));
  }

  /** "Example.COM:8989" -> "example.com"; "[::1]:8989" -> "[::1]". */
  static String hostName(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static boolean hasBody(io.vertx.core.http.HttpServerRequest req) {
    String length = req.getHeader("Content-Length");
    if (req.getHeader("Transfer-Encoding") != null) {
      return true;
    }
    return length != null && !length.trim().equals("0");
  }

  static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static boolean isJson(String type) {
    return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
  }

  static boolean isYaml(String type) {
    return type.equals("application/yaml") || type.equals("application/x-yaml") || type.equals("text/yaml")
        || type.equals("text/x-yaml") || type.startsWith("application/") && type.endsWith("+yaml");
  }

  private static String cut(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}

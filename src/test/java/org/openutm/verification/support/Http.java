package org.openutm.verification.support;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small blocking HTTP client for tests: real HTTP to the running service. */
public final class Http {
  private final String base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public Http(String base) {
    this.base = base;
  }

  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public io.vertx.core.json.JsonArray jsonArray() {
      return new io.vertx.core.json.JsonArray(body);
    }

    public Object value() {
      return Json.decodeValue(body);
    }
  }

  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  public Response delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
  }

  public Response post(String path, Object body, String... headers) {
    String text = body == null ? "" : body instanceof String s ? s : Json.encode(body);
    return send(withType(HttpRequest.newBuilder(URI.create(base + path)), headers)
        .POST(HttpRequest.BodyPublishers.ofString(text)), headers);
  }

  public Response put(String path, Object body, String... headers) {
    String text = body instanceof String s ? s : Json.encode(body);
    return send(withType(HttpRequest.newBuilder(URI.create(base + path)), headers)
        .PUT(HttpRequest.BodyPublishers.ofString(text)), headers);
  }

  private static HttpRequest.Builder withType(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Content-Type")) {
        return b;
      }
    }
    return b.header("Content-Type", "application/json");
  }

  private Response send(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(120)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

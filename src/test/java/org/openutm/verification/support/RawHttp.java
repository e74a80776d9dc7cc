package org.openutm.verification.support;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, for what java.net.http refuses to send: a foreign Host header (DNS rebinding), a browser's
 * Origin, a body of any Content-Type. One request per connection (Connection: close).
 */
public final class RawHttp {
  public record Response(int status, Map<String, String> headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  private RawHttp() {
  }

  /** {@code headers}: name, value, ... ; a Host header given there replaces the default 127.0.0.1:port. */
  public static Response send(int port, String method, String path, String body, String... headers) {
    StringBuilder req = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    boolean host = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      host |= headers[i].equalsIgnoreCase("Host");
      req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (!host) {
      req.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      req.append("Content-Length: ").append(payload.length).append("\r\n");
    }
    req.append("Connection: close\r\n\r\n");
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return parse(s.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String rest = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) {
        h.merge(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim(),
            (a, b) -> a + "\n" + b);
      }
    }
    if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
      rest = unchunk(rest);
    }
    return new Response(status, h, rest);
  }

  private static String unchunk(String s) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < s.length()) {
      int nl = s.indexOf("\r\n", at);
      if (nl < 0) {
        break;
      }
      int size = Integer.parseInt(s.substring(at, nl).trim().split(";")[0], 16);
      if (size == 0) {
        break;
      }
      out.append(s, nl + 2, nl + 2 + size);
      at = nl + 2 + size + 2;
    }
    return out.toString();
  }
}

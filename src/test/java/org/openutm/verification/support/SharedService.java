package org.openutm.verification.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of test classes that share one service with the default config for all their tests. */
public abstract class SharedService {
  protected static TestService service;
  protected static Http http;

  @BeforeAll
  static void startShared() {
    service = TestService.start();
    http = service.http;
  }

  @AfterAll
  static void stopShared() {
    service.close();
  }

  /** A new session (201 expected). */
  protected static String newSession() {
    Http.Response r = http.post("/api/sessions", null);
    org.junit.jupiter.api.Assertions.assertEquals(201, r.status(), r.body());
    return r.json().getString("session_id");
  }
}

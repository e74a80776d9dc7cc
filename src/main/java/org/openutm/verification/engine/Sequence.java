package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Runs {@code body(0..)} one after another while {@code more(i)} holds, without nesting the stack for bodies that
 * complete at once (a 10,000-step scenario of skipped steps must not overflow).
 */
final class Sequence {
  private Sequence() {
  }

  static Future<Void> each(IntPredicate more, IntFunction<Future<Void>> body) {
    Promise<Void> done = Promise.promise();
    next(0, more, body, done);
    return done.future();
  }

  private static void next(int start, IntPredicate more, IntFunction<Future<Void>> body, Promise<Void> done) {
    int i = start;
    while (more.test(i)) {
      Future<Void> f;
      try {
        f = body.apply(i);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      if (!f.isComplete()) {
        int n = i + 1;
        f.onComplete(ar -> {
          if (ar.failed()) {
            done.tryFail(ar.cause());
          } else {
            next(n, more, body, done);
          }
        });
        return;
      }
      if (f.failed()) {
        done.tryFail(f.cause());
        return;
      }
      i++;
    }
    done.tryComplete();
  }
}

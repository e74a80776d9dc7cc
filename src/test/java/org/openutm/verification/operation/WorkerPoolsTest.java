package org.openutm.verification.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.VertxServiceProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.Ids;

/** The worker pools Vert.x builds in this process are WorkerPools' (registered as a service), and their settings. */
class WorkerPoolsTest {
  @Test
  void registeredForEveryVertxInstance() {
    assertTrue(ServiceLoader.load(VertxServiceProvider.class).stream().anyMatch(p -> p.type() == WorkerPools.class),
        "META-INF/services/io.vertx.core.spi.VertxServiceProvider names WorkerPools");
  }

  /** A worker verticle answering 300 requests one after another: its pool's threads took tasks while polling. */
  @Test
  void aWorkerVerticleRunsOnPollingThreads() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String address = "worker-pools-test." + Ids.unique();
      vertx.deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          return vertx.eventBus().<String>consumer(address, m -> m.reply(Thread.currentThread().getName()))
              .completion();
        }
      }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);
      long before = WorkerPools.takenPolling();
      Future<String> chain = Future.succeededFuture("");
      for (int i = 0; i < 300; i++) {
        chain = chain.compose(x -> vertx.eventBus().<String>request(address, "ping", new DeliveryOptions()
            .setSendTimeout(5_000)).map(m -> m.body()));
      }
      String thread = chain.await(30, TimeUnit.SECONDS);
      assertTrue(thread.startsWith("vert.x-worker-thread"), thread);
      assertTrue(WorkerPools.takenPolling() > before, "no task was taken by a polling thread");
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void zeroGivesVertxsOwnPoolAndNegativeIsRefused() throws Exception {
    long was = WorkerPools.spinMicros();
    try {
      WorkerPools.spinMicros(0);
      var pool = (ThreadPoolExecutor) new WorkerPools().createExecutor(Executors.defaultThreadFactory(), 2, 2);
      assertEquals("LinkedBlockingQueue", pool.getQueue().getClass().getSimpleName());
      pool.shutdown();
      WorkerPools.spinMicros(20);
      pool = (ThreadPoolExecutor) new WorkerPools().createExecutor(Executors.defaultThreadFactory(), 2, 2);
      assertEquals(SpinQueue.class, pool.getQueue().getClass());
      assertEquals(2, pool.getMaximumPoolSize());
      pool.shutdown();
      assertThrows(IllegalArgumentException.class, () -> WorkerPools.spinMicros(-1));
      // what serve and run do with the config's workers.spin_micros
      WorkerPools.configure(ConfigLoader.load(null, Map.of(), new JsonObject().put("workers",
          new JsonObject().put("spin_micros", 0))));
      assertEquals(0, WorkerPools.spinMicros());
      WorkerPools.configure(ConfigLoader.load(null, Map.of(), null));
      assertEquals(WorkerPools.DEFAULT_SPIN_MICROS, WorkerPools.spinMicros(), "the bundled config's value");
    } finally {
      WorkerPools.spinMicros(was);
    }
  }
}

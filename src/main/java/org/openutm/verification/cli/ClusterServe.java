package org.openutm.verification.cli;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.ServiceVerticle;
import org.openutm.verification.cluster.ClusterSetup;
import org.openutm.verification.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --cluster}: a clustered Vert.x (Hazelcast) running the service verticle. On SIGTERM/SIGINT the
 * verticles stop first (sessions cancel their tasks and leave the directory), then the node leaves the cluster.
 */
final class ClusterServe {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterServe.class);

  private ClusterServe() {
  }

  static int run(AppConfig config, JsonObject deployment) {
    Vertx vertx;
    try {
      vertx = ClusterSetup.start(config).await(60, TimeUnit.SECONDS);
      vertx.deployVerticle(new ServiceVerticle(), new DeploymentOptions().setConfig(deployment)).await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("serve --cluster: " + e);
      e.printStackTrace();
      return 1;
    }
    LOG.info("cluster node {} serving on {}:{}", new org.openutm.verification.cluster.SessionDirectory(vertx).nodeId(),
        config.httpHost(), config.httpPort());
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("graceful stop did not finish: {}", e.getMessage());
      }
      closed.countDown();
    }, "openutm-shutdown"));
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}

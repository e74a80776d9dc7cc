package org.openutm.verification.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * A clustered Vert.x with the Hazelcast cluster manager: {@code conf/cluster.xml} (or {@code cluster.config_file})
 * with the {@code cluster} section on top: {@code name}, {@code port} (first Hazelcast port), {@code members}
 * (TCP-IP join list), {@code host} (member and event-bus address, default 127.0.0.1), {@code heartbeat_seconds},
 * {@code failure_seconds}.
 */
public final class ClusterSetup {
  private ClusterSetup() {
  }

  public static boolean enabled(AppConfig config) {
    return config.section("cluster").getBoolean("enabled", false);
  }

  public static Future<Vertx> start(AppConfig config) {
    Config hz;
    try {
      hz = hazelcast(config);
    } catch (IOException e) {
      return Future.failedFuture(new ServiceException(ErrorCode.BAD_INPUT, "cannot read the cluster config: " + e.getMessage()));
    }
    String host = config.section("cluster").getString("host", "127.0.0.1");
    VertxOptions options = new VertxOptions().setMetricsOptions(org.openutm.verification.core.Metrics.vertxOptions())
        .setEventBusOptions(new EventBusOptions().setHost(host).setPort(0)
        .setClusterPublicHost(host));
    HazelcastClusterManager manager = new HazelcastClusterManager(hz);
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered()
        .onSuccess(vertx -> Membership.watch(vertx, manager));
  }

  /** {@code host:from-to} becomes one member per port (Hazelcast ranges only the last octet of an address). */
  static java.util.List<String> expand(JsonArray members) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Object m : members) {
      java.util.regex.Matcher r = java.util.regex.Pattern.compile("(.+):(\\d+)-(\\d+)").matcher(String.valueOf(m).trim());
      if (r.matches() && Integer.parseInt(r.group(3)) - Integer.parseInt(r.group(2)) <= 100) {
        for (int p = Integer.parseInt(r.group(2)); p <= Integer.parseInt(r.group(3)); p++) {
          out.add(r.group(1) + ":" + p);
        }
      } else {
        out.add(String.valueOf(m).trim());
      }
    }
    return out;
  }

  static Config hazelcast(AppConfig config) throws IOException {
    JsonObject c = config.section("cluster");
    Config hz;
    String file = c.getString("config_file");
    Path path = file != null ? Path.of(file) : config.path() == null ? null : config.path().resolveSibling("cluster.xml");
    if (path != null && Files.isRegularFile(path)) {
      hz = new XmlConfigBuilder(path.toString()).build();
    } else {
      try (InputStream in = ClusterSetup.class.getResourceAsStream("/cluster.xml")) {
        if (in == null) {
          throw new IOException("no cluster.xml next to the config and none bundled");
        }
        hz = new XmlConfigBuilder(in).build();
      }
    }
    if (c.getString("name") != null) {
      hz.setClusterName(c.getString("name"));
    }
    String host = c.getString("host", "127.0.0.1");
    if (c.getInteger("port") != null) {
      hz.getNetworkConfig().setPort(c.getInteger("port")).setPortAutoIncrement(true);
    }
    JoinConfig join = hz.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (c.getValue("members") instanceof JsonArray members && !members.isEmpty()) {
      join.getTcpIpConfig().setEnabled(true).setMembers(expand(members));
    }
    hz.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(java.util.List.of(host));
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(c.getInteger("heartbeat_seconds", 1)));
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(c.getInteger("failure_seconds", 5)));
    return hz;
  }
}

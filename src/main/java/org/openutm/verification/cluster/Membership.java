package org.openutm.verification.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The cluster's members as Hazelcast reports them: this node's id, the live nodes, and a push when one leaves (one
 * membership listener of our own per node, not the single node-listener slot Vert.x uses itself, and no polling).
 * Node ids are the cluster manager's (Vert.x's, kept as a member attribute), the ones the session directory stores.
 */
public final class Membership {
  /** Weak keys: a closed Vert.x takes its entry with it. */
  private static final Map<Vertx, Membership> BY_VERTX = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The member attribute vertx-hazelcast stores its node id in (HazelcastClusterManager). */
  static final String VERTX_NODE_ID = "__vertx.nodeId";

  private final HazelcastClusterManager manager;
  private final Set<Consumer<String>> onLeft = ConcurrentHashMap.newKeySet();

  private Membership(HazelcastClusterManager manager) {
    this.manager = manager;
  }

  /** Called once the clustered Vert.x is up: listens to Hazelcast's membership events. */
  static void watch(Vertx vertx, HazelcastClusterManager manager) {
    Membership m = new Membership(manager);
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        // a newcomer changes nothing a waiting request depends on
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        // Vert.x names a node by the member attribute it sets, not by Hazelcast's member UUID
        String node = event.getMember().getAttribute(VERTX_NODE_ID);
        if (node == null) {
          node = event.getMember().getUuid().toString();
        }
        String left = node;
        m.onLeft.forEach(l -> l.accept(left));
      }
    });
    BY_VERTX.put(vertx, m);
  }

  /** The membership of a clustered Vert.x this process started, else null. */
  public static Membership of(Vertx vertx) {
    return BY_VERTX.get(vertx);
  }

  public String nodeId() {
    return manager.getNodeId();
  }

  public List<String> nodes() {
    return manager.getNodes();
  }

  /** Calls {@code listener} (on a Hazelcast thread) with the id of each node that leaves; the returned task stops it. */
  public Runnable onLeft(Consumer<String> listener) {
    onLeft.add(listener);
    return () -> onLeft.remove(listener);
  }
}

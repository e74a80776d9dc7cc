package org.openutm.verification.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * Which node owns each session: a cluster-wide map (Hazelcast, one backup) of session id -> node id, written by the
 * owner's session verticle when it creates or drops a session. It lists sessions across the cluster and turns "no
 * handler for this session" into a clear answer: 410 "session lost: node X left" when the owner is gone, 404 when
 * there never was such a session. Without a cluster it is a local map and the node is "local".
 */
public final class SessionDirectory {
  static final String MAP = "openutm.sessions";
  private final Vertx vertx;
  private Future<AsyncMap<String, String>> map;

  public SessionDirectory(Vertx vertx) {
    this.vertx = vertx;
  }

  public String nodeId() {
    Membership m = Membership.of(vertx);
    return m == null ? "local" : m.nodeId();
  }

  public List<String> nodes() {
    Membership m = Membership.of(vertx);
    return m == null ? List.of("local") : m.nodes();
  }

  private Future<AsyncMap<String, String>> map() {
    if (map == null) {
      map = vertx.sharedData().getAsyncMap(MAP);
    }
    return map;
  }

  public Future<Void> put(String sessionId) {
    return map().compose(m -> m.put(sessionId, nodeId()));
  }

  public Future<Void> remove(String sessionId) {
    return map().compose(m -> m.remove(sessionId)).mapEmpty();
  }

  /** Why {@code sessionId} has no handler: 410 naming the node that left, or 404. */
  public Future<ServiceException> explain(String sessionId) {
    return map().compose(m -> m.get(sessionId)).map(node -> {
      if (node != null && !nodes().contains(node)) {
        return lost(sessionId, node);
      }
      return ServiceException.notFound("session", "no session '" + sessionId + "'");
    }).otherwise(t -> ServiceException.notFound("session", "no session '" + sessionId + "'"));
  }

  /**
   * {@code request} to a session, failed with 410 as soon as Hazelcast reports the session's owner gone (clustered
   * only): a join or step waiting on a node that dies does not wait for its own timeout.
   */
  public <T> Future<T> guard(String sessionId, Future<T> request) {
    Membership members = Membership.of(vertx);
    if (members == null || org.openutm.verification.core.Addresses.DEFAULT_SESSION.equals(sessionId)) {
      return request;
    }
    io.vertx.core.Context context = vertx.getOrCreateContext();
    io.vertx.core.Promise<T> out = io.vertx.core.Promise.promise();
    Runnable[] stop = {() -> { }};
    map().compose(m -> m.get(sessionId)).onSuccess(owner -> {
      if (owner == null || out.future().isComplete()) {
        return;
      }
      // listen first, then look: a node that left in between is seen by one or the other
      stop[0] = members.onLeft(node -> {
        if (node.equals(owner)) {
          context.runOnContext(v -> out.tryFail(lost(sessionId, owner)));
        }
      });
      if (!members.nodes().contains(owner)) {
        out.tryFail(lost(sessionId, owner));
      }
      if (out.future().isComplete()) {
        stop[0].run();
      }
    });
    request.onComplete(ar -> {
      if (ar.succeeded()) {
        out.tryComplete(ar.result());
      } else {
        out.tryFail(ar.cause());
      }
    });
    return out.future().onComplete(ar -> stop[0].run());
  }

  private static ServiceException lost(String sessionId, String node) {
    return new ServiceException(ErrorCode.GONE, "session lost: node " + node + " left the cluster",
        new JsonObject().put("field", "session").put("session_id", sessionId).put("node", node));
  }

  /** {enabled, node_id, nodes: [{node_id, sessions, this}], lost_sessions}: the live nodes and their session counts. */
  public Future<JsonObject> describe() {
    List<String> live = nodes();
    return map().compose(AsyncMap::entries).map(entries -> {
      Map<String, Integer> counts = new TreeMap<>();
      live.forEach(n -> counts.put(n, 0));
      int lost = 0;
      for (String node : entries.values()) {
        if (counts.containsKey(node)) {
          counts.merge(node, 1, Integer::sum);
        } else {
          lost++;
        }
      }
      JsonArray nodes = new JsonArray();
      counts.forEach((n, c) -> nodes.add(new JsonObject().put("node_id", n).put("sessions", c).put("this", n.equals(nodeId()))));
      return new JsonObject().put("enabled", vertx.isClustered()).put("node_id", nodeId()).put("nodes", nodes)
          .put("lost_sessions", lost);
    });
  }
}

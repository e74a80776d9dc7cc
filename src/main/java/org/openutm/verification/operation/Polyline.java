package org.openutm.verification.operation;

import java.util.List;

/** A [lon, lat] polyline with its leg lengths: the point at a distance along it, and the heading there. */
public final class Polyline {
  private final List<double[]> points;
  private final double[] legs;
  private final double length;

  /** A point on the line: position, and the leg it lies on (from -> to). */
  public record At(double lon, double lat, double[] from, double[] to) {
  }

  public Polyline(List<double[]> points) {
    this.points = points;
    this.legs = new double[points.size() - 1];
    double total = 0;
    for (int i = 0; i < legs.length; i++) {
      legs[i] = Generators.distance(points.get(i), points.get(i + 1));
      total += legs[i];
    }
    this.length = total;
  }

  public double length() {
    return length;
  }

  /** The point {@code distance} metres from the start (clamped to the line). */
  public At at(double distance) {
    double d = Math.max(0, Math.min(length, distance));
    int leg = 0;
    while (leg < legs.length - 1 && d > legs[leg]) {
      d -= legs[leg];
      leg++;
    }
    double f = legs[leg] == 0 ? 0 : Math.min(1, d / legs[leg]);
    double[] a = points.get(leg);
    double[] b = points.get(leg + 1);
    return new At(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a, b);
  }
}

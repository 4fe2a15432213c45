package io.millstone.client.core;

import java.util.List;

/**
 * What a posting will do, said before it is done: the question ("Post tax invoice INV-2026-00042
 * dated 07/12/2026 for ৳ 1,15,000.00?") and the lines or facts it posts.
 */
public record PostingSummary(String title, String question, List<String> details) {
  public PostingSummary {
    details = List.copyOf(details);
  }
}

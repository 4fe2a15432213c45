package io.millstone.client.core.list;

import java.util.List;

/**
 * One page of a server-side list: its rows, the token of the next page (empty on the last) and the
 * total number of matching rows (-1 when the server does not know cheaply).
 */
public record Page<T>(List<T> rows, String nextToken, long totalSize) {
  public boolean isLast() {
    return nextToken == null || nextToken.isEmpty();
  }
}

package io.millstone.client.core.list;

/** Fetches pages of one list from the server. Called off the UI thread. */
@FunctionalInterface
public interface PageSource<T> {
  Page<T> fetch(Query query, String pageToken, int pageSize) throws Exception;

  /** What the person asked to see: the quick filter's text and the sort (empty for default). */
  record Query(String filter, String orderBy) {
    public static final Query ALL = new Query("", "");
  }
}

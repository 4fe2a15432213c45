package io.millstone.client.core.list;

import java.util.List;

/** Where a person's named quick filters live (on the server). Blocking; call off the UI thread. */
public interface SavedSearchStore {
  record Saved(String id, String name, String filter, String orderBy) {
    @Override
    public String toString() {
      return name;
    }
  }

  List<Saved> list(String screen) throws Exception;

  Saved save(String screen, String name, String filter, String orderBy) throws Exception;

  void delete(String id) throws Exception;
}

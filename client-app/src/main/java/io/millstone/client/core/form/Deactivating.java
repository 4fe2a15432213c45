package io.millstone.client.core.form;

/**
 * A kind of record that can be deactivated: it stays readable and in its documents, but is no
 * longer offered for new use. Blocks; called off the UI thread.
 */
public interface Deactivating<T> {
  /** Deactivates the record, sending the version read with it. */
  T deactivate(T record) throws Exception;

  boolean isActive(T record);
}

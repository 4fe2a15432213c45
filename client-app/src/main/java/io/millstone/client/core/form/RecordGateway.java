package io.millstone.client.core.form;

import java.util.Map;

/**
 * How a form reads and writes one kind of record on the server. Values travel as text keyed by the
 * server's field names ({@code code}, {@code default_sale_price.amount}), so the server's field
 * violations land on the right field. Every method blocks and is called off the UI thread.
 */
public interface RecordGateway<T> {
  T get(String id) throws Exception;

  /** Creates the record; the key makes a retried create return the same record. */
  T create(Map<String, String> values, String idempotencyKey) throws Exception;

  /** Updates the record, sending the version read with {@code original}. */
  T update(T original, Map<String, String> values) throws Exception;

  Map<String, String> valuesOf(T record);

  String idOf(T record);

  /** How a person names the record: its code, or code and name. */
  String titleOf(T record);
}

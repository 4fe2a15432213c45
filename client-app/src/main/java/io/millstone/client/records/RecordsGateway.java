package io.millstone.client.records;

import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.Note;
import io.millstone.api.records.v1.RecordPanel;
import io.millstone.api.records.v1.SearchHit;
import io.millstone.client.remote.RemoteException;
import java.util.List;

/** Finding records and their side panels on the server (SearchService, RecordService). */
public interface RecordsGateway {
  List<SearchHit> search(String query, int limit) throws RemoteException;

  RecordPanel panel(String kind, String id) throws RemoteException;

  Note addNote(String kind, String id, String body) throws RemoteException;

  /** Sends the file in pieces; the server checks its size and type. */
  Attachment upload(String kind, String id, String fileName, byte[] content)
      throws RemoteException, InterruptedException;

  /** The attachment's bytes. */
  byte[] download(String kind, String id, String attachmentId) throws RemoteException;
}

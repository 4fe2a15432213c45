package io.millstone.client.remote;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.millstone.api.records.v1.AddNoteRequest;
import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.AttachmentChunk;
import io.millstone.api.records.v1.DownloadAttachmentRequest;
import io.millstone.api.records.v1.GetPanelRequest;
import io.millstone.api.records.v1.Note;
import io.millstone.api.records.v1.RecordPanel;
import io.millstone.api.records.v1.RecordRef;
import io.millstone.api.records.v1.RecordServiceGrpc;
import io.millstone.api.records.v1.SearchHit;
import io.millstone.api.records.v1.SearchRequest;
import io.millstone.api.records.v1.SearchServiceGrpc;
import io.millstone.client.records.RecordsGateway;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Search and the records' side panels on the server (SearchService, RecordService). */
public final class Records implements RecordsGateway {
  private static final int CHUNK = 1024 * 1024;
  private final Session session;

  public Records(Session session) {
    this.session = session;
  }

  private SearchServiceGrpc.SearchServiceBlockingStub search() {
    return session.stub(SearchServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private RecordServiceGrpc.RecordServiceBlockingStub records() {
    return session.stub(RecordServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  private static RecordRef ref(String kind, String id) {
    return RecordRef.newBuilder().setKind(kind).setId(id).build();
  }

  @Override
  public List<SearchHit> search(String query, int limit) throws RemoteException {
    return Calls.call(
            () ->
                search().search(SearchRequest.newBuilder().setQuery(query).setLimit(limit).build()))
        .getHitsList();
  }

  @Override
  public RecordPanel panel(String kind, String id) throws RemoteException {
    return Calls.call(
        () -> records().getPanel(GetPanelRequest.newBuilder().setRecord(ref(kind, id)).build()));
  }

  @Override
  public Note addNote(String kind, String id, String body) throws RemoteException {
    return Calls.call(
        () ->
            records()
                .addNote(
                    AddNoteRequest.newBuilder().setRecord(ref(kind, id)).setBody(body).build()));
  }

  @Override
  public Attachment upload(String kind, String id, String fileName, byte[] content)
      throws RemoteException, InterruptedException {
    CompletableFuture<Attachment> done = new CompletableFuture<>();
    StreamObserver<AttachmentChunk> out =
        session
            .stub(RecordServiceGrpc.newStub(session.connection().channel()))
            .uploadAttachment(
                new StreamObserver<>() {
                  @Override
                  public void onNext(Attachment value) {
                    done.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    done.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    done.completeExceptionally(
                        new IllegalStateException("the server answered no attachment"));
                  }
                });
    int from = 0;
    do {
      if (done.isDone()) {
        break; // refused early (too large, no such record): the answer says why
      }
      int to = Math.min(content.length, from + CHUNK);
      AttachmentChunk.Builder c =
          AttachmentChunk.newBuilder().setData(ByteString.copyFrom(content, from, to - from));
      if (from == 0) {
        c.setRecord(ref(kind, id)).setFileName(fileName);
      }
      out.onNext(c.build());
      from = to;
    } while (from < content.length);
    out.onCompleted();
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException s) {
        throw StatusTranslator.translate(s, false);
      }
      throw new RemoteException(RemoteException.Kind.UNAVAILABLE, e.getCause().getMessage());
    }
  }

  @Override
  public byte[] download(String kind, String id, String attachmentId) throws RemoteException {
    return Calls.call(
        () -> {
          Iterator<AttachmentChunk> chunks =
              records()
                  .downloadAttachment(
                      DownloadAttachmentRequest.newBuilder()
                          .setRecord(ref(kind, id))
                          .setAttachmentId(attachmentId)
                          .build());
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          while (chunks.hasNext()) {
            bytes.writeBytes(chunks.next().getData().toByteArray());
          }
          return bytes.toByteArray();
        });
  }
}

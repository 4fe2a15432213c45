package io.millstone.server.records;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.millstone.api.records.v1.AddNoteRequest;
import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.AttachmentChunk;
import io.millstone.api.records.v1.DownloadAttachmentRequest;
import io.millstone.api.records.v1.GetPanelRequest;
import io.millstone.api.records.v1.HistoryEntry;
import io.millstone.api.records.v1.Note;
import io.millstone.api.records.v1.RecordPanel;
import io.millstone.api.records.v1.RecordRef;
import io.millstone.api.records.v1.RecordServiceGrpc;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.error.InvalidInputException;
import java.io.ByteArrayOutputStream;

/**
 * Adapter from the RecordService contract to {@link RecordPanels}. An upload is checked as it
 * arrives: the record and the caller with its first message, the size with every piece, so a file
 * above the limit is refused without the server holding more of it than the limit.
 */
public final class RecordGrpcService extends RecordServiceGrpc.RecordServiceImplBase {
  static final int CHUNK = 1024 * 1024;

  private final RecordPanels panels;

  public RecordGrpcService(RecordPanels panels) {
    this.panels = panels;
  }

  @Override
  public void getPanel(GetPanelRequest req, StreamObserver<RecordPanel> responses) {
    RecordPanels.Panel p =
        panels.panel(GatewayContext.actor(), req.getRecord().getKind(), req.getRecord().getId());
    RecordPanel.Builder out =
        RecordPanel.newBuilder()
            .setRecord(RecordRef.newBuilder().setKind(p.kind()).setId(p.id().toString()))
            .setMaxAttachmentBytes(panels.maxBytes());
    p.notes().forEach(n -> out.addNotes(note(n)));
    p.attachments().forEach(a -> out.addAttachments(attachment(a)));
    for (RecordPanels.HistoryEntry h : p.history()) {
      out.addHistory(
          HistoryEntry.newBuilder()
              .setOccurredAt(ProtoValues.timestamp(h.occurredAt()))
              .setActor(h.actor())
              .setAction(h.action())
              .setSummary(h.summary()));
    }
    responses.onNext(out.build());
    responses.onCompleted();
  }

  @Override
  public void addNote(AddNoteRequest req, StreamObserver<Note> responses) {
    responses.onNext(
        note(
            panels.addNote(
                GatewayContext.actor(),
                req.getRecord().getKind(),
                req.getRecord().getId(),
                req.getBody())));
    responses.onCompleted();
  }

  @Override
  public StreamObserver<AttachmentChunk> uploadAttachment(StreamObserver<Attachment> responses) {
    Actor actor = GatewayContext.actor();
    return new StreamObserver<>() {
      private RecordRef record;
      private String fileName;
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      // Once refused, the call is closed: what the client still sends is dropped, not stored.
      private boolean refused;

      @Override
      public void onNext(AttachmentChunk chunk) {
        if (refused) {
          return;
        }
        try {
          take(chunk);
        } catch (RuntimeException e) {
          refused = true;
          throw e;
        }
      }

      private void take(AttachmentChunk chunk) {
        if (record == null) {
          if (!chunk.hasRecord()) {
            throw InvalidInputException.of("record", "is required in the first message");
          }
          fileName = RecordPanels.fileName(chunk.getFileName());
          panels.startUpload(actor, chunk.getRecord().getKind(), chunk.getRecord().getId());
          record = chunk.getRecord();
        }
        panels.tooLarge(fileName, (long) bytes.size() + chunk.getData().size());
        bytes.writeBytes(chunk.getData().toByteArray());
      }

      @Override
      public void onError(Throwable t) {
        // The client gave up; nothing was stored.
      }

      @Override
      public void onCompleted() {
        if (refused) {
          return;
        }
        if (record == null) {
          throw InvalidInputException.of("record", "is required: the upload sent nothing");
        }
        responses.onNext(
            attachment(
                panels.attach(
                    actor, record.getKind(), record.getId(), fileName, bytes.toByteArray())));
        responses.onCompleted();
      }
    };
  }

  @Override
  public void downloadAttachment(
      DownloadAttachmentRequest req, StreamObserver<AttachmentChunk> responses) {
    RecordPanels.File f =
        panels.download(
            GatewayContext.actor(),
            req.getRecord().getKind(),
            req.getRecord().getId(),
            req.getAttachmentId());
    byte[] content = f.content();
    int from = 0;
    do {
      int to = Math.min(content.length, from + CHUNK);
      AttachmentChunk.Builder c =
          AttachmentChunk.newBuilder().setData(ByteString.copyFrom(content, from, to - from));
      if (from == 0) {
        c.setRecord(req.getRecord()).setAttachment(attachment(f.attachment()));
      }
      responses.onNext(c.build());
      from = to;
    } while (from < content.length);
    responses.onCompleted();
  }

  private static Note note(RecordPanels.Note n) {
    return Note.newBuilder()
        .setId(n.id().toString())
        .setBody(n.body())
        .setAuthor(n.author())
        .setCreatedAt(ProtoValues.timestamp(n.createdAt()))
        .build();
  }

  private static Attachment attachment(RecordPanels.Attachment a) {
    return Attachment.newBuilder()
        .setId(a.id().toString())
        .setFileName(a.fileName())
        .setContentType(a.contentType())
        .setSizeBytes(a.sizeBytes())
        .setAuthor(a.author())
        .setCreatedAt(ProtoValues.timestamp(a.createdAt()))
        .build();
  }
}

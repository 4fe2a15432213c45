package io.millstone.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.millstone.api.records.v1.AddNoteRequest;
import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.AttachmentChunk;
import io.millstone.api.records.v1.RecordRef;
import io.millstone.api.records.v1.RecordServiceGrpc;
import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record's attachments and notes live in the database, so a backup restored keeps them. */
class AttachmentBackupTest {
  @TempDir Path dir;

  @Test
  void aRestoredBackupKeepsAnAttachmentByteForByteAndItsNote() throws Exception {
    DatabaseSettings own = RestoreRefusalTest.emptyDatabase();
    MillstoneConfig config =
        TestPlatform.config(dir.resolve("own"))
            .dbUrl(own.jdbcUrl())
            .dbOwnerPassword(own.ownerPassword())
            .dbPassword(own.runtimePassword())
            .redisUrl(TestPlatform.get().redisUrl())
            .build();
    byte[] pdf =
        ("%PDF-1.4\n% the grower's signed contract\n" + "x".repeat(3000) + "\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (Platform platform = Platform.start(config, MillstoneServer.entities(), null);
        TestServer t = new TestServer(platform)) {
      UUID company = t.createCompany("Backup Mill " + t.unique("b")).id();
      String admin = t.createUser(company, t.fresh("admin"), "admin");
      String token = t.login(admin, TestServer.PASSWORD).getSessionToken();
      String customer =
          MasterdataFixtures.of(t.channel(), token).customer("C-1", "Kept customer").getId();
      RecordRef ref = RecordRef.newBuilder().setKind("customer").setId(customer).build();
      TestServer.withToken(token, RecordServiceGrpc.newBlockingStub(t.channel()))
          .addNote(AddNoteRequest.newBuilder().setRecord(ref).setBody("kept note").build());
      CompletableFuture<Attachment> done = new CompletableFuture<>();
      StreamObserver<AttachmentChunk> out =
          TestServer.withToken(token, RecordServiceGrpc.newStub(t.channel()))
              .uploadAttachment(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(Attachment a) {
                      done.complete(a);
                    }

                    @Override
                    public void onError(Throwable e) {
                      done.completeExceptionally(e);
                    }

                    @Override
                    public void onCompleted() {}
                  });
      out.onNext(
          AttachmentChunk.newBuilder()
              .setRecord(ref)
              .setFileName("contract.pdf")
              .setData(ByteString.copyFrom(pdf))
              .build());
      out.onCompleted();
      done.get(60, TimeUnit.SECONDS);
    }
    Path backup = dir.resolve("backup.zip");
    BackupWriter.write(own, dir.resolve("data"), backup);

    DatabaseSettings empty = RestoreRefusalTest.emptyDatabase();
    Restorer.restore(empty, dir.resolve("restored"), backup);

    try (Connection c = Database.ownerDataSource(empty).getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT file_name, content_type, content FROM record_attachment")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("contract.pdf");
        assertThat(rs.getString(2)).isEqualTo("application/pdf");
        assertThat(rs.getBytes(3)).isEqualTo(pdf);
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = st.executeQuery("SELECT body FROM record_note")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept note");
      }
    }
  }
}

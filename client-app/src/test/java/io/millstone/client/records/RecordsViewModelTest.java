package io.millstone.client.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Date;
import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.HistoryEntry;
import io.millstone.api.records.v1.Note;
import io.millstone.api.records.v1.RecordPanel;
import io.millstone.api.records.v1.RecordRef;
import io.millstone.api.records.v1.SearchHit;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsViewModelTest {
  final Messages messages = new Messages(Messages.ENGLISH);
  final Map<String, String> prefs = new HashMap<>();
  final RecentItems recent =
      new RecentItems("srv.mill.clerk", k -> prefs.getOrDefault(k, ""), prefs::put);
  @TempDir Path dir;

  /** A server of one customer, its notes and files, that refuses what the real one refuses. */
  final class FakeRecords implements RecordsGateway {
    final List<Note> notes = new ArrayList<>();
    final List<Attachment> files = new ArrayList<>();
    final List<String> searched = new ArrayList<>();

    @Override
    public List<SearchHit> search(String query, int limit) {
      searched.add(query);
      return List.of(
          SearchHit.newBuilder()
              .setRecord(RecordRef.newBuilder().setKind("sales_order").setId("o1"))
              .setReference("SO-2026-00042")
              .setTitle("Rahman Traders")
              .setDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(3))
              .setAmount("128000.0000")
              .setState("CONFIRMED")
              .build());
    }

    @Override
    public RecordPanel panel(String kind, String id) {
      return RecordPanel.newBuilder()
          .setMaxAttachmentBytes(10)
          .addAllNotes(notes)
          .addAllAttachments(files)
          .addHistory(HistoryEntry.newBuilder().setActor("admin").setAction("x.create"))
          .build();
    }

    @Override
    public Note addNote(String kind, String id, String body) {
      Note n = Note.newBuilder().setBody(body).setAuthor("clerk").build();
      notes.add(n);
      return n;
    }

    @Override
    public Attachment upload(String kind, String id, String fileName, byte[] content)
        throws RemoteException {
      if (content.length == 0) {
        throw new RemoteException(
            RemoteException.Kind.BUSINESS_RULE, "The file " + fileName + " is empty.");
      }
      Attachment a = Attachment.newBuilder().setFileName(fileName).build();
      files.add(a);
      return a;
    }

    @Override
    public byte[] download(String kind, String id, String attachmentId) {
      return new byte[] {1, 2, 3};
    }
  }

  @Test
  void aHitReadsAsItsKindNumberAndOneLine() {
    FakeRecords gateway = new FakeRecords();
    SearchViewModel vm = new SearchViewModel(gateway, new DirectExecutor(), messages, recent);
    vm.queryProperty().set("  SO-2026-00042 ");
    vm.search();
    assertThat(gateway.searched).containsExactly("SO-2026-00042");
    assertThat(vm.rows()).hasSize(1);
    SearchViewModel.Row r = vm.rows().get(0);
    assertThat(r.kindLabel()).isEqualTo("Sales order");
    assertThat(r.summary()).startsWith("Rahman Traders  ·  ").contains("CONFIRMED");
    assertThat(vm.headingProperty().get()).isEqualTo("1 found for \u201cSO-2026-00042\u201d");
  }

  @Test
  void oneCharacterIsNotSentAndNothingTypedShowsTheRecentlyOpened() {
    FakeRecords gateway = new FakeRecords();
    SearchViewModel vm = new SearchViewModel(gateway, new DirectExecutor(), messages, recent);
    assertThat(vm.headingProperty().get()).startsWith("Nothing opened yet");
    vm.queryProperty().set("S");
    vm.search();
    assertThat(gateway.searched).isEmpty();
    assertThat(vm.getMessage()).isEqualTo("Type at least 2 characters.");

    vm.queryProperty().set("rahman");
    vm.search();
    vm.opened(vm.rows().get(0));
    vm.queryProperty().set("");
    vm.search();
    assertThat(vm.headingProperty().get()).isEqualTo("Recently opened");
    assertThat(vm.rows())
        .extracting(SearchViewModel.Row::reference)
        .containsExactly("SO-2026-00042");
  }

  @Test
  void theRecentListKeepsTheNewestFirstOnceEachAndAtMostTwelve() {
    for (int i = 0; i < 15; i++) {
      recent.opened(new RecentItems.Item("item", "id" + i, "I-" + i, "Item\t" + i));
    }
    recent.opened(new RecentItems.Item("item", "id5", "I-5", "Item 5"));
    List<RecentItems.Item> items = recent.items();
    assertThat(items).hasSize(RecentItems.MAX);
    assertThat(items.get(0).reference()).isEqualTo("I-5");
    assertThat(items.get(1).reference()).isEqualTo("I-14");
    assertThat(items).extracting(RecentItems.Item::id).doesNotHaveDuplicates();
    assertThat(new RecentItems("other.user", k -> prefs.getOrDefault(k, ""), prefs::put).items())
        .as("another person's list is their own")
        .isEmpty();
  }

  @Test
  void anEmptyNoteIsRefusedBesideTheBoxAndAGoodOneJoinsTheList() {
    FakeRecords gateway = new FakeRecords();
    RecordPanelViewModel vm =
        new RecordPanelViewModel(gateway, new DirectExecutor(), messages, "customer", "c1", true);
    vm.load();
    assertThat(vm.history()).hasSize(1);
    vm.noteTextProperty().set("   ");
    vm.addNote();
    assertThat(vm.noteErrorProperty().get()).isEqualTo("Write something first.");
    assertThat(gateway.notes).isEmpty();

    vm.noteTextProperty().set("Call before delivery");
    vm.addNote();
    assertThat(vm.notes()).extracting(Note::getBody).containsExactly("Call before delivery");
    assertThat(vm.noteTextProperty().get()).isEmpty();
    assertThat(vm.noteErrorProperty().get()).isEmpty();
  }

  @Test
  void aFileAboveTheLimitIsRefusedBeforeItIsSentAndAnEmptyOneByTheServer() throws Exception {
    FakeRecords gateway = new FakeRecords();
    RecordPanelViewModel vm =
        new RecordPanelViewModel(gateway, new DirectExecutor(), messages, "customer", "c1", true);
    vm.load();
    Path big = Files.write(dir.resolve("scan.pdf"), new byte[11]);
    vm.attach(big);
    assertThat(vm.fileErrorProperty().get())
        .isEqualTo(
            "The file scan.pdf is larger than 10 bytes, the most an attachment may be; it was not"
                + " attached.");
    assertThat(gateway.files).isEmpty();

    vm.attach(Files.write(dir.resolve("blank.txt"), new byte[0]));
    assertThat(vm.fileErrorProperty().get()).isEqualTo("The file blank.txt is empty.");

    vm.attach(Files.write(dir.resolve("ok.txt"), new byte[] {'h', 'i'}));
    assertThat(vm.attachments()).extracting(Attachment::getFileName).containsExactly("ok.txt");
    assertThat(vm.fileErrorProperty().get()).isEmpty();
  }
}

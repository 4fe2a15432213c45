package io.millstone.client.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.inventory.v1.Move;
import io.millstone.api.inventory.v1.OnHand;
import io.millstone.api.inventory.v1.StockMovement;
import io.millstone.client.core.Messages;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.list.Page;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockMoveViewModelTest {

  /** Books 32 t of lime and 10 t of sugar in the stores; remembers what was sent. */
  static final class Stores implements StockGateway {
    final List<List<LineInput>> sent = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    RemoteException refusal;

    @Override
    public Page<OnHand> onHand(String item, String warehouse, String token, int size) {
      return new Page<>(List.of(), "", 0);
    }

    @Override
    public Page<Move> moves(String item, String warehouse) {
      return new Page<>(List.of(), "", 0);
    }

    @Override
    public List<String> warehouses() {
      return List.of("GODOWN", "STORES");
    }

    @Override
    public List<OnHand> booked(String warehouse) {
      return List.of(line("LIME", "32"), line("SUG-L30", "10"));
    }

    static OnHand line(String item, String qty) {
      return OnHand.newBuilder()
          .setItemCode(item)
          .setWarehouseCode("STORES")
          .setUnitCode("t")
          .setQuantity(Decimal.newBuilder().setValue(qty))
          .build();
    }

    private StockMovement send(List<LineInput> lines, String key) throws RemoteException {
      if (refusal != null) {
        throw refusal;
      }
      sent.add(lines);
      keys.add(key);
      return StockMovement.newBuilder().addMoves(Move.getDefaultInstance()).build();
    }

    @Override
    public StockMovement transfer(
        String from, String to, List<LineInput> lines, String reference, String key)
        throws RemoteException {
      return send(lines, key);
    }

    @Override
    public StockMovement count(
        String warehouse, List<LineInput> counted, String reference, String key)
        throws RemoteException {
      return send(counted, key);
    }
  }

  private final Stores stores = new Stores();
  private final Messages messages = new Messages(Messages.ENGLISH);

  private StockMoveViewModel vm(StockMoveViewModel.Kind kind) {
    StockMoveViewModel vm =
        new StockMoveViewModel(kind, stores, new DirectExecutor(), messages, (t, x) -> {});
    vm.start();
    return vm;
  }

  @Test
  void aCountStartsFromTheBooksAndPostsWhatWasCountedWithTheDifferencesPreviewed() {
    StockMoveViewModel vm = vm(StockMoveViewModel.Kind.COUNT);
    vm.warehouseProperty().set("STORES");
    vm.loadBooked();
    assertThat(vm.lines()).extracting(l -> l.quantityProperty().get()).containsExactly("32", "10");

    vm.lines().get(0).quantityProperty().set("31");
    PostingSummary s = vm.summary();
    assertThat(s.details()).containsExactly("LIME: books 32, counted 31, adjustment -1");

    vm.post();
    assertThat(stores.sent)
        .singleElement()
        .satisfies(
            lines ->
                assertThat(lines)
                    .extracting(StockGateway.LineInput::quantity)
                    .containsExactly(new BigDecimal("31"), new BigDecimal("10")));
  }

  @Test
  void aTransferToTheSameWarehouseIsRefusedBeforeSendingAndTheServersRefusalGoesBesideTheLine() {
    StockMoveViewModel vm = vm(StockMoveViewModel.Kind.TRANSFER);
    vm.warehouseProperty().set("GODOWN");
    vm.toWarehouseProperty().set("GODOWN");
    vm.lines().get(0).itemProperty().set("SUG-L30");
    vm.lines().get(0).quantityProperty().set("500");
    assertThat(vm.summary()).isNull();
    assertThat(vm.toWarehouseErrorProperty().get())
        .isEqualTo(messages.get("stock.move.sameWarehouse"));

    vm.toWarehouseProperty().set("STORES");
    stores.refusal =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "bad",
            "",
            Map.of(
                "lines[0].quantity", "is more than the 96 t of SUG-L30 on hand in Sugar godown"));
    vm.post();
    assertThat(vm.lines().get(0).errorProperty().get())
        .isEqualTo("is more than the 96 t of SUG-L30 on hand in Sugar godown");
    assertThat(vm.getMessage()).isEqualTo(messages.get("form.fixFields"));

    // a refused post keeps its key for the retry; each posted movement has a key of its own
    stores.refusal = null;
    vm.lines().get(0).quantityProperty().set("10");
    vm.post();
    vm.lines().get(0).itemProperty().set("SUG-L30");
    vm.lines().get(0).quantityProperty().set("1");
    vm.post();
    assertThat(stores.keys).hasSize(2).doesNotHaveDuplicates();
  }
}

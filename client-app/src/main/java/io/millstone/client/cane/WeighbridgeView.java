package io.millstone.client.cane;

import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The weighbridge ticket screen, for a clerk with a queue of trucks and no mouse: F2 a loaded truck
 * (permit, grower, vehicle, weight), F3 the queue (pick a truck, Enter, weight); Enter in the
 * weight field takes the scale's stable weight and Enter again records it; Ctrl+Enter records from
 * anywhere. The live weight stands large with its stable flag; the ticket number of the last
 * weighing stands large for the printed slip.
 */
public final class WeighbridgeView extends BorderPane {
  public static final KeyCombination RECORD =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination PRINT =
      new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

  private final WeighbridgeViewModel vm;
  private final TextField permit = new TextField();
  private final TextField weight = new TextField();
  private final TableView<WeighbridgeTicket> queue = new TableView<>();
  private final Timeline poll;
  private javafx.scene.Node slipNode;

  public WeighbridgeView(
      WeighbridgeViewModel vm, Messages m, io.millstone.client.core.DialogService dialogs) {
    this.vm = vm;
    setId("weighbridgeView");

    // ---- top: centre, bridge, mode ----
    ComboBox<String> centre = new ComboBox<>(vm.centres());
    centre.setId("wbCentre");
    centre.valueProperty().bindBidirectional(vm.centreProperty());
    centre.setFocusTraversable(false);
    TextField machine = new TextField();
    machine.setId("wbMachine");
    machine.setPrefColumnCount(9);
    machine.textProperty().bindBidirectional(vm.machineProperty());
    machine.setFocusTraversable(false);
    Button in = new Button(m.get("cane.wb.modeIn"));
    in.setId("wbModeIn");
    in.setFocusTraversable(false);
    in.setOnAction(e -> newTruck());
    Button out = new Button(m.get("cane.wb.modeOut"));
    out.setId("wbModeOut");
    out.setFocusTraversable(false);
    out.setOnAction(e -> weighOut());
    vm.modeProperty()
        .addListener(
            (o, a, b) -> {
              in.getStyleClass().remove(atlantafx.base.theme.Styles.ACCENT);
              out.getStyleClass().remove(atlantafx.base.theme.Styles.ACCENT);
              (b == WeighbridgeViewModel.Mode.IN ? in : out)
                  .getStyleClass()
                  .add(atlantafx.base.theme.Styles.ACCENT);
            });
    in.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    HBox top =
        new HBox(
            10,
            Ui.title(m.get("cane.wb.title")),
            new Label(m.get("cane.wb.centre")),
            centre,
            new Label(m.get("cane.wb.bridge")),
            machine,
            in,
            out);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(10, 12, 6, 12));
    setTop(top);

    // ---- the live scale ----
    Label live = new Label();
    live.setId("wbLiveWeight");
    live.textProperty().bind(vm.liveTextProperty());
    live.setStyle("-fx-font-size: 60px; -fx-font-weight: bold;");
    live.setMinWidth(Label.USE_PREF_SIZE);
    Label stable = new Label();
    stable.setId("wbStable");
    stable.textProperty().bind(vm.liveStateProperty());
    stable.getStyleClass().add(Styles.TAG_CHIP);
    stable.setStyle("-fx-font-size: 16px; -fx-padding: 4 12 4 12;");
    Runnable chip =
        () -> {
          stable.getStyleClass().removeAll("ms-tag-normal", "ms-tag-low", "ms-tag-stale");
          stable
              .getStyleClass()
              .add(
                  vm.liveKgProperty().get() == null
                      ? "ms-tag-stale"
                      : vm.liveStableProperty().get() ? "ms-tag-normal" : "ms-tag-low");
        };
    vm.liveKgProperty().addListener((o, a, b) -> chip.run());
    vm.liveStableProperty().addListener((o, a, b) -> chip.run());
    chip.run();
    VBox scale = new VBox(4, Ui.muted(m.get("cane.wb.live")), live, stable);
    scale.getStyleClass().add(Styles.MACHINE_CARD);
    scale.setPadding(new Insets(10, 16, 12, 16));

    // ---- the form ----
    permit.setId("wbPermit");
    permit.setPrefColumnCount(12);
    permit.textProperty().bindBidirectional(vm.permitProperty());
    TextField grower = new TextField();
    grower.setId("wbGrower");
    grower.setPrefColumnCount(12);
    grower.textProperty().bindBidirectional(vm.growerProperty());
    TextField vehicle = new TextField();
    vehicle.setId("wbVehicle");
    vehicle.setPrefColumnCount(12);
    vehicle.textProperty().bindBidirectional(vm.vehicleProperty());
    weight.setId("wbWeight");
    weight.setPrefColumnCount(7);
    weight.setAlignment(Pos.CENTER_RIGHT);
    weight.setStyle("-fx-font-size: 20px;");
    weight.textProperty().bindBidirectional(vm.weightProperty());
    TextField reason = new TextField();
    reason.setId("wbReason");
    reason.setPrefColumnCount(16);
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    reason.disableProperty().bind(vm.manualBinding().not());
    reason
        .promptTextProperty()
        .bind(Bindings.when(vm.manualBinding()).then(m.get("cane.wb.reasonPrompt")).otherwise(""));
    Label source = new Label();
    source.setId("wbSource");
    source
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    switch (vm.sourceProperty().get()) {
                      case WEIGHT_SOURCE_MANUAL -> m.get("cane.wb.manualMark");
                      case WEIGHT_SOURCE_SCALE -> m.get("cane.wb.scaleMark");
                      default -> m.get("cane.wb.enterTakes");
                    },
                vm.sourceProperty()));
    vm.sourceProperty()
        .addListener(
            (o, a, b) -> {
              source.getStyleClass().removeAll("ms-tag-chip", "ms-tag-high", "ms-tag-normal");
              if (b == WeightSource.WEIGHT_SOURCE_MANUAL) {
                source.getStyleClass().addAll("ms-tag-chip", "ms-tag-high");
              } else if (b == WeightSource.WEIGHT_SOURCE_SCALE) {
                source.getStyleClass().addAll("ms-tag-chip", "ms-tag-normal");
              }
            });
    Label weightLabel = fixed("");
    weightLabel
        .textProperty()
        .bind(
            Bindings.when(vm.modeProperty().isEqualTo(WeighbridgeViewModel.Mode.IN))
                .then(m.get("cane.wb.gross"))
                .otherwise(m.get("cane.wb.tare")));
    Label selectedTruck = new Label();
    selectedTruck.setId("wbSelected");
    selectedTruck
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  WeighbridgeTicket t = vm.selectedProperty().get();
                  return t == null
                      ? m.get("cane.wb.pickTicket")
                      : m.get(
                          "cane.wb.selected",
                          t.getNumber(),
                          t.getVehicleNumber(),
                          t.getGrowerNumber(),
                          t.getGrowerName(),
                          Weights.kg(t.getGross()));
                },
                vm.selectedProperty()));
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(6);
    int row = 0;
    var inMode = vm.modeProperty().isEqualTo(WeighbridgeViewModel.Mode.IN);
    Label permitLabel = fixed(m.get("cane.wb.permit"));
    VBox permitCell = under(permit, Ui.error("wbPermitError", vm.permitErrorProperty()));
    Label growerLabel = fixed(m.get("cane.wb.grower"));
    VBox growerCell = under(grower, Ui.error("wbGrowerError", vm.growerErrorProperty()));
    Label vehicleLabel = fixed(m.get("cane.wb.vehicle"));
    VBox vehicleCell = under(vehicle, Ui.error("wbVehicleError", vm.vehicleErrorProperty()));
    Label truckLabel = fixed(m.get("cane.wb.truck"));
    VBox truckCell = under(selectedTruck, Ui.error("wbTicketError", vm.ticketErrorProperty()));
    form.addRow(row++, permitLabel, permitCell);
    form.addRow(row++, growerLabel, growerCell);
    form.addRow(row++, vehicleLabel, vehicleCell);
    form.addRow(row++, truckLabel, truckCell);
    showWhen(inMode, permitLabel, permitCell, growerLabel, growerCell, vehicleLabel, vehicleCell);
    showWhen(inMode.not(), truckLabel, truckCell);
    Label kgUnit = fixed("kg");
    source.setMinWidth(Label.USE_PREF_SIZE);
    HBox weightBox = new HBox(8, weight, kgUnit, source);
    weightBox.setAlignment(Pos.CENTER_LEFT);
    form.addRow(
        row++, weightLabel, under(weightBox, Ui.error("wbWeightError", vm.weightErrorProperty())));
    form.addRow(
        row++,
        fixed(m.get("cane.wb.reason")),
        under(reason, Ui.error("wbReasonError", vm.reasonErrorProperty())));
    Label preview = Ui.bound("wbNetPreview", vm.netPreviewProperty());
    Label previewOver = warning("wbNetPreviewOverQuota", vm.previewOverQuotaProperty());
    form.add(new VBox(2, preview, previewOver), 1, row++);

    Button record = new Button(m.get("cane.wb.record"));
    record.setId("wbRecord");
    record.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    record.setFocusTraversable(false);
    record.disableProperty().bind(vm.busyProperty());
    record.setOnAction(e -> vm.record());
    Label keys = Ui.muted(m.get("cane.wb.keys"));
    keys.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    keys.setWrapText(true);
    Label message = Ui.error("wbMessage", vm.messageProperty());
    HBox buttons = new HBox(10, record, message);
    buttons.setAlignment(Pos.CENTER_LEFT);

    // ---- the last ticket, large for the slip ----
    Label lastNumber = Ui.bound("wbTicketNumber", vm.lastNumberProperty());
    lastNumber.setStyle("-fx-font-size: 40px; -fx-font-weight: bold;");
    lastNumber.setWrapText(false);
    lastNumber.setMinWidth(Label.USE_PREF_SIZE);
    Label lastText = Ui.bound("wbTicketText", vm.lastTextProperty());
    lastText.setWrapText(false);
    lastText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label lastNet = Ui.bound("wbTicketNet", vm.lastNetProperty());
    lastNet.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
    Button print =
        new Button(
            m.get("cane.slip.print"),
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.PRINT));
    print.setId("wbPrint");
    print.setFocusTraversable(false);
    print.setOnAction(e -> vm.print());
    print
        .disableProperty()
        .bind(Bindings.createBooleanBinding(() -> !vm.canPrint(), vm.lastProperty()));
    Label overQuota = warning("wbOverQuota", vm.lastOverQuotaProperty());
    Label printMessage = Ui.bound("wbPrintMessage", vm.printMessageProperty());
    printMessage.setMaxWidth(420);
    printMessage.setWrapText(true);
    printMessage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    printMessage.managedProperty().bind(printMessage.textProperty().isNotEmpty());
    print.setMinWidth(Label.USE_PREF_SIZE);
    VBox slip =
        new VBox(
            4,
            Ui.muted(m.get("cane.wb.lastTicket")),
            lastNumber,
            lastText,
            lastNet,
            overQuota,
            print,
            printMessage);
    slip.getStyleClass().add(Styles.MACHINE_CARD);
    slip.setPadding(new Insets(10, 16, 12, 16));
    slip.visibleProperty().bind(vm.lastNumberProperty().isNotEmpty());
    slip.managedProperty().bind(slip.visibleProperty());

    VBox left = new VBox(12, scale, form, buttons, keys);
    left.setPadding(new Insets(6, 12, 12, 12));
    left.setMinWidth(520);
    left.setMaxWidth(520);

    // ---- the queue ----
    queue.setId("wbQueue");
    queue.setItems(vm.openTickets());
    queue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    queue.setPlaceholder(new Label(m.get("cane.wb.queueEmpty")));
    queue
        .getColumns()
        .add(column(m.get("cane.wb.col.ticket"), WeighbridgeTicket::getNumber, 120, false));
    queue
        .getColumns()
        .add(column(m.get("cane.wb.col.vehicle"), WeighbridgeTicket::getVehicleNumber, 125, false));
    queue
        .getColumns()
        .add(column(m.get("cane.wb.col.grower"), WeighbridgeTicket::getGrowerName, 115, false));
    queue
        .getColumns()
        .add(column(m.get("cane.wb.col.gross"), t -> Weights.kg(t.getGross()), 85, true));
    queue
        .getColumns()
        .add(
            column(
                m.get("cane.wb.col.in"),
                t ->
                    t.hasWeighedInAt()
                        ? Dates.time(
                                Instant.ofEpochSecond(
                                    t.getWeighedInAt().getSeconds(), t.getWeighedInAt().getNanos()))
                            .substring(0, 5)
                        : "",
                60,
                false));
    queue
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.selectedProperty().set(b);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                queue.getSelectionModel().clearSelection();
              } else if (queue.getSelectionModel().getSelectedItem() != b) {
                queue.getSelectionModel().select(b);
              }
            });
    queue.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.DELETE) {
            e.consume();
            askVoid(dialogs, m);
          } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
            e.consume();
            if (queue.getSelectionModel().getSelectedItem() != null) {
              vm.weighOutMode();
              vm.selectedProperty().set(queue.getSelectionModel().getSelectedItem());
              weight.requestFocus();
            }
          }
        });
    Label queueTitle = new Label();
    queueTitle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> m.get("cane.wb.queue", vm.openTickets().size()), vm.openTickets()));
    queueTitle.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Button voidButton =
        new Button(
            m.get("cane.wb.void"),
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.BLOCK));
    voidButton.setId("wbVoid");
    voidButton.setFocusTraversable(false);
    voidButton.setTooltip(new javafx.scene.control.Tooltip(m.get("cane.wb.voidHint")));
    voidButton.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
    voidButton.setOnAction(e -> askVoid(dialogs, m));
    javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox queueBar = new HBox(10, queueTitle, gap, voidButton);
    queueBar.setAlignment(Pos.CENTER_LEFT);
    Label queueDone = Ui.bound("wbQueueDone", vm.queueDoneProperty());
    queueDone.managedProperty().bind(queueDone.textProperty().isNotEmpty());
    queueDone.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label queueError = Ui.error("wbQueueError", vm.queueErrorProperty());
    queueError.setMaxWidth(Double.MAX_VALUE);
    queueError.managedProperty().bind(queueError.textProperty().isNotEmpty());
    queueError.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox right = new VBox(10, slip, queueBar, queueDone, queueError, queue);
    VBox.setVgrow(queue, Priority.ALWAYS);
    right.setPadding(new Insets(6, 12, 12, 0));
    HBox.setHgrow(right, Priority.ALWAYS);
    setCenter(new HBox(8, left, right));

    // ---- the keyboard ----
    permit.setOnAction(e -> grower.requestFocus());
    grower.setOnAction(e -> vehicle.requestFocus());
    vehicle.setOnAction(e -> weight.requestFocus());
    weight.setOnAction(
        e -> {
          switch (vm.enterOnWeight()) {
            case REASON -> reason.requestFocus();
            default -> {}
          }
        });
    reason.setOnAction(e -> vm.record());
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.F2) {
            e.consume();
            newTruck();
          } else if (e.getCode() == KeyCode.F3) {
            e.consume();
            weighOut();
          } else if (RECORD.match(e)) {
            e.consume();
            vm.record();
          } else if (PRINT.match(e)) {
            e.consume();
            vm.print();
          }
        });
    // After a weighing the next truck: a new permit, or the queue.
    vm.lastProperty()
        .addListener(
            (o, a, b) ->
                Platform.runLater(
                    () -> {
                      if (vm.modeProperty().get() == WeighbridgeViewModel.Mode.IN) {
                        permit.requestFocus();
                      } else {
                        queue.requestFocus();
                      }
                    }));

    // The slip goes to the default printer as soon as it is made.
    vm.slipProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                slipNode = b.node();
                vm.printed(TicketSlip.print(slipNode));
              }
            });

    // ---- the scale, about once a second while the screen is in a window that shows ----
    // Not only while it has a scene: a closed window keeps its scene, and a poll after the
    // client's executor has shut down would be refused.
    javafx.beans.value.ObservableValue<Boolean> shown =
        sceneProperty()
            .flatMap(javafx.scene.Scene::windowProperty)
            .flatMap(javafx.stage.Window::showingProperty)
            .orElse(false);
    poll =
        new Timeline(
            new KeyFrame(
                Duration.seconds(1),
                e -> {
                  if (shown.getValue()) {
                    vm.pollScale();
                  }
                }));
    poll.setCycleCount(Animation.INDEFINITE);
    shown.addListener(
        (o, was, is) -> {
          if (is) {
            vm.pollScale();
            poll.play();
          } else {
            poll.stop();
          }
        });
  }

  private static TableColumn<WeighbridgeTicket, String> column(
      String title,
      java.util.function.Function<WeighbridgeTicket, String> text,
      double width,
      boolean numeric) {
    TableColumn<WeighbridgeTicket, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    if (numeric) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  /** A field with its refusal right under it. */
  private static VBox under(javafx.scene.Node field, Label error) {
    error.setMaxWidth(330);
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    error.visibleProperty().bind(error.managedProperty());
    return new VBox(2, field, error);
  }

  /** Shows the row's nodes only while {@code when} holds; a hidden row takes no room. */
  private static void showWhen(
      javafx.beans.value.ObservableBooleanValue when, javafx.scene.Node... nodes) {
    for (javafx.scene.Node n : nodes) {
      n.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(when::get, when));
      n.managedProperty().bind(n.visibleProperty());
    }
  }

  /** A remark in the warning colour (a load over its quota); takes no room when empty. */
  private static Label warning(String id, javafx.beans.value.ObservableStringValue text) {
    Label l = Ui.bound(id, text);
    l.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
    l.setStyle("-fx-font-weight: bold;");
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.managedProperty());
    return l;
  }

  private static Label fixed(String text) {
    Label l = new Label(text);
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }

  /** Voids the picked truck of the queue after asking why. */
  private void askVoid(io.millstone.client.core.DialogService dialogs, Messages m) {
    String question = vm.voidQuestion();
    if (question != null && !vm.isBusy()) {
      dialogs.askText(m.get("cane.wb.voidTitle"), question, "").ifPresent(vm::voidTicket);
    }
  }

  private void newTruck() {
    vm.newTruck();
    permit.requestFocus();
  }

  private void weighOut() {
    vm.weighOutMode();
    queue.requestFocus();
    if (queue.getSelectionModel().getSelectedItem() == null && !queue.getItems().isEmpty()) {
      queue.getSelectionModel().select(0);
    }
  }

  /** The last slip sent to the printer, laid out as on paper; null before the first. */
  public javafx.scene.Node slipNode() {
    return slipNode == null ? null : TicketSlip.laidOut(slipNode);
  }

  /** The caret starts at the permit. */
  public void focusFirst() {
    Platform.runLater(permit::requestFocus);
  }

  /** The shell focuses the screen when it shows it: the caret goes to the first field. */
  @Override
  public void requestFocus() {
    permit.requestFocus();
  }
}

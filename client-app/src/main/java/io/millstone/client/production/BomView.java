package io.millstone.client.production;

import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The BOM editor: the company's BOMs on the left; on the right the product, its inputs and its
 * outputs (type, figure, cost share, expected quantity) with the shares' sum, refused unless 100.
 */
public final class BomView extends BorderPane {
  private final BomViewModel vm;
  private final Messages m;
  private final GridPane inputs = new GridPane();
  private final GridPane outputs = new GridPane();
  private final boolean canManage;

  public BomView(BomViewModel vm, Messages messages, boolean canManage) {
    this.vm = vm;
    this.m = messages;
    this.canManage = canManage;
    setId("bomView");

    ListView<Bom> list = new ListView<>(vm.boms());
    list.setId("bomList");
    list.setPrefWidth(280);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Bom b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.getCode() + "  " + b.getName());
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.open(b);
              }
            });
    Button newBom = new Button(m.get("production.bom.new"), new FontIcon(Material2AL.ADD));
    newBom.setId("bomNew");
    newBom.setOnAction(
        e -> {
          list.getSelectionModel().clearSelection();
          vm.newBom();
        });
    newBom.setVisible(canManage);
    VBox left = new VBox(8, list, newBom);
    left.setPadding(new Insets(12, 0, 12, 12));

    TextField code = text("bomCode", vm.codeProperty(), 10);
    code.disableProperty().bind(vm.codeFixedProperty());
    TextField name = text("bomName", vm.nameProperty(), 22);
    TextField product = text("bomProduct", vm.productProperty(), 10);
    TextField base = text("bomBase", vm.baseQuantityProperty(), 6);
    base.setAlignment(Pos.CENTER_RIGHT);
    TextField loss = text("bomLoss", vm.expectedLossProperty(), 5);
    loss.setAlignment(Pos.CENTER_RIGHT);
    CheckBox active = new CheckBox(m.get("production.bom.active"));
    active.setId("bomActive");
    active.selectedProperty().bindBidirectional(vm.activeProperty());
    GridPane head = new GridPane();
    head.setHgap(8);
    head.setVgap(6);
    head.addRow(
        0,
        new Label(m.get("production.bom.code")),
        code,
        new Label(m.get("production.bom.name")),
        name,
        new Label(m.get("production.bom.product")),
        product);
    head.addRow(
        1,
        new Label(m.get("production.bom.base")),
        base,
        new Label(m.get("production.bom.loss")),
        loss,
        active);

    inputs.setId("bomInputs");
    inputs.setHgap(8);
    inputs.setVgap(4);
    outputs.setId("bomOutputs");
    outputs.setHgap(8);
    outputs.setVgap(4);
    vm.inputs().addListener((ListChangeListener<BomViewModel.InputRow>) c -> rebuildInputs());
    vm.outputs().addListener((ListChangeListener<BomViewModel.OutputRow>) c -> rebuildOutputs());
    rebuildInputs();
    rebuildOutputs();
    Button addInput = new Button(m.get("production.bom.addInput"), new FontIcon(Material2AL.ADD));
    addInput.setId("bomAddInput");
    addInput.setOnAction(e -> vm.addInput());
    Button addOutput = new Button(m.get("production.bom.addOutput"), new FontIcon(Material2AL.ADD));
    addOutput.setId("bomAddOutput");
    addOutput.setOnAction(e -> vm.addOutput());
    addInput.setVisible(canManage);
    addOutput.setVisible(canManage);

    Label total = new Label();
    total.setId("bomShareTotal");
    total.textProperty().bind(vm.shareTotalProperty());
    Runnable mark =
        () -> {
          total.getStyleClass().removeAll(Styles.ERROR_TEXT, atlantafx.base.theme.Styles.SUCCESS);
          total
              .getStyleClass()
              .add(
                  vm.sharesMakeHundredProperty().get()
                      ? atlantafx.base.theme.Styles.SUCCESS
                      : Styles.ERROR_TEXT);
        };
    vm.sharesMakeHundredProperty().addListener((o, a, b) -> mark.run());
    mark.run();
    total.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);

    Button save = new Button(m.get("production.bom.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("bomSave");
    save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    save.disableProperty().bind(vm.busyProperty());
    save.setOnAction(e -> vm.save());
    save.setVisible(canManage);
    Label message = Tables.error("bomMessage");
    message.textProperty().bind(vm.messageProperty());
    HBox buttons = Tables.row(10, save, message);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox form =
        new VBox(
            10,
            Tables.section(m.get("screen.boms")),
            head,
            Tables.section(m.get("production.bom.inputs")),
            Tables.muted(m.get("production.bom.inputsHint")),
            inputs,
            addInput,
            Tables.section(m.get("production.bom.outputs")),
            outputs,
            Tables.row(12, addOutput, total),
            buttons);
    form.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(form);
    scroll.setFitToWidth(true);
    setLeft(left);
    setCenter(scroll);
  }

  private TextField text(String id, javafx.beans.property.StringProperty p, int columns) {
    TextField t = new TextField();
    t.setId(id);
    t.setPrefColumnCount(columns);
    t.textProperty().bindBidirectional(p);
    t.setEditable(canManage);
    return t;
  }

  private Label header(String key, boolean right) {
    Label l = Tables.muted(m.get(key));
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
    return l;
  }

  private Button remove(Runnable r) {
    Button b = new Button(null, new FontIcon(Material2AL.CLOSE));
    b.getStyleClass().addAll(atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.SMALL);
    b.setFocusTraversable(false);
    b.setOnAction(e -> r.run());
    b.setVisible(canManage);
    return b;
  }

  private void rebuildInputs() {
    inputs.getChildren().clear();
    inputs.addRow(
        0,
        header("sales.line.item", false),
        header("sales.line.name", false),
        header("production.bom.quantity", true));
    int row = 1;
    for (int i = 0; i < vm.inputs().size(); i++) {
      BomViewModel.InputRow r = vm.inputs().get(i);
      TextField item = text("bom-in-" + i + "-item", r.itemProperty(), 10);
      Label name = new Label();
      name.textProperty().bind(r.nameProperty());
      name.setMinWidth(160);
      TextField q = text("bom-in-" + i + "-qty", r.quantityProperty(), 7);
      q.setAlignment(Pos.CENTER_RIGHT);
      Label error = Tables.error("bom-in-" + i + "-error");
      error.textProperty().bind(r.errorProperty());
      inputs.addRow(row++, item, name, q, remove(() -> vm.removeInput(r)), error);
    }
  }

  private static <T> StringConverter<T> named(java.util.function.Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : f.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }

  private void rebuildOutputs() {
    outputs.getChildren().clear();
    outputs.addRow(
        0,
        header("sales.line.item", false),
        header("sales.line.name", false),
        header("production.bom.type", false),
        header("production.bom.figure", false),
        header("production.bom.share", true),
        header("production.bom.expected", true));
    int row = 1;
    for (int i = 0; i < vm.outputs().size(); i++) {
      BomViewModel.OutputRow r = vm.outputs().get(i);
      TextField item = text("bom-out-" + i + "-item", r.itemProperty(), 10);
      Label name = new Label();
      name.textProperty().bind(r.nameProperty());
      name.setMinWidth(160);
      ComboBox<OutputType> type = new ComboBox<>();
      type.setId("bom-out-" + i + "-type");
      type.getItems().setAll(BomViewModel.TYPES);
      type.setConverter(named(t -> BomViewModel.typeName(t, m)));
      type.valueProperty().bindBidirectional(r.typeProperty());
      type.setDisable(!canManage);
      ComboBox<OutputFigure> figure = new ComboBox<>();
      figure.setId("bom-out-" + i + "-figure");
      figure.getItems().setAll(BomViewModel.FIGURES);
      figure.setConverter(named(f -> BomViewModel.figureName(f, m)));
      figure.valueProperty().bindBidirectional(r.figureProperty());
      figure.setDisable(!canManage);
      TextField share = text("bom-out-" + i + "-share", r.shareProperty(), 5);
      share.setAlignment(Pos.CENTER_RIGHT);
      TextField expected = text("bom-out-" + i + "-expected", r.expectedProperty(), 6);
      expected.setAlignment(Pos.CENTER_RIGHT);
      Label error = Tables.error("bom-out-" + i + "-error");
      error.textProperty().bind(r.errorProperty());
      outputs.addRow(
          row++,
          item,
          name,
          type,
          figure,
          share,
          expected,
          remove(() -> vm.removeOutput(r)),
          error);
    }
  }
}

package io.millstone.client.masterdata;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Convert [1] [t] to [kg] = 1,000 kg" under the units list; Enter converts. */
final class UnitConverterView extends HBox {

  UnitConverterView(UnitConverterViewModel vm, Messages m) {
    super(8);
    setId("unitConverter");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(6, 12, 8, 12));
    Label label = new Label(m.get("units.convert.label"));
    label.setMnemonicParsing(true);
    TextField quantity = field("convertQuantity", 90, vm.quantityProperty());
    label.setLabelFor(quantity);
    TextField from = field("convertFrom", 70, vm.fromProperty());
    from.setPromptText(m.get("units.convert.from"));
    TextField to = field("convertTo", 70, vm.toProperty());
    to.setPromptText(m.get("units.convert.to"));
    Map<String, TextField> byField =
        Map.of("quantity", quantity, "from_unit_code", from, "to_unit_code", to);
    vm.errors()
        .addListener(
            (MapChangeListener<String, String>)
                c ->
                    byField.forEach(
                        (f, tf) -> {
                          boolean bad = vm.errors().containsKey(f);
                          tf.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, bad);
                          tf.getStyleClass().remove(Styles.FIELD_ERROR);
                          if (bad) {
                            tf.getStyleClass().add(Styles.FIELD_ERROR);
                          }
                        }));
    Button convert = new Button(m.get("units.convert"), new FontIcon(Material2MZ.SWAP_HORIZ));
    convert.setId("convertButton");
    convert.setOnAction(e -> vm.convert());
    for (TextField f : new TextField[] {quantity, from, to}) {
      f.setOnAction(e -> vm.convert());
    }
    Label result = new Label();
    result.setId("convertResult");
    result.textProperty().bind(vm.resultProperty());
    result.setStyle("-fx-font-weight: bold;");
    Label message = new Label();
    message.setId("convertMessage");
    message.getStyleClass().add(Styles.ERROR_TEXT);
    message.textProperty().bind(vm.messageProperty());
    getChildren()
        .addAll(
            label,
            quantity,
            from,
            new Label(m.get("units.convert.into")),
            to,
            convert,
            result,
            message);
  }

  private static TextField field(String id, double width, javafx.beans.property.StringProperty p) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefWidth(width);
    f.textProperty().bindBidirectional(p);
    return f;
  }
}

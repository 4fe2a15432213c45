package io.millstone.client.records;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The search screen: a box (Enter searches; with nothing typed, the records opened lately are
 * listed) and the ranked results; Enter or a double click opens the selected one, Down moves from
 * the box into the list.
 */
public final class SearchView extends BorderPane {

  public SearchView(SearchViewModel vm, Messages m, Consumer<SearchViewModel.Row> open) {
    setId("searchView");
    TextField query = new TextField();
    query.setId("searchQuery");
    query.setPromptText(m.get("search.prompt"));
    query.textProperty().bindBidirectional(vm.queryProperty());
    HBox.setHgrow(query, Priority.ALWAYS);
    Button go = new Button(m.get("search.go"), new FontIcon(Material2MZ.SEARCH));
    go.setId("searchGo");
    go.setDefaultButton(false);
    go.setOnAction(e -> vm.search());
    go.disableProperty().bind(vm.busyProperty());

    Label heading = new Label();
    heading.setId("searchHeading");
    heading.textProperty().bind(vm.headingProperty());
    heading.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);

    ListView<SearchViewModel.Row> results = new ListView<>(vm.rows());
    results.setId("searchResults");
    results.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(SearchViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(
                    empty || r == null
                        ? null
                        : r.kindLabel()
                            + "  "
                            + r.reference()
                            + (r.summary().isBlank() ? "" : "  —  " + r.summary()));
              }
            });
    Runnable openSelected =
        () -> {
          SearchViewModel.Row r = results.getSelectionModel().getSelectedItem();
          if (r != null) {
            vm.opened(r);
            open.accept(r);
          }
        };
    results.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            openSelected.run();
          }
        });
    results.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            openSelected.run();
          }
        });
    query.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            vm.search();
          } else if (e.getCode() == KeyCode.DOWN && !vm.rows().isEmpty()) {
            e.consume();
            results.requestFocus();
            results.getSelectionModel().selectFirst();
          }
        });
    Label message = new Label();
    message.setId("searchMessage");
    message.getStyleClass().add(Styles.ERROR_TEXT);
    message.textProperty().bind(vm.messageProperty());

    HBox bar = new HBox(8, query, go);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(6, bar, message, heading);
    top.setPadding(new Insets(12, 12, 6, 12));
    setTop(top);
    BorderPane.setMargin(results, new Insets(0, 12, 12, 12));
    setCenter(results);
    Platform.runLater(query::requestFocus);
  }
}

package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.sales.v1.Invoice;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Papers against the demo mill: the mill manager opens an invoice, Ctrl+P shows its Mushak 6.3 in
 * the print preview (page 1 rendered, "Page 1 of N"), switches the paper to Bangla (the server
 * makes it again), closes it with Escape, and reads last month's VAT return and this month's sales
 * book.
 */
class PapersUiTest extends UiTest {
  static Map<String, String> demo;

  @BeforeAll
  static void demoMill() {
    LiveServer.shared();
    demo = LiveServer.demoMill();
  }

  private Image page1() {
    return lookup("#previewPage1")
        .tryQuery()
        .map(n -> ((ImageView) ((StackPane) n).getChildren().get(0)).getImage())
        .orElse(null);
  }

  @Test
  void anInvoiceIsPreviewedInBothLanguagesAndTheVatReturnIsRead() {
    signIn("manager", demo.get("manager"));
    waitUntil(() -> lookup("#shell").tryQuery().isPresent());
    waitUntil(() -> lookup("#navigation").tryQuery().isPresent());

    // an invoice, as the server holds it; Ctrl+P opens its tax invoice (Mushak 6.3)
    clickWhenReady("#nav-sales-invoices");
    waitUntil(() -> lookup("#list-sales-invoices #table").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<Invoice> invoices = lookup("#list-sales-invoices #table").queryAs(TableView.class);
    waitUntil(() -> invoices.getItems().stream().anyMatch(i -> i != null));
    interact(
        () -> {
          invoices.requestFocus();
          invoices.getSelectionModel().select(0);
        });
    Invoice first = invoices.getItems().get(0);
    type(KeyCode.ENTER);
    waitUntil(() -> text("#invoiceNumber").equals(first.getNumber()));
    waitUntil(() -> lookup("#printButton").tryQuery().isPresent());
    interact(() -> lookup("#printButton").query().requestFocus());
    press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);

    waitUntil(() -> lookup("#printPreview").tryQuery().isPresent());
    waitUntil(60, () -> text("#previewPageOf").matches("Page 1 of \\d+") && page1() != null);
    assertThat(lookup("#previewPrint").tryQuery().orElseThrow().isDisabled()).isFalse();
    screenshot("print-preview.png");

    // the same paper in Bangla: asked of the server again, page 1 rendered anew
    Image english = page1();
    clickOn("#previewBangla");
    waitUntil(60, () -> page1() != null && page1() != english);
    waitUntil(() -> text("#previewPageOf").matches("Page 1 of \\d+"));
    screenshot("print-preview-bn.png");

    // Escape closes the preview and deletes its file
    clickOn("#previewScroll");
    type(KeyCode.ESCAPE);
    waitUntil(() -> lookup("#printPreview").tryQuery().isEmpty());

    // last month's VAT return: its parts and the net payable
    clickWhenReady("#nav-vat-return");
    waitUntil(60, () -> !text("#vatReturnNet").isEmpty() && !text("#vatReturnCompany").isEmpty());
    screenshot("vat-return.png");

    // this month's sales book with its totals
    clickWhenReady("#nav-vat-registers");
    waitUntil(60, () -> !text("#vatBookTotals").isEmpty() && !text("#vatBookCount").isEmpty());
    screenshot("vat-registers.png");
  }
}

package io.millstone.client.papers;

import io.millstone.api.papers.v1.PaperFormat;
import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.print.PaperRequest;
import io.millstone.client.core.print.PrintPreview;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Print (Ctrl+P, the preview), Save as PDF… and Save as Excel… of a report screen. */
final class PaperButtons {
  interface Saver {
    void save(PaperFormat format, String language, Path target);
  }

  private PaperButtons() {}

  static Node[] of(
      ScreenContext ctx,
      Node screen,
      String key,
      Supplier<String> title,
      Function<PaperFormat, PaperRequest> paper,
      Function<PaperFormat, String> fileName,
      Saver saver) {
    Messages m = ctx.messages();
    Button print =
        PrintPreview.button(
            m,
            screen,
            () -> true,
            () ->
                PrintPreview.open(
                    ctx, key, title.get(), paper.apply(PaperFormat.PAPER_FORMAT_PDF)));
    Button pdf = new Button(m.get("print.saveAs"), new FontIcon(Material2MZ.PICTURE_AS_PDF));
    pdf.setId("savePdfButton");
    pdf.setMnemonicParsing(true);
    pdf.setOnAction(e -> save(ctx, PaperFormat.PAPER_FORMAT_PDF, fileName, saver));
    Button xlsx = new Button(m.get("print.saveExcel"), new FontIcon(Material2AL.GRID_ON));
    xlsx.setId("saveExcelButton");
    xlsx.setMnemonicParsing(true);
    xlsx.setOnAction(e -> save(ctx, PaperFormat.PAPER_FORMAT_XLSX, fileName, saver));
    return new Node[] {print, pdf, xlsx};
  }

  private static void save(
      ScreenContext ctx, PaperFormat format, Function<PaperFormat, String> fileName, Saver saver) {
    FileChooser fc = new FileChooser();
    String name = fileName.apply(format);
    fc.setTitle(ctx.messages().get("vat.saveTitle", name));
    fc.setInitialFileName(name);
    fc.getExtensionFilters()
        .add(
            format == PaperFormat.PAPER_FORMAT_XLSX
                ? new FileChooser.ExtensionFilter("Excel", "*.xlsx")
                : new FileChooser.ExtensionFilter("PDF", "*.pdf"));
    File f = fc.showSaveDialog(ctx.owner().get());
    if (f != null) {
      saver.save(format, PrintPreview.language(ctx.messages()), f.toPath());
    }
  }
}

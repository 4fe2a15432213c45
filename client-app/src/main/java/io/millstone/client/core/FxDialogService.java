package io.millstone.client.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Dialogs as JavaFX alerts, owned by the main window. Safe to call from any thread. */
public final class FxDialogService implements DialogService {
  private final Supplier<Window> owner;
  private final Messages messages;

  public FxDialogService(Supplier<Window> owner, Messages messages) {
    this.owner = owner;
    this.messages = messages;
  }

  private Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
    Alert a = new Alert(type, text, buttons);
    Window w = owner.get();
    if (w != null) {
      a.initOwner(w);
    }
    a.setTitle(title);
    a.setHeaderText(title);
    return a;
  }

  /** Runs {@code dialog} on the UI thread and waits for its answer when called from elsewhere. */
  private static <T> T onFx(Supplier<T> dialog) {
    if (Platform.isFxApplicationThread()) {
      return dialog.get();
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(dialog.get());
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void showError(String title, String message) {
    onFx(
        () -> {
          alert(Alert.AlertType.ERROR, title, message, ButtonType.OK).showAndWait();
          return null;
        });
  }

  @Override
  public void showInfo(String title, String message) {
    onFx(
        () -> {
          alert(Alert.AlertType.INFORMATION, title, message, ButtonType.OK).showAndWait();
          return null;
        });
  }

  @Override
  public UnsavedChoice askUnsavedChanges(String recordTitle) {
    return onFx(
        () -> {
          ButtonType save = new ButtonType(messages.get("dialog.save"), ButtonBar.ButtonData.YES);
          ButtonType discard =
              new ButtonType(messages.get("dialog.discard"), ButtonBar.ButtonData.NO);
          ButtonType cancel =
              new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
          Alert a =
              alert(
                  Alert.AlertType.CONFIRMATION,
                  messages.get("dialog.unsaved.title"),
                  messages.get("dialog.unsaved.text", recordTitle),
                  save,
                  discard,
                  cancel);
          a.getDialogPane().setId("unsavedDialog");
          ButtonType r = a.showAndWait().orElse(cancel);
          return r == save
              ? UnsavedChoice.SAVE
              : r == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
        });
  }

  @Override
  public boolean askReloadAfterConflict(String message, List<FieldChange> changes) {
    return onFx(
        () -> {
          ButtonType reload =
              new ButtonType(messages.get("dialog.conflict.reload"), ButtonBar.ButtonData.YES);
          ButtonType keep =
              new ButtonType(
                  messages.get("dialog.conflict.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
          Alert a =
              alert(
                  Alert.AlertType.WARNING,
                  messages.get("dialog.conflict.title"),
                  message,
                  reload,
                  keep);
          a.getDialogPane().setId("conflictDialog");
          GridPane grid = new GridPane();
          grid.setHgap(16);
          grid.setVgap(6);
          grid.setId("conflictChanges");
          grid.addRow(
              0,
              bold(messages.get("dialog.conflict.field")),
              bold(messages.get("dialog.conflict.yours")),
              bold(messages.get("dialog.conflict.theirs")));
          int row = 1;
          for (FieldChange c : changes) {
            grid.addRow(row++, new Label(c.label()), new Label(c.yours()), new Label(c.theirs()));
          }
          Label what = new Label(message);
          what.setWrapText(true);
          what.setId("conflictMessage");
          Label intro = new Label(messages.get("dialog.conflict.intro"));
          intro.setWrapText(true);
          VBox box = new VBox(10, what, intro, grid);
          box.setPrefWidth(560);
          a.getDialogPane().setContent(box);
          return a.showAndWait().orElse(keep) == reload;
        });
  }

  @Override
  public boolean confirmPosting(PostingSummary summary) {
    return onFx(
        () -> {
          ButtonType post =
              new ButtonType(messages.get("dialog.post.yes"), ButtonBar.ButtonData.OK_DONE);
          ButtonType cancel =
              new ButtonType(messages.get("dialog.post.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
          Alert a =
              alert(
                  Alert.AlertType.CONFIRMATION, summary.title(), summary.question(), post, cancel);
          a.getDialogPane().setId("postingConfirmation");
          Label question = new Label(summary.question());
          question.setWrapText(true);
          question.setId("postingQuestion");
          question.setStyle("-fx-font-weight: bold;");
          VBox box = new VBox(6, question);
          int i = 0;
          for (String d : summary.details()) {
            Label l = new Label(d);
            l.setId("postingDetail-" + i++);
            l.setWrapText(true);
            box.getChildren().add(l);
          }
          box.setPrefWidth(560);
          a.getDialogPane().setContent(box);
          // Enter in the dialog cancels: posting takes the Post button (or Alt+its letter).
          javafx.scene.control.Button yes =
              (javafx.scene.control.Button) a.getDialogPane().lookupButton(post);
          javafx.scene.control.Button no =
              (javafx.scene.control.Button) a.getDialogPane().lookupButton(cancel);
          yes.setId("confirmPost");
          yes.setDefaultButton(false);
          no.setId("cancelPost");
          no.setDefaultButton(true);
          return a.showAndWait().orElse(cancel) == post;
        });
  }

  private static Label bold(String s) {
    Label l = new Label(s);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  @Override
  public boolean askTrustCertificate(String server, String fingerprint) {
    return onFx(
        () -> {
          ButtonType trust =
              new ButtonType(messages.get("dialog.trust.yes"), ButtonBar.ButtonData.YES);
          ButtonType no =
              new ButtonType(messages.get("dialog.trust.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
          Alert a =
              alert(
                  Alert.AlertType.CONFIRMATION,
                  messages.get("dialog.trust.title"),
                  messages.get("dialog.trust.text", server),
                  trust,
                  no);
          a.getDialogPane().setId("trustDialog");
          TextArea fp = new TextArea(fingerprint);
          fp.setEditable(false);
          fp.setWrapText(true);
          fp.setPrefRowCount(3);
          fp.setId("fingerprint");
          Label text = new Label(messages.get("dialog.trust.text", server));
          text.setWrapText(true);
          a.getDialogPane().setContent(new VBox(10, text, fp));
          return a.showAndWait().orElse(no) == trust;
        });
  }

  @Override
  public Optional<String> askText(String title, String prompt, String initial) {
    return onFx(
        () -> {
          TextInputDialog d = new TextInputDialog(initial);
          Window w = owner.get();
          if (w != null) {
            d.initOwner(w);
          }
          d.setTitle(title);
          d.setHeaderText(prompt);
          d.getDialogPane().setId("textDialog");
          return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
        });
  }
}

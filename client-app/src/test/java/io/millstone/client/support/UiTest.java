package io.millstone.client.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.ClientWindow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.BaseRobot;
import org.testfx.service.finder.WindowFinder;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real client window (real scene, real keyboard and mouse through the glass robot, under Xvfb in
 * CI) against a real server. Each test gets its own settings directory.
 */
public abstract class UiTest extends FxRobot {
  @TempDir protected Path config;
  protected Stage stage;
  protected ClientWindow window;

  /** Whether the window opened maximised, as it does for a person (tests then use 1280×800). */
  protected boolean openedMaximised;

  /** The server address the sign-in screen starts with. */
  protected String initialServer() {
    return LiveServer.shared().address();
  }

  /** Keeps a picture of the window when a test fails, before the window is closed. */
  @RegisterExtension
  final AfterTestExecutionCallback failureShot =
      context -> {
        if (context.getExecutionException().isPresent() && stage != null) {
          try {
            screenshot("failed-" + context.getRequiredTestMethod().getName() + ".png");
          } catch (AssertionError | RuntimeException ignored) {
            // the failure itself is what matters
          }
        }
      };

  @BeforeEach
  void openWindow() throws Exception {
    stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          window =
              new ClientWindow(
                  stage, new ClientWindow.Options(config, initialServer(), null, null));
          window.show();
          openedMaximised = stage.isMaximized();
          stage.setMaximized(false);
          stage.setWidth(1280);
          stage.setHeight(800);
          stage.toFront();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void closeWindow() throws Exception {
    FxToolkit.setupFixture(
        () -> {
          window.dispose();
          stage.hide();
        });
    // Dialogs a failed test left open would block the next test.
    FxToolkit.cleanupStages();
  }

  /** Types into the sign-in screen and waits for the shell. */
  protected void signIn(String username, String password) {
    fill("#username", username);
    fill("#password", password);
    clickOn("#signIn");
  }

  protected void signInAndWait(String username) {
    signIn(username, LiveServer.PASSWORD);
    waitUntil(() -> lookup("#shell").tryQuery().isPresent());
    // The navigation sits in a scroll pane, whose content joins the scene with its skin.
    waitUntil(() -> lookup("#navigation").tryQuery().isPresent());
    waitUntil(
        () ->
            text("#statusConnection").equals(window.messages().get("status.connection.connected")));
  }

  /**
   * Clicks a node once it is in the scene; TestFX checks visibility off the UI thread, so a click
   * that races a layout change is tried again.
   */
  protected void clickWhenReady(String query) {
    waitUntil(() -> lookup(query).tryQuery().map(n -> n.getScene() != null).orElse(false));
    // Until the layout settles, however long a busy machine takes; not a fixed number of tries.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        scrollIntoView(lookup(query).query());
        clickOn(query);
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Scrolls the nearest scroll pane around {@code node} so that the node is in sight. */
  protected void scrollIntoView(Node node) {
    interact(
        () -> {
          for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
              double content = pane.getContent().getBoundsInLocal().getHeight();
              double view = pane.getViewportBounds().getHeight();
              if (content > view) {
                double y =
                    pane.getContent()
                        .sceneToLocal(node.localToScene(node.getBoundsInLocal()))
                        .getMinY();
                pane.setVvalue(Math.max(0, Math.min(1, y / (content - view))));
              }
              return;
            }
          }
        });
  }

  /**
   * Types {@code text} as TestFX's {@code write} does (a key press, key typed and key release in
   * the scene of the focused window for each character, Enter for a newline and Tab for a tab), and
   * like it returns once the window has handled them. TestFX waits five event-queue round trips and
   * sleeps after every character, about 0.1 s each on a loaded machine; here each character waits
   * for its own events to be handled, then the last for the queue to settle.
   */
  @Override
  public FxRobot write(String text) {
    Scene scene = typingWindow().getScene();
    BaseRobot keys = robotContext().getBaseRobot();
    for (char c : text.toCharArray()) {
      KeyCode key = c == '\n' ? KeyCode.ENTER : c == '\t' ? KeyCode.TAB : KeyCode.UNDEFINED;
      keys.typeKeyboard(scene, key, Character.toString(c));
      WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {}));
    }
    WaitForAsyncUtils.waitForFxEvents();
    return this;
  }

  /** The window TestFX types into: the focused one, else its target window, else the first. */
  private Window typingWindow() {
    WindowFinder windows = robotContext().getWindowFinder();
    Window focused = windows.window(Window::isFocused);
    if (focused != null) {
      return focused;
    }
    Window target = windows.targetWindow();
    return target != null ? target : windows.window(0);
  }

  /** Replaces a text field's content by clicking into it and typing. */
  protected void fill(String query, String text) {
    TextInputControl field = lookup(query).queryAs(TextInputControl.class);
    interact(field::clear);
    clickOn(field);
    write(text);
    waitUntil(() -> text.equals(field.getText()));
  }

  protected String text(String query) {
    Optional<Node> n = lookup(query).tryQuery();
    if (n.isEmpty()) {
      return "";
    }
    if (n.get() instanceof Labeled l) {
      return l.getText() == null ? "" : l.getText();
    }
    if (n.get() instanceof TextInputControl t) {
      return t.getText();
    }
    return n.get().toString();
  }

  protected static void waitUntil(Callable<Boolean> condition) {
    waitUntil(20, condition);
  }

  protected static void waitUntil(int seconds, Callable<Boolean> condition) {
    try {
      // The scene graph changes under the lookups (a shell rebuilt in another language);
      // a lookup that trips over a node leaving the scene just means "not yet".
      WaitForAsyncUtils.waitFor(
          seconds,
          TimeUnit.SECONDS,
          () -> {
            try {
              return condition.call();
            } catch (RuntimeException e) {
              return false;
            }
          });
    } catch (TimeoutException e) {
      throw new AssertionError("condition not met within " + seconds + " s", e);
    }
  }

  /** Answers the confirmation every posting asks for with Post. */
  protected void confirmPosting() {
    waitUntil(() -> lookup("#confirmPost").tryQuery().isPresent());
    clickOn("#confirmPost");
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isEmpty());
  }

  /** Saves the window as it looks now to target/screenshots/NAME. */
  protected Path screenshot(String name) {
    return screenshot(stage.getScene(), name);
  }

  /** Saves one scene (the main window's, or a dialog's) to target/screenshots/NAME. */
  protected Path screenshot(javafx.scene.Scene scene, String name) {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WritableImage image =
          WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
      BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
      Path dir = Path.of(System.getProperty("millstone.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      ImageIO.write(buffered, "png", file.toFile());
      assertThat(Files.size(file)).isGreaterThan(1000);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("cannot take screenshot " + name, e);
    }
  }
}

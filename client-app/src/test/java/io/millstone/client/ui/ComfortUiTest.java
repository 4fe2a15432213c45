package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.ClientWindow;
import io.millstone.client.core.Fonts;
import io.millstone.client.core.Theme;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Comfortable all day on an ordinary office PC: the window opens maximised and every screen fits
 * 1366×768; text can be made larger; status colours can be read (WCAG AA); Bangla looks the same on
 * any PC (the font comes with the client); the sign-in logo draws.
 */
class ComfortUiTest extends UiTest {
  static LiveServer server;
  static String admin;

  @BeforeAll
  static void company() {
    server = LiveServer.shared();
    UUID company = server.createCompany("Comfort Mill Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
  }

  @Test
  void theWindowOpensMaximisedAndEveryScreenFitsAnOfficeScreen() {
    assertThat(openedMaximised).as("the window opens maximised").isTrue();
    signInAndWait(admin);
    interact(
        () -> {
          stage.setWidth(1366);
          stage.setHeight(768);
        });
    WaitForAsyncUtils.waitForFxEvents();
    Scene scene = stage.getScene();
    Region header = lookup(".ms-header").queryAs(Region.class);
    assertThat(header.prefWidth(-1)).as("the header fits").isLessThanOrEqualTo(scene.getWidth());
    List<String> screens = new ArrayList<>();
    lookup(".ms-nav .button").queryAll().stream()
        .map(Node::getId)
        .filter(id -> id != null && id.startsWith("nav-"))
        .forEach(id -> screens.add(id.substring("nav-".length())));
    assertThat(screens).hasSizeGreaterThan(25);
    TabPane tabs = lookup("#workTabs").queryAs(TabPane.class);
    List<String> tooWide = new ArrayList<>();
    for (String id : screens) {
      interact(() -> window.shell().open(id, ""));
      WaitForAsyncUtils.waitForFxEvents();
      interact(
          () -> {
            var tab = tabs.getSelectionModel().getSelectedItem();
            Node content = tab == null ? null : tab.getContent();
            if (content instanceof Region r
                && (r.minWidth(-1) > tabs.getWidth() + 1
                    || r.minHeight(r.getWidth()) > tabs.getHeight() + 1)) {
              tooWide.add(
                  id
                      + " needs "
                      + r.minWidth(-1)
                      + "×"
                      + r.minHeight(r.getWidth())
                      + " of "
                      + tabs.getWidth()
                      + "×"
                      + tabs.getHeight());
            }
          });
      interact(() -> window.shell().closeAll());
    }
    assertThat(tooWide).as("screens larger than a 1366×768 window").isEmpty();
    interact(() -> window.shell().open("items", ""));
    waitUntil(() -> text("#rowCount").endsWith(" rows"));
    screenshot("window-1366x768.png");
  }

  @Test
  void textGrowsTo130PercentAndStaysSoAtTheNextStart() {
    signInAndWait(admin);
    double before = statusFont();
    clickOn("#textSize");
    clickOn("#textSize-130");
    waitUntil(() -> statusFont() > before + 1);
    assertThat(statusFont()).isCloseTo(before * 1.3, org.assertj.core.data.Offset.offset(0.6));
    screenshot("text-size-130.png");
    // Ctrl+0 is back to 100 %, once the menu has closed and the keys reach the window again.
    waitUntil(
        () ->
            !lookup("#textSize").queryAs(javafx.scene.control.MenuButton.class).isShowing()
                && stage.isFocused());
    press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT0)
        .release(javafx.scene.input.KeyCode.DIGIT0, javafx.scene.input.KeyCode.CONTROL);
    waitUntil(() -> Math.abs(statusFont() - before) < 0.01);
    clickOn("#textSize");
    clickOn("#textSize-120");
    waitUntil(() -> statusFont() > before + 1);
    // A new window on the same settings starts at 120 %.
    interact(
        () -> {
          window.dispose();
          window =
              new ClientWindow(
                  stage,
                  new ClientWindow.Options(config, LiveServer.shared().address(), null, null));
          window.show();
        });
    WaitForAsyncUtils.waitForFxEvents();
    Label title = lookup(".ms-login-card .label").queryAs(Label.class);
    assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: 16.8px");
    assertThat(title.getFont().getSize()).isGreaterThan(0);
  }

  /** The status bar's text size once styles are applied (as the window shows it). */
  private double statusFont() {
    double[] size = new double[1];
    interact(
        () -> {
          Label l = lookup("#statusUser").queryAs(Label.class);
          l.getScene().getRoot().applyCss();
          size[0] = l.getFont().getSize();
        });
    return size[0];
  }

  @Test
  void theSignInLogoDrawsAndBanglaHasItsOwnFont() {
    waitUntil(() -> lookup("#logo").tryQuery().isPresent());
    Node logo = lookup("#logo").query();
    Color accent =
        (Color) lookup(".ms-logo-stone").queryAs(javafx.scene.shape.Shape.class).getFill();
    WritableImage shot = new WritableImage(1, 1);
    WritableImage[] holder = {shot};
    interact(() -> holder[0] = logo.snapshot(new SnapshotParameters(), null));
    Bounds b = logo.getBoundsInParent();
    assertThat(b.getWidth()).isGreaterThan(30);
    PixelReader px = holder[0].getPixelReader();
    int stone = 0;
    int all = 0;
    for (int y = 0; y < (int) holder[0].getHeight(); y++) {
      for (int x = 0; x < (int) holder[0].getWidth(); x++) {
        all++;
        Color c = px.getColor(x, y);
        if (distance(c, accent) < 0.12) {
          stone++;
        }
      }
    }
    assertThat((double) stone / all)
        .as("share of the logo in the accent colour")
        .isGreaterThan(0.3);
    screenshot("login.png");

    assertThat(Fonts.bundledBengali()).as("Bangla comes from the bundled font").isTrue();
    assertThat(Fonts.bengaliFamily()).isEqualTo("Noto Sans Bengali");
    assertThat(Font.getFamilies()).contains("Noto Sans Bengali");
  }

  /** Status colours against the backgrounds they sit on, in the light and the dark theme. */
  @Test
  void statusColoursMeetWcagAaContrastInBothThemes() {
    List<String> failures = new ArrayList<>();
    for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
      interact(theme::apply);
      interact(() -> failures.addAll(contrastFailures(theme)));
    }
    interact(window.theme()::apply);
    assertThat(failures).as("text below 4.5:1 against its background").isEmpty();
  }

  /** Each status text class on the surfaces it is used on. */
  private List<String> contrastFailures(Theme theme) {
    List<String[]> texts =
        List.of(
            new String[] {"label", "danger"},
            new String[] {"label", "success"},
            new String[] {"label", "warning"},
            new String[] {"label", "accent"},
            new String[] {"label", "text-muted"},
            new String[] {"label", "ms-error-text"},
            new String[] {"label", "ms-report-flag"},
            new String[] {"label", "ms-tag-value", "ms-tag-normal"},
            new String[] {"label", "ms-tag-value", "ms-tag-high"},
            new String[] {"label", "ms-tag-value", "ms-tag-low"},
            new String[] {"label", "ms-tag-value", "ms-tag-stale"},
            new String[] {"label", "ms-tag-chip", "ms-tag-normal"},
            new String[] {"label", "ms-tag-chip", "ms-tag-high"},
            new String[] {"label", "ms-tag-chip", "ms-tag-low"},
            new String[] {"label", "ms-tag-chip", "ms-tag-stale"});
    List<String> surfaces = List.of("-color-bg-default", "-color-bg-subtle");
    List<String> failures = new ArrayList<>();
    for (String surface : surfaces) {
      for (String[] classes : texts) {
        StackPane bg = new StackPane();
        bg.setStyle("-fx-background-color: " + surface + ";");
        Label l = new Label("1 234.50");
        l.getStyleClass().setAll(classes);
        bg.getChildren().add(l);
        VBox root = new VBox(bg);
        Scene s = new Scene(root, 200, 100);
        s.getStylesheets().add(ClientWindow.class.getResource("client.css").toExternalForm());
        root.applyCss();
        Color under = fill(bg.getBackground(), Color.WHITE);
        Color own = fill(l.getBackground(), null);
        Color back = own == null ? under : blend(own, under);
        Color text = blend((Color) l.getTextFill(), back);
        double ratio = contrast(text, back);
        if (ratio < 4.5) {
          failures.add(
              theme
                  + " "
                  + String.join(".", classes)
                  + " on "
                  + surface
                  + ": "
                  + String.format("%.2f", ratio)
                  + " ("
                  + text
                  + " on "
                  + back
                  + ")");
        }
      }
    }
    // Alarm rows: the table's text on their tinted rows.
    for (String row : List.of("ms-alarm-active", "ms-alarm-unacknowledged")) {
      StackPane page = new StackPane();
      page.setStyle("-fx-background-color: -color-bg-default;");
      javafx.scene.control.TableRow<Object> r = new javafx.scene.control.TableRow<>();
      r.getStyleClass().add(row);
      Label cell = new Label("Boiler pressure high");
      page.getChildren().addAll(r, cell);
      Scene s = new Scene(new VBox(page), 200, 100);
      s.getStylesheets().add(ClientWindow.class.getResource("client.css").toExternalForm());
      page.applyCss();
      Color back = blend(fill(r.getBackground(), Color.WHITE), fill(page.getBackground(), null));
      double ratio = contrast(blend((Color) cell.getTextFill(), back), back);
      if (ratio < 4.5) {
        failures.add(theme + " text on " + row + ": " + String.format("%.2f", ratio));
      }
    }
    return failures;
  }

  private static Color fill(Background b, Color fallback) {
    if (b == null || b.getFills().isEmpty()) {
      return fallback;
    }
    BackgroundFill f = b.getFills().get(b.getFills().size() - 1);
    Paint p = f.getFill();
    return p instanceof Color c ? c : fallback;
  }

  /** {@code top} drawn over {@code under} (its transparency let through). */
  static Color blend(Color top, Color under) {
    if (under == null) {
      return top;
    }
    double a = top.getOpacity();
    return new Color(
        top.getRed() * a + under.getRed() * (1 - a),
        top.getGreen() * a + under.getGreen() * (1 - a),
        top.getBlue() * a + under.getBlue() * (1 - a),
        1);
  }

  /** WCAG 2.1 contrast ratio. */
  static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * channel(c.getRed())
        + 0.7152 * channel(c.getGreen())
        + 0.0722 * channel(c.getBlue());
  }

  private static double channel(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static double distance(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed())
        + Math.abs(a.getGreen() - b.getGreen())
        + Math.abs(a.getBlue() - b.getBlue());
  }
}

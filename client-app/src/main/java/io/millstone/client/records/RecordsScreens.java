package io.millstone.client.records;

import io.millstone.api.records.v1.SearchHit;
import io.millstone.client.core.Messages;
import io.millstone.client.core.RecordLookup;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.SidePanels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Finding anything: the search screen, the palette's lookup of documents by number and words, a
 * record's tab (its side panel) and the side panels of other screens' records.
 */
public final class RecordsScreens {
  public static final String SEARCH = "search";
  public static final String READ = "records.read";
  public static final String ANNOTATE = "records.annotate";

  /** Master records: the palette finds them through their own screens' lookups already. */
  static final Set<String> MASTER = Set.of("item", "customer", "supplier", "warehouse");

  /** The list screen that shows a record of a kind, filtered by its number or code. */
  static final Map<String, String> SCREENS =
      Map.of(
          "sales_order", "sales-orders",
          "purchase_order", "purchase-orders",
          "production_run", "production-runs",
          "item", "items",
          "customer", "customers",
          "supplier", "suppliers",
          "warehouse", "warehouses",
          "cane_permit", "permits",
          "grower", "growers");

  /** The shell, as these screens need it: opening another screen, known after they are built. */
  public interface Navigator {
    boolean canOpen(String screenId);

    void open(String screenId, String filter);
  }

  private final ScreenContext ctx;
  private final RecordsGateway gateway;
  private final RecentItems recent;
  private final Navigator navigator;

  public RecordsScreens(
      ScreenContext ctx, RecordsGateway gateway, RecentItems recent, Navigator navigator) {
    this.ctx = ctx;
    this.gateway = gateway;
    this.recent = recent;
    this.navigator = navigator;
  }

  public ScreenDefinition definition() {
    return new ScreenDefinition(
        SEARCH,
        "screen.search",
        "domain.masterdata",
        READ,
        Material2MZ.SEARCH,
        filter -> {
          SearchViewModel vm = new SearchViewModel(gateway, ctx.executor(), ctx.messages(), recent);
          SearchView view = new SearchView(vm, ctx.messages(), r -> openRecord(r));
          if (!filter.isBlank()) {
            vm.queryProperty().set(filter);
            vm.search();
          }
          return view;
        },
        List.of("search.palette.recent"));
  }

  /**
   * The palette's lookup: documents, growers and machines by number or words (master records come
   * from their own lookups). Enter opens a document in its screen where it has one, else its record
   * tab.
   */
  public RecordLookup lookup() {
    Messages m = ctx.messages();
    return new RecordLookup() {
      @Override
      public String screenId() {
        return SEARCH;
      }

      @Override
      public List<RecordLookup.Hit> find(String text, int limit) throws Exception {
        return gateway.search(text, Math.max(limit, 8)).stream()
            .filter(h -> !MASTER.contains(h.getRecord().getKind()))
            .map(
                h -> {
                  SearchViewModel.Row r = SearchViewModel.row(h, m);
                  return new RecordLookup.Hit(
                      label(h, r), r.kindLabel(), () -> openInScreenOrTab(r));
                })
            .toList();
      }
    };
  }

  /** The palette's line is narrow: the number and the party or name, the rest on the screen. */
  private static String label(SearchHit h, SearchViewModel.Row r) {
    return r.reference() + (h.getTitle().isBlank() ? "" : "  —  " + h.getTitle());
  }

  /** Opens the record in its list screen (filtered to it) if it has one, else in its own tab. */
  public void openInScreenOrTab(SearchViewModel.Row r) {
    recent.opened(r.recent());
    Optional<String> screen = Optional.ofNullable(SCREENS.get(r.kind()));
    if (screen.isPresent() && navigator.canOpen(screen.get())) {
      navigator.open(screen.get(), r.reference());
    } else {
      openRecord(r);
    }
  }

  /** The record's own tab: what it is, a way to its screen, and its side panel. */
  public void openRecord(SearchViewModel.Row r) {
    Messages m = ctx.messages();
    Label title = new Label(r.kindLabel() + "  " + r.reference());
    title.setId("recordTitle");
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    Label summary = new Label(r.summary());
    summary.setId("recordSummary");
    HBox head = new HBox(12, title, summary);
    head.setAlignment(Pos.CENTER_LEFT);
    String screen = SCREENS.get(r.kind());
    if (screen != null && navigator.canOpen(screen)) {
      Button go = new Button(m.get("records.openScreen"), new FontIcon(Material2MZ.OPEN_IN_NEW));
      go.setId("recordOpenScreen");
      go.setOnAction(e -> navigator.open(screen, r.reference()));
      head.getChildren().add(go);
    }
    head.setPadding(new Insets(10, 10, 0, 10));
    BorderPane content = new BorderPane();
    content.setTop(head);
    content.setCenter(panel(r.kind(), r.id()));
    ctx.workbench()
        .show(
            "record-" + r.kind() + "-" + r.id(),
            new SimpleStringProperty(r.reference()),
            content,
            close -> close.run());
  }

  /** The side panel of one record, loading as it is shown. */
  public Node panel(String kind, String id) {
    RecordPanelViewModel vm =
        new RecordPanelViewModel(
            gateway, ctx.executor(), ctx.messages(), kind, id, ctx.can(ANNOTATE));
    RecordPanelView view = new RecordPanelView(vm, ctx.messages(), ctx.owner());
    vm.load();
    return view;
  }

  /** The tabs of saved documents, by how their screens name them, and the kind of each. */
  private static final java.util.Map<String, String> DOCUMENT_TABS =
      java.util.Map.of(
          "sales-order-", "sales_order",
          "sales-invoice-", "sales_invoice",
          "purchase-order-", "purchase_order",
          "supplier-bill-", "supplier_bill",
          "production-run-", "production_run");

  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * A saved document's screen with its notes, files and history beside it (a new, unsaved document
   * has none yet); any other screen as it is.
   */
  public Node besideDocument(String tabId, Node content) {
    if (!ctx.can(READ)) {
      return content;
    }
    for (var tab : DOCUMENT_TABS.entrySet()) {
      if (tabId.startsWith(tab.getKey())) {
        String id = tabId.substring(tab.getKey().length());
        if (!ID.matcher(id).matches()) {
          return content;
        }
        Node panel = panel(tab.getValue(), id);
        if (panel instanceof javafx.scene.layout.Region r) {
          // The document keeps the room it needs; the panel takes what is left.
          r.setMinWidth(0);
        }
        javafx.scene.control.SplitPane split =
            new javafx.scene.control.SplitPane(content, panel) {
              @Override
              public void requestFocus() {
                // Opening the tab focuses the document, as without the panel.
                content.requestFocus();
              }
            };
        split.setId("documentWithPanel");
        split.setDividerPositions(0.7);
        return split;
      }
    }
    return content;
  }

  /** Side panels for other screens' records, or none without the records permission. */
  public SidePanels sidePanels() {
    return ctx.can(READ) ? this::panel : SidePanels.NONE;
  }
}

package io.millstone.client.home;

import io.millstone.api.analytics.v1.CardGroup;
import io.millstone.api.analytics.v1.Home;
import io.millstone.api.analytics.v1.HomeCard;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The home screen's state: the person's cards as display text, and when to fetch them again. The
 * cards are fetched when the home screen comes into view, every minute while it stays in view (the
 * view's timer calls {@link #tick()}) and when the window gets the focus back; never while hidden,
 * and never twice at once.
 */
public final class HomeViewModel extends AbstractViewModel {
  /** The production report's screen (registered by the production report). */
  public static final String PRODUCTION_REPORT = "production-report";

  /** One card as shown: texts ready, {@code opens} when this client has the screen it names. */
  public record Card(
      String id,
      CardGroup group,
      String title,
      String value,
      String detail,
      List<BigDecimal> series,
      String screenId,
      String filter,
      boolean attention,
      boolean opens) {}

  private final HomeGateway gateway;
  private final Messages messages;
  private final Predicate<String> hasScreen;
  private final Clock clock;
  private final ObservableList<Card> cards = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
  private boolean shown;
  private boolean fetching;

  public HomeViewModel(
      HomeGateway gateway,
      UiTaskExecutor executor,
      Messages messages,
      Predicate<String> hasScreen,
      Clock clock) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.hasScreen = hasScreen;
    this.clock = clock;
  }

  /** The home screen came into view (true) or left it (false); coming into view fetches. */
  public void shown(boolean value) {
    boolean was = shown;
    shown = value;
    if (value && !was) {
      refresh();
    }
  }

  public boolean isShown() {
    return shown;
  }

  /** The minute's timer: fetches again while the home screen is in view. */
  public void tick() {
    if (shown) {
      refresh();
    }
  }

  /** The window got the focus back (the person returns to the client): fresh figures if shown. */
  public void windowFocused() {
    tick();
  }

  /** Fetches the cards now, unless a fetch is already under way. */
  public void refresh() {
    if (fetching) {
      return;
    }
    fetching = true;
    setBusy(true);
    executor.submit(
        gateway::home,
        home -> {
          fetching = false;
          setBusy(false);
          setMessage("");
          show(home);
        },
        t -> {
          fetching = false;
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private void show(Home home) {
    cards.setAll(home.getCardsList().stream().map(this::card).toList());
    updated.set(
        messages.get(
            "home.updated",
            LocalTime.now(clock.withZone(io.millstone.client.core.Dates.zone()))
                .format(DateTimeFormatter.ofPattern("HH:mm"))));
  }

  Card card(HomeCard c) {
    List<BigDecimal> series =
        c.getSeriesList().stream().map(d -> Amounts.of(d.getValue())).toList();
    String currency = c.hasMoney() ? c.getMoney().getCurrencyCode() : "";
    return new Card(
        c.getId(),
        c.getGroup(),
        messages.get("home.card." + c.getId()),
        value(c),
        messages.get("home.detail." + c.getId(), c.getDocuments(), currency),
        series,
        c.getScreenId(),
        c.getFilter(),
        c.getAttention(),
        !c.getScreenId().isEmpty() && hasScreen.test(c.getScreenId()));
  }

  /** The figure as read at a glance: money grouped, tonnes to one decimal, percent to two. */
  static String value(HomeCard c) {
    return switch (c.getValueCase()) {
      case COUNT -> Amounts.quantityShown(BigDecimal.valueOf(c.getCount()));
      case MONEY -> Amounts.money(c.getMoney().getAmount());
      case TONNES ->
          Amounts.quantityShown(
                  Amounts.of(c.getTonnes().getValue()).setScale(1, RoundingMode.HALF_EVEN))
              + " t";
      case PERCENT ->
          Amounts.quantityShown(
                  Amounts.of(c.getPercent().getValue()).setScale(2, RoundingMode.HALF_EVEN))
              + " %";
      case VALUE_NOT_SET -> "\u2014";
    };
  }

  /** The groups that have cards, in the order the home screen shows them. */
  public List<CardGroup> groups() {
    return List.of(
            CardGroup.CARD_GROUP_APPROVALS,
            CardGroup.CARD_GROUP_PRODUCTION,
            CardGroup.CARD_GROUP_SALES,
            CardGroup.CARD_GROUP_STORES,
            CardGroup.CARD_GROUP_ACCOUNTS)
        .stream()
        .filter(g -> cards.stream().anyMatch(c -> c.group() == g))
        .toList();
  }

  /** The button to yesterday's production report shows once this client has that screen. */
  public boolean offersProductionReport() {
    return hasScreen.test(PRODUCTION_REPORT)
        && cards.stream().anyMatch(c -> c.group() == CardGroup.CARD_GROUP_PRODUCTION);
  }

  public ObservableList<Card> cards() {
    return cards;
  }

  public ReadOnlyStringProperty updatedProperty() {
    return updated.getReadOnlyProperty();
  }
}

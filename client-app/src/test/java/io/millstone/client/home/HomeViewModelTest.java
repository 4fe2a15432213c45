package io.millstone.client.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.analytics.v1.CardGroup;
import io.millstone.api.analytics.v1.Home;
import io.millstone.api.analytics.v1.HomeCard;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.Money;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HomeViewModelTest {
  final AtomicInteger fetched = new AtomicInteger();
  final Home home =
      Home.newBuilder()
          .addCards(
              HomeCard.newBuilder()
                  .setId("sales.orders.today")
                  .setGroup(CardGroup.CARD_GROUP_SALES)
                  .setMoney(Money.newBuilder().setAmount("138000.0000").setCurrencyCode("BDT"))
                  .setDocuments(1)
                  .addSeries(Decimal.newBuilder().setValue("0"))
                  .addSeries(Decimal.newBuilder().setValue("138000"))
                  .setScreenId("sales-orders"))
          .addCards(
              HomeCard.newBuilder()
                  .setId("production.oee.now")
                  .setGroup(CardGroup.CARD_GROUP_PRODUCTION)
                  .setScreenId("production-oee"))
          .addCards(
              HomeCard.newBuilder()
                  .setId("production.recovery.today")
                  .setGroup(CardGroup.CARD_GROUP_PRODUCTION)
                  .setPercent(Decimal.newBuilder().setValue("10.25"))
                  .setScreenId("production-day"))
          .build();
  final Set<String> screens = new java.util.HashSet<>(Set.of("sales-orders", "production-day"));
  final HomeViewModel vm =
      new HomeViewModel(
          () -> {
            fetched.incrementAndGet();
            return home;
          },
          new DirectExecutor(),
          new Messages(Messages.ENGLISH),
          screens::contains,
          Clock.fixed(Instant.parse("2026-12-07T03:30:00Z"), ZoneOffset.UTC));

  @Test
  void cardsReadAtAGlanceAndOpenOnlyScreensThisClientHas() {
    vm.shown(true);
    assertThat(vm.cards()).hasSize(3);
    HomeViewModel.Card orders = vm.cards().get(0);
    assertThat(orders.title()).isEqualTo("Orders today");
    assertThat(orders.value()).isEqualTo("1,38,000.00");
    assertThat(orders.detail()).isEqualTo("BDT \u00b7 1 order");
    assertThat(orders.series()).hasSize(2);
    assertThat(orders.opens()).isTrue();
    HomeViewModel.Card oee = vm.cards().get(1);
    assertThat(oee.value()).as("no figure yet").isEqualTo("\u2014");
    assertThat(oee.opens()).as("no OEE screen in this client yet").isFalse();
    assertThat(vm.cards().get(2).value()).isEqualTo("10.25 %");
    assertThat(vm.groups())
        .containsExactly(CardGroup.CARD_GROUP_PRODUCTION, CardGroup.CARD_GROUP_SALES);
    assertThat(vm.updatedProperty().get()).isEqualTo("Updated 09:30");
  }

  @Test
  void theProductionReportIsOfferedOnceTheClientHasItsScreen() {
    vm.shown(true);
    assertThat(vm.offersProductionReport()).isFalse();
    screens.add(HomeViewModel.PRODUCTION_REPORT);
    assertThat(vm.offersProductionReport()).isTrue();
  }

  @Test
  void figuresAreFetchedWhileShownAndNeverWhileHidden() {
    vm.tick();
    vm.windowFocused();
    assertThat(fetched).as("hidden: the timer and the focus fetch nothing").hasValue(0);
    vm.shown(true);
    assertThat(fetched).as("coming into view fetches").hasValue(1);
    vm.tick();
    vm.windowFocused();
    assertThat(fetched).hasValue(3);
    vm.shown(false);
    vm.tick();
    assertThat(fetched).hasValue(3);
  }
}

package io.millstone.server.reporting;

import java.time.LocalDate;
import java.util.List;

/** The caller's home screen: today in the company's zone, the currency and the cards. */
public record Home(LocalDate today, String currency, List<HomeCard> cards) {}

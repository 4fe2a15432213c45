package io.millstone.client.telemetry;

/** Asks the person before something that cannot be undone; true only when they said yes. */
@FunctionalInterface
public interface Confirmation {
  boolean ask(String title, String question, String yes);
}

package io.millstone.client.core;

/** Tells the person that background work finished, without interrupting them. */
public interface Notifier {
  void notify(String title, String text);
}

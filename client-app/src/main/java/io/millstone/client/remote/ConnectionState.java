package io.millstone.client.remote;

/** The state of the link to the server, as the status bar shows it. */
public enum ConnectionState {
  CONNECTED,
  CONNECTING,
  RECONNECTING,
  CLOSED
}

package io.millstone.client.home;

import io.millstone.api.analytics.v1.Home;
import io.millstone.client.remote.RemoteException;

/** The home screen's cards, as the server computes them for the signed-in person. */
public interface HomeGateway {
  Home home() throws RemoteException;
}

package io.millstone.client.identity;

import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.ResetPasswordResponse;
import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.api.purchasing.v1.PurchasingSettings;
import io.millstone.client.remote.RemoteException;
import java.util.List;

/** What the administration screens ask of the server: users, roles, the company, the caller. */
public interface AdminGateway {
  User createUser(
      String username, String displayName, String password, List<String> roles, boolean oneTime)
      throws RemoteException;

  /** The user as stored now (UserService.GetUser), with the version to send back. */
  User user(String id) throws RemoteException;

  User updateRoles(String id, List<String> roles, long version) throws RemoteException;

  User deactivate(String id, long version) throws RemoteException;

  ResetPasswordResponse resetPassword(String id) throws RemoteException;

  List<Role> roles() throws RemoteException;

  WhoAmIResponse whoAmI() throws RemoteException;

  /** Changes the caller's password; returns how many other sessions were signed out. */
  int changePassword(String current, String next) throws RemoteException;

  Company company() throws RemoteException;

  /** Saves the settings and puts the company's new way of writing dates and times in force. */
  Company updateCompany(UpdateCompanyRequest request) throws RemoteException;

  PurchasingSettings purchasingSettings() throws RemoteException;

  PurchasingSettings updatePurchasingSettings(PurchasingSettings settings) throws RemoteException;
}

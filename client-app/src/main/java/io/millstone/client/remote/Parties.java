package io.millstone.client.remote;

import io.millstone.api.masterdata.v1.CreatePartyRequest;
import io.millstone.api.masterdata.v1.CustomerServiceGrpc;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.GetRequest;
import io.millstone.api.masterdata.v1.ListPartiesResponse;
import io.millstone.api.masterdata.v1.ListRequest;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.SupplierServiceGrpc;
import io.millstone.api.masterdata.v1.UpdatePartyRequest;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.list.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/** Customers or suppliers on the server: the same record shape behind two services. */
public final class Parties extends MasterDataGateway<Party>
    implements io.millstone.client.core.form.Deactivating<Party> {

  /** Which of the two services. */
  public enum Role {
    CUSTOMERS,
    SUPPLIERS
  }

  private final Role role;

  public Parties(Session session, Role role) {
    super(session);
    this.role = role;
  }

  private ListPartiesResponse list(ListRequest r) {
    var ch = session.connection().channel();
    return role == Role.CUSTOMERS
        ? session.stub(CustomerServiceGrpc.newBlockingStub(ch)).listCustomers(r)
        : session.stub(SupplierServiceGrpc.newBlockingStub(ch)).listSuppliers(r);
  }

  private Party getOne(GetRequest r) {
    var ch = session.connection().channel();
    return role == Role.CUSTOMERS
        ? session.stub(CustomerServiceGrpc.newBlockingStub(ch)).getCustomer(r)
        : session.stub(SupplierServiceGrpc.newBlockingStub(ch)).getSupplier(r);
  }

  private Party createOne(CreatePartyRequest r) {
    var ch = session.connection().channel();
    return role == Role.CUSTOMERS
        ? session.stub(CustomerServiceGrpc.newBlockingStub(ch)).createCustomer(r)
        : session.stub(SupplierServiceGrpc.newBlockingStub(ch)).createSupplier(r);
  }

  private Party updateOne(UpdatePartyRequest r) {
    var ch = session.connection().channel();
    return role == Role.CUSTOMERS
        ? session.stub(CustomerServiceGrpc.newBlockingStub(ch)).updateCustomer(r)
        : session.stub(SupplierServiceGrpc.newBlockingStub(ch)).updateSupplier(r);
  }

  @Override
  public boolean isActive(Party r) {
    return r.getActive();
  }

  /** Deactivates the party; it disappears from lists unless the filter asks for inactive ones. */
  @Override
  public Party deactivate(Party p) throws RemoteException {
    var ch = session.connection().channel();
    DeactivateRequest r =
        DeactivateRequest.newBuilder().setId(p.getId()).setVersion(p.getVersion()).build();
    return Calls.call(
        () ->
            role == Role.CUSTOMERS
                ? session.stub(CustomerServiceGrpc.newBlockingStub(ch)).deactivateCustomer(r)
                : session.stub(SupplierServiceGrpc.newBlockingStub(ch)).deactivateSupplier(r));
  }

  @Override
  public Page<Party> fetch(Query query, String pageToken, int pageSize) throws RemoteException {
    ListPartiesResponse r = Calls.call(() -> list(listRequest(query, pageToken, pageSize)));
    return new Page<>(
        r.getPartiesList(), r.getPage().getNextPageToken(), r.getPage().getTotalSize());
  }

  @Override
  public Party get(String id) throws RemoteException {
    return Calls.call(() -> getOne(getRequest(id)));
  }

  @Override
  public Party create(Map<String, String> v, String idempotencyKey) throws RemoteException {
    int terms = integer(v, "payment_terms_days");
    CreatePartyRequest.Builder b =
        CreatePartyRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setCode(text(v, "code"))
            .setName(text(v, "name"))
            .setAddress(text(v, "address"))
            .setPhone(text(v, "phone"))
            .setBin(text(v, "bin"))
            .setPaymentTermsDays(terms)
            .setNoCreditLimit(noCreditLimit(v));
    if (!text(v, "credit_limit.amount").isEmpty()) {
      b.setCreditLimit(money(v, "credit_limit"));
    }
    return Calls.call(() -> createOne(b.build()));
  }

  @Override
  public Party update(Party original, Map<String, String> v) throws RemoteException {
    int terms = integer(v, "payment_terms_days");
    UpdatePartyRequest.Builder b =
        UpdatePartyRequest.newBuilder()
            .setId(original.getId())
            .setVersion(original.getVersion())
            .setName(text(v, "name"))
            .setAddress(text(v, "address"))
            .setPhone(text(v, "phone"))
            .setBin(text(v, "bin"))
            .setPaymentTermsDays(terms)
            // The supplier form has no credit choice: a supplier that is also a customer keeps it.
            .setNoCreditLimit(
                v.containsKey("no_credit_limit") ? noCreditLimit(v) : original.getNoCreditLimit());
    if (!text(v, "credit_limit.amount").isEmpty()) {
      b.setCreditLimit(money(v, "credit_limit"));
    }
    return Calls.call(() -> updateOne(b.build()));
  }

  @Override
  public Map<String, String> valuesOf(Party p) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", p.getCode());
    v.put("name", p.getName());
    v.put("address", p.getAddress());
    v.put("phone", p.getPhone());
    v.put("bin", p.getBin());
    v.put(
        "credit_limit.amount",
        p.getNoCreditLimit() ? "" : Amounts.money(p.getCreditLimit().getAmount()));
    if (p.getIsCustomer()) {
      v.put("no_credit_limit", p.getNoCreditLimit() ? CREDIT_UNLIMITED : CREDIT_LIMITED);
    }
    v.put("payment_terms_days", Integer.toString(p.getPaymentTermsDays()));
    return v;
  }

  @Override
  public String idOf(Party record) {
    return record.getId();
  }

  /** The credit choice of the customer form; supplier forms do not have it. */
  private static boolean noCreditLimit(Map<String, String> v) {
    return CREDIT_UNLIMITED.equals(v.get("no_credit_limit"));
  }

  /** Values of the customer form's "no_credit_limit" choice. */
  public static final String CREDIT_LIMITED = "CREDIT_LIMITED";

  public static final String CREDIT_UNLIMITED = "CREDIT_UNLIMITED";
}

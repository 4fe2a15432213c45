package io.millstone.server.masterdata;

import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/** Finding master records of the actor's company by id or code. */
final class Records {
  private Records() {}

  static UUID parseId(String id) {
    UUID u = Ids.parseOrNull(id);
    if (u == null) {
      throw InvalidInputException.of("id", "is not a valid id");
    }
    return u;
  }

  static <T> T byId(Tx tx, Class<T> type, String what, String id) {
    UUID u = parseId(id);
    T found = tx.session().get(type, u);
    if (found == null) {
      throw new NotFoundException(what, id);
    }
    return found;
  }

  static <T> Optional<T> byCode(Tx tx, Class<T> type, String code) {
    return tx
        .session()
        .createSelectionQuery(
            "from " + type.getSimpleName() + " where companyId = :c and code = :code", type)
        .setParameter("c", tx.actor().orElseThrow().companyId())
        .setParameter("code", code)
        .getResultList()
        .stream()
        .findFirst();
  }
}

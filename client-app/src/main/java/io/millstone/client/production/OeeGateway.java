package io.millstone.client.production;

import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.OeePeriod;
import io.millstone.api.production.v1.Shift;
import java.time.LocalDate;

/** What the OEE screen asks of the server. Blocks; call it off the UI thread. */
public interface OeeGateway {
  /**
   * OEE of every work centre and its machines for a shift of a date, the date, or the season up to
   * the date.
   */
  GetOeeResponse oee(OeePeriod period, LocalDate date, Shift shift) throws Exception;
}

package io.millstone.client.remote;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.LabServiceGrpc;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.SaveStreamLimitsRequest;
import io.millstone.api.production.v1.Stream;

/** Sets a stream's lab limits through the real LabService, for client tests. */
public final class LabFixture {
  private LabFixture() {}

  public static void limits(
      Session session, Stream stream, String brixMin, String brixMax, String purityMin) {
    session
        .stub(LabServiceGrpc.newBlockingStub(session.connection().channel()))
        .saveStreamLimits(
            SaveStreamLimitsRequest.newBuilder()
                .setStream(stream)
                .setBrix(Range.newBuilder().setMin(dec(brixMin)).setMax(dec(brixMax)))
                .setPurity(Range.newBuilder().setMin(dec(purityMin)))
                .build());
  }

  private static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }
}

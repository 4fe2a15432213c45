package io.millstone.server.production;

import static io.millstone.server.gateway.ProtoValues.date;
import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.word;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.production.v1.GetOeeRequest;
import io.millstone.api.production.v1.GetOeeResponse;
import io.millstone.api.production.v1.MachineOee;
import io.millstone.api.production.v1.OeeLine;
import io.millstone.api.production.v1.OeeLoss;
import io.millstone.api.production.v1.OeeServiceGrpc;
import io.millstone.api.production.v1.SetMachineOeeRequest;
import io.millstone.server.gateway.GatewayContext;

/** Adapter from the OeeService contract to {@link OeeDesk}. */
public final class OeeGrpcService extends OeeServiceGrpc.OeeServiceImplBase {
  private final OeeDesk desk;

  public OeeGrpcService(OeeDesk desk) {
    this.desk = desk;
  }

  @Override
  public void getOee(GetOeeRequest r, StreamObserver<GetOeeResponse> out) {
    {
      {
        OeeDesk.OeeView v =
            desk.get(
                GatewayContext.actor(),
                r.getWorkCentreCode().trim(),
                r.getMachineCode().trim(),
                word(r.getPeriod(), "OEE_PERIOD_"),
                date(r.getDate(), "date"),
                word(r.getShift(), "SHIFT_"),
                date(r.getFrom(), "from"));
        GetOeeResponse.Builder b =
            GetOeeResponse.newBuilder().setFrom(date(v.from())).setTo(date(v.to()));
        for (OeeRollups.Line l : v.lines()) {
          b.addLines(line(l));
        }
        reply(out, b.build());
      }
    }
  }

  static OeeLine line(OeeRollups.Line l) {
    OeeLine.Builder b =
        OeeLine.newBuilder()
            .setWorkCentreCode(l.workCentreCode())
            .setWorkCentreName(l.workCentreName())
            .setMachineCode(l.machineCode())
            .setName(l.name())
            .setAvailabilityPercent(decimal(l.figures().availabilityPercent()))
            .setPerformancePercent(decimal(l.figures().performancePercent()))
            .setQualityPercent(decimal(l.figures().qualityPercent()))
            .setOeePercent(decimal(l.figures().oeePercent()))
            .setProduced(decimal(l.produced()))
            .setGood(decimal(l.good()))
            .setUnit(l.unit())
            .setPlannedBusyMinutes(decimal(l.plannedBusyMinutes()))
            .setRunningMinutes(decimal(l.runningMinutes()))
            .setNoDataMinutes(decimal(l.noDataMinutes()));
    l.lossMinutes()
        .forEach((k, m) -> b.addLosses(OeeLoss.newBuilder().setCode(k).setMinutes(decimal(m))));
    return b.build();
  }

  @Override
  public void setMachineOee(SetMachineOeeRequest r, StreamObserver<MachineOee> out) {
    {
      {
        OeeDesk.MachineOeeView v =
            desk.setMachine(
                GatewayContext.actor(),
                r.getMachineCode().trim(),
                r.getIdealRatePerHour().getValue(),
                r.getRateUnit(),
                r.getProducedTagKey().trim(),
                r.getRejectedTagKey().trim());
        reply(
            out,
            MachineOee.newBuilder()
                .setMachineCode(v.machineCode())
                .setIdealRatePerHour(decimal(v.idealRatePerHour()))
                .setRateUnit(v.rateUnit())
                .setProducedTagKey(v.producedTagKey())
                .setRejectedTagKey(v.rejectedTagKey())
                .build());
      }
    }
  }
}

package io.millstone.server.reporting;

import static io.millstone.server.gateway.ProtoValues.date;
import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.timestamp;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.analytics.v1.DrillDown;
import io.millstone.api.analytics.v1.DrillKind;
import io.millstone.api.analytics.v1.Figure;
import io.millstone.api.analytics.v1.FigureGroup;
import io.millstone.api.analytics.v1.Flag;
import io.millstone.api.analytics.v1.GetProductionReportRequest;
import io.millstone.api.analytics.v1.LostTime;
import io.millstone.api.analytics.v1.ProductionReportServiceGrpc;
import io.millstone.api.analytics.v1.SeasonDay;
import io.millstone.api.analytics.v1.WorkCentreOee;
import io.millstone.api.common.v1.Decimal;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Consumer;

/** Adapter from the ProductionReportService contract to {@link ProductionReport}. */
public final class ProductionReportGrpcService
    extends ProductionReportServiceGrpc.ProductionReportServiceImplBase {
  private final ProductionReport report;

  public ProductionReportGrpcService(ProductionReport report) {
    this.report = report;
  }

  @Override
  public void getProductionReport(
      GetProductionReportRequest r,
      StreamObserver<io.millstone.api.analytics.v1.ProductionReport> out) {
    ProductionReport.Report v = report.get(GatewayContext.actor(), date(r.getDate(), "date"));
    var b =
        io.millstone.api.analytics.v1.ProductionReport.newBuilder()
            .setDate(ProtoValues.date(v.date()))
            .setSeasonCode(v.seasonCode())
            .setSeasonName(v.seasonName())
            .setSeasonStart(ProtoValues.date(v.seasonStart()))
            .setCrushingDays(v.crushingDays())
            .setBandPercent(decimal(v.bandPercent()))
            .setTimeZone(v.timeZone());
    v.figures().forEach(f -> b.addFigures(figure(f)));
    v.series()
        .forEach(
            d ->
                b.addSeries(
                    SeasonDay.newBuilder()
                        .setDate(ProtoValues.date(d.date()))
                        .setCaneCrushedTonnes(decimal(d.cane()))
                        .setCrushingRateTcd(decimal(d.tcd()))
                        .setRecoveryPercent(decimal(d.recovery()))));
    v.lostTimeDay().forEach(l -> b.addLostTimeDay(lost(l)));
    v.lostTimeSeason().forEach(l -> b.addLostTimeSeason(lost(l)));
    v.oee()
        .forEach(
            o ->
                b.addOee(
                    WorkCentreOee.newBuilder()
                        .setWorkCentreCode(o.workCentreCode())
                        .setAvailabilityPercent(decimal(o.availabilityPercent()))
                        .setPerformancePercent(decimal(o.performancePercent()))
                        .setQualityPercent(decimal(o.qualityPercent()))
                        .setOeePercent(decimal(o.oeePercent()))
                        .setPreviousDayOeePercent(decimal(o.previousDayOeePercent()))
                        .setSeasonOeePercent(decimal(o.seasonOeePercent()))));
    reply(out, b.build());
  }

  private static LostTime lost(ProductionReport.Lost l) {
    return LostTime.newBuilder()
        .setReason(l.reason())
        .setMinutes(l.minutes())
        .setCumulativePercent(decimal(l.cumulativePercent()))
        .build();
  }

  private static Figure figure(ProductionReport.Figure f) {
    var b =
        Figure.newBuilder()
            .setKey(f.key())
            .setGroup(FigureGroup.valueOf("FIGURE_GROUP_" + f.group()))
            .setLabel(f.label())
            .setUnit(f.unit())
            .setFlag(Flag.valueOf("FLAG_" + f.flag()))
            .setFlagReason(f.flagReason());
    set(f.shiftA(), b::setShiftA);
    set(f.shiftB(), b::setShiftB);
    set(f.shiftC(), b::setShiftC);
    set(f.day(), b::setDay);
    set(f.previousDay(), b::setPreviousDay);
    set(f.seasonToDate(), b::setSeasonToDate);
    set(f.seasonAverage(), b::setSeasonAverage);
    ProductionReport.Drill d = f.drill();
    var db = DrillDown.newBuilder().setKind(DrillKind.valueOf("DRILL_KIND_" + d.kind()));
    d.runIds().stream().map(UUID::toString).forEach(db::addRunIds);
    if (d.from() != null) {
      db.setFrom(timestamp(d.from()));
    }
    if (d.to() != null) {
      db.setTo(timestamp(d.to()));
    }
    db.setStream(d.stream()).setReason(d.reason()).setItemCode(d.itemCode());
    return b.setDrill(db).build();
  }

  /** Unset when the value does not apply, so the client tells "none" from zero. */
  private static void set(BigDecimal v, Consumer<Decimal> setter) {
    if (v != null) {
      setter.accept(decimal(v));
    }
  }
}

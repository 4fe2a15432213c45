package io.millstone.server.production;

import static io.millstone.server.gateway.ProtoValues.decimal;
import static io.millstone.server.gateway.ProtoValues.instant;
import static io.millstone.server.gateway.ProtoValues.timestamp;
import static io.millstone.server.gateway.ProtoValues.word;
import static io.millstone.server.gateway.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.LabServiceGrpc;
import io.millstone.api.production.v1.ListSamplesRequest;
import io.millstone.api.production.v1.ListSamplesResponse;
import io.millstone.api.production.v1.ListStreamLimitsRequest;
import io.millstone.api.production.v1.ListStreamLimitsResponse;
import io.millstone.api.production.v1.OutOfRange;
import io.millstone.api.production.v1.Range;
import io.millstone.api.production.v1.RecordSamplesRequest;
import io.millstone.api.production.v1.RecordSamplesResponse;
import io.millstone.api.production.v1.Sample;
import io.millstone.api.production.v1.SaveStreamLimitsRequest;
import io.millstone.api.production.v1.Stream;
import io.millstone.api.production.v1.StreamLimits;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.production.LabBench.LimitsView;
import io.millstone.server.production.LabBench.SampleView;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Adapter from the LabService contract to {@link LabBench}. */
public final class LabGrpcService extends LabServiceGrpc.LabServiceImplBase {
  private final LabBench lab;

  public LabGrpcService(LabBench lab) {
    this.lab = lab;
  }

  private static LabBench.Range range(Range r) {
    return new LabBench.Range(r.getMin().getValue(), r.getMax().getValue());
  }

  @Override
  public void saveStreamLimits(SaveStreamLimitsRequest r, StreamObserver<StreamLimits> out) {
    Map<String, LabBench.Range> ranges = new HashMap<>();
    ranges.put("brix", range(r.getBrix()));
    ranges.put("pol", range(r.getPol()));
    ranges.put("purity", range(r.getPurity()));
    ranges.put("colour_icumsa", range(r.getColourIcumsa()));
    ranges.put("moisture_percent", range(r.getMoisturePercent()));
    ranges.put("grain_mm", range(r.getGrainMm()));
    reply(
        out,
        limits(lab.saveLimits(GatewayContext.actor(), word(r.getStream(), "STREAM_"), ranges)));
  }

  @Override
  public void listStreamLimits(
      ListStreamLimitsRequest r, StreamObserver<ListStreamLimitsResponse> out) {
    var b = ListStreamLimitsResponse.newBuilder();
    lab.listLimits(GatewayContext.actor()).forEach(l -> b.addLimits(limits(l)));
    reply(out, b.build());
  }

  @Override
  public void recordSamples(RecordSamplesRequest r, StreamObserver<RecordSamplesResponse> out) {
    var samples =
        r.getSamplesList().stream()
            .map(
                s -> {
                  Map<String, String> values = new HashMap<>();
                  values.put("brix", s.getBrix().getValue());
                  values.put("pol", s.getPol().getValue());
                  values.put("colour_icumsa", s.getColourIcumsa().getValue());
                  values.put("moisture_percent", s.getMoisturePercent().getValue());
                  values.put("grain_mm", s.getGrainMm().getValue());
                  return new LabBench.SampleInput(
                      word(s.getStream(), "STREAM_"),
                      s.hasTakenAt() ? instant(s.getTakenAt()) : null,
                      s.getRunId(),
                      values,
                      s.getNote());
                })
            .toList();
    var b = RecordSamplesResponse.newBuilder();
    lab.record(GatewayContext.actor(), r.getIdempotencyKey().getValue(), samples)
        .forEach(s -> b.addSamples(sample(s)));
    reply(out, b.build());
  }

  @Override
  public void listSamples(ListSamplesRequest r, StreamObserver<ListSamplesResponse> out) {
    var page =
        lab.list(
            GatewayContext.actor(),
            word(r.getStream(), "STREAM_"),
            r.getRunId(),
            r.hasFrom() ? instant(r.getFrom()) : null,
            r.hasTo() ? instant(r.getTo()) : null,
            r.getOutOfRangeOnly(),
            r.getPage().getPageSize(),
            r.getPage().getPageToken());
    var b = ListSamplesResponse.newBuilder();
    page.samples().forEach(s -> b.addSamples(sample(s)));
    b.setPage(ProtoValues.page(page.nextPageToken()));
    reply(out, b.build());
  }

  private static Decimal value(BigDecimal d) {
    return decimal(d);
  }

  private static Range range(BigDecimal[] r) {
    var b = Range.newBuilder();
    if (r != null) {
      b.setMin(value(r[0])).setMax(value(r[1]));
    }
    return b.build();
  }

  private static StreamLimits limits(LimitsView v) {
    return StreamLimits.newBuilder()
        .setStream(Stream.valueOf("STREAM_" + v.stream()))
        .setBrix(range(v.ranges().get("brix")))
        .setPol(range(v.ranges().get("pol")))
        .setPurity(range(v.ranges().get("purity")))
        .setColourIcumsa(range(v.ranges().get("colour_icumsa")))
        .setMoisturePercent(range(v.ranges().get("moisture_percent")))
        .setGrainMm(range(v.ranges().get("grain_mm")))
        .build();
  }

  private static Sample sample(SampleView s) {
    var b =
        Sample.newBuilder()
            .setId(s.id().toString())
            .setStream(Stream.valueOf("STREAM_" + s.stream()))
            .setTakenAt(timestamp(s.takenAt()))
            .setRunId(s.runId() == null ? "" : s.runId().toString())
            .setBrix(value(s.values().get("brix")))
            .setPol(value(s.values().get("pol")))
            .setPurity(value(s.values().get("purity")))
            .setColourIcumsa(value(s.values().get("colour_icumsa")))
            .setMoisturePercent(value(s.values().get("moisture_percent")))
            .setGrainMm(value(s.values().get("grain_mm")))
            .setNote(s.note())
            .setRecordedBy(s.recordedBy());
    s.flags()
        .forEach(
            f -> b.addOutOfRange(OutOfRange.newBuilder().setField(f.field()).setSide(f.side())));
    return b.build();
  }
}

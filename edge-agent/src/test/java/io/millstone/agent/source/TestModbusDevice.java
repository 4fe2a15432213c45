package io.millstone.agent.source;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import io.millstone.server.platform.LoopbackPorts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Modbus TCP server on loopback (the library's own server implementation) whose registers
 * and coils a test sets, as a PLC's program would. It records every read it answers, and can refuse
 * input registers from some address on, as a device without them does.
 */
public final class TestModbusDevice implements AutoCloseable {
  public static final int UNIT = 1;

  /** A read the device answered: table, first address, quantity. */
  record Read(String table, int address, int quantity) {}

  final ProcessImage image = new ProcessImage();
  final List<Read> reads = new CopyOnWriteArrayList<>();
  private volatile int refuseInputFrom = Integer.MAX_VALUE;
  private final int port;
  private ModbusTcpServer server;

  public TestModbusDevice() {
    // Started again on the same port after stop(), as a device coming back.
    port = LoopbackPorts.free();
    start();
  }

  public int port() {
    return port;
  }

  public void start() {
    var transport =
        NettyTcpServerTransport.create(
            c -> {
              c.setBindAddress("127.0.0.1");
              c.setPort(port);
            });
    server = ModbusTcpServer.create(transport, new Services());
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the test device could not listen on " + port, e);
    }
  }

  /** Stops listening and drops every connection, as a device that loses power. */
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public void refuseInputRegistersFrom(int address) {
    refuseInputFrom = address;
  }

  public void holding(int address, int... words) {
    image.with(
        tx ->
            tx.writeHoldingRegisters(
                m -> {
                  for (int i = 0; i < words.length; i++) {
                    m.put(address + i, new byte[] {(byte) (words[i] >> 8), (byte) words[i]});
                  }
                }));
  }

  public void input(int address, int... words) {
    image.with(
        tx ->
            tx.writeInputRegisters(
                m -> {
                  for (int i = 0; i < words.length; i++) {
                    m.put(address + i, new byte[] {(byte) (words[i] >> 8), (byte) words[i]});
                  }
                }));
  }

  public void coil(int address, boolean on) {
    image.with(tx -> tx.writeCoils(m -> m.put(address, on)));
  }

  public void discreteInput(int address, boolean on) {
    image.with(tx -> tx.writeDiscreteInputs(m -> m.put(address, on)));
  }

  @Override
  public void close() {
    stop();
  }

  private final class Services implements ModbusServices {
    private final ReadWriteModbusServices inner =
        new ReadWriteModbusServices() {
          @Override
          protected Optional<ProcessImage> getProcessImage(int unitId) {
            return unitId == UNIT ? Optional.of(image) : Optional.empty();
          }
        };

    @Override
    public ReadHoldingRegistersResponse readHoldingRegisters(
        ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
        throws UnknownUnitIdException {
      reads.add(new Read("holding", request.address(), request.quantity()));
      return inner.readHoldingRegisters(context, unitId, request);
    }

    @Override
    public ReadInputRegistersResponse readInputRegisters(
        ModbusRequestContext context, int unitId, ReadInputRegistersRequest request)
        throws UnknownUnitIdException, ModbusResponseException {
      reads.add(new Read("input", request.address(), request.quantity()));
      if (request.address() + request.quantity() > refuseInputFrom) {
        throw new ModbusResponseException(
            FunctionCode.READ_INPUT_REGISTERS, ExceptionCode.ILLEGAL_DATA_ADDRESS);
      }
      return inner.readInputRegisters(context, unitId, request);
    }

    @Override
    public ReadCoilsResponse readCoils(
        ModbusRequestContext context, int unitId, ReadCoilsRequest request)
        throws UnknownUnitIdException {
      reads.add(new Read("coil", request.address(), request.quantity()));
      return inner.readCoils(context, unitId, request);
    }

    @Override
    public ReadDiscreteInputsResponse readDiscreteInputs(
        ModbusRequestContext context, int unitId, ReadDiscreteInputsRequest request)
        throws UnknownUnitIdException {
      reads.add(new Read("discrete_input", request.address(), request.quantity()));
      return inner.readDiscreteInputs(context, unitId, request);
    }
  }
}

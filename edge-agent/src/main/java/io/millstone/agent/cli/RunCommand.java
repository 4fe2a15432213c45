package io.millstone.agent.cli;

import io.millstone.agent.Agent;
import io.millstone.agent.EdgeAgent;
import io.millstone.agent.config.AgentConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the agent until SIGTERM; readings not yet acked stay in the buffer for the next run. */
@Command(name = "run", description = "Read the configured sources and stream to the server.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "The agent's settings (agent.yaml).")
  Path config;

  @Override
  public Integer call() throws Exception {
    AgentConfig cfg = AgentConfig.load(config);
    Agent agent = new Agent(cfg, EdgeAgent.version());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                },
                "agent-shutdown"));
    agent.start();
    stopped.await();
    return 0;
  }
}

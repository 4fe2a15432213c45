package io.millstone.server.gateway;

import com.google.protobuf.Descriptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.millstone.api.common.v1.OptionsProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each method needs, read from the options declared in the contracts. A method that declares
 * nothing is denied to everyone: forgetting the declaration fails closed.
 */
public final class MethodRules {
  /** Any signed-in person (not an edge agent) may call a method that declares this permission. */
  public static final String AUTHENTICATED = "authenticated";

  /** Standard gRPC infrastructure that load balancers and tools call without a session. */
  private static final Set<String> PUBLIC_INFRASTRUCTURE =
      Set.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");

  /** What one method requires. */
  public sealed interface Rule {}

  /** Callable without a session. */
  public record Public() implements Rule {}

  /** Needs a session whose permissions include {@code permission} (or "authenticated"). */
  public record Requires(String permission) implements Rule {}

  /** Declares nothing: nobody may call it. */
  public record Denied() implements Rule {}

  private final Map<String, Rule> rules;

  private MethodRules(Map<String, Rule> rules) {
    this.rules = Map.copyOf(rules);
  }

  public static MethodRules from(List<ServerServiceDefinition> services) {
    Map<String, Rule> rules = new HashMap<>();
    for (ServerServiceDefinition s : services) {
      String service = s.getServiceDescriptor().getName();
      for (ServerMethodDefinition<?, ?> m : s.getMethods()) {
        String name = m.getMethodDescriptor().getFullMethodName();
        if (PUBLIC_INFRASTRUCTURE.contains(service)) {
          rules.put(name, new Public());
          continue;
        }
        rules.put(name, ruleOf(m.getMethodDescriptor().getSchemaDescriptor()));
      }
    }
    return new MethodRules(rules);
  }

  private static Rule ruleOf(Object schema) {
    if (!(schema instanceof ProtoMethodDescriptorSupplier supplier)) {
      return new Denied();
    }
    Descriptors.MethodDescriptor md = supplier.getMethodDescriptor();
    var options = md.getOptions();
    boolean isPublic = options.getExtension(OptionsProto.public_);
    String permission = options.getExtension(OptionsProto.permission);
    if (isPublic && permission.isEmpty()) {
      return new Public();
    }
    if (!isPublic && !permission.isEmpty()) {
      return new Requires(permission);
    }
    // Both or neither declared: ambiguous, so nobody gets in.
    return new Denied();
  }

  /** The rule for a full method name; unknown methods are denied. */
  public Rule ruleFor(String fullMethodName) {
    return rules.getOrDefault(fullMethodName, new Denied());
  }

  public Map<String, Rule> all() {
    return rules;
  }

  /**
   * For each declared permission, the operations that require it as "Service.Method", sorted: what
   * a role holding the permission may do, read from the contracts.
   */
  public Map<String, List<String>> methodsByPermission() {
    Map<String, java.util.SortedSet<String>> by = new java.util.TreeMap<>();
    rules.forEach(
        (name, rule) -> {
          if (rule instanceof Requires r) {
            int slash = name.indexOf('/');
            String service = name.substring(0, slash);
            String shortName =
                service.substring(service.lastIndexOf('.') + 1) + "." + name.substring(slash + 1);
            by.computeIfAbsent(r.permission(), k -> new java.util.TreeSet<>()).add(shortName);
          }
        });
    Map<String, List<String>> out = new java.util.TreeMap<>();
    by.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }
}

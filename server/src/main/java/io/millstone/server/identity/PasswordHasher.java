package io.millstone.server.identity;

import io.millstone.server.platform.error.TooManyRequestsException;
import io.millstone.server.platform.error.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format. The defaults are the OWASP minimum (19 MiB, 2
 * iterations, 1 lane); a stored hash keeps its own parameters, so raising them later still verifies
 * older hashes.
 *
 * <p>Each hash costs about 19 MiB and tens of milliseconds of a core, so hashes are computed on a
 * bounded pool (a few threads, a short queue). A sign-in, which anyone can send, is told to try
 * again at once when the pool is full, instead of piling up threads and memory until the server
 * falls over; a new password (set by its signed-in owner or an administrator, both rate-limited)
 * waits for a place.
 */
public final class PasswordHasher implements AutoCloseable {
  public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
  public static final int DEFAULT_ITERATIONS = 2;
  public static final int DEFAULT_PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;
  private final ThreadPoolExecutor pool;
  private final Semaphore places;

  /** The OWASP parameters on a pool of {@code threads} with {@code queue} waiting places. */
  public PasswordHasher(int threads, int queue) {
    this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, threads, queue);
  }

  public PasswordHasher(int memoryKib, int iterations, int parallelism, int threads, int queue) {
    if (memoryKib < DEFAULT_MEMORY_KIB || iterations < DEFAULT_ITERATIONS) {
      throw new IllegalArgumentException("Argon2id parameters below the OWASP minimum");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.places = new Semaphore(threads + queue);
    // Admission is by the places; the queue itself never holds more than they allow.
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("password-hash-", 0).factory());
    this.dummyHash = computeHash("not-a-real-password-" + random.nextLong());
  }

  /** Hashes a new password, waiting for a place on the pool. */
  public String hash(String password) {
    try {
      places.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("The server is stopping; try again in a moment.", e);
    }
    return await(run(() -> computeHash(password)));
  }

  /**
   * Compares in constant time. A malformed stored hash never matches. Refused with
   * RESOURCE_EXHAUSTED when the pool is full.
   */
  public boolean verify(String password, String encoded) {
    Future<Boolean> f;
    try {
      f = submit(() -> computeVerify(password, encoded));
    } catch (RejectedExecutionException e) {
      throw new TooManyRequestsException(
          "sign_in_busy",
          "Too many sign-ins at once; try again in a moment.",
          Duration.ofSeconds(1));
    }
    return await(f);
  }

  /**
   * Spends the same work as a real verification, so an unknown username takes as long to refuse as
   * a wrong password.
   */
  public void verifyDummy(String password) {
    verify(password, dummyHash);
  }

  /**
   * Runs {@code work} on the pool if a place is free, else throws {@link
   * RejectedExecutionException}; package-private so tests can fill the pool.
   */
  <T> Future<T> submit(Callable<T> work) {
    if (!places.tryAcquire()) {
      throw new RejectedExecutionException("no free place on the password hashing pool");
    }
    return run(work);
  }

  /** Runs {@code work} with a place already taken, and gives the place back when it ends. */
  private <T> Future<T> run(Callable<T> work) {
    try {
      return pool.submit(
          () -> {
            try {
              return work.call();
            } finally {
              places.release();
            }
          });
    } catch (RejectedExecutionException e) {
      places.release();
      throw e;
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      // Not cancelled: the running hash finishes and gives its place back.
      Thread.currentThread().interrupt();
      throw new UnavailableException("The server is stopping; try again in a moment.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private String computeHash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  private static boolean computeVerify(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        int v = Integer.parseInt(kv.substring(2));
        switch (kv.charAt(0)) {
          case 'm' -> m = v;
          case 't' -> t = v;
          case 'p' -> p = v;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[length];
    gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}

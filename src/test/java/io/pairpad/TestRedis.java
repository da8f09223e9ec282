package io.pairpad;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server of the test's own, on a free port, that the test can stop and start again. Without the
 * binary a test is skipped, except under CI=true, where a missing service is a failure.
 */
public final class TestRedis implements AutoCloseable {
    private static final String BINARY = "redis-server";

    private final int port;
    private final Path dir;
    private Process process;

    private TestRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static TestRedis start() throws IOException {
        boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(
                System.getenv("PATH").split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, BINARY)));
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("redis-server is required in CI (apt-get install redis-server)");
            }
            Assumptions.abort("redis-server is not installed; skipping the cluster test");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestRedis redis = new TestRedis(port, Files.createTempDirectory("pairpad-redis"));
        redis.resume();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server abruptly, as a crash would. */
    public void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts it again on the same port, empty. */
    public void resume() throws IOException {
        process = new ProcessBuilder(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IOException("redis-server did not start on port " + port);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

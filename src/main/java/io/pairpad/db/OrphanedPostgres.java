package io.pairpad.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running by an earlier pairpad that was killed (kill -9 skips every shutdown hook). Its
 * postmaster.pid names it, and no live process holds the owner's lock; it is asked to stop (SIGTERM: a smart
 * shutdown, committed data is safe) before a new one starts on the same data directory.
 */
final class OrphanedPostgres {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** The file the embedded server's owner keeps locked while it runs. */
    private static final String OWNER_LOCK = "epg-lock";

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(OrphanedPostgres::isPostgres);
        if (process.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(OWNER_LOCK), StandardOpenOption.WRITE,
                StandardOpenOption.CREATE);
             FileLock ownerLock = channel.tryLock()) {
            if (ownerLock == null) {
                return; // a live pairpad owns this server: leave it alone; starting here will fail clearly
            }
            log.warn("A PostgreSQL (pid {}) from an earlier run still serves {}; stopping it", pid, dataDir);
            stop(process.get(), pid, dataDir);
        }
    }

    private static void stop(ProcessHandle process, long pid, Path dataDir) throws IOException {
        process.destroy();
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (process.isAlive()) {
            throw new IOException("PostgreSQL pid " + pid + " on " + dataDir + " did not stop within " + STOP_WAIT);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.github.sagemakerlabeling.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory a stack keeps its state in ({@code --data-dir DIR}), and its layout:
 *
 * <ul>
 *   <li>{@code s3/}: buckets and objects (S3Proxy's {@code filesystem-nio2} store),</li>
 *   <li>{@code sqs/}: queues and their messages (ElasticMQ's SQL persistence in an H2 file),</li>
 *   <li>{@code jobs.jsonl}: labeling jobs, their task boards, people's answers and the simulation clock,</li>
 *   <li>{@code sns.jsonl}: topics, subscriptions and their attributes,</li>
 *   <li>{@code queue-attributes.jsonl}: the queue policies and attributes ElasticMQ does not keep,</li>
 *   <li>{@code .lock}: held while a stack uses the directory, so a second one refuses to start on it.</li>
 * </ul>
 *
 * {@link #inMemory()} stands for no directory: every journal it hands out discards, and nothing is written.
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Journal> journals = new ArrayList<>();

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** No directory: the stack keeps everything in memory. */
    public static DataDirectory inMemory() {
        return new DataDirectory(null, null, null);
    }

    /**
     * Uses {@code root} (created if missing) and locks it for this stack.
     *
     * @throws IllegalStateException when another stack uses the directory
     * @throws UncheckedIOException  when it cannot be created or locked
     */
    public static DataDirectory open(Path root) {
        Path absolute = root.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            FileChannel channel = FileChannel.open(absolute.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data directory " + absolute + " is in use by another Local "
                        + "Ground Truth: give each running stack a directory of its own");
            }
            return new DataDirectory(absolute, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data directory " + absolute, e);
        }
    }

    /** The directory, or empty when the stack runs in memory. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** Where S3Proxy keeps buckets, or empty in memory. */
    public Optional<Path> s3() {
        return root().map(dir -> dir.resolve("s3"));
    }

    /** Where ElasticMQ keeps queues and messages, or empty in memory. */
    public Optional<Path> sqs() {
        return root().map(dir -> dir.resolve("sqs"));
    }

    /** The journal of labeling jobs, the engine and the clock. */
    public Journal jobs() {
        return journal("jobs.jsonl");
    }

    /** The journal of SNS topics and subscriptions. */
    public Journal sns() {
        return journal("sns.jsonl");
    }

    /** The journal of queue policies and recorded queue attributes. */
    public Journal queueAttributes() {
        return journal("queue-attributes.jsonl");
    }

    private synchronized Journal journal(String name) {
        if (root == null) {
            return Journal.discarding();
        }
        Journal journal = Journal.open(root.resolve(name));
        journals.add(journal);
        return journal;
    }

    /** Closes the journals and frees the directory for the next stack. */
    @Override
    public synchronized void close() {
        journals.forEach(Journal::close);
        journals.clear();
        if (lockChannel != null) {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unlock the data directory " + root, e);
            }
        }
    }
}

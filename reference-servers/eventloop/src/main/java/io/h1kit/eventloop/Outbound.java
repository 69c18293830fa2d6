package io.h1kit.eventloop;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * The bytes a connection still has to send, in order: small pieces (heads, small bodies, cached
 * files) are copied into pooled direct buffers, so that a head and its body, or sixteen pipelined
 * responses, leave in one (gathering) write; a large in-memory body is queued as it is; a file
 * region is queued as a file segment and sent with {@link FileChannel#transferTo} (sendfile, zero
 * copy), opened only when its turn comes.
 *
 * <p>Pooled buffers are held only while they hold bytes to send: an idle connection holds none.
 * Not thread-safe: used by the connection's loop only.
 */
final class Outbound {
    /** Pieces up to this size are copied into a pooled buffer; larger ones are queued as they are. */
    static final int COPY_LIMIT_BYTES = 4_096;
    /** Buffers written by one gathering write at most (the kernel's IOV_MAX is 1,024). */
    static final int MAX_GATHER = 16;

    /** A region of a file still to send. */
    private static final class FileSegment {
        final Path path;
        long position;
        final long end;
        FileChannel channel;

        FileSegment(Path path, long offset, long length) {
            this.path = path;
            this.position = offset;
            this.end = offset + length;
        }
    }

    private final BufferPool pool;
    /** ByteBuffers (read mode) and FileSegments, oldest first; null until first needed. */
    private ArrayDeque<Object> queue;
    /** The pooled buffer being filled (write mode), not yet in the queue; null when none. */
    private ByteBuffer tail;
    /** Bytes of memory held by the queue and the tail: what the pipelining bound counts. */
    private long heldBytes;
    private int segments;

    Outbound(BufferPool pool) {
        this.pool = pool;
    }

    /** Queues {@code bytes} (copied when small, else wrapped: the array must not change). */
    void add(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (tail != null && tail.remaining() >= length) {
            tail.put(bytes, offset, length);
            return;
        }
        if (length <= COPY_LIMIT_BYTES) {
            seal();
            tail = pool.acquire();
            heldBytes += tail.capacity();
            tail.put(bytes, offset, length);
            return;
        }
        seal();
        enqueue(ByteBuffer.wrap(bytes, offset, length));
        heldBytes += bytes.length; // the array is held whole until sent
    }

    void add(byte[] bytes) {
        add(bytes, 0, bytes.length);
    }

    /** Queues a file region, sent with transferTo when its turn comes. */
    void addFile(Path path, long offset, long length) {
        if (length == 0) {
            return;
        }
        seal();
        enqueue(new FileSegment(path, offset, length));
    }

    /** Whether anything is left to send. */
    boolean isEmpty() {
        return tail == null && (queue == null || queue.isEmpty());
    }

    /** Memory held for sending. */
    long heldBytes() {
        return heldBytes;
    }

    /** Segments queued (buffers and files). */
    int segments() {
        return segments + (tail == null ? 0 : 1);
    }

    /**
     * Writes as much as the socket takes.
     *
     * @param gather a scratch array of {@link #MAX_GATHER} buffers, shared by the loop's connections
     * @return the bytes written (0 when the socket's buffer is full)
     * @throws EOFException when a file is shorter than promised: the connection must close
     */
    long flush(SocketChannel channel, ByteBuffer[] gather) throws IOException {
        seal();
        long written = 0;
        while (queue != null && !queue.isEmpty()) {
            if (queue.peekFirst() instanceof FileSegment file) {
                long n = transfer(file, channel);
                written += n;
                if (file.position < file.end) {
                    return written; // the socket is full
                }
                closeFile(file);
                queue.pollFirst();
                segments--;
                continue;
            }
            int k = 0;
            for (Object o : queue) {
                if (!(o instanceof ByteBuffer b) || k == gather.length) {
                    break;
                }
                gather[k++] = b;
            }
            long n = k == 1 ? channel.write(gather[0]) : channel.write(gather, 0, k);
            written += n;
            boolean full = false;
            for (int i = 0; i < k; i++) {
                ByteBuffer b = gather[i];
                gather[i] = null;
                if (full || b.hasRemaining()) {
                    full = true;
                    continue;
                }
                queue.pollFirst();
                segments--;
                drop(b);
            }
            if (full) {
                return written;
            }
        }
        return written;
    }

    /** Gives every pooled buffer back and closes any open file: the connection is closing. */
    void release() {
        if (tail != null) {
            drop(tail);
            tail = null;
        }
        if (queue != null) {
            for (Object o : queue) {
                if (o instanceof ByteBuffer b) {
                    drop(b);
                } else {
                    closeFile((FileSegment) o);
                }
            }
            queue.clear();
        }
        segments = 0;
        heldBytes = 0;
    }

    private long transfer(FileSegment file, SocketChannel channel) throws IOException {
        if (file.channel == null) {
            file.channel = FileChannel.open(file.path, StandardOpenOption.READ);
        }
        long total = 0;
        while (file.position < file.end) {
            long n = file.channel.transferTo(file.position, file.end - file.position, channel);
            if (n <= 0) {
                if (file.channel.size() <= file.position) {
                    throw new EOFException("file shrank while it was sent: " + file.path);
                }
                break; // the socket is full
            }
            file.position += n;
            total += n;
        }
        return total;
    }

    private static void closeFile(FileSegment file) {
        if (file.channel != null) {
            try {
                file.channel.close();
            } catch (IOException e) {
                // read-only: nothing was lost
            }
            file.channel = null;
        }
    }

    /** Moves the tail into the queue (or back to the pool when empty). */
    private void seal() {
        if (tail == null) {
            return;
        }
        ByteBuffer t = tail;
        tail = null;
        if (t.position() == 0) {
            drop(t);
            return;
        }
        enqueue(t.flip());
    }

    private void enqueue(Object segment) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.addLast(segment);
        segments++;
    }

    /** A pooled (direct) buffer goes back to the pool; a wrapped array is left to the GC. */
    private void drop(ByteBuffer b) {
        heldBytes -= b.capacity();
        if (b.isDirect()) {
            pool.release(b);
        }
    }
}

package org.heard.search;

import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every stored response in id order, page by page, read from the database on a thread of its own a
 * few pages ahead of the caller: a rebuild then indexes one page while the next is being read,
 * rather than waiting for the database between pages. Close it when done, finished or not.
 */
final class ResponsePages implements AutoCloseable {
    private static final List<StoredResponse> END = List.of();

    private final BlockingQueue<List<StoredResponse>> pages;
    private final Thread reader;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    ResponsePages(ResponseService responses, int pageSize, int ahead) {
        this.pages = new ArrayBlockingQueue<>(ahead);
        this.reader = Thread.ofPlatform().daemon().name("search-rebuild-read").start(() -> {
            try {
                long after = 0;
                List<StoredResponse> page;
                while (!closed && !(page = responses.scan(after, pageSize)).isEmpty()) {
                    after = page.getLast().id();
                    put(page);
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                put(END);
            }
        });
    }

    private void put(List<StoredResponse> page) {
        try {
            while (!closed && !pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
                // The caller is busy indexing; wait for room unless it has given up.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next page, or an empty list after the last.
     *
     * @throws RuntimeException what reading the database threw
     */
    List<StoredResponse> next() throws InterruptedException {
        List<StoredResponse> page = pages.take();
        if (page == END) {
            pages.offer(END);
            if (failure != null) {
                throw failure;
            }
        }
        return page;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.join();
    }
}

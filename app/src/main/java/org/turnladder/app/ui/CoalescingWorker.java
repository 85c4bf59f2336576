package org.turnladder.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs a job on one background thread where only the newest request matters: requests given while one runs merge
 * into a single next one, and a result already outdated by a newer request is not applied. Results are applied on
 * the JavaFX thread, and every request's future completes there with the result that covered it.
 *
 * @param <Q> a request: everything the job needs, taken on the JavaFX thread
 * @param <R> a result
 */
final class CoalescingWorker<Q, R> {
    private final Function<Q, R> job;
    private final BinaryOperator<Q> merge;
    private final Consumer<R> apply;
    private final ExecutorService thread;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private Q pending;
    private List<CompletableFuture<R>> waiting = new ArrayList<>();
    private boolean scheduled;
    /** Requests submitted so far, and how many the pending request covers (guarded by this). */
    private long submitted;
    private long pendingUpTo;
    /** Futures of results that were outdated when they reached the JavaFX thread (JavaFX thread only). */
    private final List<CompletableFuture<R>> carried = new ArrayList<>();
    /** Requests whose future has not completed yet; touched on the JavaFX thread only. */
    private int outstanding;

    /**
     * @param job   runs on the worker thread
     * @param merge (older, newer) into one request that covers both (the newer's settings, the older's needs)
     * @param apply on the JavaFX thread with the newest result
     */
    CoalescingWorker(String name, Function<Q, R> job, BinaryOperator<Q> merge, Consumer<R> apply) {
        this.job = job;
        this.merge = merge;
        this.apply = apply;
        // the thread ends when idle, so a closed tab leaves nothing behind
        ThreadPoolExecutor t = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        });
        t.allowCoreThreadTimeOut(true);
        this.thread = t;
    }

    /** Asks for a run (on the JavaFX thread); the future completes there once a result covering it is applied. */
    CompletableFuture<R> submit(Q request) {
        CompletableFuture<R> f = new CompletableFuture<>();
        outstanding++;
        busy.set(true);
        synchronized (this) {
            pending = pending == null ? request : merge.apply(pending, request);
            pendingUpTo = ++submitted;
            waiting.add(f);
            if (!scheduled) {
                scheduled = true;
                thread.execute(this::drain);
            }
        }
        return f;
    }

    private void drain() {
        while (true) {
            Q q;
            List<CompletableFuture<R>> covered;
            long upTo;
            synchronized (this) {
                q = pending;
                if (q == null) {
                    scheduled = false;
                    return;
                }
                upTo = pendingUpTo;
                covered = waiting;
                pending = null;
                waiting = new ArrayList<>();
            }
            R r;
            try {
                r = job.apply(q);
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> done(covered, f -> f.completeExceptionally(e)));
                continue;
            }
            synchronized (this) {
                if (pending != null) {
                    // outdated before it was shown: the next run answers these requests too
                    pending = merge.apply(q, pending);
                    waiting.addAll(0, covered);
                    continue;
                }
            }
            Platform.runLater(() -> {
                synchronized (this) {
                    if (submitted > upTo) {
                        // a newer request came while this result waited for the JavaFX thread: that request's
                        // result (running or about to) answers these requests too
                        carried.addAll(covered);
                        return;
                    }
                }
                apply.accept(r);
                done(covered, f -> f.complete(r));
            });
        }
    }

    private void done(List<CompletableFuture<R>> covered, Consumer<CompletableFuture<R>> how) {
        List<CompletableFuture<R>> all = new ArrayList<>(carried);
        all.addAll(covered);
        carried.clear();
        outstanding -= all.size();
        busy.set(outstanding > 0);
        all.forEach(how);
    }

    /** Completes on the JavaFX thread once no request waits or runs (at once if none does). Call on that thread. */
    CompletableFuture<Void> idle() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!busy.get()) {
            f.complete(null);
            return f;
        }
        busy.addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (!busy.get()) {
                    busy.removeListener(this);
                    f.complete(null);
                }
            }
        });
        return f;
    }

    /** Whether a request waits or runs. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    void shutdown() {
        thread.shutdownNow();
    }
}

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
    /** Requests submitted so far; a result is shown only if none came after the request it answers. */
    private long submitted;
    /** The request the worker took last (it holds every request submitted before it was taken). */
    private Q lastTaken;
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
            submitted++;
            pending = pending == null ? request : merge.apply(pending, request);
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
            long seq;
            List<CompletableFuture<R>> covered;
            synchronized (this) {
                q = pending;
                if (q == null) {
                    scheduled = false;
                    return;
                }
                seq = submitted;
                covered = waiting;
                pending = null;
                waiting = new ArrayList<>();
                lastTaken = q;
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
            Platform.runLater(() -> deliver(q, seq, r, covered));
        }
    }

    /**
     * On the JavaFX thread: shows a result unless a request came after it was asked for (while it was built or
     * waited to be shown); then the newer request's run answers this one's requests too (merged, as above).
     */
    private void deliver(Q q, long seq, R r, List<CompletableFuture<R>> covered) {
        synchronized (this) {
            if (seq != submitted) {
                // the newest request is waiting, or the worker took it (then it is lastTaken): run it with ours
                pending = merge.apply(q, pending != null ? pending : lastTaken);
                waiting.addAll(0, covered);
                if (!scheduled) {
                    scheduled = true;
                    thread.execute(this::drain);
                }
                return;
            }
        }
        apply.accept(r);
        done(covered, f -> f.complete(r));
    }

    private void done(List<CompletableFuture<R>> covered, Consumer<CompletableFuture<R>> how) {
        outstanding -= covered.size();
        busy.set(outstanding > 0);
        covered.forEach(how);
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

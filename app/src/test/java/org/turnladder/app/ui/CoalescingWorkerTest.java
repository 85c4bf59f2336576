package org.turnladder.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Only the newest request's result reaches the screen, and every request's future still completes. */
class CoalescingWorkerTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<String> applied = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private CoalescingWorker<String, String> worker(CountDownLatch finished) {
        return new CoalescingWorker<>("test-worker", q -> {
            ran.add(q);
            finished.countDown();
            return "built " + q;
        }, (older, newer) -> newer, applied::add);
    }

    @Test
    void aResultOutdatedWhileItWaitsForTheJavaFxThreadIsNotShown() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CoalescingWorker<String, String> w = worker(first);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[2];
        WaitForAsyncUtils.asyncFx(() -> {
            futures[0] = w.submit("a");
            // the worker builds "a" and hands it to this (busy) thread; then the user asks for "b"
            first.await(5, TimeUnit.SECONDS);
            Thread.sleep(200);
            futures[1] = w.submit("b");
            return null;
        }).get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(futures).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).containsExactly("a", "b");
        assertThat(applied).containsExactly("built b");
        assertThat(futures[0].get()).as("the older request is answered by the newer result").isEqualTo("built b");
        assertThat(WaitForAsyncUtils.asyncFx(() -> w.busyProperty().get()).get(5, TimeUnit.SECONDS)).isFalse();
        w.shutdown();
    }

    @Test
    void requestsGivenWhileOneRunsMergeIntoOneMoreRun() throws Exception {
        CountDownLatch unused = new CountDownLatch(1);
        CoalescingWorker<String, String> w = worker(unused);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[20];
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < futures.length; i++) {
                futures[i] = w.submit("r" + i);
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(futures).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(applied).containsExactly("built r19");
        assertThat(ran).hasSizeLessThanOrEqualTo(2).endsWith("r19");
        w.shutdown();
    }
}

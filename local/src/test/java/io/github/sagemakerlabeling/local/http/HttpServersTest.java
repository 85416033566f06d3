package io.github.sagemakerlabeling.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpServersTest {

    @Test
    void aBoundedPoolRunsAtMostItsThreadsQueuesAtMostItsQueueAndRejectsTheRest() throws InterruptedException {
        ExecutorService pool = HttpServers.boundedPool("bounded-test", 2, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.execute(() -> {
                    running.countDown();
                    await(release);
                });
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            pool.execute(() -> { }); // waits in the queue

            assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void configureSetsTheJdkServersPropertiesOnlyWhereUnset() {
        HttpServers.configure();

        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        // This module's tests set 2 s (pom.xml); configure() keeps what is set.
        assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("2");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

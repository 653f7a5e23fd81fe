package org.allegationatlas.news.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: one fetch of a host at a time, in the order callers came (a fair semaphore),
 * and a pause between the end of one request to the host and the start of the next. A caller whose
 * turn would come after its deadline gives up with {@link FetchException.Reason#HOST_BUSY}, so the
 * queue of one host is bounded by time. Hand-written: a few lines over a semaphore.
 */
final class HostTurns {

    /** Work done in a host's turn; each request it makes goes through {@link Pacing#request}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Pacing pacing) throws FetchException;
    }

    /** A request to the host (the pause before it is the turn's business). */
    @FunctionalInterface
    interface Request<T> {
        T send() throws FetchException;
    }

    /** Hosts kept at most before idle ones are forgotten. */
    private static final int MAX_HOSTS = 1024;

    private static final class Host {
        final Semaphore turn = new Semaphore(1, true);
        /** When the last request to the host ended (System.nanoTime); guarded by the turn. */
        long lastEnd;
        boolean everAsked;
        /** Callers holding or waiting for the turn; guarded by the map. */
        int users;
    }

    private final Map<String, Host> hosts = new HashMap<>();
    private final long forgetAfterNanos;

    /** @param forgetAfter how long after its last request a host's entry may be dropped (the longest pause) */
    HostTurns(Duration forgetAfter) {
        this.forgetAfterNanos = forgetAfter.toNanos();
    }

    /** Runs {@code work} in {@code host}'s turn; every request it makes waits {@code pause} after the host's last. */
    <T> T inTurn(String host, Duration pause, long deadlineNanos, String url, Work<T> work) throws FetchException {
        Host entry = enter(host);
        try {
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0 || !entry.turn.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                throw busy(url, host, pause.toNanos());
            }
            try {
                return work.run(new Pacing(entry, pause.toNanos(), deadlineNanos, url, host));
            } finally {
                entry.turn.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.TIMEOUT, url, "the fetch was interrupted while it waited for "
                    + host + "'s turn");
        } finally {
            leave(entry);
        }
    }

    /** The requests of one turn: each waits until the host's pause has passed since its last request. */
    static final class Pacing {
        private final Host host;
        private final long pauseNanos;
        private final long deadlineNanos;
        private final String url;
        private final String hostName;

        private Pacing(Host host, long pauseNanos, long deadlineNanos, String url, String hostName) {
            this.host = host;
            this.pauseNanos = pauseNanos;
            this.deadlineNanos = deadlineNanos;
            this.url = url;
            this.hostName = hostName;
        }

        <T> T request(Request<T> request) throws FetchException {
            if (host.everAsked) {
                long start = host.lastEnd + pauseNanos;
                if (start > deadlineNanos) {
                    throw busy(url, hostName, pauseNanos);
                }
                sleepUntil(start, url);
            }
            try {
                return request.send();
            } finally {
                host.everAsked = true;
                host.lastEnd = System.nanoTime();
            }
        }
    }

    /** Sleeps until {@code nanoTime} (System.nanoTime), or fails as interrupted. */
    static void sleepUntil(long nanoTime, String url) throws FetchException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Reason.TIMEOUT, url, "the fetch was interrupted");
            }
        }
    }

    private static FetchException busy(String url, String host, long pauseNanos) {
        return new FetchException(FetchException.Reason.HOST_BUSY, url, host + "'s turn would come too late: with"
                + " the requests to it queued ahead and the pause of " + TimeUnit.NANOSECONDS.toMillis(pauseNanos)
                + " ms between two of them (atlas.fetch.host-delay, robots.txt Crawl-delay), this fetch would pass"
                + " its deadline (atlas.fetch.deadline); try again later");
    }

    private synchronized Host enter(String host) {
        if (hosts.size() >= MAX_HOSTS) {
            forgetIdle();
        }
        Host entry = hosts.computeIfAbsent(host, h -> new Host());
        entry.users++;
        return entry;
    }

    private synchronized void leave(Host entry) {
        entry.users--;
    }

    /** Drops hosts nobody uses whose last request is older than the longest pause: they would not wait anyway. */
    private void forgetIdle() {
        long now = System.nanoTime();
        for (Iterator<Host> it = hosts.values().iterator(); it.hasNext();) {
            Host host = it.next();
            if (host.users == 0 && (!host.everAsked || now - host.lastEnd > forgetAfterNanos)) {
                it.remove();
            }
        }
    }
}

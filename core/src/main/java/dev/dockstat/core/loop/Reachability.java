package dev.dockstat.core.loop;

import java.util.function.BiConsumer;

/**
 * Whether an environment's engine answers, as seen by all of its loops (metrics, events, disk):
 * the listener hears the first check and then only changes, so two loops noticing the same outage
 * report it once. Thread-safe.
 */
public final class Reachability {

    private final BiConsumer<Boolean, String> listener;
    private Boolean online; // null until the first check

    /** @param listener gets (online, error); error is null when online */
    public Reachability(BiConsumer<Boolean, String> listener) {
        this.listener = listener;
    }

    public synchronized void online() {
        change(true, null);
    }

    public synchronized void offline(String error) {
        change(false, error);
    }

    /** Null before the first check. */
    public synchronized Boolean isOnline() {
        return online;
    }

    private void change(boolean now, String error) {
        if (online == null || online != now) {
            online = now;
            listener.accept(now, error);
        }
    }
}

package dev.dockstat.core.outcome;

import java.util.List;

/**
 * How a piece of work over several engines or jobs ended: all of it, part of it, or none of it,
 * with the causes of what failed, each one line worded for a person. Front ends map it to their
 * own terms (the CLI to an exit status) in one place.
 */
public record Outcome(Status status, List<String> causes) {

    public enum Status { OK, PARTIAL, FAILED }

    public Outcome {
        causes = List.copyOf(causes);
    }

    public static Outcome ok() {
        return new Outcome(Status.OK, List.of());
    }

    /**
     * The outcome of parts: OK when nothing failed, FAILED when nothing succeeded, else PARTIAL.
     *
     * @param succeeded parts that gave a result
     * @param causes one per failure
     */
    public static Outcome of(long succeeded, List<String> causes) {
        if (causes.isEmpty()) {
            return ok();
        }
        return new Outcome(succeeded == 0 ? Status.FAILED : Status.PARTIAL, causes);
    }

    public static Outcome failed(List<String> causes) {
        return new Outcome(Status.FAILED, causes);
    }

    public boolean succeeded() {
        return status == Status.OK;
    }
}

package io.providerkind.kindserver.kind;

import io.providerkind.sdk.Progress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a running {@code kind create cluster} has said so far: its progress as step n of m, whether its
 * last step has ended, and, when it fails, kind's own error text. Used by one reader thread only.
 */
final class CreateTranscript {

    private static final int TAIL_LINES = 8;
    private static final int MAX_ERROR_CHARS = 4_000;

    private final int expectedSteps;
    private final CreateListener listener;
    private final List<String> errorLines = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private int step;
    private int total;
    private String current = "";
    private String failedStep;
    private boolean inStackTrace;

    CreateTranscript(int expectedSteps, CreateListener listener) {
        this.expectedSteps = expectedSteps;
        this.total = expectedSteps;
        this.listener = listener;
    }

    void accept(String raw) {
        KindOutputLine line = KindOutputLine.parse(raw);
        if (line instanceof KindOutputLine.StepStarted started) {
            step++;
            total = Math.max(total, step);
            current = started.text();
            listener.progressed(new Progress(step, total, current), false);
        } else if (line instanceof KindOutputLine.StepSucceeded done) {
            listener.progressed(new Progress(step, total, done.text()), step >= expectedSteps && step == total);
        } else if (line instanceof KindOutputLine.StepFailed failed) {
            failedStep = failed.text();
        } else if (line instanceof KindOutputLine.Error error) {
            inStackTrace = false;
            errorLines.add(error.text());
        } else if (!errorLines.isEmpty() && !inStackTrace) {
            // kind continues an error over more lines (Command Output: ...); a stack trace is noise to a user
            String text = ((KindOutputLine.Other) line).text();
            if (text.startsWith("Stack Trace:")) {
                inStackTrace = true;
            } else if (!text.isEmpty()) {
                errorLines.add(text);
            }
        }
        if (!(line instanceof KindOutputLine.Other other) || !other.text().isEmpty()) {
            tail.addLast(raw.strip());
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }

    /** kind's ERROR text; without one, the step that failed and kind's last lines. */
    String failureMessage(int exitCode) {
        String text;
        if (!errorLines.isEmpty()) {
            text = String.join("\n", errorLines);
        } else {
            String where = failedStep != null ? " at step '" + failedStep + "'" : "";
            text = "kind create cluster exited with code " + exitCode + where
                    + (tail.isEmpty() ? "" : ":\n" + String.join("\n", tail));
        }
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }

    Progress progress() {
        return new Progress(step, total, current);
    }
}

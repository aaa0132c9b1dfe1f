package org.softwire.lab;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The JUnit 5 side of {@link Lab#assumeRoot()} and {@link Lab#assumeTools}, in a class of its own so that the lab
 * also loads where JUnit 5 is absent (inside Karaf for the Pax Exam tests, which use JUnit 4).
 */
final class Jupiter {
    private Jupiter() {
    }

    static void require(List<String> problems) {
        String message = String.join("; ", problems);
        switch (Tools.verdict(problems, Tools.ci())) {
            case RUN -> { }
            case SKIP -> Assumptions.abort(message + "; skipped");
            case FAIL -> Assertions.fail(message + " (CI=true: a missing requirement is a failure, not a skip)");
        }
    }
}

package io.antiphon.testsupport;

import java.io.PrintStream;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line on the console for every test that did not run, with the reason: {@code skipped: Class.method:
 * reason}, for a disabled test and for one whose assumption failed (a corpus absent from {@code antiphon.data}, no
 * ALSA sequencer). Registered through {@code META-INF/services} on every module's test classpath, so the build's own
 * output says why, not only the reports under {@code target/surefire-reports}.
 */
public final class SkippedTestReporter implements TestExecutionListener {

    private static final String PREFIX = "skipped: ";

    private final PrintStream out;

    /** Prints on {@link System#out} (which surefire passes to the console). */
    public SkippedTestReporter() {
        this(null);
    }

    /** Prints on {@code out} (null: {@link System#out} as it is when a test is skipped). */
    public SkippedTestReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        print(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
    }

    private void print(TestIdentifier test, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        if (why.startsWith("Assumption failed: ")) why = why.substring("Assumption failed: ".length());
        if (why.startsWith(PREFIX)) why = why.substring(PREFIX.length());
        (out == null ? System.out : out).println(PREFIX + nameOf(test) + ": " + why);
    }

    /** Class.method for a test method, the class's name for a class, else the display name. */
    static String nameOf(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String className = method.getClassName();
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String display = test.getDisplayName();
            boolean plain = display.equals(method.getMethodName() + "(" + method.getMethodParameterTypes() + ")")
                    || display.startsWith(method.getMethodName() + "(");
            return simple + "." + method.getMethodName() + (plain ? "" : " " + display);
        }
        if (source instanceof ClassSource type) return type.getClassName();
        return test.getDisplayName();
    }
}

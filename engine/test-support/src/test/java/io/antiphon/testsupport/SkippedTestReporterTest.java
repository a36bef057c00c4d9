package io.antiphon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkippedTestReporterTest {

    /** Run only by the test below, through its own launcher (surefire leaves nested classes alone). */
    static class Sample {
        @Test
        void needsACorpus() {
            Assumptions.assumeTrue(false, "skipped: /data/nottingham is absent");
        }

        @Test
        @Disabled("waits for a sound card")
        void needsASoundCard() {
        }

        @Test
        void runs() {
        }
    }

    @Test
    void eachSkippedTestIsNamedOnTheConsoleWithItsReason() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // only the reporter under test listens (not also the one the service file registers)
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());

        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build(),
                new SkippedTestReporter(out));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
                "skipped: SkippedTestReporterTest$Sample.needsACorpus: /data/nottingham is absent",
                "skipped: SkippedTestReporterTest$Sample.needsASoundCard: waits for a sound card");
    }
}

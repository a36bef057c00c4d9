package io.antiphon.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.realtime.TinyPerformers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real browser: headless Chromium driven by Selenium through the system's chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver}, which .ci/run installs). The page loads and draws the notes of a
 * performance, both parts, and the plan (notes sampled ahead) drawn ahead of the now-line; a control changed on the page
 * reaches the performer; a controller on the input moves the control on the page. Skipped, with a sentence, where Chromium or chromedriver is not installed.
 */
class LivePageBrowserTest {

    private static final int ANSWER_NOW_CC = 80;
    private static final int TEMPERATURE_CC = 16;

    @TempDir
    Path folder;

    @Test
    void thePageShowsThePerformanceAndItsControlsWorkBothWays() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driverFile = onPath("chromedriver");
        if (chromium.isEmpty() || driverFile.isEmpty()) {
            String missing = chromium.isEmpty() ? "chromium" : "chromedriver";
            System.out.println("LivePageBrowserTest skipped: " + missing + " is not installed here"
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
            assumeTrue(false, missing + " is not installed");
        }
        PerformerParameters parameters = TinyPerformers.parameters();
        parameters.set(Parameter.PLAN_BEATS, 4);          // the model plans a bar (a second at 240 BPM) ahead
        parameters.set(Parameter.ANSWER_MIN_BEATS, 16);   // and answers for four seconds
        PageOptions options = new PageOptions(InetAddress.getLoopbackAddress(), 0, null, List.of("chorale"), false, folder, NanoClock.SYSTEM);
        WebDriver browser = null;
        try (LivePage page = LivePage.start(options, parameters);
             LiveSession session = LiveSession.open(new RecordingReceiver(NanoClock.SYSTEM, 100_000),
                     out -> new Performer(TinyPerformers.kernel(), parameters, 7L, out),
                     ShellOptions.defaults().withShutdownHook(false).withObserver(page.observer()))) {
            page.attach(PageSession.of(session));
            browser = chrome(chromium.get(), driverFile.get());
            browser.get(page.url());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(b -> b.findElement(By.id("connection")).getText().equals("live"));

            // a call, then an answer: both parts on the roll
            for (int key : new int[]{60, 62, 64, 65, 67}) {
                session.input().send(new ShortMessage(ShortMessage.NOTE_ON, 0, key, 96), -1);
                session.input().send(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), -1);
            }
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            WebElement roll = browser.findElement(By.id("roll"));
            wait.until(b -> count(roll, "data-human") >= 5 && count(roll, "data-machine") > 0);
            // the plan: notes sampled and not yet played, drawn ahead of the now-line
            wait.until(b -> count(roll, "data-planned") > 0);
            Path planShot = Path.of("target", "live-page-browser-test-plan.png");
            Files.createDirectories(planShot.getParent());
            Files.write(planShot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

            // the page moves a control: the performer gets it
            new Select(browser.findElement(By.id("control-key_root"))).selectByVisibleText("D");
            PageClient client = new PageClient(page);
            PageClient.await("key_root on the performer", () -> {
                try {
                    return client.state().path("parameters").path("key_root").asDouble() == 2.0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // a controller on the input moves the page's control
            session.input().send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, TEMPERATURE_CC, 127), -1);
            WebElement temperature = browser.findElement(By.id("control-temperature"));
            wait.until(b -> "2".equals(temperature.getAttribute("data-value")) && "2".equals(temperature.getAttribute("value")));

            Path shot = Path.of("target", "live-page-browser-test.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            if (browser != null) browser.quit();
        }
        assertThat(parameters.keyRoot()).as("the page's choice reached the performer's own parameters").isEqualTo(2);
        assertThat(parameters.temperature()).isEqualTo(2.0);
    }

    private static long count(WebElement roll, String attribute) {
        String value = roll.getAttribute(attribute);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static WebDriver chrome(Path chromium, Path driverFile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverFile.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The first of {@code names} found on the PATH. */
    static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

package io.antiphon.engine.jmh;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.StringJoiner;

/** Runs a JMH benchmark from the test class path; JMH command-line options pass through (e.g. {@code -p hidden=512}). */
public final class JmhLauncher {

    private JmhLauncher() {
    }

    /**
     * JMH builds the forked JVM's class path from {@code java.class.path}; under {@code exec:java} the benchmark lives
     * in a child class loader instead, so its URLs are handed on.
     */
    public static void run(Class<?> benchmark, String method, String[] args) throws Exception {
        if (benchmark.getClassLoader() instanceof URLClassLoader loader && loader != ClassLoader.getSystemClassLoader()) {
            StringJoiner classpath = new StringJoiner(File.pathSeparator);
            for (URL url : loader.getURLs()) classpath.add(Path.of(url.toURI()).toString());
            System.setProperty("java.class.path", classpath.toString());
        }
        new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(benchmark.getName() + "." + method)
                .build()).run();
    }
}

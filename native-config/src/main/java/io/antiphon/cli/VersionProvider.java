package io.antiphon.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version printed by {@code --version}: the project version the build wrote into {@value #RESOURCE}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "antiphon-version.properties";

    @Override
    public String[] getVersion() {
        return new String[]{"antiphon " + version()};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/" + RESOURCE)) {
            if (in == null) return "(version unknown: " + RESOURCE + " missing from the build)";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }
}

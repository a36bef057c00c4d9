package io.antiphon.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version, or "development". */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AntiphonCommand.class.getPackage().getImplementationVersion();
        return new String[]{"antiphon " + (version == null ? "development build" : version)};
    }
}

package io.tandem.platform;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The test JVM's class path for a JVM of its own, without the empty entry (the working directory) surefire ends it with. */
final class ChildJvm {

    private ChildJvm() {
    }

    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }
}

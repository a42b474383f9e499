package io.tandem.shared;

import java.util.function.Supplier;

/**
 * Marks the engine calls Tandem makes itself, after its own checks (method security on the services, the gate and task
 * listeners). The engine's authorization is for the engine's public doors, the engine's web apps and their REST API; it does
 * not check these calls a second time (engineaccess/EngineDoor).
 */
public final class OwnEngineCalls {

    private static final ThreadLocal<Boolean> OWN = new ThreadLocal<>();

    private OwnEngineCalls() {
    }

    public static <T> T run(Supplier<T> work) {
        Boolean outer = OWN.get();
        OWN.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                OWN.remove();
            }
        }
    }

    public static boolean active() {
        return OWN.get() != null;
    }
}

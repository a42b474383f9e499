package io.tandem;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package under io.tandem is a module (its package-info says what it owns and offers). Spring
 * Modulith checks that no two modules depend on each other in a cycle and that no module reaches into another's
 * internals (a sub-package of a module, or a type the module does not expose).
 */
class ModulesTest {

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(TandemApplication.class).verify();
    }
}

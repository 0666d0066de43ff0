package dev.tarsspeedy.infra.junit;

import dev.tarsspeedy.infra.Infrastructure;
import org.junit.jupiter.api.Test;

/** Together with {@link SharedServersFirstIT}: two test classes in one JVM share one set of servers. */
@RealInfrastructure
class SharedServersSecondIT {

    @Test
    void usesTheServersStartedOnceForTheWholeJvm(Infrastructure infrastructure) {
        SharedServersRecorder.checkStartedOnceAndShared(infrastructure);
    }
}

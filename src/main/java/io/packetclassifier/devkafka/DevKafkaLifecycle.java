package io.packetclassifier.devkafka;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode: tells the dev broker's shutdown hook how to wait for the running application (renewed on every live
 * reload), so that on Ctrl+C the broker stops after the application's Kafka clients, not under them.
 */
@Singleton
@IfBuildProfile("dev")
class DevKafkaLifecycle {

    void onStart(@Observes StartupEvent event) {
        Application application = Application.currentApplication();
        if (application != null) {
            Runnable await = application::awaitShutdown;
            System.getProperties().put(DevKafkaBroker.AWAIT_APPLICATION_STOPPED, await);
        }
    }
}

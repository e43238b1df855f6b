package io.packetclassifier.devui;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: adds {@link ClassifierDevUiService}'s methods to the Dev UI's own JSON-RPC router, so that they
 * answer on the Dev UI websocket ({@code /q/dev-ui/json-rpc-ws}) as {@code packet-classifier_<method>}.
 * <p>
 * Quarkus 3.33 lets only extensions contribute Dev UI cards and JSON-RPC services (build steps producing
 * {@code CardPageBuildItem}/{@code JsonRPCProvidersBuildItem}); an application has no such hook. Rather than turn
 * this single-module project into an extension build, the methods are added at start-up to the router's runtime
 * method table, through reflection since the Dev UI runtime is only on the class path in dev mode. If a Quarkus
 * upgrade changes those internals, this logs one warning and the service keeps running; the page
 * ({@link ClassifierPage}) then says the methods are missing.
 */
@Singleton
@IfBuildProfile("dev")
class DevUiJsonRpcRegistration {

    static final String NAMESPACE = "packet-classifier";
    private static final Logger LOG = Logger.getLogger(DevUiJsonRpcRegistration.class);

    void register(@Observes StartupEvent event) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> routerClass = loader.loadClass("io.quarkus.devui.runtime.comms.JsonRpcRouter");
            Class<?> methodClass = loader.loadClass("io.quarkus.devui.runtime.jsonrpc.JsonRpcMethod");
            Class<?> parameterClass = loader.loadClass("io.quarkus.devui.runtime.jsonrpc.JsonRpcMethod$Parameter");
            Object router = Arc.container().select(routerClass).get();
            @SuppressWarnings("unchecked")
            Map<String, Object> runtimeMethods = (Map<String, Object>) routerClass.getMethod("getRuntimeMethodsMap")
                    .invoke(router);
            Constructor<?> parameter = parameterClass.getConstructor(Class.class, String.class, boolean.class);
            for (Method javaMethod : ClassifierDevUiService.class.getDeclaredMethods()) {
                if (!java.lang.reflect.Modifier.isPublic(javaMethod.getModifiers())) {
                    continue;
                }
                Object method = methodClass.getConstructor().newInstance();
                methodClass.getMethod("setBean", Class.class).invoke(method, ClassifierDevUiService.class);
                methodClass.getMethod("setMethodName", String.class).invoke(method,
                        NAMESPACE + "_" + javaMethod.getName());
                methodClass.getMethod("setJavaMethod", Method.class).invoke(method, javaMethod);
                methodClass.getMethod("setIsExplicitlyBlocking", boolean.class).invoke(method, true);
                Map<String, Object> parameters = new LinkedHashMap<>();
                for (java.lang.reflect.Parameter p : javaMethod.getParameters()) {
                    parameters.put(p.getName(), parameter.newInstance(p.getType(), p.getName(), true));
                }
                methodClass.getMethod("setParameters", Map.class).invoke(method, parameters);
                runtimeMethods.put(NAMESPACE + "_" + javaMethod.getName(), method);
            }
            LOG.infof("Dev UI: classifier page on http://localhost:%s/q/classifier (JSON-RPC %s_* on the Dev UI websocket)",
                    org.eclipse.microprofile.config.ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.http.port", String.class).orElse("8080"),
                    NAMESPACE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Dev UI: could not register the classifier's JSON-RPC methods (%s); the service is unaffected", e);
        }
    }
}

package io.github.sagemakerlabeling.camel.iam;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records, as IAM actions, every AWS operation the component's own code calls in this test JVM, and refuses one the
 * shipped least-privilege policy ({@code docs/iam/component-policy.json}) does not allow, so the test that made the
 * call fails where it happened. Installed for every SDK client of the test JVM by the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test resources); a call counts as the
 * component's when the innermost project class on the caller's stack is main code of the component or of core (not a
 * test's fixture, not Local Ground Truth), whichever client it goes through.
 */
public final class AwsOperationRecorder implements ExecutionInterceptor {

    private static final String PROJECT = "io.github.sagemakerlabeling.";
    private static final String LOCAL = PROJECT + "local.";
    private static final Map<String, String> CALLS = new ConcurrentHashMap<>();
    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The IAM actions the component's calls needed so far, each with one operation that needed it. */
    public static Map<String, String> recorded() {
        return new TreeMap<>(CALLS);
    }

    /** The calls refused so far for want of their action in the policy, as {@code action (Service.Operation)}. */
    public static Set<String> refused() {
        return Set.copyOf(REFUSED);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!calledByComponent()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String action = IamActions.of(service, operation);
        CALLS.putIfAbsent(action, service + "." + operation);
        if (!IamPolicy.shipped().allows(action)) {
            REFUSED.add(action + " (" + service + "." + operation + ")");
            throw new IllegalStateException("The component called " + service + "." + operation + ", which needs "
                    + action + ": add it to docs/iam/component-policy.json and explain it in docs/iam/README.md");
        }
    }

    private static boolean calledByComponent() {
        Optional<Class<?>> caller = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith(PROJECT) && type != AwsOperationRecorder.class)
                .findFirst());
        return caller.isPresent() && !caller.get().getName().startsWith(LOCAL) && !isTestCode(caller.get());
    }

    private static boolean isTestCode(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null || location.getPath().contains("/test-classes/");
    }
}

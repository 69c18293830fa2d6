package io.h1kit.stress.lincheck;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Builds lincheck's custom scenarios from Java (its scenario DSL is Kotlin's). */
final class Scenarios {
    private Scenarios() {
    }

    /** A call of the operation {@code name} of {@code test} with {@code args}. */
    static Actor call(Class<?> test, String name, Object... args) {
        Method method = Arrays.stream(test.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(test.getName() + " has no operation " + name));
        return new Actor(method, Arrays.asList(args));
    }

    /** A scenario with a parallel part (one list of calls per thread) and then a part run after it. */
    static ExecutionScenario parallelThen(List<List<Actor>> threads, List<Actor> after) {
        return new ExecutionScenario(List.of(), threads, after, null);
    }

    /** A scenario with only a parallel part: one list of calls per thread. */
    @SafeVarargs
    static ExecutionScenario parallel(List<Actor>... threads) {
        return new ExecutionScenario(List.of(), List.of(threads), List.of(), null);
    }
}

package io.h1kit.conformance.mutants;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every seeded-bug variant, by technique. */
final class Variants {
    private Variants() {
    }

    static List<Variant> all() {
        List<Variant> all = new ArrayList<>();
        all.addAll(ShimVariants.all());
        all.addAll(HandlerVariants.all());
        all.addAll(TimeoutVariants.all());
        all.addAll(EchoVariants.all());
        Set<String> names = new HashSet<>();
        for (Variant v : all) {
            if (!names.add(v.name())) {
                throw new IllegalStateException("two variants named " + v.name());
            }
        }
        return List.copyOf(all);
    }
}

package io.h1kit.conformance.run;

import io.h1kit.conformance.cases.Cases;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every case of the suite, in report order, and the selection by profile and id. */
public final class Catalog {
    private Catalog() {
    }

    /** All cases of all sections; fails on a duplicated id (ids are a stable contract). */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CaseSource source : Cases.SOURCES) {
            for (Case c : source.cases()) {
                if (!ids.add(c.id())) {
                    throw new IllegalStateException("duplicate case id " + c.id() + " in " + source.getClass().getSimpleName());
                }
                cases.add(c);
            }
        }
        return cases;
    }

    /**
     * The cases of a profile that the include and exclude lists select. A pattern selects a case
     * when the case's id or catalogue row starts with it ({@code 9112-6.1}, {@code TE-}, {@code CHK-07}).
     */
    public static List<Case> select(Profile profile, List<String> include, List<String> exclude) {
        return all().stream()
                .filter(c -> c.profile() == profile)
                .filter(c -> include.isEmpty() || matchesAny(c, include))
                .filter(c -> !matchesAny(c, exclude))
                .toList();
    }

    static boolean matchesAny(Case c, List<String> patterns) {
        for (String p : patterns) {
            if (c.id().startsWith(p) || c.ref().startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}

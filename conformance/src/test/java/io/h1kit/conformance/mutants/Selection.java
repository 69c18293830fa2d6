package io.h1kit.conformance.mutants;

import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.run.Catalog;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cases a variant's run takes: every case of the profile except the slow ones (those that
 * wait for a server's own timeouts), but with the slow cases among the variant's killer rows, so
 * that the timeout variants are judged by the cases that can see them and the others stay fast.
 *
 * @param profile the profile
 * @param exclude the ids of the slow cases left out
 */
record Selection(Profile profile, List<String> exclude) {

    /** The fast cases, and the slow cases that match one of {@code killers}. */
    static Selection withSlowKillers(Profile profile, Collection<String> killers) {
        List<Case> all = Catalog.select(profile, List.of(), List.of());
        List<String> exclude = all.stream().filter(Case::slow).filter(c -> !matchesAny(c, killers)).map(Case::id).toList();
        // Patterns select by prefix: make sure excluding a slow id leaves out no fast case with a longer id.
        Set<String> kept = new HashSet<>(Catalog.select(profile, List.of(), exclude).stream().map(Case::id).toList());
        for (Case c : all) {
            if (!c.slow() && !kept.contains(c.id())) {
                throw new IllegalStateException("excluding the slow cases " + exclude + " also leaves out " + c.id());
            }
        }
        return new Selection(profile, exclude);
    }

    /** As the catalogue selects: a pattern matches a case whose id or row starts with it. */
    static boolean matchesAny(Case c, Collection<String> patterns) {
        return patterns.stream().anyMatch(p -> c.id().startsWith(p) || c.ref().startsWith(p));
    }
}

package io.h1kit.cli;

import io.h1kit.server.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

/** The reference server stages on the classpath, in their order on the path of architectures. */
final class Stages implements Iterable<String> {

    static List<Stage> all() {
        List<Stage> stages = new ArrayList<>();
        ServiceLoader.load(Stage.class).forEach(stages::add);
        stages.sort(Comparator.comparingInt(Stage::number));
        return stages;
    }

    static Stage byName(String name) {
        for (Stage stage : all()) {
            if (stage.name().equals(name)) {
                return stage;
            }
        }
        List<String> names = all().stream().map(Stage::name).toList();
        throw new Main.UsageException("unknown stage '" + name + "'; the stages are " + String.join(", ", names));
    }

    /** Stage names, for picocli's completion candidates and help. */
    @Override
    public Iterator<String> iterator() {
        return all().stream().map(Stage::name).iterator();
    }
}

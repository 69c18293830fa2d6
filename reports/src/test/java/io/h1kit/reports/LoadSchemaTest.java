package io.h1kit.reports;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.h1kit.reports.model.LoadJson;
import io.h1kit.reports.model.LoadRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** h1kit-load-1.schema.json is itself valid, and describes what LoadJson reads and writes. */
class LoadSchemaTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static JsonNode schemaNode() throws IOException {
        try (InputStream in = LoadSchemaTest.class.getResourceAsStream("/h1kit-load-1.schema.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static List<String> errors(JsonNode document) throws IOException {
        Schema schema = REGISTRY.getSchema(schemaNode());
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    @Test
    void theSchemaIsValidJsonSchema() throws IOException {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        assertEquals(List.of(), meta.validate(schemaNode()).stream().map(Error::toString).toList());
    }

    @Test
    void theFixturesAndWhatLoadJsonWritesMatchIt() throws IOException {
        for (String name : List.of("results/load.json", "baseline.json")) {
            JsonNode doc = MAPPER.readTree(Fixtures.fixture(name).toFile());
            assertEquals(List.of(), errors(doc), name);
            LoadRun run = LoadJson.read(Fixtures.fixture(name));
            assertEquals(List.of(), errors(MAPPER.readTree(LoadJson.render(run))), name + " as written back");
        }
    }

    @Test
    void itRejectsAnUnknownKind() throws IOException {
        JsonNode doc = MAPPER.readTree("""
                {"schema":"h1kit-load/1","targets":[{"name":"x","kind":"apache"}],"scenarios":[],"measurements":[]}""");
        assertFalse(errors(doc).isEmpty());
    }
}

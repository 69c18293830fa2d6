package io.h1kit.conformance.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** report.json's JSON Schema, loaded from the classpath, and a check of documents against it. */
final class SchemaCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private SchemaCheck() {
    }

    static JsonNode schemaNode() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of a document against report.json's schema (empty when it is valid). */
    static List<String> errors(JsonNode document) {
        Schema schema = REGISTRY.getSchema(schemaNode());
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    static List<String> errors(String json) {
        return errors(JsonMapper.shared().readTree(json));
    }

    /** The errors of the schema itself against the JSON Schema 2020-12 meta-schema. */
    static List<String> metaSchemaErrors() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        return meta.validate(schemaNode()).stream().map(Error::toString).toList();
    }
}

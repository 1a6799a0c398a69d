package io.tracker.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tracker.bench.result.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Path;

/** {@code results.json}: the report as data, pretty-printed so that a diff between two runs reads well. */
final class ResultsJson {

    static final String FILE_NAME = "results.json";

    // Unknown fields are ignored so that an older harness can re-render a file a newer one wrote.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsJson() {
    }

    static void write(BenchmarkReport report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), report);
    }

    static BenchmarkReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), BenchmarkReport.class);
    }
}

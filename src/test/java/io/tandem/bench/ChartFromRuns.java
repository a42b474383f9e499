package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws latency against data size from the results.json of one or more runs (for example a 1k run and a later run
 * that grew the same database to 10k): {@code java ... ChartFromRuns out.svg run1/results.json run2/results.json}.
 * When two runs measured the same size, the later file wins.
 */
public final class ChartFromRuns {

    private ChartFromRuns() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        BenchReport merged = new BenchReport();
        for (int i = 1; i < args.length; i++) {
            JsonNode reads = json.readTree(Files.readString(Path.of(args[i]))).path("reads");
            reads.fields().forEachRemaining(entry -> {
                List<LoadRunner.Measured> list = new ArrayList<>();
                for (JsonNode m : entry.getValue()) {
                    list.add(json.convertValue(m, LoadRunner.Measured.class));
                }
                merged.reads.put(Long.parseLong(entry.getKey()), list);
            });
        }
        Files.writeString(Path.of(args[0]), LatencyChart.svg(merged));
        System.out.println("wrote " + args[0] + " for sizes " + merged.reads.keySet());
    }
}

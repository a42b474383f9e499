package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.graphql.GlobalId;
import io.tandem.support.StatementCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The read scenarios: a page of 50 bets (each client walks ten pages deep by keyset cursor, then starts over; its
 * answers are read by {@link PageAnswer}),
 * one bet's full decision log (a random bet that has one), and {@code myTasks} (issue #5) when the schema has it.
 */
public final class ReadScenarios {

    public static final int PAGE = 50;
    private static final int PAGES_DEEP = 10;

    private final GraphQlHttp http;
    private final String reader;
    private final String taskUser;

    public ReadScenarios(GraphQlHttp http, String reader, String taskUser) {
        this.http = http;
        this.reader = reader;
        this.taskUser = taskUser;
    }

    public boolean hasMyTasks() {
        return http.hasQueryField(reader, "myTasks");
    }

    public LoadRunner.Measured betPage(int clients, Duration warmup, Duration measure) {
        return betPage("read: page of 50 bets", http, Documents.BET_PAGE, clients, warmup, measure);
    }

    /**
     * The page scenario against any server whose answer has the page at {@code data.bets} (Tandem, or the PostGraphile
     * peer with its own document): the same clients, walking the same ten pages deep by its cursors.
     */
    public LoadRunner.Measured betPage(String name, GraphQlHttp server, String document, int clients, Duration warmup,
                                       Duration measure) {
        return LoadRunner.run(name, clients, warmup, measure, c -> new LoadRunner.Step() {
            String after;
            int depth;

            @Override
            public int run() {
                PageAnswer page = PageAnswer.read(server.post(reader, document, pageVariables(PAGE, after)));
                if (page.edges() == 0) {
                    throw new IllegalStateException("empty page");
                }
                boolean next = page.hasNextPage() && ++depth < PAGES_DEEP;
                after = next ? page.endCursor() : null;
                depth = next ? depth : 0;
                return 1;
            }
        });
    }

    public LoadRunner.Measured decisionLog(int clients, Duration warmup, Duration measure, List<UUID> betsWithDecisions) {
        List<String> ids = betsWithDecisions.stream().map(id -> GlobalId.of("Bet", id)).toList();
        return LoadRunner.run("read: decision log", clients, warmup, measure, c -> () -> {
            JsonNode bet = log(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
            if (bet.path("decisions").path("nodes").size() == 0) {
                throw new IllegalStateException("no decisions");
            }
            return 1;
        });
    }

    public LoadRunner.Measured myTasks(int clients, Duration warmup, Duration measure) {
        return LoadRunner.run("read: myTasks", clients, warmup, measure, c -> () -> {
            tasks(PAGE);
            return 1;
        });
    }

    /** The inbox's other ways of asking, each a page of 50: by due time, by priority, counted, and only overdue tasks. */
    public enum TaskView {
        BY_DUE("read: myTasks by due time", Documents.MY_TASKS_ORDERED, Map.of("orderBy", Map.of("field", "DUE"))),
        BY_PRIORITY("read: myTasks by priority", Documents.MY_TASKS_ORDERED, Map.of("orderBy", Map.of("field", "PRIORITY"))),
        COUNTED("read: myTasks with totalCount", Documents.MY_TASKS_COUNTED, Map.of()),
        OVERDUE("read: myTasks overdue only", Documents.MY_TASKS_ORDERED, Map.of("filterBy", Map.of("overdue", true)));

        final String scenario;
        final String document;
        final Map<String, Object> variables;

        TaskView(String scenario, String document, Map<String, Object> variables) {
            this.scenario = scenario;
            this.document = document;
            this.variables = variables;
        }
    }

    public LoadRunner.Measured myTasks(TaskView view, int clients, Duration warmup, Duration measure) {
        return LoadRunner.run(view.scenario, clients, warmup, measure, c -> () -> {
            tasks(view, PAGE);
            return 1;
        });
    }

    JsonNode tasks(TaskView view, int first) {
        Map<String, Object> variables = new HashMap<>(view.variables);
        variables.put("first", first);
        return http.execute(taskUser, view.document, variables);
    }

    /** HTTP Basic with the demo users' bcrypt hashes against the {noop} benchmark reader: what the demo login costs. */
    public LoadRunner.Measured viewer(String user, int clients, Duration warmup, Duration measure) {
        return LoadRunner.run("auth: viewer as " + user, clients, warmup, measure, c -> () -> {
            http.execute(user, Documents.VIEWER, Map.of());
            return 1;
        });
    }

    JsonNode page(int first, String after) {
        return http.execute(reader, Documents.BET_PAGE, pageVariables(first, after));
    }

    private static Map<String, Object> pageVariables(int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        return variables;
    }

    JsonNode log(String betId) {
        return http.execute(reader, Documents.DECISION_LOG, Map.of("id", betId)).path("bet");
    }

    JsonNode tasks(int first) {
        return http.execute(taskUser, Documents.MY_TASKS, Map.of("first", first));
    }

    /** SQL statements one request sends (median of three sequential requests; the statement counter is global). */
    public static long statements(Runnable request) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            request.run();
            counts.add(StatementCounter.count());
        }
        counts.sort(Long::compare);
        return counts.get(1);
    }

    /** Statements per request of each read, for the given page sizes (first page and a page deeper down). */
    public Map<String, Long> statementsPerRequest(List<UUID> betsWithDecisions, boolean myTasks, int... pageSizes) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        int largest = java.util.Arrays.stream(pageSizes).max().orElseThrow();
        for (int size : pageSizes) {
            // A nested field's batch query runs only when some bet of the page has that kind of data (an open task,
            // a constraint...). So that pages of different sizes are compared on the same bets, a smaller page is
            // costed as the dearest of the consecutive pages that cover the largest page's bets.
            long first = 0;
            long deeper = 0;
            String after = null;
            String deepCursor = page(largest, null).path("bets").path("pageInfo").path("endCursor").asText(null);
            String deepAfter = deepCursor;
            for (int covered = 0; covered < largest; covered += size) {
                String cursor = after;
                first = Math.max(first, statements(() -> page(size, cursor)));
                String deepFrom = deepAfter;
                deeper = Math.max(deeper, statements(() -> page(size, deepFrom)));
                after = page(size, cursor).path("bets").path("pageInfo").path("endCursor").asText(null);
                deepAfter = page(size, deepFrom).path("bets").path("pageInfo").path("endCursor").asText(null);
            }
            out.put("bets(first: " + size + ")", first);
            out.put("bets(first: " + size + ", after: cursor)", deeper);
        }
        if (!betsWithDecisions.isEmpty()) {
            String id = GlobalId.of("Bet", betsWithDecisions.get(0));
            out.put("bet { decisions(first: 50) }", statements(() -> log(id)));
        }
        if (myTasks) {
            for (int size : pageSizes) {
                out.put("myTasks(first: " + size + ")", statements(() -> tasks(size)));
            }
            for (TaskView view : TaskView.values()) {
                out.put(view.scenario.substring("read: ".length()) + " (first: " + largest + ")",
                        statements(() -> tasks(view, largest)));
            }
        }
        return out;
    }
}

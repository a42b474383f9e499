package io.tandem.bench;

/** The GraphQL operations the benchmark sends, as a front-end would. */
final class Documents {

    /** A page of bets with their briefs, latest decisions, constraints and open tasks (no totalCount). */
    static final String BET_PAGE = """
            query betPage($first: Int, $after: String) {
              bets(first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                edges {
                  cursor
                  node {
                    id key title stage outcome team updatedAt
                    brief { revision problem successMetrics { name target } }
                    latestDecision { sequence kind recordedAt signers { name role } }
                    constraints { title acknowledged }
                    waitingOn { step role }
                  }
                }
              }
            }""";

    /** A bet's full decision log (50 entries is more than any generated bet has; 100 would exceed the cost limit). */
    static final String DECISION_LOG = """
            query decisionLog($id: ID!) {
              bet(id: $id) {
                id key stage
                decisions(first: 50) {
                  totalCount
                  nodes {
                    id sequence kind gate context chosenOption rationale recordedAt hash previousHash
                    signers { userId name role answer }
                    supersedes { id } supersededBy { id sequence kind }
                  }
                }
              }
            }""";

    /** The inbox query; run only when the schema has it. */
    static final String MY_TASKS = """
            query myTasks($first: Int, $after: String) {
              myTasks(first: $first, after: $after) {
                edges { node { taskId name gate role since dueAt assignee stalled bet { id key title stage } } }
                pageInfo { endCursor hasNextPage }
              }
            }""";

    /** The inbox in another order, filtered or counted: {@code $orderBy}, {@code $filterBy} and, when asked, the total. */
    static final String MY_TASKS_ORDERED = """
            query myTasksOrdered($first: Int, $orderBy: TaskOrder, $filterBy: TaskFilter) {
              myTasks(first: $first, orderBy: $orderBy, filterBy: $filterBy) {
                edges { node { taskId name gate role since dueAt assignee stalled bet { id key title stage } } }
                pageInfo { endCursor hasNextPage }
              }
            }""";

    static final String MY_TASKS_COUNTED = """
            query myTasksCounted($first: Int) {
              myTasks(first: $first) {
                totalCount
                edges { node { taskId name gate role since dueAt assignee stalled bet { id key title stage } } }
                pageInfo { endCursor hasNextPage }
              }
            }""";

    static final String VIEWER = "{ viewer { id roles } }";

    static final String CREATE_BET = """
            mutation createBet($input: CreateBetInput!) {
              createBet(input: $input) { bet { id stage } userErrors { field message code } }
            }""";

    static final String REVISE_BRIEF = """
            mutation reviseBrief($input: ReviseBriefInput!) {
              reviseBrief(input: $input) { userErrors { field message code } }
            }""";

    static final String SUBMIT_BRIEF = """
            mutation submitBrief($input: SubmitBriefInput!) {
              submitBrief(input: $input) { bet { id stage } userErrors { field message code } }
            }""";

    static final String SUBMIT_CONSTRAINTS = """
            mutation submitConstraints($input: SubmitConstraintsInput!) {
              submitConstraints(input: $input) { bet { id stage } userErrors { field message code } }
            }""";

    static final String SIGN_GATE = """
            mutation signGate($input: SignGateInput!) {
              signGate(input: $input) { bet { id stage } userErrors { field message code } }
            }""";

    static final String PROPOSE_OPTIONS = """
            mutation proposeOptions($input: ProposeOptionsInput!) {
              proposeOptions(input: $input) { bet { id stage options { id } } userErrors { field message code } }
            }""";

    static final String MARK_DELIVERED = """
            mutation markDelivered($input: MarkDeliveredInput!) {
              markDelivered(input: $input) { bet { id stage } userErrors { field message code } }
            }""";

    static final String CONFIRM_DELIVERY = """
            mutation confirmDelivery($input: ConfirmDeliveryInput!) {
              confirmDelivery(input: $input) { bet { id stage } userErrors { field message code } }
            }""";

    private Documents() {
    }
}

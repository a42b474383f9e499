package io.tandem.support;

import java.util.List;
import org.operaton.bpm.engine.authorization.Groups;

/**
 * The calls a hostile colleague signed in to the engine's web apps would try on a bet's workflow, each of which would move
 * or break the bet around its gates: every one must be refused (401 or 403) through the engine REST API.
 */
public final class SideDoors {

    /** One call of the engine REST API (path below /camunda/api/engine/engine/&lt;engine&gt;), with a JSON body unless said. */
    public record Attempt(String what, String method, String path, String contentType, String body) {

        Attempt(String what, String method, String path, String json) {
            this(what, method, path, json == null ? null : "application/json", json);
        }
    }

    private static final String BOUNDARY = "side-door-boundary";
    private static final String DEPLOYMENT = "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nside-door\r\n"
            + "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\"side-door.bpmn\"\r\nContent-Type: text/xml\r\n\r\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
            + "<process id=\"side-door\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>\r\n"
            + "--" + BOUNDARY + "--\r\n";

    private SideDoors() {
    }

    /**
     * What the caller may try against one bet's workflow: its process instance and definition, an open sign-off task of
     * the caller's, a job of it, the bet's id.
     */
    public static List<Attempt> against(String caller, String processInstanceId, String definitionId, String taskId,
                                        String jobId, String betId) {
        String instance = "/process-instance/" + processInstanceId;
        String task = "/task/" + taskId;
        return List.of(
                new Attempt("cancel its stages, skipping the listeners", "POST", instance + "/modification",
                        "{\"skipCustomListeners\": true, \"skipIoMappings\": true, \"instructions\": ["
                                + "{\"type\": \"cancel\", \"activityId\": \"subprocess_stages\"}]}"),
                new Attempt("move it to commitment", "POST", instance + "/modification",
                        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"gateway_commitment_entry\"}]}"),
                new Attempt("delete its workflow", "DELETE", instance + "?skipCustomListeners=true", null),
                new Attempt("suspend its workflow", "PUT", instance + "/suspended", "{\"suspended\": true}"),
                new Attempt("write a process variable", "PUT", instance + "/variables/spikeNeeded",
                        "{\"value\": false, \"type\": \"Boolean\"}"),
                new Attempt("write variables of the process", "POST", instance + "/variables",
                        "{\"modifications\": {\"gateRoundId\": {\"value\": \"00000000-0000-0000-0000-000000000000\"}}}"),
                new Attempt("write a task variable outside completing it", "POST", task + "/variables",
                        "{\"modifications\": {\"spikeNeeded\": {\"value\": false, \"type\": \"Boolean\"}}}"),
                new Attempt("complete the task with the workflow's own variables", "POST", task + "/complete",
                        "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}, "
                                + "\"gateRoundId\": {\"value\": \"00000000-0000-0000-0000-000000000000\"}}}"),
                new Attempt("submit the task's form with the workflow's own variables", "POST", task + "/submit-form",
                        "{\"variables\": {\"changesRequested\": {\"value\": false, \"type\": \"Boolean\"}}}"),
                new Attempt("kill the bet with a BPMN error from the task", "POST", task + "/bpmnError",
                        "{\"errorCode\": \"BET_KILLED\"}"),
                new Attempt("throw an escalation from the task", "POST", task + "/bpmnEscalation",
                        "{\"escalationCode\": \"ANY\"}"),
                new Attempt("delegate the task", "POST", task + "/delegate", "{\"userId\": \"paul\"}"),
                new Attempt("offer the task to a friend", "POST", task + "/identity-links",
                        "{\"userId\": \"paul\", \"type\": \"candidate\"}"),
                new Attempt("take the task from its role", "POST", task + "/identity-links/delete",
                        "{\"groupId\": \"product\", \"type\": \"candidate\"}"),
                new Attempt("edit the task", "PUT", task, "{\"name\": \"Approved already\", \"priority\": 99}"),
                new Attempt("delete the task", "DELETE", task, null),
                new Attempt("create a standalone task", "POST", "/task/create", "{\"id\": \"side-door\", \"name\": \"Sign for me\"}"),
                new Attempt("correlate a kill message", "POST", "/message",
                        "{\"messageName\": \"KillProposed\", \"businessKey\": \"" + betId + "\"}"),
                new Attempt("start the lifecycle by hand", "POST", "/process-definition/key/bet-lifecycle/start",
                        "{\"businessKey\": \"" + betId + "\"}"),
                new Attempt("fire a timer now", "POST", "/job/" + jobId + "/execute", null),
                new Attempt("move a timer", "PUT", "/job/" + jobId + "/duedate", "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}"),
                new Attempt("take a job's retries away", "PUT", "/job/" + jobId + "/retries", "{\"retries\": 0}"),
                new Attempt("suspend a job", "PUT", "/job/" + jobId + "/suspended", "{\"suspended\": true}"),
                new Attempt("migrate the workflow", "POST", "/migration/execute",
                        "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + definitionId + "\", \"targetProcessDefinitionId\": \""
                                + definitionId + "\", \"instructions\": []}, \"processInstanceIds\": [\"" + processInstanceId + "\"]}"),
                new Attempt("deploy a process", "POST", "/deployment/create", "multipart/form-data; boundary=" + BOUNDARY, DEPLOYMENT),
                new Attempt("create a user", "POST", "/user/create",
                        "{\"profile\": {\"id\": \"mallory\", \"firstName\": \"Mal\", \"lastName\": \"Lory\"}, "
                                + "\"credentials\": {\"password\": \"mallory-1\"}}"),
                new Attempt("join the engine's admin group", "PUT", "/group/" + Groups.OPERATON_ADMIN + "/members/" + caller, null),
                new Attempt("create a group", "POST", "/group/create", "{\"id\": \"sidedoor\", \"name\": \"Side door\"}"),
                new Attempt("grant oneself everything", "POST", "/authorization/create",
                        "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"" + caller + "\", \"resourceType\": 8, \"resourceId\": \"*\"}"),
                new Attempt("create a tenant", "POST", "/tenant/create", "{\"id\": \"sidedoor\", \"name\": \"Side door\"}"));
    }
}

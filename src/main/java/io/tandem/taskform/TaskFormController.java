package io.tandem.taskform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.operaton.bpm.webapp.impl.security.auth.Authentications;
import org.operaton.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The form's read of its task, for the person signed in to the engine's web apps (their session, the same one Tasklist's
 * calls to the engine REST API carry). A task they may not see is answered as one that does not exist.
 */
@RestController
class TaskFormController {

    static final String PATH = "/camunda/tandem/tasks/{taskId}/form";

    private final TaskForms forms;
    private final String engine;

    TaskFormController(TaskForms forms, ProcessEngine engine) {
        this.forms = forms;
        this.engine = engine.getName();
    }

    @GetMapping(PATH)
    ResponseEntity<?> form(@PathVariable String taskId, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (signedIn == null || !(signedIn.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication person)) {
            return error(HttpStatus.UNAUTHORIZED, "Sign in to Tasklist first");
        }
        return forms.forTask(taskId, person.getIdentityId(), person.getGroupIds())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "No task " + taskId + " waits on you"));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}

package io.tandem.engineaccess;

import io.tandem.shared.OwnEngineCalls;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.operaton.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.operaton.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.operaton.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.operaton.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.operaton.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.operaton.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.operaton.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.operaton.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.operaton.bpm.engine.impl.cmd.SaveTaskCmd;
import org.operaton.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.CommandInterceptor;
import org.operaton.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.operaton.bpm.engine.task.IdentityLinkType;

/**
 * Decides, for each engine command, whether the engine's authorization checks it, and refuses what authorization cannot
 * express. It runs inside the command context, for every command.
 *
 * <ul>
 *   <li>A command issued from outside the engine by a signed-in person (the engine's web apps and REST API) is checked by
 *       the engine's authorization, and may neither end a task around its listeners (a BPMN error or escalation thrown
 *       from it, which the lifecycle would catch as a kill or a request for changes nobody signed), delegate, edit or
 *       delete one, nor run a job by hand, and completes a task with Tandem's task inputs only ({@link #TASK_INPUTS}): any other variable would
 *       land in the workflow's own (a gate round's id, whether a spike is needed).</li>
 *   <li>Tandem's own calls (OwnEngineCalls) and the commands Tandem's listeners issue while a command runs are not
 *       checked: the services and the listeners have decided them already, and a listener acts for the workflow, not for
 *       the person whose command it is part of.</li>
 * </ul>
 */
class EngineDoor extends CommandInterceptor {

    /** The variables a person gives when completing a task: a sign-off's answer, choice and reason, an acknowledgement's response. */
    static final Set<String> TASK_INPUTS = Set.of("answer", "choice", "reason", "response", "forecast", "nonGoals", "receipts");

    private static final Field COMPLETION_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field FORM_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field ADDED_LINK_TYPE = field(AbstractAddIdentityLinkCmd.class, "type");
    private static final Field DELETED_LINK_TYPE = field(DeleteIdentityLinkCmd.class, "type");

    /** How deep the engine is in nested commands on this thread: 0 while none runs. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Set while a command from outside runs on this thread, nested commands included. */
    private static final ThreadLocal<String> OUTSIDE_CALLER = new ThreadLocal<>();

    /** The signed-in person whose command from outside is running, or null inside Tandem's own work and the job executor. */
    static String outsideCaller() {
        return OUTSIDE_CALLER.get();
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        CommandContext context = Context.getCommandContext();
        boolean outside = depth[0] == 0 && !OwnEngineCalls.active() && context.getAuthenticatedUserId() != null;
        boolean unchecked = !outside && context.isAuthorizationCheckEnabled();
        if (outside) {
            refuseAroundTheRules(command);
            OUTSIDE_CALLER.set(context.getAuthenticatedUserId());
        } else if (unchecked) {
            context.disableAuthorizationCheck();
        }
        depth[0]++;
        try {
            return next.execute(command);
        } finally {
            depth[0]--;
            if (outside) {
                OUTSIDE_CALLER.remove();
            }
            if (unchecked) {
                context.enableAuthorizationCheck();
            }
        }
    }

    private static void refuseAroundTheRules(Command<?> command) {
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            throw new AuthorizationException("A task of the bet lifecycle ends only by being completed, so that its rules run; "
                    + "to send a bet back, complete the sign-off with answer REQUEST_CHANGES and a reason");
        }
        if (command instanceof DelegateTaskCmd || command instanceof ResolveTaskCmd) {
            throw new AuthorizationException("Tasks are handed over (set the assignee to someone the task waits on), not delegated");
        }
        if (command instanceof ExecuteJobsCmd || command instanceof FailedJobListener) {
            // the engine counts a job run by hand that was refused as a failed attempt (FailedJobListener takes one of its
            // retries), so neither the run nor that count may happen
            throw new AuthorizationException("A bet's timers and jobs run when they are due, by the job executor");
        }
        if (command instanceof SaveTaskCmd || command instanceof DeleteTaskCmd) {
            throw new AuthorizationException("A task's name, description, due date and priority are the workflow's, and its tasks "
                    + "end by being completed");
        }
        if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
            Object type = readValue(command instanceof DeleteIdentityLinkCmd ? DELETED_LINK_TYPE : ADDED_LINK_TYPE, command);
            if (!IdentityLinkType.ASSIGNEE.equals(type)) {
                // offering a task to a friend, or taking it from its role, would go around the leads and stand-ins
                throw new AuthorizationException("Whom a task waits on is the workflow's: the bet's lead for the side, their "
                        + "stand-ins, or the role; change them with changeLead or nameStandIn");
            }
        }
        if (command instanceof CompleteTaskCmd) {
            onlyTaskInputs(read(COMPLETION_VARIABLES, command));
        } else if (command instanceof SubmitTaskFormCmd) {
            onlyTaskInputs(read(FORM_VARIABLES, command));
        }
    }

    private static void onlyTaskInputs(Map<?, ?> variables) {
        if (variables == null) {
            return;
        }
        Set<String> others = new TreeSet<>();
        variables.keySet().forEach(name -> {
            if (!TASK_INPUTS.contains(String.valueOf(name))) {
                others.add(String.valueOf(name));
            }
        });
        if (!others.isEmpty()) {
            throw new AuthorizationException("A task is completed with " + new TreeSet<>(TASK_INPUTS) + " only, not " + others);
        }
    }

    private static Map<?, ?> read(Field field, Command<?> command) {
        return (Map<?, ?>) readValue(field, command);
    }

    private static Object readValue(Field field, Command<?> command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    /**
     * The engine keeps a completion's variables and an identity link's type in protected fields; an engine without them
     * fails at start, not open.
     */
    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has no field " + name + "; EngineDoor needs it", e);
        }
    }
}

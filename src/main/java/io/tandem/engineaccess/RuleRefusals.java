package io.tandem.engineaccess;

import io.tandem.shared.RuleViolation;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.operaton.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A rule that refuses an engine command (a listener throwing a {@link RuleViolation}, say a second signature by the same
 * person) reaches the caller as an exception the engine REST API behind the web apps answers with HTTP 400 and the
 * rule's code and message, which Tasklist's form shows, instead of a 500: for completing a task (the REST API answers
 * only a form validation failure with 400 there) a {@link FormFieldValidationException}, for anything else a
 * {@link BadUserRequestException}. The violation stays the cause, so Tandem's own callers still read its code
 * ({@link RuleViolation#findIn}). It runs outside the engine's transaction: the refused command is already rolled back.
 */
class RuleRefusals extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (BadUserRequestException | FormFieldValidationException refused) {
            throw refused;
        } catch (RuntimeException e) {
            RuleViolation violation = RuleViolation.findIn(e);
            if (violation == null) {
                throw e;
            }
            throw refusal(command, violation);
        }
    }

    private static ProcessEngineException refusal(Command<?> command, RuleViolation violation) {
        String message = violation.code() + ": " + violation.getMessage();
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                ? new FormFieldValidationException(violation.code().name(), message, violation)
                : new BadUserRequestException(message, violation);
    }
}

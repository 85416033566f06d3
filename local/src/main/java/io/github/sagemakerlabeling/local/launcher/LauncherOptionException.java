package io.github.sagemakerlabeling.local.launcher;

/** A command-line option that breaks a rule; the message names the option, the rule and the value given. */
public final class LauncherOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LauncherOptionException(String message) {
        super(message);
    }
}

package io.antiphon.midi.port;

/**
 * Thrown by a {@link SupervisedOutput} while its port is lost. One preallocated instance without a stack trace, so
 * that a scheduler that catches it neither allocates nor blocks; the watcher reopens the port.
 */
public final class PortLostException extends IllegalStateException {

    static final PortLostException INSTANCE = new PortLostException();

    private PortLostException() {
        super("the MIDI port is lost; it is reopened when it returns");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

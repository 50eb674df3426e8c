package io.tunnelsim.cli;

/** A command-line argument that names something that does not exist (exit code 2). */
final class BadInputException extends Exception {
    BadInputException(String message) {
        super(message, null, false, false);
    }
}

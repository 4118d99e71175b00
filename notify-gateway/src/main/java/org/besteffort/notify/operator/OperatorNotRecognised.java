package org.besteffort.notify.operator;

/**
 * The request came from nobody known as an operator.
 */
class OperatorNotRecognised extends RuntimeException {

    OperatorNotRecognised() {
        super("Operator API: send Authorization: Bearer <your operator token>");
    }
}

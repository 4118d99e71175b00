package org.besteffort.notify.operator;

/**
 * No notification task has this id.
 */
class TaskNotFound extends RuntimeException {

    TaskNotFound(long id) {
        super("No notification task " + id);
    }
}

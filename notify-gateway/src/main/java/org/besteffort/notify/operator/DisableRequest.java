package org.besteffort.notify.operator;

import jakarta.validation.constraints.Size;

/**
 * Why an operator disables an endpoint; optional.
 */
record DisableRequest(@Size(max = 200) String reason) {
}

package org.besteffort.pay.payment;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pay names its notify target whole or not at all: receiverId and notifyUrl both, or neither.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotifyTargetComplete.Check.class)
@interface NotifyTargetComplete {

    String message() default "receiverId and notifyUrl must be given together";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports the missing field by name, so that the problem's {@code errors} names it like any invalid field. */
    class Check implements ConstraintValidator<NotifyTargetComplete, PayRequest> {

        @Override
        public boolean isValid(PayRequest request, ConstraintValidatorContext context) {
            if (request == null || (request.receiverId() == null) == (request.notifyUrl() == null)) {
                return true;
            }
            String missing = request.receiverId() == null ? "receiverId" : "notifyUrl";
            String given = request.receiverId() == null ? "notifyUrl" : "receiverId";
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be given together with " + given)
                    .addPropertyNode(missing)
                    .addConstraintViolation();
            return false;
        }
    }
}

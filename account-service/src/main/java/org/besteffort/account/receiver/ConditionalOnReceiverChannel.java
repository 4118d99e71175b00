package org.besteffort.account.receiver;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates the annotated bean only when {@code receiver.channels} lists this channel.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnReceiverChannelCondition.class)
public @interface ConditionalOnReceiverChannel {

    ReceiverChannel value();
}

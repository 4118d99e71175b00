package org.besteffort.account.receiver;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Map;

/**
 * Matches when {@code receiver.channels} lists the channel named by {@link ConditionalOnReceiverChannel}.
 */
class OnReceiverChannelCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnReceiverChannel.class.getName());
        ReceiverChannel channel = (ReceiverChannel) attributes.get("value");
        // Bound as the application binds it, so that the default lives in one place: ReceiverProperties.
        ReceiverProperties receiver = Binder.get(context.getEnvironment())
                .bindOrCreate("receiver", ReceiverProperties.class);
        return receiver.channels().contains(channel);
    }
}

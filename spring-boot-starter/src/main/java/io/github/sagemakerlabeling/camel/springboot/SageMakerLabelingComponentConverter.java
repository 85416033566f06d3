package io.github.sagemakerlabeling.camel.springboot;

import io.github.sagemakerlabeling.camel.SageMakerLabelingConfiguration;
import io.github.sagemakerlabeling.camel.client.SageMakerLabelingClientFactory;
import io.github.sagemakerlabeling.camel.job.JobTags;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Binds the object-typed {@code camel.component.sagemaker-labeling.*} properties from text: a bean reference
 * ({@code #bean:name} or {@code #name}) for the clients, the client factory and the configuration, and for
 * {@code tags} also {@code key=value,key2=value2} or a reference to a {@code Map} bean.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class SageMakerLabelingComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(SageMakerLabelingConfiguration.class,
            SageMakerLabelingClientFactory.class, SageMakerClient.class, SnsClient.class, SqsClient.class,
            S3Client.class, JobTags.class);

    private final ApplicationContext applicationContext;

    public SageMakerLabelingComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String text = source.toString();
        Class<?> type = targetType.getType();
        if (!text.startsWith("#")) {
            if (type == JobTags.class) {
                return JobTags.parse(text);
            }
            throw new IllegalArgumentException("must be a bean reference, #bean:name or #name, to a "
                    + type.getSimpleName() + " bean, was " + text);
        }
        String name = text.startsWith("#bean:") ? text.substring("#bean:".length()) : text.substring(1);
        if (type == JobTags.class) {
            Object tags = applicationContext.getBean(name);
            return tags instanceof Map<?, ?> map ? JobTags.of(map) : applicationContext.getBean(name, JobTags.class);
        }
        return applicationContext.getBean(name, type);
    }
}

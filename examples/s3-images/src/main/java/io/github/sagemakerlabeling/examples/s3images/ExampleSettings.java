package io.github.sagemakerlabeling.examples.s3images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The settings the app needs before Camel starts (to prepare Local Ground Truth): read from
 * {@code application.properties}, each overridden by a system property of the same name.
 *
 * @param bucket            the bucket images are dropped into ({@code images.bucket})
 * @param notificationTopic the topic notified per labeled image ({@code images.notificationTopic})
 * @param labels            the labels workers choose from ({@code images.labels})
 * @param job               the streaming labeling job's name ({@code labeling.job})
 */
record ExampleSettings(String bucket, String notificationTopic, List<String> labels, String job) {

    ExampleSettings {
        labels = List.copyOf(labels);
    }

    /** The settings of {@code application.properties} on the classpath, with system properties winning. */
    static ExampleSettings load() {
        Properties properties = new Properties();
        try (InputStream in = ExampleSettings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(System.getProperties());
        return new ExampleSettings(required(properties, "images.bucket"),
                required(properties, "images.notificationTopic"),
                Arrays.stream(required(properties, "images.labels").split(",")).map(String::trim).toList(),
                required(properties, "labeling.job"));
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The property " + name + " is not set");
        }
        return value.trim();
    }
}

package io.github.sagemakerlabeling.examples.quickstart;

import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quickstart's own settings ({@code quickstart.*}): {@code application.properties}, overridden by system
 * properties and by the overrides a caller gives, with {@code {{name}}} placeholders resolved. The AWS settings may
 * also come from environment variables ({@code QUICKSTART_WORKTEAM_ARN}, ...).
 */
final class QuickstartSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    private final Properties properties;
    private final Map<String, String> environment;

    private QuickstartSettings(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * The settings of this run.
     *
     * @param overrides   wins over everything else (tests use it)
     * @param environment where the AWS settings are looked up when no property gives them
     */
    static QuickstartSettings load(Properties overrides, Map<String, String> environment) {
        Properties properties = new Properties();
        try (InputStream in = QuickstartSettings.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        properties.putIfAbsent("quickstart.home", ".");
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("quickstart."))
                .forEach(name -> properties.setProperty(name, System.getProperty(name)));
        properties.putAll(overrides);
        return new QuickstartSettings(properties, environment);
    }

    /** Every property of this run, to hand to Camel Main so its placeholders see the same values. */
    Properties all() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    String jobName() {
        return required("quickstart.jobName");
    }

    List<String> labels() {
        return list(required("quickstart.labels"));
    }

    Path dataDirectory() {
        return Path.of(required("quickstart.data"));
    }

    Path outputDirectory() {
        return Path.of(required("quickstart.output"));
    }

    /**
     * How long to wait for every text to come back labeled: {@code quickstart.people.timeout} when people label on
     * Local Ground Truth, else {@code quickstart.timeout}.
     */
    Duration timeout() {
        return workforce() == WorkforceMode.SIMULATED ? duration("quickstart.timeout")
                : duration("quickstart.people.timeout");
    }

    /** Who labels on Local Ground Truth: simulated workers (the default), people in the worker portal, or both. */
    WorkforceMode workforce() {
        return WorkforceMode.of(required("quickstart.workforce"));
    }

    /** How many different people label each text when people label: one lets a single person finish the job. */
    int peopleWorkersPerObject() {
        int workers = Integer.parseInt(required("quickstart.people.workersPerObject"));
        if (workers < 1 || workers > 9) {
            throw new IllegalArgumentException(
                    "quickstart.people.workersPerObject must be between 1 and 9, was " + workers);
        }
        return workers;
    }

    /** With {@code quickstart.workforce=both}, how long people have before simulated workers finish a text. */
    Duration peopleSimulatedAfter() {
        return duration("quickstart.people.simulatedAfter");
    }

    /** The worker portal's port on 127.0.0.1; 0 picks a free one. */
    int portalPort() {
        return Integer.parseInt(required("quickstart.portalPort"));
    }

    /** The keywords of one label for Local Ground Truth's simulated workers; empty when the label has none. */
    List<String> localKeywords(String label) {
        return Optional.ofNullable(value("quickstart.local.keywords." + label)).map(QuickstartSettings::list)
                .orElse(List.of());
    }

    String localOtherwise() {
        return required("quickstart.local.otherwise");
    }

    double localDisagreement() {
        return Double.parseDouble(required("quickstart.local.disagreement"));
    }

    long localSeed() {
        return Long.parseLong(required("quickstart.local.seed"));
    }

    /** The work team to label on AWS: set, it makes the quickstart run against AWS instead of Local Ground Truth. */
    Optional<String> awsWorkteamArn() {
        return aws("quickstart.aws.workteamArn", "QUICKSTART_WORKTEAM_ARN");
    }

    /** The IAM role Ground Truth assumes on AWS. */
    Optional<String> awsRoleArn() {
        return aws("quickstart.aws.roleArn", "QUICKSTART_ROLE_ARN");
    }

    /** Where Ground Truth writes its output on AWS, an {@code s3://} URI. */
    Optional<String> awsS3OutputPath() {
        return aws("quickstart.aws.s3OutputPath", "QUICKSTART_S3_OUTPUT_PATH");
    }

    /** The AWS region; without it the SDK's default region chain decides (AWS_REGION, the profile). */
    Optional<String> awsRegion() {
        return aws("quickstart.aws.region", "AWS_REGION");
    }

    private Optional<String> aws(String property, String environmentVariable) {
        return Optional.ofNullable(value(property)).or(() -> Optional.ofNullable(environment.get(environmentVariable)))
                .map(String::trim).filter(value -> !value.isEmpty());
    }

    private Duration duration(String name) {
        String value = required(name);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT5M, was " + value, e);
        }
    }

    private String required(String name) {
        String value = value(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set (application.properties or -D" + name + "=...)");
        }
        return value.trim();
    }

    private String value(String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String inner = value(placeholder.group(1).trim());
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(inner == null ? "" : inner));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}

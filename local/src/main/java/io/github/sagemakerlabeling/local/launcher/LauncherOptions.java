package io.github.sagemakerlabeling.local.launcher;

import io.github.sagemakerlabeling.local.LocalDefaults;
import io.github.sagemakerlabeling.local.LocalGroundTruth;
import io.github.sagemakerlabeling.local.portal.PortalAccess;
import io.github.sagemakerlabeling.local.time.SimulationClock;
import io.github.sagemakerlabeling.local.workers.Annotator;
import io.github.sagemakerlabeling.local.workers.RandomAnnotator;
import io.github.sagemakerlabeling.local.workers.RuleBasedAnnotator;
import io.github.sagemakerlabeling.local.workers.WorkforceMode;
import io.github.sagemakerlabeling.local.workers.WorkforcePlan;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The launcher's command line, checked: every rule broken gives a {@link LauncherOptionException} naming the option.
 *
 * @param ports     the port of each service by name ({@code sagemaker}, {@code sns}, {@code sqs}, {@code s3}) and of
 *                  the edge endpoint ({@code edge}); 0 picks a free one
 * @param region    the region the stack plays
 * @param accountId the account id in its ARNs
 * @param s3Dir     the directory that keeps S3's buckets, or {@code null} for memory
 * @param dataDir   the directory that keeps everything (jobs, task boards, answers, topics, queues, messages,
 *                  buckets), or {@code null} for memory
 * @param speed     how many times faster than real time the simulation clock runs
 * @param workers   the workers' specification as given, see {@link #workers()}
 * @param stopWithParent whether the stack stops when the process that started it ends
 * @param help      whether {@code --help} was asked for
 * @param workforces which work teams label with simulated workers, people in the worker portal, or both
 * @param portalAccess the worker portal's bind address and access token
 */
public record LauncherOptions(Map<String, Integer> ports, String region, String accountId, Path s3Dir, Path dataDir,
                              double speed,
                              String workers, boolean stopWithParent, boolean help, WorkforcePlan workforces,
                              PortalAccess portalAccess) {

    /** The usage text {@code --help} prints. */
    public static final String USAGE = """
            Usage: local-ground-truth [options]

            Runs Local Ground Truth (SageMaker labeling jobs, SNS, SQS, S3) on 127.0.0.1 until Ctrl-C or SIGTERM.
            Prints one name=url line per service on stdout, then edge=, health=, AWS_ENDPOINT_URL*= lines, region=,
            account= and ready=true; logs go to stderr.

            Options:
              --port-sagemaker N   port of the SageMaker labeling-job API (default 0: a free port)
              --port-sns N         port of SNS (default 0: a free port)
              --port-sqs N         port of SQS (default 0: a free port)
              --port-s3 N          port of S3 (default 0: a free port)
              --port-edge N        port of the edge endpoint, all four services on one port (default 0: a free port)
              --port-portal N      port of the worker portal, where people label (default 0: a free port)
              --region R           region in ARNs and signatures (default us-east-1)
              --account ID         12-digit account id in ARNs and queue URLs (default 000000000000)
              --s3-dir DIR         keep S3 buckets and objects in DIR (created if missing) instead of in memory
              --data-dir DIR       keep everything in DIR (created if missing): labeling jobs, task boards,
                                   people's answers, topics, subscriptions, queues and their messages, buckets
                                   and objects; a stack started again on DIR (after Ctrl-C or kill -9) has them
              --speed F            run the simulation clock F times faster than real time (default 1)
              --workers SPEC       the simulated workers (default random:seed=1,disagreement=0.1):
                                     random[:seed=N,disagreement=R]  seeded crowd, R in 0..1 disagrees
                                     first-label                     every worker picks the job's first label
              --workforce MODE     who labels: simulated (default), people (in the worker portal), or both
                                   (people first, simulated workers finish after 60 s); TEAM=MODE sets one
                                   work team's mode (its name or ARN); repeat the option for several
              --portal-bind ADDR   serve the worker portal to other machines on ADDR (e.g. 0.0.0.0) instead of
                                   127.0.0.1; requests then need an access token (the other services stay on
                                   127.0.0.1). portal-entry= prints the URL to give people, with ?token=
              --portal-token T     the portal's access token (16+ letters, digits, - or _); with --portal-bind and
                                   no --portal-token a random one is made
              --stop-with-parent   stop when the process that started this one ends (Maven's exec:exec passes it)
              --help               print this text and exit

            Options take their value as the next argument or after '=' (--port-sns=4566).
            Exit codes: 0 after --help, 2 for a bad option, 1 if the stack cannot start; stopped by a signal, the
            JVM exits with 128 + the signal (130 after Ctrl-C, 143 after SIGTERM).
            """;

    private static final String DEFAULT_WORKERS = "random:seed=1,disagreement=0.1";
    private static final String WORKERS_RULE =
            "must be first-label or random[:seed=N,disagreement=R] with R between 0 and 1";

    public LauncherOptions {
        ports = Map.copyOf(ports);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(workers, "workers");
    }

    /**
     * Parses and checks a command line.
     *
     * @throws LauncherOptionException naming the first option that breaks a rule, and the rule
     */
    public static LauncherOptions parse(String... args) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : new String[] {"sagemaker", "sns", "sqs", "s3", "edge", "portal"}) {
            ports.put(service, 0);
        }
        String region = LocalDefaults.REGION;
        String accountId = LocalDefaults.ACCOUNT_ID;
        Path s3Dir = null;
        Path dataDir = null;
        double speed = 1.0;
        String workers = DEFAULT_WORKERS;
        boolean stopWithParent = false;
        boolean help = false;
        WorkforcePlan workforces = WorkforcePlan.simulated();
        String portalBind = null;
        String portalToken = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--stop-with-parent" -> stopWithParent = true;
                case "--port-sagemaker", "--port-sns", "--port-sqs", "--port-s3", "--port-edge", "--port-portal" -> {
                    if (value == null) {
                        value = next(args, ++i, option);
                    }
                    ports.put(option.substring("--port-".length()), port(option, value));
                }
                case "--region" -> region = check(option, value != null ? value : next(args, ++i, option),
                        LocalDefaults::requireRegion, "must look like us-east-1");
                case "--account" -> accountId = check(option, value != null ? value : next(args, ++i, option),
                        LocalDefaults::requireAccountId, "must be 12 digits");
                case "--s3-dir" -> s3Dir = directory(option, value != null ? value : next(args, ++i, option));
                case "--data-dir" -> dataDir = directory(option, value != null ? value : next(args, ++i, option));
                case "--speed" -> speed = speed(option, value != null ? value : next(args, ++i, option));
                case "--workers" -> {
                    workers = value != null ? value : next(args, ++i, option);
                    annotator(workers);
                }
                case "--portal-bind" -> portalBind = value != null ? value : next(args, ++i, option);
                case "--portal-token" -> portalToken = value != null ? value : next(args, ++i, option);
                case "--workforce" -> workforces = workforce(workforces, value != null ? value : next(args, ++i, option));
                default -> throw new LauncherOptionException(arg.startsWith("-")
                        ? "unknown option " + option + " (--help lists the options)"
                        : "unexpected argument " + arg + ": options start with -- (--help lists them)");
            }
        }
        Map<Integer, String> taken = new HashMap<>();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            String other = port.getValue() == 0 ? null : taken.putIfAbsent(port.getValue(), port.getKey());
            if (other != null) {
                throw new LauncherOptionException("--port-" + port.getKey() + " must differ from --port-" + other
                        + ", both were " + port.getValue());
            }
        }
        return new LauncherOptions(ports, region, accountId, s3Dir, dataDir, speed, workers, stopWithParent, help, workforces,
                portalAccess(portalBind, portalToken));
    }

    /** The portal's access: 127.0.0.1 unless {@code --portal-bind}; a random token when bound elsewhere without one. */
    private static PortalAccess portalAccess(String bind, String token) {
        boolean explicit = bind != null && !LocalDefaults.HOST.equals(bind);
        try {
            return PortalAccess.of(bind != null ? bind : LocalDefaults.HOST,
                    token == null && explicit ? randomToken() : token);
        } catch (IllegalArgumentException e) {
            throw new LauncherOptionException((bind != null ? "--portal-bind" : "--portal-token") + ": "
                    + e.getMessage());
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The simulated workers that {@link #workers} names. */
    public Annotator annotator() {
        return annotator(workers);
    }

    /** A builder for the stack these options describe. */
    public LocalGroundTruth.Builder toBuilder() {
        return LocalGroundTruth.builder()
                .region(region)
                .accountId(accountId)
                .ports(ports.get("sagemaker"), ports.get("sns"), ports.get("sqs"), ports.get("s3"))
                .edgePort(ports.get("edge"))
                .s3Directory(s3Dir)
                .dataDir(dataDir)
                .clock(speed == 1.0 ? SimulationClock.realTime() : SimulationClock.speedUp(speed))
                .portalPort(ports.get("portal"))
                .portalAccess(portalAccess.bindAddress().getHostAddress(), portalAccess.token().orElse(null))
                .workforces(workforces)
                .workers(annotator());
    }

    /** The plan with a {@code --workforce MODE} or {@code --workforce TEAM=MODE} applied. */
    private static WorkforcePlan workforce(WorkforcePlan plan, String value) {
        int equals = value.lastIndexOf('=');
        try {
            if (equals < 0) {
                return new WorkforcePlan(WorkforceMode.of(value), plan.teams(), plan.simulatedAfter());
            }
            String team = value.substring(0, equals).trim();
            if (team.isEmpty()) {
                throw new IllegalArgumentException("no team");
            }
            return plan.team(team, WorkforceMode.of(value.substring(equals + 1)));
        } catch (IllegalArgumentException e) {
            throw new LauncherOptionException("--workforce must be simulated, people or both, or TEAM=one of them, "
                    + "was " + value);
        }
    }

    private static Annotator annotator(String spec) {
        if (spec.equals("first-label")) {
            return RuleBasedAnnotator.firstLabel();
        }
        if (!spec.equals("random") && !spec.startsWith("random:")) {
            throw new LauncherOptionException("--workers " + WORKERS_RULE + ", was " + spec);
        }
        long seed = 1L;
        double disagreement = 0.1;
        String parameters = spec.equals("random") ? "" : spec.substring("random:".length());
        for (String parameter : parameters.split(",")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String[] nameValue = parameter.split("=", 2);
            try {
                switch (nameValue[0]) {
                    case "seed" -> seed = Long.parseLong(nameValue[1]);
                    case "disagreement" -> disagreement = Double.parseDouble(nameValue[1]);
                    default -> throw new IllegalArgumentException(parameter);
                }
            } catch (RuntimeException e) {
                throw new LauncherOptionException("--workers " + WORKERS_RULE + ", was " + spec);
            }
        }
        if (!(disagreement >= 0 && disagreement <= 1)) {
            throw new LauncherOptionException("--workers " + WORKERS_RULE + ", was " + spec);
        }
        return new RandomAnnotator(seed, disagreement);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new LauncherOptionException(option + " needs a value (--help lists the options)");
        }
        return args[index];
    }

    private static int port(String option, String value) {
        try {
            return LocalDefaults.requirePort(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new LauncherOptionException(option + " must be 0 (a free port) or 1..65535, was " + value);
        }
    }

    private static String check(String option, String value, UnaryOperator<String> rule,
                                String ruleText) {
        try {
            return rule.apply(value);
        } catch (IllegalArgumentException e) {
            throw new LauncherOptionException(option + " " + ruleText + ", was " + value);
        }
    }

    private static Path directory(String option, String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new LauncherOptionException(option + " must be a directory path, was " + value);
        }
        if (value.isBlank() || (Files.exists(path) && !Files.isDirectory(path))) {
            throw new LauncherOptionException(option + " must be a directory (created if missing), was " + value);
        }
        return path;
    }

    private static double speed(String option, String value) {
        try {
            double speed = Double.parseDouble(value.trim());
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LauncherOptionException(option + " must be a number greater than 0, was " + value);
    }
}

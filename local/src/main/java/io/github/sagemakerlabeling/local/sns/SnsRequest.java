package io.github.sagemakerlabeling.local.sns;

import io.github.sagemakerlabeling.local.faults.FaultDecision;
import io.github.sagemakerlabeling.local.faults.FaultInjector;
import io.github.sagemakerlabeling.local.faults.Operation;
import io.github.sagemakerlabeling.local.http.FormDecoder;
import io.github.sagemakerlabeling.local.http.MalformedRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one query-protocol request ({@code Action=...&Name=value}, from the form body and the query
 * string), with the protocol's list and map conventions ({@code Prefix.member.N.Field}, {@code Prefix.entry.N.key}).
 */
final class SnsRequest {

    private final Map<String, String> params;
    private final FaultInjector faults;

    private SnsRequest(Map<String, String> params) {
        this(params, null);
    }

    private SnsRequest(Map<String, String> params, FaultInjector faults) {
        this.params = params;
        this.faults = faults;
    }

    /** The same request, with the faults its batch entries may get. */
    SnsRequest withFaults(FaultInjector faults) {
        return new SnsRequest(params, faults);
    }

    /** The fault decision for one part of this request, e.g. a batch entry; none if the request is not faultable. */
    FaultDecision fault(Operation operation) {
        return faults == null ? FaultDecision.NONE : faults.decide(operation);
    }

    /**
     * Parses an {@code application/x-www-form-urlencoded} query string and body; the first value of a name wins.
     *
     * @throws MalformedRequestException if either is not well formed
     */
    static SnsRequest parse(String query, String body) {
        return new SnsRequest(FormDecoder.parameters(query, body));
    }

    /** The {@code Action} parameter, or {@code null}. */
    String action() {
        return params.get("Action");
    }

    /** The parameter's value, or {@code null} when absent. */
    String get(String name) {
        return params.get(name);
    }

    /** The parameter's value; {@code InvalidParameter} when absent. */
    String required(String name) {
        String value = params.get(name);
        if (value == null) {
            throw SnsException.invalidParameter(name + " Reason: no value for required parameter");
        }
        return value;
    }

    /**
     * The members of a list or map, in index order: for {@code prefix} {@code "X.member"} each element is the
     * request made of the parameters {@code X.member.N.*} with {@code X.member.N.} removed from their names.
     */
    List<SnsRequest> indexed(String prefix) {
        String start = prefix + ".";
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!name.startsWith(start)) {
                return;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                return;
            }
            try {
                int index = Integer.parseInt(rest.substring(0, dot));
                byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
            } catch (NumberFormatException e) {
                throw SnsException.invalidParameter(name);
            }
        });
        List<SnsRequest> members = new ArrayList<>();
        byIndex.values().forEach(member -> members.add(new SnsRequest(member)));
        return members;
    }

    /** A string map sent as {@code prefix.entry.N.key} / {@code prefix.entry.N.value}, e.g. {@code Attributes}. */
    Map<String, String> map(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (SnsRequest entry : indexed(prefix + ".entry")) {
            map.put(entry.required("key"), entry.required("value"));
        }
        return map;
    }
}

package io.github.sagemakerlabeling.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardMatchTest {

    @ParameterizedTest
    @CsvSource({
            "arn:aws:sns:*:000000000000:in, arn:aws:sns:us-east-1:000000000000:in, true",
            "arn:aws:sns:*:000000000000:in, arn:aws:sns:us-east-1:000000000000:in2, false",
            "sqs:*, sqs:sendmessage, true",
            "sqs:send?essage, sqs:sendmessage, true",
            "sqs:send?essage, sqs:sendessage, false",
            "*, '', true",
            "'', '', true",
            "?, '', false",
            "a*b*c, abxxbxxc, true",
            "a*b*c, abxxbxxcd, false",
            "**a, bba, true",
            "*a*, bbb, false",
    })
    void matchesAsIamDoes(String pattern, String value, boolean expected) {
        assertThat(WildcardMatch.matches(pattern, value)).isEqualTo(expected);
    }

    @Test
    void manyStarsOnALongNearMissAnswerAtOnce() {
        // A backtracking regular expression needs billions of steps for this; the iterative match a few thousand.
        String pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
        assertThat(WildcardMatch.matches(pattern, "a".repeat(200))).isFalse();
        assertThat(WildcardMatch.matches(pattern, "a".repeat(200) + "b")).isTrue();
    }
}

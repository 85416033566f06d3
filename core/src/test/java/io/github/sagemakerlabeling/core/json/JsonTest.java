package io.github.sagemakerlabeling.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void decimalsPassThroughExactlyAsWritten() throws Exception {
        String line = "{\"confidence\":0.00,\"score\":100.0,\"tiny\":0.1000000000000000055511151231257827}";

        assertThat(Json.write(Json.read(line))).isEqualTo(line);
    }

    @Test
    void exponentNotationIsWrittenPlain() throws Exception {
        assertThat(Json.write(Json.read("{\"n\":1E+2}"))).isEqualTo("{\"n\":100}");
    }

    @Test
    void trailingContentIsMalformed() {
        assertThatThrownBy(() -> Json.read("{\"a\":1} {\"b\":2}")).isInstanceOf(JsonProcessingException.class);
    }
}

package io.antiphon.midi.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointSpecTest {

    @Test
    void anyOtherTextIsAPartOfAPortName() {
        assertThat(EndpointSpec.parse("keystep")).isEqualTo(new EndpointSpec.Port("keystep"));
        assertThat(EndpointSpec.parse("IAC Driver Bus 1")).isEqualTo(new EndpointSpec.Port("IAC Driver Bus 1"));
        assertThat(EndpointSpec.parse("Virtual Keyboard")).as("a port whose name starts like the keyword")
                .isEqualTo(new EndpointSpec.Port("Virtual Keyboard"));
        assertThat(EndpointSpec.parse("network")).isEqualTo(new EndpointSpec.Port("network"));
        assertThat(EndpointSpec.parse("keystep").isNet()).isFalse();
    }

    @Test
    void netWithANameIsASessionPeersJoin() {
        assertThat(EndpointSpec.parse("net:Studio")).isEqualTo(new EndpointSpec.NetSession("Studio"));
        assertThat(EndpointSpec.parse("NET: Studio ")).as("prefix case and spaces").isEqualTo(new EndpointSpec.NetSession("Studio"));
        assertThat(EndpointSpec.parse("net:Studio:")).isEqualTo(new EndpointSpec.NetSession("Studio:"));
        assertThat(EndpointSpec.parse("net:Studio:B")).isEqualTo(new EndpointSpec.NetSession("Studio:B"));
        assertThat(EndpointSpec.parse("net:::1")).as("an IPv6 literal without brackets names no port")
                .isEqualTo(new EndpointSpec.NetSession("::1"));
        assertThat(EndpointSpec.parse("net:Studio").isNet()).isTrue();
        assertThat(EndpointSpec.parse("net:Studio")).hasToString("net:Studio");
    }

    @Test
    void netWithAHostAndPortIsASessionToInvite() {
        assertThat(EndpointSpec.parse("net:192.168.1.20:5004")).isEqualTo(new EndpointSpec.NetPeer("192.168.1.20", 5004));
        assertThat(EndpointSpec.parse("net:studio.local:5006")).isEqualTo(new EndpointSpec.NetPeer("studio.local", 5006));
        assertThat(EndpointSpec.parse("net:[::1]:6000")).isEqualTo(new EndpointSpec.NetPeer("::1", 6000));
        assertThat(EndpointSpec.parse("net:[::1]:6000")).hasToString("net:[::1]:6000");
        assertThat(EndpointSpec.parse("net:127.0.0.1:5004")).hasToString("net:127.0.0.1:5004");
        assertThat(EndpointSpec.parse("net:127.0.0.1:5004").isNet()).isTrue();
    }

    @Test
    void virtualAloneIsTheDefaultDeviceAndVirtualColonNamesOne() {
        assertThat(EndpointSpec.parse("virtual")).isEqualTo(new EndpointSpec.Virtual("Antiphon"));
        assertThat(EndpointSpec.parse("VIRTUAL")).isEqualTo(new EndpointSpec.Virtual("Antiphon"));
        assertThat(EndpointSpec.parse("virtual:Jam Room")).isEqualTo(new EndpointSpec.Virtual("Jam Room"));
        assertThat(EndpointSpec.parse("virtual:Jam Room")).hasToString("virtual:Jam Room");
        assertThat(EndpointSpec.parse("virtual").isNet()).isFalse();
    }

    @Test
    void theTypedFormParsesBackToTheSameSpec() {
        for (String text : new String[] {"keystep", "net:Studio", "net:10.0.0.2:5004", "net:[fe80::1]:5004", "virtual:Room"}) {
            EndpointSpec spec = EndpointSpec.parse(text);
            assertThat(EndpointSpec.parse(spec.toString())).isEqualTo(spec);
        }
    }

    @Test
    void malformedSpecsAreRefusedInOneSentence() {
        assertRefused(null, "an empty MIDI endpoint: give a part of a MIDI port's name");
        assertRefused("  ", "net:NAME or net:HOST:PORT for network MIDI, or virtual[:NAME]");
        assertRefused("net:", "'net:' names no network session: write net:NAME");
        assertRefused("net:  ", "names no network session");
        assertRefused("virtual:", "'virtual:' names no virtual device: write virtual or virtual:NAME");
        assertRefused("net:127.0.0.1:0", "network MIDI port in 'net:127.0.0.1:0' must be 1..65534");
        assertRefused("net:127.0.0.1:65535", "must be 1..65534");
        assertRefused("net:127.0.0.1:99999999999", "must be 1..65534");
        assertRefused("net:[]:5004", "'net:[]:5004' names no host");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> EndpointSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageNotContaining("\n");
    }
}

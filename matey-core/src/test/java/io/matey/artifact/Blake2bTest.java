package io.matey.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * BLAKE2b against RFC 7693 (Appendix A and the empty message) and against values from Python's hashlib at every
 * block boundary (127, 128, 129, 256 bytes), shorter outputs and a multi-block message.
 */
class Blake2bTest {

    @Test
    void rfc7693AppendixA() {
        assertThat(hex(Blake2b.digest("abc".getBytes(StandardCharsets.US_ASCII), 64))).isEqualTo(
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void emptyMessage() {
        assertThat(hex(Blake2b.digest(new byte[0], 64))).isEqualTo(
                "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                        + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
        assertThat(hex(Blake2b.digest(new byte[0], 32)))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    }

    @Test
    void blockBoundariesMatchHashlib() {
        assertThat(hex(Blake2b.digest(pattern(1), 32)))
                .isEqualTo("e88bd757ad5b9bedf372d8d3f0cf6c962a469db61a265f6418e1ffed86da29ec");
        assertThat(hex(Blake2b.digest(pattern(127), 32)))
                .isEqualTo("c9ae3859964b35f04c54b36d33cf299d7290ee621005d28e51598a943560aaaa");
        assertThat(hex(Blake2b.digest(pattern(128), 32)))
                .isEqualTo("f0501d06597880592bc49234eef100ec1ff349058d0e9d9b753504e24af86dd6");
        assertThat(hex(Blake2b.digest(pattern(129), 32)))
                .isEqualTo("a34a4e1e03c541dfbf3099c4b6c143c022ced65c28bd7e8a10e0a098461aecf0");
        assertThat(hex(Blake2b.digest(pattern(256), 32)))
                .isEqualTo("d93ebb9c802f5630ab22516fd82b6c21bc8bd551d531349b715f046ed11ed871");
        assertThat(hex(Blake2b.digest(pattern(1000), 32)))
                .isEqualTo("d62b6c768ce1afc8367e0498ab2f8e3f7c178c35b1429f14c4604b545d200f52");
    }

    @Test
    void outputLengthIsPartOfTheParameters() {
        byte[] message = new byte[1024];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        assertThat(hex(Blake2b.digest(message, 20))).isEqualTo("a7e3413fa2515e9b1369f2e3b3a73644109159c2");
        // python3: hashlib.blake2b(b"/tmp/x", digest_size=16).hexdigest() (the target lock file name)
        assertThat(hex(Blake2b.digest("/tmp/x".getBytes(StandardCharsets.UTF_8), 16)))
                .isEqualTo("1834b6d5433c51fc7a458e4a9f72d241");
    }

    @Test
    void refusesOutputsOutsideTheStandard() {
        assertThatThrownBy(() -> Blake2b.digest(new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Blake2b.digest(new byte[0], 65)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Bytes {@code (7i + 3) mod 256}, as generated for the hashlib values. */
    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((i * 7 + 3) % 256);
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

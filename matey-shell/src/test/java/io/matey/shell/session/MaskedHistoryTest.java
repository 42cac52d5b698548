package io.matey.shell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The history recalls the session's own lines whole, its searches too, while its entries (what the file is written
 * from) hold them masked; and which lines carry the mask where their password was, and so cannot log in.
 */
class MaskedHistoryTest {

    @Test
    void recallsTheSessionsLinesWhole() {
        String line = "db status --url mysql://root:S3CRET@127.0.0.1:3306/x";
        MaskedHistory history = new MaskedHistory();
        history.add(Instant.now(), line);
        assertThat(history.previous()).isTrue();
        assertThat(history.current()).isEqualTo(line);
        assertThat(history.get(history.last())).isEqualTo(line);
        assertThat(history.reverseIterator().next().line()).as("a search").isEqualTo(line);
    }

    /** Only a line from the file tells that a masked password was recalled; one typed as the mask is a password. */
    @Test
    void tellsTheMaskRecalledFromTheFileFromAPasswordTypedAsTheMask() {
        String saved = "db status --url mysql://root:****@127.0.0.1:3306/x";
        String typed = "db status --url mysql://root:****@127.0.0.1:3306/y";
        MaskedHistory history = new MaskedHistory();
        history.internalAdd(Instant.now(), saved, false); // as the file is loaded
        history.add(Instant.now(), typed);
        history.newLine();
        assertThat(history.previous()).isTrue();
        assertThat(history.current()).isEqualTo(typed);
        assertThat(history.maskRecalled()).as("typed in this session").isFalse();
        assertThat(history.previous()).isTrue();
        assertThat(history.current()).isEqualTo(saved);
        assertThat(history.maskRecalled()).as("recalled from the file").isTrue();
        history.newLine();
        assertThat(history.maskRecalled()).as("the next line starts afresh").isFalse();
        assertThat(history.get(history.first())).isEqualTo(saved);
        assertThat(history.maskRecalled()).as("a search's pick").isTrue();
    }

    @Test
    void aMaskInAPasswordsPlaceIsToldFromOneElsewhere() {
        assertThat(MaskedHistory.holdsMask("db status --url mysql://root:****@127.0.0.1:3306/x")).isTrue();
        assertThat(MaskedHistory.holdsMask("db status --url=\"postgres://u:****@h/x\"")).isTrue();
        assertThat(MaskedHistory.holdsMask("db status --url 'host=h user=u password=**** dbname=x'")).isTrue();
        assertThat(MaskedHistory.holdsMask("db status --url postgres://h/x?user=u&password=****")).isTrue();
        assertThat(MaskedHistory.holdsMask("db status --url mysql://root:S3CRET@127.0.0.1:3306/x")).isFalse();
        assertThat(MaskedHistory.holdsMask("db status --url mysql://root@127.0.0.1:3306/****")).isFalse();
        assertThat(MaskedHistory.holdsMask("db new ****")).isFalse();
    }
}

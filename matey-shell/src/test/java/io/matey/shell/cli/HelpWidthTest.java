package io.matey.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The width help wraps at: the terminal's, bounded, or a fixed one off a terminal. */
class HelpWidthTest {

    @Test
    void offATerminalHelpWrapsAtTheFixedWidthWhateverTheTerminalOrColumnsSay() {
        assertThat(HelpWidth.choose(false, "80", 80)).isEqualTo(HelpWidth.FIXED).isEqualTo(100);
        assertThat(HelpWidth.choose(false, null, -1)).isEqualTo(100);
    }

    @Test
    void onATerminalHelpWrapsAtItsWidth() {
        assertThat(HelpWidth.choose(true, null, 80)).isEqualTo(80);
        assertThat(HelpWidth.choose(true, "", 90)).isEqualTo(90);
    }

    @Test
    void columnsWinsOverTheTerminalsOwnSizeWhenItIsANumber() {
        assertThat(HelpWidth.choose(true, "72", 200)).isEqualTo(72);
        assertThat(HelpWidth.choose(true, " 72 ", 200)).isEqualTo(72);
        assertThat(HelpWidth.choose(true, "wide", 90)).isEqualTo(90);
        assertThat(HelpWidth.choose(true, "0", 90)).isEqualTo(90);
    }

    @Test
    void theWidthIsBoundedAndATerminalThatCannotTellGetsTheFixedWidth() {
        assertThat(HelpWidth.choose(true, null, 20)).isEqualTo(60);
        assertThat(HelpWidth.choose(true, "300", 80)).isEqualTo(120);
        assertThat(HelpWidth.choose(true, null, -1)).isEqualTo(100);
        assertThat(HelpWidth.choose(true, null, 0)).isEqualTo(100);
    }

    @Test
    void helpWrapsItsDescriptionsAtTheWidthItIsGiven() {
        CommandCatalog catalog = CommandCatalog.load();
        CommandSpec up = catalog.find(List.of("db", "up")).orElseThrow();
        for (int width : new int[] {60, 80, 120}) {
            Help help = new Help(catalog, width);
            for (String text : List.of(help.commands(), help.command(up), help.group(List.of("db")))) {
                assertThat(longest(text)).as("help at %d columns", width).isLessThanOrEqualTo(width);
            }
        }
        assertThat(longest(new Help(catalog, 120).command(up))).isGreaterThan(100);
    }

    private static int longest(String text) {
        return Arrays.stream(text.split("\n")).mapToInt(String::length).max().orElse(0);
    }
}

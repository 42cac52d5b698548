package io.matey.shell.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.matey.shell.Completions;
import io.matey.shell.cli.CommandCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Tab completion of command words, as the session's line reader asks for it (the cursor at the line's end). */
class SessionCompleterTest {

    private final SessionCompleter completer = new SessionCompleter(CommandCatalog.load(), new Completions());

    private List<Candidate> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates;
    }

    @Test
    void aGroupWordIsCompleteSoTheNextTabListsItsCommands() {
        List<Candidate> group = complete("sch").stream().filter(c -> c.value().equals("schema")).toList();
        assertThat(group).hasSize(1);
        assertThat(group.get(0).complete()).as("a space follows 'schema'").isTrue();
        assertThat(complete("schema ").stream().map(Candidate::value)).contains("status", "plan", "apply");
    }

    @Test
    void aLeadingMateyPastedFromTheReadmeCompletesAsIfAbsent() {
        for (String line : List.of("sch", "schema ", "db up --", "db up --format ", "--workspace w db ")) {
            List<String> without = complete(line).stream().map(Candidate::value).toList();
            assertThat(without).as(line).isNotEmpty();
            assertThat(complete("matey " + line)).as("matey " + line).extracting(Candidate::value)
                    .containsExactlyElementsOf(without);
        }
    }

    @Test
    void commandNamesCompleteAfterHelp() {
        assertThat(complete("help sch").stream().map(Candidate::value)).contains("schema").doesNotContain("help", "exit");
        assertThat(complete("help schema ").stream().map(Candidate::value)).contains("status", "plan", "apply");
        assertThat(complete("help schema status ")).isEmpty();
    }

    @Test
    void optionDescriptionsAreTheirSummaryWithoutParenthesesJlineWouldNest() {
        List<Candidate> options = complete("db up --");
        assertThat(options).extracting(Candidate::value).contains("--url", "--lock-timeout", "--resume");
        assertThat(options).filteredOn(c -> c.value().equals("--url")).extracting(Candidate::descr)
                .containsExactly("Live database URL");
        assertThat(options).filteredOn(c -> c.value().equals("--lock-timeout")).extracting(Candidate::descr)
                .containsExactly("How long to wait for a migration lock held elsewhere");
        for (String line : List.of("db drift --", "db new x --", "schema plan --", "init --", "lint --", "data apply --")) {
            assertThat(complete(line)).as(line).isNotEmpty().allSatisfy(c ->
                    assertThat(c.descr()).as(c.value()).isNotBlank().doesNotContain("(", ")"));
        }
    }

    /** dbmate's arguments are its own, read verbatim: its command words complete until one is typed. */
    @Test
    void dbmateCommandWordsComplete() {
        assertThat(complete("dbmate ")).extracting(Candidate::value)
                .containsExactly("new", "up", "create", "drop", "migrate", "rollback", "status", "dump", "load", "wait");
        assertThat(complete("dbmate --url sqlite:x.db ")).extracting(Candidate::value).contains("status", "rollback");
        assertThat(complete("dbmate status ")).isEmpty();
    }

    @Test
    void engineNamesCompleteWithTheAliasesInitAccepts() {
        assertThat(complete("init --engine ")).extracting(Candidate::value)
                .contains("sqlite", "postgres", "postgresql", "mysql", "mariadb");
    }

    /** Directories below the typed one (the test runs in the module's directory), open for the next Tab. */
    @Test
    void workspaceDirectoriesCompleteOneLevelAtATime() {
        List<Candidate> top = complete("schema status --workspace ");
        assertThat(top).extracting(Candidate::value).contains("src/").doesNotContain("pom.xml", "pom.xml/");
        assertThat(top).allSatisfy(c -> assertThat(c.complete()).as(c.value()).isFalse());
        assertThat(complete("schema status --workspace src/m")).extracting(Candidate::value)
                .contains("src/main/", "src/test/");
        assertThat(complete("db up --workspace=src/")).extracting(Candidate::value)
                .contains("--workspace=src/main/");
    }

    /** A dbmate flag's path value completes as a path (the test runs in the module's directory), never as a verb. */
    @Test
    void aDbmatePathFlagCompletesPaths() {
        assertThat(complete("dbmate --migrations-dir sr")).extracting(Candidate::value).contains("src/")
                .doesNotContain("migrate", "pom.xml");
        assertThat(complete("dbmate -d src/m")).extracting(Candidate::value).contains("src/main/", "src/test/");
        assertThat(complete("dbmate -s ")).extracting(Candidate::value).contains("pom.xml", "src/");
        assertThat(complete("dbmate --schema-file=p")).extracting(Candidate::value).contains("--schema-file=pom.xml");
        assertThat(complete("dbmate --url ")).as("a URL is no verb").isEmpty();
    }

    @Test
    void anOptionExcludedByOneTypedIsNoLongerOffered() {
        assertThat(complete("schema status --path . --")).extracting(Candidate::value).contains("--format")
                .doesNotContain("--all", "--path");
        assertThat(complete("schema status --all --")).extracting(Candidate::value).contains("--format")
                .doesNotContain("--path", "--all");
    }
}

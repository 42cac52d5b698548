package io.matey.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.error.MateyException;
import io.matey.workspace.CodegenConfig;
import io.matey.workspace.TargetConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code [codegen]} keys of a target's config.toml and their validation messages. */
class CodegenConfigTest {

    @TempDir
    Path dir;

    @Test
    void javaRecordsTakePackageAndOutputWithADefault() throws Exception {
        CodegenConfig config = read("generator = \"java-records\"\npackage = \"com.example.db\"\noptions = \"nocomments\"\n");
        assertThat(config.javaPackage()).isEqualTo("com.example.db");
        assertThat(config.output()).isEqualTo(CodegenConfig.DEFAULT_JAVA_OUTPUT);
        assertThat(config.optionSet()).containsExactly("nocomments");
        assertThat(read("generator = \"java-records\"\npackage = \"a.b\"\noutput = \"./src/main/java/\"\n").output())
                .isEqualTo("src/main/java");
    }

    @Test
    void optionsAreSplitOnCommasAndTrimmed() throws Exception {
        assertThat(read("generator = \"declarative\"\noptions = \"noindexes, nocomments,\"\n").optionSet())
                .containsExactly("noindexes", "nocomments");
    }

    @Test
    void unknownGeneratorNamesTheConfigFile() {
        assertThatThrownBy(() -> read("generator = \"pydantic\"\n")).isInstanceOf(MateyException.class)
                .hasMessageContaining(dir.resolve("config.toml").toString())
                .hasMessageContaining("unknown generator 'pydantic'")
                .hasMessageContaining("dataclasses, declarative, java-records, sqlmodels, tables");
    }

    @Test
    void unsupportedOptionsAreRejected() {
        assertThatThrownBy(() -> read("options = \"nojoined\"\n")).isInstanceOf(MateyException.class)
                .hasMessageContaining("config.toml:6: codegen.options: unsupported option 'nojoined' for generator 'tables'");
        assertThatThrownBy(() -> read("generator = \"java-records\"\npackage = \"a\"\noptions = \"noindexes\"\n"))
                .hasMessageContaining("unsupported option 'noindexes' for generator 'java-records'");
    }

    @Test
    void everySqlacodegenOptionTheNativeGeneratorsReproduceIsAccepted() throws Exception {
        assertThat(read("generator = \"declarative\"\noptions = \"noindexes,noconstraints,nocomments,nonativeenums,"
                + "nosyntheticenums,noidsuffix,nofknames,use_inflect,nojoined,nobidi\"\n").optionSet()).hasSize(10);
        assertThat(read("generator = \"sqlmodels\"\noptions = \"use_inflect,nobidi\"\n").optionSet()).hasSize(2);
        assertThat(read("options = \"nonativeenums,nosyntheticenums\"\n").optionSet()).hasSize(2);
        assertThatThrownBy(() -> read("options = \"nobidi\"\n"))
                .hasMessageContaining("unsupported option 'nobidi' for generator 'tables'");
    }

    @Test
    void sqlacodegenOptionsMateyCannotReproduceAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> read("enabled = true\noptions = \"noindexes,keep_dialect_types\"\n"))
                .isInstanceOf(MateyException.class)
                .hasMessageContaining("config.toml:7: codegen.options: sqlacodegen's option 'keep_dialect_types' is not supported")
                .hasMessageContaining("Remove it from options.");
        assertThatThrownBy(() -> read("generator = \"declarative\"\noptions = \"include_dialect_options\"\n"))
                .hasMessageContaining("config.toml:7: codegen.options: sqlacodegen's option 'include_dialect_options'")
                .hasMessageContaining("dialect keywords");
    }

    @Test
    void javaRecordsNeedAValidPackageAndAnOutputInsideTheTarget() {
        assertThatThrownBy(() -> read("generator = \"java-records\"\n"))
                .hasMessageContaining("codegen.package must name a Java package").hasMessageContaining("got none");
        assertThatThrownBy(() -> read("generator = \"java-records\"\npackage = \"com.class.db\"\n"))
                .hasMessageContaining("got 'com.class.db'");
        for (String output : new String[] {"../elsewhere", "/abs", ".matey/x", "."}) {
            assertThatThrownBy(() -> read("generator = \"java-records\"\npackage = \"a\"\noutput = \"" + output + "\"\n"))
                    .as(output).hasMessageContaining("codegen.output must be a directory inside the target");
        }
        assertThatThrownBy(() -> read("generator = \"tables\"\npackage = \"a\"\n"))
                .hasMessageContaining("codegen.package and codegen.output apply only to generator 'java-records'");
        assertThatThrownBy(() -> read("package = 3\n")).hasMessageContaining("codegen.package must be a string");
    }

    private CodegenConfig read(String codegen) throws Exception {
        Files.writeString(dir.resolve("config.toml"), "engine = \"sqlite\"\nurl_env = \"DATABASE_URL\"\n"
                + "test_url_env = \"TEST_DATABASE_URL\"\n\n[codegen]\n" + codegen);
        return TargetConfigReader.read(".", dir).codegen();
    }
}

package io.matey.engine.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BigQueryUrlTest {

    private static BigQueryUrl of(String url) {
        return BigQueryUrl.of(MateyUrl.parse(url));
    }

    @Test
    void readsDbmatesForms() {
        assertThat(of("bigquery://my-project/analytics"))
                .isEqualTo(new BigQueryUrl(false, null, "my-project", Optional.empty(), "analytics"));
        assertThat(of("bigquery://my-project/europe-west1/analytics"))
                .isEqualTo(new BigQueryUrl(false, null, "my-project", Optional.of("europe-west1"), "analytics"));
        assertThat(of("bigquery-emulator://127.0.0.1:9050/matey/core"))
                .isEqualTo(new BigQueryUrl(true, "127.0.0.1:9050", "matey", Optional.empty(), "core"));
        assertThat(of("bigquery-emulator://localhost:9050/matey/us/core"))
                .isEqualTo(new BigQueryUrl(true, "localhost:9050", "matey", Optional.of("us"), "core"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bigquery://my-project|BigQuery URL bigquery://my-project must be one of",
            "bigquery://my-project/a/b/c|must be one of: bigquery://<project>/<dataset> or bigquery://<project>/<location>/<dataset>",
            "bigquery://my-project:9050/ds|names a port; for an emulator write bigquery-emulator://",
            "bigquery://user:secret@my-project/ds|must not carry credentials: Matey uses Application Default Credentials",
            "bigquery://my-project/us/bad-name|'bad-name' is not a valid dataset name",
            "bigquery-emulator://localhost/matey/ds|expected host:port",
            "bigquery-emulator://localhost:9050/matey|BigQuery emulator URL bigquery-emulator://localhost:9050/matey must be one of",
            "bigquery-emulator://localhost:9050/a/b/c/d|must be one of",
    })
    void refusesOtherShapesSayingWhichAreValid(String url, String message) {
        assertThatThrownBy(() -> of(url)).isInstanceOf(MateyException.class).hasMessageContaining(message)
                .hasMessageNotContaining("secret");
    }

    @Test
    void scratchDatasetsReplaceOnlyTheDatasetKeepingProjectLocationAndEmulatorHost() {
        String scratch = "matey_db_core_replay_ab12cd_4242_00ff";
        assertThat(BigQueryUrl.base(MateyUrl.parse("bigquery://my-project/eu/ci")).withDataset(scratch).toMateyUrl().raw())
                .isEqualTo("bigquery://my-project/eu/" + scratch);
        assertThat(BigQueryUrl.base(MateyUrl.parse("bigquery://my-project")).withDataset(scratch).toMateyUrl().raw())
                .isEqualTo("bigquery://my-project/" + scratch);
        assertThat(BigQueryUrl.base(MateyUrl.parse("bigquery-emulator://127.0.0.1:9050/matey/us/x")).withDataset(scratch)
                .toMateyUrl().raw()).isEqualTo("bigquery-emulator://127.0.0.1:9050/matey/us/" + scratch);
        assertThatThrownBy(() -> BigQueryUrl.base(MateyUrl.parse("bigquery://my-project/ci")).withDataset("db/core"))
                .hasMessageContaining("'db/core' is not a valid BigQuery dataset name");
    }

    @ParameterizedTest
    @CsvSource({"bigquery://my-project/us", "bigquery://my-project/EU", "bigquery://my-project/europe-west1",
            "bigquery-emulator://127.0.0.1:9050/matey/us"})
    void aScratchBaseWhoseOnlySegmentLooksLikeALocationIsAmbiguous(String url) {
        assertThatThrownBy(() -> BigQueryUrl.base(MateyUrl.parse(url))).hasMessageContaining("Ambiguous BigQuery scratch base URL");
    }
}

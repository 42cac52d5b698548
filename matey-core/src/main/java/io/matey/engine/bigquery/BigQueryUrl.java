package io.matey.engine.bigquery;

import io.matey.engine.MateyUrl;
import io.matey.error.MateyException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A BigQuery target as dbmate and Python matey write it (docs/architecture.md §3): {@code
 * bigquery://project[/location]/dataset} (Application Default Credentials) or {@code
 * bigquery-emulator://host:port/project[/location]/dataset} (no credentials). URLs carry no secrets: user
 * information is refused, so the URL can be printed as it is. A scratch base may leave out the dataset.
 */
public record BigQueryUrl(boolean emulator, String endpoint, String project, Optional<String> location, String dataset) {

    static final String REAL_SCHEME = "bigquery";
    static final String EMULATOR_SCHEME = "bigquery-emulator";
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final String REAL_FORMS = "bigquery://<project>/<dataset> or bigquery://<project>/<location>/<dataset>";
    private static final String EMULATOR_FORMS = "bigquery-emulator://<host:port>/<project>/<dataset> or "
            + "bigquery-emulator://<host:port>/<project>/<location>/<dataset>";

    /** The URL of one dataset: every live command and each scratch dataset. */
    public static BigQueryUrl of(MateyUrl url) {
        return parse(url, false);
    }

    /**
     * A scratch base: a dataset URL, or one naming only the project (and, for the real service, no location: a
     * single segment is the dataset, and one that looks like a location is refused as ambiguous).
     */
    public static BigQueryUrl base(MateyUrl url) {
        return parse(url, true);
    }

    private static BigQueryUrl parse(MateyUrl url, boolean datasetOptional) {
        boolean emulator = switch (url.scheme()) {
            case REAL_SCHEME -> false;
            case EMULATOR_SCHEME -> true;
            default -> throw new MateyException("Not a BigQuery URL: " + url + "; expected " + REAL_FORMS + ".");
        };
        if (url.user() != null) {
            throw new MateyException("BigQuery URL " + url + " must not carry credentials: "
                    + (emulator ? "the emulator takes none" : "Matey uses Application Default Credentials") + ".");
        }
        List<String> segments = Arrays.stream(url.path().split("/")).filter(s -> !s.isEmpty()).toList();
        if (emulator) {
            if (url.port() < 0) {
                throw new MateyException("Invalid bigquery-emulator URL " + url + ": expected host:port, e.g. "
                        + "bigquery-emulator://127.0.0.1:9050/<project>/<dataset>.");
            }
            String endpoint = url.host() + ":" + url.port();
            return switch (segments.size()) {
                case 1 -> datasetOptional ? checked(url, true, endpoint, segments.get(0), null, "")
                        : refuse(url, true);
                case 2 -> onlyDatasetAfterProject(url, true, endpoint, segments, datasetOptional);
                case 3 -> checked(url, true, endpoint, segments.get(0), segments.get(1), segments.get(2));
                default -> refuse(url, true);
            };
        }
        if (url.port() >= 0) {
            throw new MateyException("BigQuery URL " + url + " names a port; for an emulator write "
                    + EMULATOR_FORMS + ".");
        }
        List<String> withProject = new java.util.ArrayList<>(List.of(url.host()));
        withProject.addAll(segments);
        return switch (withProject.size()) {
            case 1 -> datasetOptional ? checked(url, false, null, url.host(), null, "") : refuse(url, false);
            case 2 -> onlyDatasetAfterProject(url, false, null, withProject, datasetOptional);
            case 3 -> checked(url, false, null, withProject.get(0), withProject.get(1), withProject.get(2));
            default -> refuse(url, false);
        };
    }

    /** {@code project/x}: x is the dataset, unless it looks like a location ({@code us}, {@code eu}, {@code europe-west1}). */
    private static BigQueryUrl onlyDatasetAfterProject(MateyUrl url, boolean emulator, String endpoint, List<String> parts,
            boolean scratchBase) {
        String second = parts.get(1);
        if (scratchBase && looksLikeLocation(second)) {
            throw new MateyException("Ambiguous BigQuery scratch base URL " + url + ": '" + second
                    + "' looks like a location, not a dataset; write " + forms(emulator)
                    + " (the dataset part is replaced by each scratch dataset's name).");
        }
        return checked(url, emulator, endpoint, parts.get(0), null, second);
    }

    private static boolean looksLikeLocation(String segment) {
        return segment.equalsIgnoreCase("us") || segment.equalsIgnoreCase("eu") || segment.contains("-");
    }

    private static BigQueryUrl checked(MateyUrl url, boolean emulator, String endpoint, String project, String location,
            String dataset) {
        if (!dataset.isEmpty() && !DATASET.matcher(dataset).matches()) {
            throw new MateyException("BigQuery URL " + url + ": '" + dataset + "' is not a valid dataset name "
                    + "(letters, digits and underscores, at most 1024).");
        }
        return new BigQueryUrl(emulator, endpoint, project, Optional.ofNullable(location), dataset);
    }

    private static BigQueryUrl refuse(MateyUrl url, boolean emulator) {
        throw new MateyException((emulator ? "BigQuery emulator" : "BigQuery") + " URL " + url + " must be one of: "
                + forms(emulator) + ".");
    }

    private static String forms(boolean emulator) {
        return emulator ? EMULATOR_FORMS : REAL_FORMS;
    }

    /** The same project, location (and emulator) with another dataset: how scratch datasets are named. */
    public BigQueryUrl withDataset(String name) {
        if (!DATASET.matcher(name).matches()) {
            throw new MateyException("'" + name + "' is not a valid BigQuery dataset name (letters, digits and underscores).");
        }
        return new BigQueryUrl(emulator, endpoint, project, location, name);
    }

    public MateyUrl toMateyUrl() {
        StringBuilder sb = new StringBuilder(emulator ? EMULATOR_SCHEME + "://" + endpoint + "/" : REAL_SCHEME + "://")
                .append(project);
        location.ifPresent(l -> sb.append('/').append(l));
        if (!dataset.isEmpty()) {
            sb.append('/').append(dataset);
        }
        return MateyUrl.parse(sb.toString());
    }

    @Override
    public String toString() {
        return toMateyUrl().toString();
    }
}

package io.matey.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of Matey's start-up check, endpoint and health, under {@code matey.*}. */
@ConfigurationProperties("matey")
public class MateyProperties {

    /** Whether to check the application's databases against the committed Matey artifacts. */
    private boolean enabled = true;

    /** Location of the Matey workspace (the directory with matey.toml): a classpath location or a directory. */
    private String workspace = "classpath:db/matey";

    /** Target served by the application's DataSource; defaults to the workspace's only target, else ".". */
    private String primaryTarget;

    /** Targets to manage besides the primary one, by target path, with where each connects. */
    private Map<String, Target> targets = new LinkedHashMap<>();

    /** Whether to compare every managed database with the committed artifacts during start-up. */
    private boolean verifyOnStartup = true;

    /** Whether to apply pending migrations under the migration lock during start-up, then verify. */
    private boolean migrateOnStartup = false;

    /** What drift or stale artifacts found during start-up do: fail stops the start-up, warn logs and reports. */
    private OnDrift onDrift = OnDrift.FAIL;

    private final Health health = new Health();

    private final Endpoint endpoint = new Endpoint();

    /** What a failed verification does during start-up. */
    public enum OnDrift {
        /** Stop the start-up with a failure analysis. */
        FAIL,
        /** Log a warning, start, and report the target DOWN in health. */
        WARN
    }

    /** Where one target's live database is reached; the first of data-source, url and url-env that is set wins. */
    public static class Target {

        /** Whether to manage this target. */
        private boolean enabled = true;

        /** Name of the DataSource bean that reaches this target's database. */
        private String dataSource;

        /** Matey URL of this target's database, such as postgres://user@host:5432/db. */
        private String url;

        /** Environment variable or property holding this target's Matey URL; defaults to url_env of its config.toml. */
        private String urlEnv;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUrlEnv() {
            return urlEnv;
        }

        public void setUrlEnv(String urlEnv) {
            this.urlEnv = urlEnv;
        }
    }

    public static class Health {

        /** Health status reported while migrations are pending, such as UP or OUT_OF_SERVICE. */
        private String pendingStatus = "UP";

        public String getPendingStatus() {
            return pendingStatus;
        }

        public void setPendingStatus(String pendingStatus) {
            this.pendingStatus = pendingStatus;
        }
    }

    public static class Endpoint {

        /** Whether the matey actuator endpoint exposes its migrate write operation. */
        private boolean writeEnabled = false;

        public boolean isWriteEnabled() {
            return writeEnabled;
        }

        public void setWriteEnabled(boolean writeEnabled) {
            this.writeEnabled = writeEnabled;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    public String getPrimaryTarget() {
        return primaryTarget;
    }

    public void setPrimaryTarget(String primaryTarget) {
        this.primaryTarget = primaryTarget;
    }

    public Map<String, Target> getTargets() {
        return targets;
    }

    public void setTargets(Map<String, Target> targets) {
        this.targets = targets;
    }

    public boolean isVerifyOnStartup() {
        return verifyOnStartup;
    }

    public void setVerifyOnStartup(boolean verifyOnStartup) {
        this.verifyOnStartup = verifyOnStartup;
    }

    public boolean isMigrateOnStartup() {
        return migrateOnStartup;
    }

    public void setMigrateOnStartup(boolean migrateOnStartup) {
        this.migrateOnStartup = migrateOnStartup;
    }

    public OnDrift getOnDrift() {
        return onDrift;
    }

    public void setOnDrift(OnDrift onDrift) {
        this.onDrift = onDrift;
    }

    public Health getHealth() {
        return health;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }
}
